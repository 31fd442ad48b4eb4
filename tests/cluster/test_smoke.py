"""Two Zope processes on one RelStorage database: what one writes, the
other reads at once; the province script is idempotent."""

from .conftest import ADMIN
from .conftest import SITES
from cluster import request


def test_write_on_one_process_read_on_the_other(running):
    site = running.site
    status, created = request(
        running.a,
        "POST",
        f"/{site}/tin-tuc",
        {"@type": "News Item", "title": "Tin viết qua tiến trình A"},
        auth=ADMIN,
    )
    assert status == 201, created
    path = f"/{site}/tin-tuc/{created['id']}"

    status, item = request(running.b, "GET", path, auth=ADMIN)
    assert status == 200, item
    assert item["title"] == "Tin viết qua tiến trình A"
    assert item["UID"] == created["UID"]

    # And back: an edit through B is what A serves next.
    status, _ = request(
        running.b, "PATCH", path, {"title": "Tin sửa qua tiến trình B"}, auth=ADMIN
    )
    assert status == 204
    status, item = request(running.a, "GET", path, auth=ADMIN)
    assert item["title"] == "Tin sửa qua tiến trình B"
    # The catalog is shared too: B's search finds A's item by its new title.
    status, found = request(
        running.b,
        "GET",
        f"/{site}/@search?UID={created['UID']}&metadata_fields=Title",
        auth=ADMIN,
    )
    assert [entry["Title"] for entry in found["items"]] == ["Tin sửa qua tiến trình B"]


def test_province_made_each_site_with_its_settings(running):
    assert running.first_run.count("site created") == len(SITES)
    for site_id, name in SITES:
        status, settings = request(
            running.b, "GET", f"/{site_id}/@controlpanels/commune-portal", auth=ADMIN
        )
        assert status == 200, settings
        assert settings["data"]["commune_name"] == name
        assert settings["data"]["province"] == "Thành phố Hải Phòng"
        assert settings["data"]["issuing_bodies"] == [
            "Hội đồng nhân dân",
            "Ủy ban nhân dân",
        ]
        # The standard sections of the structure profile.
        for section in ("van-ban", "thu-tuc-hanh-chinh", "hdnd", "tin-tuc"):
            assert (
                request(running.a, "GET", f"/{site_id}/{section}", auth=ADMIN)[0] == 200
            )


def test_province_again_changes_nothing_and_keeps_what_an_administrator_set(running):
    site_id = SITES[1][0]
    status, _ = request(
        running.a,
        "PATCH",
        f"/{site_id}/@controlpanels/commune-portal",
        {"commune_name": "Phường Hồng Bàng (mới)"},
        auth=ADMIN,
    )
    assert status == 204

    output = running.province()

    assert "nothing to change" in output
    assert output.count(": unchanged in") == len(SITES)
    status, settings = request(
        running.b, "GET", f"/{site_id}/@controlpanels/commune-portal", auth=ADMIN
    )
    assert settings["data"]["commune_name"] == "Phường Hồng Bàng (mới)"
