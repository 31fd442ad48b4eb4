"""Legal status (tình trạng hiệu lực) of official documents.

A document's status follows from its dates and from later documents:

- before its effective date (or issue date when it has none) it is
  ``pending``; from then on ``in_force``;
- from its expiry date, or from the day a *published* document that
  replaces (thay thế) or repeals (bãi bỏ) it takes effect, it is
  ``expired``; amending (sửa đổi, bổ sung) does not change the status;
- an editor's override wins.

Time passes without anyone editing: the catalog therefore stores no status
that goes stale, but the *validity window* ``[legal_start, legal_end)`` and a
``legal_mode`` (``dated``, or a status that dates do not decide). The status
on a given day is a pure function of those three values, computed the same
way by the views, by REST and by catalog queries (``status_query``). An
override of ``pending``, ``in_force`` or ``expired`` is folded into the
window, so that one catalog query answers each status.
"""

from datetime import datetime
from zoneinfo import ZoneInfo


TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")

DATED = "dated"
# Day numbers (YYYYMMDD) of an open window.
BEGINNING = 10101
END_OF_TIME = 99991231

PENDING = "pending"
IN_FORCE = "in_force"
PARTLY_EXPIRED = "partly_expired"
EXPIRED = "expired"
SUSPENDED = "suspended"
STATUSES = (PENDING, IN_FORCE, PARTLY_EXPIRED, EXPIRED, SUSPENDED)

# Relations from a later document that end this one.
ENDING_RELATIONS = ("replaces", "repeals")


def today():
    """Today in Vietnam (Asia/Ho_Chi_Minh), whatever the server's zone."""
    return datetime.now(TIMEZONE).date()


def day_number(value):
    """``date(2026, 1, 5)`` -> ``20260105``; ``None`` stays ``None``."""
    if value is None:
        return None
    return value.year * 10000 + value.month * 100 + value.day


def window(issue_date, effective_date, expiry_date, ended_on=None, override=None):
    """Return ``(mode, start, end)`` as day numbers: what the catalog keeps.

    ``ended_on`` is the earliest day a published later document replaces or
    repeals this one.
    """
    if override in (PARTLY_EXPIRED, SUSPENDED):
        return override, END_OF_TIME, END_OF_TIME
    if override == IN_FORCE:
        return DATED, BEGINNING, END_OF_TIME
    if override == PENDING:
        return DATED, END_OF_TIME, END_OF_TIME
    if override == EXPIRED:
        return DATED, BEGINNING, BEGINNING
    start = day_number(effective_date or issue_date) or BEGINNING
    ends = [d for d in (day_number(expiry_date), day_number(ended_on)) if d]
    return DATED, start, min(ends) if ends else END_OF_TIME


def status_on(mode, start, end, on=None):
    """The status on day ``on`` (default: today in Vietnam)."""
    return status_on_day(mode, start, end, day_number(on or today()))


def status_on_day(mode, start, end, day):
    """``status_on`` for a day number: listings compute the day once."""
    if mode != DATED:
        return mode
    if end <= day:
        return EXPIRED
    if start > day:
        return PENDING
    return IN_FORCE


def status_query(status, on=None):
    """Catalog query (a dict of index criteria) for documents in ``status``
    on day ``on``: one AND query for every status."""
    if status not in (PENDING, IN_FORCE, EXPIRED):
        return {"legal_mode": status}
    day = day_number(on or today())
    if status == EXPIRED:
        return {"legal_mode": DATED, "legal_end": {"query": day, "range": "max"}}
    after_today = {"query": day + 1, "range": "min"}
    if status == PENDING:
        return {
            "legal_mode": DATED,
            "legal_start": after_today,
            "legal_end": after_today,
        }
    return {
        "legal_mode": DATED,
        "legal_start": {"query": day, "range": "max"},
        "legal_end": after_today,
    }
