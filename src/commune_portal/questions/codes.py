"""Tracking codes of citizen questions: ``XA-HD-2026-000123``.

The prefix is the control panel's, then the year of submission (the site's
time zone) and a number that restarts every year, per site. The last number
of each year is kept in the site's annotations: two submissions at the same
moment write the same record, so ZODB refuses one of them with a conflict
and Zope runs it again, which then takes the next number. A code already on
a question (a site copied or imported) is skipped. The code is stored on
the question (``tracking_code``, read-only) and indexed (``question_code``).
"""

from commune_portal.content.citizen_question import ICitizenQuestion
from commune_portal.content.citizen_question import PORTAL_TYPE
from commune_portal.questions.settings import code_prefix
from datetime import datetime
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.content.interfaces import INameFromTitle
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from zope.interface import implementer
import pytz
import re


ANNOTATION_KEY = "commune_portal.questions.sequence"
NUMBER_WIDTH = 6
CODE_INDEX = "question_code"
VIETNAM = "Asia/Ho_Chi_Minh"

_SPACES = re.compile(r"\s+")


def now():
    """The current time in the site's time zone (Vietnam by default)."""
    return datetime.now(site_zone())


def site_zone():
    """The site's time zone (pytz's, which ZODB can store in a datetime)."""
    zone = api.portal.get_registry_record("plone.portal_timezone", default=None)
    try:
        return pytz.timezone(zone or VIETNAM)
    except pytz.UnknownTimeZoneError:
        return pytz.timezone(VIETNAM)


def local_date(value):
    """The day of a ``DateTime`` or ``datetime`` in the site's time zone
    (a naive ``datetime`` is taken as the site's time)."""
    if value is None:
        return None
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    if getattr(value, "tzinfo", None) is not None:
        value = value.astimezone(site_zone())
    return value.date() if hasattr(value, "date") else value


def format_code(prefix, year, number):
    return f"{prefix}-{year}-{number:0{NUMBER_WIDTH}d}"


def normalize_code(value):
    """A code as typed by a citizen, as stored: no spaces, capitals."""
    return _SPACES.sub("", value or "").upper()


def _sequences(portal):
    annotations = IAnnotations(portal)
    sequences = annotations.get(ANNOTATION_KEY)
    if sequences is None:
        sequences = annotations[ANNOTATION_KEY] = PersistentMapping()
    return sequences


def sequences_of(portal, create=False):
    """The last number of each year's codes of ``portal`` (``{year:
    number}``, persistent); an empty dict, writing nothing, when it has
    none and not ``create``."""
    if not create and ANNOTATION_KEY not in IAnnotations(portal):
        return {}
    return _sequences(portal)


def _taken(code):
    catalog = api.portal.get_tool("portal_catalog")
    if CODE_INDEX not in catalog.indexes():
        return False
    return bool(catalog.unrestrictedSearchResults(**{CODE_INDEX: code}))


def next_code(year=None):
    """Reserve and return the next tracking code of the current site."""
    portal = api.portal.get()
    year = year or now().year
    prefix = code_prefix()
    sequences = _sequences(portal)
    number = sequences.get(year, 0) + 1
    while _taken(format_code(prefix, year, number)):
        number += 1
    sequences[year] = number
    return format_code(prefix, year, number)


def ensure_code(question):
    """Give ``question`` a tracking code when it has none (a question a
    moderator adds by hand, from a letter or a call). Returns the code."""
    code = getattr(question, "tracking_code", None)
    if not code:
        code = next_code()
        question.tracking_code = code
    return code


def find_question(context, code):
    """The brain of the question with ``code`` in or below ``context``,
    whoever may see it; ``None`` when there is none."""
    code = normalize_code(code)
    if not code:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=PORTAL_TYPE,
        path="/".join(context.getPhysicalPath()),
        **{CODE_INDEX: code},
    )
    return brains[0] if len(brains) else None


@implementer(INameFromTitle)
@adapter(ICitizenQuestion)
class NameFromCode:
    """The short name of a question is its code (``xa-hd-2026-000123``):
    never its subject, which may hold a person's name. A question added
    by hand gets its code here, when Plone chooses its name."""

    def __init__(self, context):
        self.context = context

    @property
    def title(self):
        return ensure_code(self.context).lower()
