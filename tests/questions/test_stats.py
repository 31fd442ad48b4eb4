"""Statistics of the board against a known set of questions:
``questions.stats``, ``GET @questions-stats`` and ``@@questions-stats``."""

from commune_portal.questions import stats
from commune_portal.questions.stats import working_days
from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone import api
from tests.conftest import PASSWORD
from tests.questions.helpers import make_question
import pytest
import pytz
import re
import requests
import transaction


VIETNAM = pytz.timezone("Asia/Ho_Chi_Minh")
TODAY = date(2026, 2, 20)  # a Friday


@pytest.mark.parametrize(
    "start,end,days",
    [
        (date(2026, 1, 5), date(2026, 1, 5), 0),  # same day
        (date(2026, 1, 5), date(2026, 1, 6), 1),
        (date(2026, 1, 9), date(2026, 1, 12), 1),  # Friday to Monday
        (date(2026, 1, 10), date(2026, 1, 11), 0),  # a weekend
        (date(2026, 1, 5), date(2026, 1, 12), 5),
        (date(2026, 1, 9), date(2026, 1, 19), 6),
        (date(2026, 2, 2), date(2026, 2, 20), 14),
        (date(2025, 12, 30), date(2026, 1, 2), 3),
        (date(2026, 1, 12), date(2026, 1, 5), 0),  # never negative
    ],
)
def test_working_days(start, end, days):
    assert working_days(start, end) == days


def _question(section, state, created, answered=None, sector=None):
    obj = make_question(
        section,
        state,
        answer="<p>Trả lời.</p>" if state in ("answered", "published") else None,
        sector=sector,
        title=f"Câu hỏi ngày {created.isoformat()}",
    )
    obj.creation_date = DateTime(f"{created.isoformat()} 09:00:00 GMT+7")
    if answered is not None:
        obj.answered_date = VIETNAM.localize(datetime(*answered.timetuple()[:3], 10))
    obj.reindexObject()
    return obj


@pytest.fixture
def known(section, monkeypatch):
    """Seven questions; the deadline is 5 working days; today is
    20/02/2026."""
    monkeypatch.setattr(stats, "today", lambda: TODAY)
    api.portal.set_registry_record("commune_portal.question_answer_deadline", 5)
    d = date
    _question(section, "published", d(2026, 1, 5), d(2026, 1, 12), "Hộ tịch")  # 5
    _question(section, "answered", d(2026, 1, 9), d(2026, 1, 19), "Hộ tịch")  # 6, late
    _question(section, "published", d(2026, 2, 5), d(2026, 2, 6), "Chứng thực")  # 1
    _question(section, "assigned", d(2026, 2, 2), None, "Chứng thực")  # open, late
    _question(section, "submitted", d(2026, 2, 18), None, None)  # open, in time
    _question(section, "rejected", d(2026, 1, 20), None, "Hộ tịch")
    _question(section, "published", d(2025, 12, 30), d(2026, 1, 2), "Hộ tịch")  # 3
    transaction.commit()
    return section


def tally(received, answered, rejected, open_, overdue, overdue_open, average, worst):
    return {
        "received": received,
        "answered": answered,
        "rejected": rejected,
        "open": open_,
        "overdue": overdue,
        "overdue_open": overdue_open,
        "average_days": average,
        "worst_days": worst,
    }


def test_all_years(known):
    result = stats.statistics(known)
    assert result["deadline_days"] == 5
    assert result["on"] == TODAY
    assert result["total"] == tally(7, 4, 1, 2, 2, 1, 3.8, 6)
    assert [m["month"] for m in result["by_month"]] == ["2025-12", "2026-01", "2026-02"]


def test_one_year_per_sector_and_month(known):
    result = stats.statistics(known, year=2026)
    assert result["total"] == tally(6, 3, 1, 2, 2, 1, 4.0, 6)
    by_sector = {row["sector"]: row for row in result["by_sector"]}
    assert [row["sector"] for row in result["by_sector"]] == [
        "Chứng thực",
        "Hộ tịch",
        None,
    ]
    assert by_sector["Hộ tịch"]["token"] == "ho-tich"
    assert {k: by_sector["Hộ tịch"][k] for k in tally(0, 0, 0, 0, 0, 0, 0, 0)} == (
        tally(3, 2, 1, 0, 1, 0, 5.5, 6)
    )
    assert {k: by_sector["Chứng thực"][k] for k in tally(0, 0, 0, 0, 0, 0, 0, 0)} == (
        tally(2, 1, 0, 1, 1, 1, 1.0, 1)
    )
    assert by_sector[None]["received"] == 1
    assert by_sector[None]["average_days"] is None
    months = {row["month"]: row for row in result["by_month"]}
    assert sorted(months) == ["2026-01", "2026-02"]
    assert months["2026-01"]["received"] == 3
    assert months["2026-01"]["worst_days"] == 6
    assert months["2026-02"]["overdue_open"] == 1


class TestOverHttp:
    @pytest.fixture
    def moderator(self, known, user_with_roles):
        user_with_roles("tiepnhan")
        api.user.grant_roles(
            username="tiepnhan", obj=known, roles=["QuestionModerator"]
        )
        known.reindexObjectSecurity()
        transaction.commit()
        return ("tiepnhan", PASSWORD)

    def test_rest_gives_the_same_numbers(self, known, moderator):
        response = requests.get(
            f"{known.absolute_url()}/@questions-stats",
            params={"year": "2026"},
            headers={"Accept": "application/json"},
            auth=moderator,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        expected = stats.statistics(known, year=2026)
        expected["on"] = expected["on"].isoformat()
        assert body["@id"].endswith("/hoi-dap/@questions-stats")
        del body["@id"]
        assert body == expected

    def test_bad_year(self, known, moderator):
        for params in ({"year": "hai nghìn"}, {"year": "1999"}, {"sector": "x"}):
            response = requests.get(
                f"{known.absolute_url()}/@questions-stats",
                params=params,
                headers={"Accept": "application/json"},
                auth=moderator,
            )
            assert response.status_code == 400, params
            assert response.json()["error"]["parameter"] in ("year", "sector")

    def test_page(self, known, moderator):
        html = requests.get(
            f"{known.absolute_url()}/@@questions-stats",
            params={"year": "2026"},
            auth=moderator,
        ).text
        row = re.search(r'<tr class="questions-stats-total">(.*?)</tr>', html, re.S)[1]
        cells = re.findall(r"<td>([^<]*)</td>", row)
        assert cells == ["6", "3", "1", "2", "4,0", "6", "2"]

    def test_the_leaders_read_the_numbers(self, known, user_with_roles):
        user, password = user_with_roles("lanhdao", "CommuneApprover")
        response = requests.get(
            f"{known.absolute_url()}/@questions-stats",
            headers={"Accept": "application/json"},
            auth=(user, password),
        )
        assert response.status_code == 200

    @pytest.mark.parametrize("role", [None, "Editor", "Reviewer"])
    def test_others_do_not(self, known, user_with_roles, role):
        auth = None
        if role:
            auth = user_with_roles(role.lower(), role)
        response = requests.get(
            f"{known.absolute_url()}/@questions-stats",
            headers={"Accept": "application/json"},
            auth=auth,
        )
        assert response.status_code in (401, 403)
