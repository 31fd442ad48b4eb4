"""Back up and restore the database of either storage (docs/deployment.md,
"Backups").

Usage (``make backup`` / ``make restore`` call it)::

    .venv/bin/python scripts/cluster/backup.py backup  --storage filestorage
    .venv/bin/python scripts/cluster/backup.py restore --storage filestorage [--date D]
    .venv/bin/python scripts/cluster/backup.py backup  --storage relstorage
    .venv/bin/python scripts/cluster/backup.py restore --storage relstorage [--file F]

FileStorage (``make start``: ``instance/var/filestorage/Data.fs`` and
``instance/var/blobstorage``): ``repozo`` writes a full backup the first
time and incremental ones after (``var/backups/filestorage/``); then the
blob folder is copied beside it, named after the backup (blobs are
immutable files: a copy taken after repozo's snapshot holds every blob the
snapshot refers to). Restore (Zope stopped): repozo rebuilds ``Data.fs`` as
of the latest backup or ``--date``, and the blob copy of that backup
replaces the blob folder.

RelStorage (``make start-cluster``: blobs are in the database): ``pg_dump
--format=custom`` reads one consistent snapshot while Zope keeps writing
(``var/backups/relstorage/commune-<time>.dump``). Restore stops the Zope
processes, recreates the database from the dump with ``pg_restore``, empties
their blob caches (they could hold blobs of the state left behind) and
starts them again.
"""

from pathlib import Path
import argparse
import datetime
import glob
import os
import shutil
import subprocess
import sys


HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cluster import BIN  # noqa: E402
from cluster import ClusterError  # noqa: E402
from cluster import from_environment  # noqa: E402
from cluster import log  # noqa: E402
from cluster import pg_bin  # noqa: E402
from cluster import REPOSITORY  # noqa: E402


BACKUPS = REPOSITORY / "var" / "backups"


# -- FileStorage --------------------------------------------------------------


def backup_filestorage(data_fs, blob_dir, target):
    """repozo (full, then incremental) of ``data_fs`` into
    ``target/filestorage``, then a copy of ``blob_dir`` named after it.
    Returns the name of the backup (repozo's time stamp)."""
    data_fs, blob_dir, target = Path(data_fs), Path(blob_dir), Path(target)
    if not data_fs.exists():
        raise ClusterError(f"no FileStorage at {data_fs}: nothing to back up")
    repository = target / "filestorage"
    repository.mkdir(parents=True, exist_ok=True)
    before = set(os.listdir(repository))
    subprocess.run(
        [str(BIN / "repozo"), "-B", "-z", "-r", str(repository), "-f", str(data_fs)],
        check=True,
    )
    new = sorted(
        name
        for name in set(os.listdir(repository)) - before
        if name.endswith((".fsz", ".deltafsz", ".fs", ".deltafs"))
    )
    if not new:
        log("repozo found no change since the last backup")
        return None
    stamp = new[-1].split(".")[0]  # 2026-12-03-14-20-05
    blobs = target / f"blobstorage-{stamp}"
    if blob_dir.exists():
        shutil.copytree(blob_dir, blobs, symlinks=True)
    else:
        blobs.mkdir()
    log(f"FileStorage backed up: {repository}/{new[-1]}, blobs in {blobs}")
    return stamp


def restore_filestorage(data_fs, blob_dir, target, date=None):
    """Rebuild ``data_fs`` and ``blob_dir`` as of the latest backup in
    ``target`` (or the latest at or before ``date``,
    ``YYYY-MM-DD-HH-MM-SS``). Zope must not run on them."""
    data_fs, blob_dir, target = Path(data_fs), Path(blob_dir), Path(target)
    stamps = sorted(
        path.name[len("blobstorage-") :] for path in target.glob("blobstorage-*")
    )
    if date:
        stamps = [stamp for stamp in stamps if stamp <= date]
    if not stamps:
        raise ClusterError(
            f"no backup in {target}" + (f" at or before {date}" if date else "")
        )
    stamp = stamps[-1]
    lock = data_fs.with_suffix(".fs.lock")
    if lock.exists():
        try:
            import zc.lockfile

            zc.lockfile.LockFile(str(lock)).close()
        except zc.lockfile.LockError as error:
            raise ClusterError(
                f"{data_fs} is open (a Zope runs on it): stop it first"
            ) from error
    data_fs.parent.mkdir(parents=True, exist_ok=True)
    restored = data_fs.with_name(data_fs.name + ".restored")
    subprocess.run(
        [
            str(BIN / "repozo"),
            "-R",
            "-r",
            str(target / "filestorage"),
            "-D",
            stamp,
            "-o",
            str(restored),
        ],
        check=True,
    )
    for suffix in (".index", ".tmp", ".lock"):
        data_fs.with_name(data_fs.name + suffix).unlink(missing_ok=True)
    restored.replace(data_fs)
    if blob_dir.exists():
        shutil.rmtree(blob_dir)
    shutil.copytree(target / f"blobstorage-{stamp}", blob_dir, symlinks=True)
    log(f"FileStorage restored as of {stamp}: {data_fs}, {blob_dir}")
    return stamp


