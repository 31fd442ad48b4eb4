"""Attendance and quorum (``voting/attendance.py``)."""

from commune_portal.voting.attendance import attendance_of
from commune_portal.voting.attendance import mark_present
from commune_portal.voting.attendance import present_uids
from commune_portal.voting.attendance import quorum
from plone import api
from tests.voting.builders import Council
from tests.voting.builders import refused
import pytest


@pytest.fixture
def council(portal):
    return Council(portal)


def test_nobody_marked(council):
    assert attendance_of(council.session) is None
    assert quorum(council.session) == {
        "seats": 15,
        "present": 0,
        "needed": 10,
        "share": "2/3",
        "met": False,
    }
    # Reading wrote nothing.
    assert attendance_of(council.session) is None


def test_marks_and_their_history(council):
    mark_present(council.session, council.uids(10), "thuky")
    assert present_uids(council.session) == council.uids(10)
    assert quorum(council.session)["met"] is True
    mark_present(council.session, council.uids(9), "thuky2")
    assert quorum(council.session)["met"] is False
    marks = attendance_of(council.session).marks[council.delegates[9].UID()]
    assert [(present, by) for present, _when, by in marks] == [
        (True, "thuky"),
        (False, "thuky2"),
    ]
    # Unchanged marks are not written again.
    assert len(attendance_of(council.session).marks[council.delegates[0].UID()]) == 1


def test_only_delegates_of_the_term(council):
    error = refused(400, mark_present, council.session, ["khong-co"], "thuky")
    assert error.parameter == "present"
    assert attendance_of(council.session) is None


@pytest.mark.parametrize(
    "share,seats,needed",
    [("2/3", 15, 10), ("2/3", 14, 10), ("1/2", 15, 8), ("1/2", 14, 7), ("3/4", 15, 12)],
)
def test_quorum_share(portal, share, seats, needed):
    council = Council(portal, delegates=seats, seats=seats, linked=0)
    api.portal.set_registry_record("commune_portal.council_quorum", share)
    assert quorum(council.session)["needed"] == needed
    council.mark_present(needed - 1)
    assert quorum(council.session)["met"] is False
    council.mark_present(needed)
    assert quorum(council.session)["met"] is True


def test_the_control_panel_refuses_a_share_that_is_not_one(portal):
    from commune_portal.controlpanels.settings import ICommuneSettings
    from commune_portal.voting.shares import InvalidShare

    field = ICommuneSettings["council_quorum"]
    for value in ("3/2", "0/3", "hai phần ba", "2/0"):
        with pytest.raises(InvalidShare):
            field.validate(value)
    field.validate("2/3")
