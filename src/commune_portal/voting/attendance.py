"""Attendance at a session and the quorum.

The secretary marks the delegates present (``@attendance``, the page
``@@attendance``); a vote cannot open unless at least the share of the
term's seats set in the control panel (``commune_portal.council_quorum``,
default two thirds) is present. Marks are kept per delegate in a BTree on
the session (who marked, when, and the earlier marks), so that two
secretaries marking different delegates at once do not conflict.
"""

from BTrees.OOBTree import OOBTree
from commune_portal import _
from commune_portal.voting.council import delegates_of
from commune_portal.voting.council import seats_of
from commune_portal.voting.errors import VoteRefused
from commune_portal.voting.shares import at_least
from commune_portal.voting.shares import InvalidShare
from commune_portal.voting.shares import needed_at_least
from commune_portal.voting.shares import parse_share
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations
import datetime


ATTENDANCE_KEY = "commune_portal.attendance"
QUORUM_RECORD = "commune_portal.council_quorum"
DEFAULT_QUORUM = "2/3"


class Attendance(Persistent):
    """``marks``: delegate UID → tuple of ``(present, when, by)``, newest
    last (a mark never erases the earlier ones)."""

    def __init__(self):
        self.marks = OOBTree()


def _now():
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def attendance_of(session, create=False):
    """The session's attendance (``None`` when nobody was marked and
    ``create`` is false: reading writes nothing)."""
    annotations = IAnnotations(session)
    attendance = annotations.get(ATTENDANCE_KEY)
    if attendance is None and create:
        attendance = annotations[ATTENDANCE_KEY] = Attendance()
    return attendance


def present_uids(session):
    """UIDs of the term's delegates marked present, in folder order."""
    attendance = attendance_of(session)
    if attendance is None:
        return []
    return [
        d.UID()
        for d in delegates_of(session)
        if (attendance.marks.get(d.UID()) or ((False,),))[-1][0]
    ]


def mark_present(session, uids, by):
    """Exactly the delegates ``uids`` are present; the others are absent.
    Refuses UIDs that are not delegates of the session's term."""
    delegates = {d.UID() for d in delegates_of(session)}
    wanted = set(uids)
    unknown = sorted(wanted - delegates)
    if unknown:
        raise VoteRefused(
            400,
            _(
                "Not delegates of this term: ${uids}.",
                mapping={"uids": ", ".join(unknown)},
            ),
            "present",
        )
    attendance = attendance_of(session, create=True)
    when = _now()
    for uid in sorted(delegates):
        present = uid in wanted
        marks = attendance.marks.get(uid, ())
        # Unchanged marks are not written again: no needless conflicts.
        if (marks[-1][0] if marks else False) != present:
            attendance.marks[uid] = (*marks, (present, when, by))


def quorum_share():
    """The quorum from the control panel (falls back to two thirds when
    the setting is missing or unreadable)."""
    value = api.portal.get_registry_record(QUORUM_RECORD, default=None)
    try:
        return parse_share(value or DEFAULT_QUORUM)
    except InvalidShare:
        return parse_share(DEFAULT_QUORUM)


def quorum(session):
    """``{"seats", "present", "needed", "share", "met"}`` for the session."""
    share = quorum_share()
    seats = seats_of(session)
    present = len(present_uids(session))
    return {
        "seats": seats,
        "present": present,
        "needed": needed_at_least(seats, share),
        "share": f"{share.numerator}/{share.denominator}",
        "met": bool(seats) and at_least(present, seats, share),
    }