# -- RelStorage ---------------------------------------------------------------


def backup_relstorage(cluster, target):
    """``pg_dump`` of the cluster's database into ``target``; the file."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H-%M-%S")
    dump = target / f"{cluster.database}-{stamp}.dump"
    subprocess.run(
        [
            os.path.join(cluster_pg_bin(), "pg_dump"),
            "--format=custom",
            "--host=127.0.0.1",
            f"--port={cluster.pg_port}",
            f"--username={cluster.user}",
            f"--file={dump}",
            cluster.database,
        ],
        check=True,
    )
    log(f"RelStorage backed up: {dump} ({dump.stat().st_size / 2**20:.1f} MiB)")
    return dump


def restore_relstorage(cluster, dump):
    """Recreate the cluster's database from ``dump``, with its Zope
    processes stopped meanwhile and started again after (those that ran)."""
    dump = Path(dump)
    if not dump.exists():
        raise ClusterError(f"no dump at {dump}")
    running = cluster.running_ports()
    for port in running:
        cluster.stop_zope(port)
    connection = cluster.connect("postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        # Scripts (zconsole) may still hold connections: end them.
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (cluster.database,),
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{cluster.database}"')
        cursor.execute(f'CREATE DATABASE "{cluster.database}"')
    connection.close()
    subprocess.run(
        [
            os.path.join(cluster_pg_bin(), "pg_restore"),
            "--host=127.0.0.1",
            f"--port={cluster.pg_port}",
            f"--username={cluster.user}",
            f"--dbname={cluster.database}",
            "--no-owner",
            str(dump),
        ],
        check=True,
    )
    for cache in glob.glob(str(cluster.root / "blobcache-*")):
        shutil.rmtree(cache)
        os.mkdir(cache)
    log(f"RelStorage restored from {dump}")
    if running:
        cluster.start_zopes(running)
    return dump


def cluster_pg_bin():
    folder = pg_bin()
    if folder is None:
        raise ClusterError("PostgreSQL's binaries (pg_dump, pg_restore) not found")
    return folder


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["backup", "restore"])
    parser.add_argument(
        "--storage", choices=["filestorage", "relstorage"], default="filestorage"
    )
    parser.add_argument("--target", type=Path, help="the backups' folder")
    parser.add_argument("--date", help="FileStorage: restore as of this backup")
    parser.add_argument("--file", type=Path, help="RelStorage: the dump to restore")
    parser.add_argument(
        "--data-fs", type=Path, default=REPOSITORY / "instance/var/filestorage/Data.fs"
    )
    parser.add_argument(
        "--blob-dir", type=Path, default=REPOSITORY / "instance/var/blobstorage"
    )
    args = parser.parse_args(argv)
    target = args.target or BACKUPS / args.storage
    try:
        if args.storage == "filestorage":
            if args.command == "backup":
                backup_filestorage(args.data_fs, args.blob_dir, target)
            else:
                restore_filestorage(args.data_fs, args.blob_dir, target, args.date)
        else:
            cluster = from_environment()
            if not cluster.postgres_running():
                raise ClusterError("PostgreSQL does not run: make start-cluster first")
            if args.command == "backup":
                backup_relstorage(cluster, target)
            else:
                dump = args.file or max(target.glob("*.dump"), default=None)
                if dump is None:
                    raise ClusterError(f"no dump in {target}")
                restore_relstorage(cluster, dump)
    except (ClusterError, subprocess.CalledProcessError) as error:
        print(f"[backup] error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
