"""Legal status: from dates, relations and overrides, as time passes."""

from commune_portal import legal_status
from commune_portal.behaviors.official_document import IOfficialDocument
from datetime import date
from datetime import UTC
from plone import api
from tests.helpers import make_document
from tests.helpers import reach_state
import pytest


D = date


@pytest.mark.parametrize(
    "issued,effective,expiry,ended,override,on,expected",
    [
        (D(2026, 1, 5), None, None, None, None, D(2026, 1, 5), "in_force"),
        (D(2026, 1, 5), None, None, None, None, D(2026, 1, 4), "pending"),
        (D(2026, 1, 5), D(2026, 2, 1), None, None, None, D(2026, 1, 31), "pending"),
        (D(2026, 1, 5), D(2026, 2, 1), None, None, None, D(2026, 2, 1), "in_force"),
        (D(2024, 1, 5), None, D(2025, 12, 31), None, None, D(2025, 12, 30), "in_force"),
        (D(2024, 1, 5), None, D(2025, 12, 31), None, None, D(2025, 12, 31), "expired"),
        (D(2024, 1, 5), None, None, D(2026, 3, 1), None, D(2026, 2, 28), "in_force"),
        (D(2024, 1, 5), None, None, D(2026, 3, 1), None, D(2026, 3, 1), "expired"),
        (
            D(2024, 1, 5),
            None,
            D(2030, 1, 1),
            D(2026, 3, 1),
            None,
            D(2027, 1, 1),
            "expired",
        ),
        (None, None, None, None, None, D(2026, 1, 1), "in_force"),
        (
            D(2024, 1, 5),
            None,
            None,
            D(2025, 1, 1),
            "in_force",
            D(2026, 1, 1),
            "in_force",
        ),
        (D(2024, 1, 5), None, None, None, "expired", D(2026, 1, 1), "expired"),
        (D(2024, 1, 5), None, None, None, "pending", D(2026, 1, 1), "pending"),
        (
            D(2024, 1, 5),
            None,
            None,
            None,
            "partly_expired",
            D(2026, 1, 1),
            "partly_expired",
        ),
        (D(2024, 1, 5), None, None, None, "suspended", D(2026, 1, 1), "suspended"),
    ],
)
def test_status_from_the_window(
    issued, effective, expiry, ended, override, on, expected
):
    window = legal_status.window(issued, effective, expiry, ended, override)
    assert legal_status.status_on(*window, on=on) == expected


def test_today_is_vietnamese():
    # 23:30 UTC is already the next day in Hà Nội.
    from datetime import datetime

    late = datetime(2026, 1, 4, 23, 30, tzinfo=UTC)
    assert late.astimezone(legal_status.TIMEZONE).date() == D(2026, 1, 5)


def _catalog_statuses(portal, day):
    catalog = api.portal.get_tool("portal_catalog")
    return {
        status: sorted(
            b.getId
            for b in catalog(
                portal_type="Directive", **legal_status.status_query(status, on=day)
            )
        )
        for status in legal_status.STATUSES
    }


class TestTimePasses:
    """A document whose effective date arrives is in force the next day,
    in the object, in catalog queries and in REST, without any edit."""

    @pytest.fixture
    def documents(self, portal):
        make_document(
            portal,
            "kh-01",
            "Kế hoạch tổ chức Tết Nguyên đán 2027",
            document_number="120/KH-UBND",
            issue_date=D(2026, 11, 20),
            effective_date=D(2026, 12, 1),
        )
        make_document(
            portal,
            "qd-02",
            "Quyết định ban hành Quy chế tiếp công dân",
            document_number="45/QĐ-UBND",
            issue_date=D(2025, 3, 10),
            # "hết hiệu lực kể từ ngày 01/12/2026": expired on that day.
            expiry_date=D(2026, 12, 1),
        )
        return portal

    def test_on_the_eve(self, documents, frozen_today):
        frozen_today(D(2026, 11, 30))
        assert IOfficialDocument(documents["kh-01"]).legal_status == "pending"
        assert IOfficialDocument(documents["qd-02"]).legal_status == "in_force"
        found = _catalog_statuses(documents, D(2026, 11, 30))
        assert found["pending"] == ["kh-01"]
        assert found["in_force"] == ["qd-02"]

    def test_the_next_day(self, documents, frozen_today):
        frozen_today(D(2026, 12, 1))
        assert IOfficialDocument(documents["kh-01"]).legal_status == "in_force"
        assert IOfficialDocument(documents["qd-02"]).legal_status == "expired"
        found = _catalog_statuses(documents, D(2026, 12, 1))
        assert found["in_force"] == ["kh-01"]
        assert found["expired"] == ["qd-02"]
        assert found["pending"] == []


