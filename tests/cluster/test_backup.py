"""The restore drill (docs/deployment.md, "Backups"): back up, change the
data, restore, and find exactly the backed-up state, for FileStorage
with blobs (repozo and the blob copy) and for RelStorage (pg_dump)."""

from .conftest import ADMIN
from backup import backup_filestorage
from backup import backup_relstorage
from backup import restore_filestorage
from backup import restore_relstorage
from cluster import request
from ZODB.blob import Blob
from ZODB.DB import DB
from ZODB.FileStorage import FileStorage
import base64
import time
import transaction


def open_db(data_fs, blob_dir):
    return DB(FileStorage(str(data_fs), blob_dir=str(blob_dir)))


def write(db, items, blob_text):
    connection = db.open()
    root = connection.root()
    root["items"] = dict(items)
    blob = Blob()
    with blob.open("w") as handle:
        handle.write(blob_text.encode())
    root["file"] = blob
    transaction.commit()
    connection.close()


def state(db):
    """Everything stored: the items and the blob's bytes."""
    connection = db.open()
    root = connection.root()
    with root["file"].open("r") as handle:
        data = {"items": dict(root["items"]), "file": handle.read().decode()}
    connection.close()
    return data


def test_filestorage_backup_change_restore(tmp_path):
    data_fs = tmp_path / "filestorage" / "Data.fs"
    blob_dir = tmp_path / "blobstorage"
    data_fs.parent.mkdir()
    backups = tmp_path / "backups"

    db = open_db(data_fs, blob_dir)
    write(db, {"van-ban": "Kế hoạch 15/KH-UBND"}, "Bản ký số gốc")
    first = state(db)
    db.close()
    first_stamp = backup_filestorage(data_fs, blob_dir, backups)

    time.sleep(1.1)  # repozo names backups by the second
    db = open_db(data_fs, blob_dir)
    write(
        db,
        {"van-ban": "Kế hoạch 15/KH-UBND (sửa)", "tin-tuc": "Tin mới"},
        "Bản thay thế",
    )
    second = state(db)
    db.close()
    second_stamp = backup_filestorage(data_fs, blob_dir, backups)
    assert second_stamp and second_stamp != first_stamp

    db = open_db(data_fs, blob_dir)
    write(db, {"hdnd": "Sau bản sao lưu cuối"}, "Không được sao lưu")
    db.close()

    restore_filestorage(data_fs, blob_dir, backups)
    db = open_db(data_fs, blob_dir)
    assert state(db) == second
    db.close()

    restore_filestorage(data_fs, blob_dir, backups, date=first_stamp)
    db = open_db(data_fs, blob_dir)
    assert state(db) == first
    db.close()


def fingerprint(province, port):
    """Every catalogued item of the test site with its modification date,
    and the bytes of the test file."""
    site = province.site
    status, found = request(
        port,
        "GET",
        f"/{site}/@search?b_size=5000&metadata_fields=modified&sort_on=path",
        auth=ADMIN,
    )
    assert status == 200, found
    items = sorted(
        (item["@id"].split("/", 3)[3], item["modified"]) for item in found["items"]
    )
    status, item = request(port, "GET", f"/{site}/sao-luu", auth=ADMIN)
    download = item["file"]["download"].split("/", 3)[3]
    connection_status, data = request(port, "GET", f"/{download}", auth=ADMIN)
    return items, item["title"], data


def test_relstorage_backup_change_restore(running, tmp_path):
    site = running.site
    status, body = request(
        running.a,
        "POST",
        f"/{site}",
        {
            "@type": "File",
            "id": "sao-luu",
            "title": "Tệp trước sao lưu",
            "file": {
                "data": base64.b64encode("Bản ký số gốc".encode()).decode(),
                "encoding": "base64",
                "filename": "goc.txt",
                "content-type": "text/plain",
            },
        },
        auth=ADMIN,
    )
    assert status == 201, body
    before = fingerprint(running, running.b)
    dump = backup_relstorage(running.cluster, tmp_path)

    # Changes after the backup: an edit, a new blob, a new item, a removal.
    assert (
        request(
            running.b,
            "PATCH",
            f"/{site}/sao-luu",
            {
                "title": "Tệp sửa sau sao lưu",
                "file": {
                    "data": base64.b64encode(b"Ban thay the").decode(),
                    "encoding": "base64",
                    "filename": "moi.txt",
                    "content-type": "text/plain",
                },
            },
            auth=ADMIN,
        )[0]
        == 204
    )
    status, created = request(
        running.a,
        "POST",
        f"/{site}/tin-tuc",
        {"@type": "News Item", "title": "Tin sau sao lưu"},
        auth=ADMIN,
    )
    assert status == 201
    assert request(running.a, "DELETE", f"/{site}/van-ban", auth=ADMIN)[0] == 204
    assert fingerprint(running, running.a) != before

    restore_relstorage(running.cluster, dump)

    for port in (running.a, running.b):
        assert fingerprint(running, port) == before
        assert (
            request(port, "GET", f"/{site}/tin-tuc/{created['id']}", auth=ADMIN)[0]
            == 404
        )
        assert request(port, "GET", f"/{site}/van-ban", auth=ADMIN)[0] == 200
