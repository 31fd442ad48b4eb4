"""Statistics of citizen questions for the board: received, answered,
rejected, still open, average and worst time to answer, overdue; in total,
per sector and per month of submission.

Times are counted in working days (Monday to Friday; public holidays are
not known to the portal and count as working days) from the day of
submission to the day of the answer: a question sent on a Friday and
answered on the Monday took one working day. A question is overdue when it
was answered after the deadline of the control panel, or is still open
(received or assigned) past it. Rejected questions are counted apart and
never overdue.

Everything is read from catalog metadata (``created``, ``review_state``,
``sectors``, ``question_answered``): no question is woken. The search is
unrestricted (the numbers say nothing about a person; who may read them is
the view's and the service's permission).
"""

from commune_portal.content.citizen_question import PORTAL_TYPE
from commune_portal.questions import codes
from commune_portal.questions.settings import answer_deadline
from commune_portal.text import sort_key
from dataclasses import dataclass
from DateTime import DateTime
from datetime import date
from datetime import timedelta
from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


OPEN_STATES = ("submitted", "assigned")
ANSWERED_STATES = ("answered", "published")


def today():
    """The day of the statistics (the site's time zone)."""
    return codes.now().date()


def working_days(start, end):
    """Monday-to-Friday days after ``start`` up to and including ``end``
    (0 when ``end`` is not after ``start``)."""
    if start is None or end is None or end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (start + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


@dataclass
class Tally:
    received: int = 0
    answered: int = 0
    rejected: int = 0
    open: int = 0
    overdue: int = 0
    overdue_open: int = 0
    total_days: int = 0
    worst_days: int | None = None

    def add(self, state, days, overdue):
        self.received += 1
        if state in ANSWERED_STATES and days is not None:
            self.answered += 1
            self.total_days += days
            self.worst_days = max(days, self.worst_days or 0)
        elif state == "rejected":
            self.rejected += 1
        else:
            self.open += 1
            if overdue:
                self.overdue_open += 1
        if overdue:
            self.overdue += 1

    def as_dict(self):
        average = round(self.total_days / self.answered, 1) if self.answered else None
        return {
            "received": self.received,
            "answered": self.answered,
            "rejected": self.rejected,
            "open": self.open,
            "overdue": self.overdue,
            "overdue_open": self.overdue_open,
            "average_days": average,
            "worst_days": self.worst_days,
        }


def _year_range(year):
    """A day wider on each side than ``year``: the index keeps instants,
    the year is the site's (the days are checked afterwards)."""
    return {
        "query": (
            DateTime(f"{year - 1}/12/31 00:00 UTC"),
            DateTime(f"{year + 1}/01/02 00:00 UTC"),
        ),
        "range": "min:max",
    }


def statistics(context, year=None, on=None, deadline=None):
    """The statistics of the questions in and below ``context`` (submitted
    in ``year`` when given) on the day ``on`` (today), with ``deadline``
    working days (the control panel's)."""
    on = on or today()
    deadline = deadline or answer_deadline()
    query = {
        "portal_type": PORTAL_TYPE,
        "path": "/".join(context.getPhysicalPath()),
    }
    if year:
        query["created"] = _year_range(year)
    catalog = api.portal.get_tool("portal_catalog")
    total = Tally()
    sectors = {}
    months = {}
    for brain in catalog.unrestrictedSearchResults(**query):
        submitted = codes.local_date(brain.created)
        if year and submitted.year != year:
            continue
        state = brain.review_state
        answered_on = brain.question_answered
        if state in ANSWERED_STATES and isinstance(answered_on, date):
            days = working_days(submitted, answered_on)
            overdue = days > deadline
        else:
            days = None
            overdue = state in OPEN_STATES and working_days(submitted, on) > deadline
        sector = (brain.sectors or [None])[0]
        month = f"{submitted.year:04d}-{submitted.month:02d}"
        for tally in (
            total,
            sectors.setdefault(sector, Tally()),
            months.setdefault(month, Tally()),
        ):
            tally.add(state, days, overdue)
    vocabulary = getUtility(IVocabularyFactory, "commune_portal.vocabularies.Sectors")(
        context
    )
    return {
        "deadline_days": deadline,
        "year": year,
        "on": on,
        "total": total.as_dict(),
        "by_sector": [
            {"sector": sector, "token": _token(vocabulary, sector), **tally.as_dict()}
            for sector, tally in sorted(
                sectors.items(),
                key=lambda item: (item[0] is None, sort_key(item[0] or "")),
            )
        ],
        "by_month": [
            {"month": month, **tally.as_dict()}
            for month, tally in sorted(months.items())
        ],
    }


def _token(vocabulary, sector):
    if sector is None:
        return None
    try:
        return vocabulary.getTerm(sector).token
    except LookupError:
        return None