class TestRelationsEndDocuments:
    @pytest.fixture
    def old(self, portal):
        return make_document(
            portal,
            "qd-cu",
            "Quyết định ban hành Quy chế làm việc của UBND xã",
            document_number="12/QĐ-UBND",
            issue_date=D(2024, 2, 1),
        )

    def test_replaced_by_a_published_document(self, portal, old, frozen_today):
        frozen_today(D(2026, 6, 1))
        make_document(
            portal,
            "qd-moi",
            "Quyết định ban hành Quy chế làm việc mới",
            document_number="30/QĐ-UBND",
            issue_date=D(2026, 3, 1),
            effective_date=D(2026, 3, 15),
            replaces=[old],
        )
        assert IOfficialDocument(old).legal_status == "expired"
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog(UID=old.UID())
        assert brain.legal_window == ("dated", 20240201, 20260315)
        assert (
            legal_status.status_on(*brain.legal_window, on=D(2026, 3, 14)) == "in_force"
        )

    def test_a_draft_replacement_changes_nothing(self, portal, old, frozen_today):
        frozen_today(D(2026, 6, 1))
        make_document(
            portal,
            "qd-nhap",
            "Dự thảo quyết định thay thế",
            document_number="31/QĐ-UBND",
            issue_date=D(2026, 3, 1),
            replaces=[old],
            publish=False,
        )
        assert IOfficialDocument(old).legal_status == "in_force"

    def test_retracting_or_deleting_the_replacement_restores(
        self, portal, old, frozen_today
    ):
        frozen_today(D(2026, 6, 1))
        new = make_document(
            portal,
            "qd-moi",
            "Quyết định thay thế",
            document_number="30/QĐ-UBND",
            issue_date=D(2026, 3, 1),
            repeals=[old],
        )
        catalog = api.portal.get_tool("portal_catalog")
        assert catalog(UID=old.UID())[0].legal_window[2] == 20260301
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(new, "retract")
        assert catalog(UID=old.UID())[0].legal_window[2] == legal_status.END_OF_TIME
        reach_state(new)
        with api.env.adopt_roles(["Manager"]):
            assert IOfficialDocument(old).legal_status == "expired"
            api.content.delete(new, check_linkintegrity=False)
        assert IOfficialDocument(old).legal_status == "in_force"
        assert catalog(UID=old.UID())[0].legal_window[2] == legal_status.END_OF_TIME

    def test_amending_keeps_in_force(self, portal, old, frozen_today):
        frozen_today(D(2026, 6, 1))
        make_document(
            portal,
            "qd-sua",
            "Quyết định sửa đổi, bổ sung Quy chế làm việc",
            document_number="32/QĐ-UBND",
            issue_date=D(2026, 3, 1),
            amends=[old],
        )
        assert IOfficialDocument(old).legal_status == "in_force"

    def test_override_wins(self, portal, old, frozen_today):
        frozen_today(D(2026, 6, 1))
        IOfficialDocument(old).legal_status_override = "suspended"
        old.reindexObject()
        assert IOfficialDocument(old).legal_status == "suspended"
        found = _catalog_statuses(portal, D(2026, 6, 1))
        assert found["suspended"] == ["qd-cu"]
        assert found["in_force"] == []


def test_effective_date_is_not_the_publication_date(portal):
    """Plone keeps the publication date in ``effective_date``; ours lives
    apart, so neither moves the other."""
    from DateTime import DateTime

    obj = make_document(
        portal,
        "kh-05",
        "Kế hoạch phòng, chống thiên tai năm 2026",
        document_number="05/KH-UBND",
        issue_date=D(2026, 1, 5),
        effective_date=D(2026, 1, 10),
    )
    obj.setEffectiveDate(DateTime("2026/11/23 08:00 GMT+7"))
    assert IOfficialDocument(obj).effective_date == D(2026, 1, 10)
    IOfficialDocument(obj).effective_date = D(2026, 1, 12)
    assert obj.EffectiveDate().startswith("2026-11-23")
