"""Catalog indexers of the People's Council records (``CouncilTerm``,
``Delegate``, ``CouncilSession``, ``SessionDocument``, ``Resolution``,
``VoterPetition``), for ``@council-sessions``, ``@voter-petitions``, the
kỷ yếu and petitions pages and the council's own pages.

Registered for the council types in the catalogs of the add-on's sites only
(``ICommunePortalCatalog``). For every other object of those sites
``no_value`` stops Plone from acquiring a council record's value: a photo
inside a session would otherwise be indexed with the session's number, an
annex of a resolution with its term.

Dates a listing filters or sorts on are indexed as day numbers (YYYYMMDD,
``commune_portal.legal_status.day_number``) that every record of the type
has, because ZCatalog drops from a sorted result the records a sort index
does not know: ``meeting_day`` (0 without a meeting date), ``deadline_day``
(``END_OF_TIME`` without a deadline), ``proceedings_day`` (0 before the
session enters the kỷ yếu). The dates themselves are metadata. Whether a
petition is overdue changes with the day, not with an edit: listings
compute it from ``deadline_day`` and the state (``listings/council.py``).

Private data (``Delegate.private_*``, ``VoterPetition.petitioner_*``) is
never read here: not in ``SearchableText``, not in any metadata column.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from commune_portal.content.council_session import ICouncilSession
from commune_portal.content.council_session import session_label
from commune_portal.content.council_term import ICouncilTerm
from commune_portal.content.delegate import IDelegate
from commune_portal.content.resolution import IResolution
from commune_portal.content.session_document import ISessionDocument
from commune_portal.content.voter_petition import IVoterPetition
from commune_portal.interfaces import ICommunePortalCatalog
from commune_portal.legal_status import day_number
from commune_portal.legal_status import END_OF_TIME
from commune_portal.text import normalize
from commune_portal.vocabularies.council import COUNCIL_BODIES
from commune_portal.vocabularies.council import MATERIAL_KINDS
from commune_portal.vocabularies.council import SESSION_KINDS
from commune_portal.voting.interfaces import IVotable
from commune_portal.voting.result import result_of
from DateTime import DateTime
from datetime import datetime
from plone import api
from plone.app.textfield.value import IRichTextValue
from plone.indexer import indexer
from Products.CMFCore.utils import getToolByName
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.i18n import translate
from zope.interface import Interface
import contextlib


TERM = "CouncilTerm"

# The indexes of this module (catalog.xml); the upgrade to 1004 fills them.
INDEX_NAMES = (
    "session_kind",
    "session_year",
    "proceedings_day",
    "term_uid",
    "material_kind",
    "constituency",
    "meeting_day",
    "deadline_day",
)

# The metadata columns of this module (catalog.xml).
METADATA = (
    "khoa",
    "start_year",
    "end_year",
    "position",
    "committee",
    "constituency",
    "session_number",
    "session_kind",
    "proceedings_date",
    "term_uid",
    "material_kind",
    "source_meeting",
    "meeting_date",
    "responsible_agency",
    "deadline",
    "response_date",
    "response_excerpt",
    "seats",
    "vote_result",
)

# A published response is shown in the petitions listing up to this many
# characters (the petition's page has it whole).
EXCERPT_LENGTH = 400

SESSION_KIND_TITLES = dict(SESSION_KINDS)
MATERIAL_KIND_TITLES = dict(MATERIAL_KINDS)
COUNCIL_BODY_TITLES = dict(COUNCIL_BODIES)


@indexer(Interface, ICommunePortalCatalog)
def no_value(obj):
    raise AttributeError("not a council record")


def _empty(value):
    return value is None or value == "" or value == [] or value == ()


def _field(interface, name):
    """An indexer returning the field ``name`` of ``interface``'s objects
    (``None`` when empty: the index leaves the object out)."""

    @indexer(interface, ICommunePortalCatalog)
    def read(obj):
        value = getattr(aq_base(obj), name, None)
        return None if _empty(value) else value

    return read


khoa = _field(ICouncilTerm, "khoa")
seats = _field(ICouncilTerm, "seats")
start_year = _field(ICouncilTerm, "start_year")
end_year = _field(ICouncilTerm, "end_year")
position = _field(IDelegate, "position")
committee = _field(IDelegate, "committee")
session_number = _field(ICouncilSession, "session_number")
session_kind = _field(ICouncilSession, "session_kind")
proceedings_date = _field(ICouncilSession, "proceedings_date")
material_kind = _field(ISessionDocument, "material_kind")
source_meeting = _field(IVoterPetition, "source_meeting")
meeting_date = _field(IVoterPetition, "meeting_date")
responsible_agency = _field(IVoterPetition, "responsible_agency")
deadline = _field(IVoterPetition, "deadline")
response_date = _field(IVoterPetition, "response_date")


def _constituency(obj):
    """The constituency in one normal form (NFC, single spaces): the
    listings filter and count it as written."""
    return normalize(getattr(aq_base(obj), "constituency", None)) or None


delegate_constituency = indexer(IDelegate, ICommunePortalCatalog)(_constituency)
petition_constituency = indexer(IVoterPetition, ICommunePortalCatalog)(_constituency)


@indexer(IVoterPetition, ICommunePortalCatalog)
def petition_sectors(obj):
    return list(getattr(aq_base(obj), "sectors", None) or [])


# -- days -------------------------------------------------------------------


def site_day(value):
    """The day (``date``) of ``value`` (``date``, ``datetime`` or
    ``DateTime``) in the site's time zone; ``None`` for no value."""
    if value is None:
        return None
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is not None:
        zone = api.portal.get_registry_record("plone.portal_timezone", default=None)
        if zone:
            with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
                value = value.astimezone(ZoneInfo(zone))
    return value.date()


@indexer(ICouncilSession, ICommunePortalCatalog)
def session_year(obj):
    """The year the session begins, in the site's time zone."""
    day = site_day(getattr(aq_base(obj), "start", None))
    return day.year if day else None


@indexer(ICouncilSession, ICommunePortalCatalog)
def proceedings_day(obj):
    """The day the session entered the kỷ yếu, 0 before."""
    return day_number(site_day(getattr(aq_base(obj), "proceedings_date", None))) or 0


@indexer(IVoterPetition, ICommunePortalCatalog)
def meeting_day(obj):
    """The day of the meeting with voters, 0 when unknown (sorted last
    when newest first)."""
    return day_number(getattr(aq_base(obj), "meeting_date", None)) or 0


@indexer(IVoterPetition, ICommunePortalCatalog)
def deadline_day(obj):
    """The day the answer is due, ``END_OF_TIME`` without a deadline
    (never overdue, sorted last when soonest first)."""
    return day_number(getattr(aq_base(obj), "deadline", None)) or END_OF_TIME


# -- the term -----------------------------------------------------------------


def term_of(obj):
    """The ``CouncilTerm`` ``obj`` is in (``None`` outside a term)."""
    item = aq_parent(aq_inner(obj))
    while item is not None:
        if getattr(aq_base(item), "portal_type", None) == TERM:
            return item
        item = aq_parent(item)
    return None


def _term_uid(obj):
    term = term_of(obj)
    return term.UID() if term is not None else None


# A record of a term: delegates, sessions, their materials and resolutions,
# petitions. Annexes and photos inside them get ``no_value``.
term_uid_delegate = indexer(IDelegate, ICommunePortalCatalog)(_term_uid)
term_uid_session = indexer(ICouncilSession, ICommunePortalCatalog)(_term_uid)
term_uid_material = indexer(ISessionDocument, ICommunePortalCatalog)(_term_uid)
term_uid_resolution = indexer(IResolution, ICommunePortalCatalog)(_term_uid)
term_uid_petition = indexer(IVoterPetition, ICommunePortalCatalog)(_term_uid)


# -- text -------------------------------------------------------------------------


def _site_language():
    return api.portal.get_default_language() or "vi"


def _title(titles, token):
    """The title of vocabulary ``token`` in the site's language."""
    title = titles.get(token)
    if title is None:
        return None
    return translate(title, target_language=_site_language())


def plain_text(obj, value):
    """A rich text value as plain text (``""`` for none), as
    plone.app.contenttypes indexes a page's text."""
    if not IRichTextValue.providedBy(value) or not value.raw:
        return ""
    transforms = getToolByName(obj, "portal_transforms")
    data = transforms.convertTo("text/plain", value.raw, mimetype=value.mimeType)
    return data.getData().strip() if data is not None else ""


def excerpt(text, length=EXCERPT_LENGTH):
    """``text`` cut after a whole word at about ``length`` characters."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return f"{cut} …"


def _join(*parts):
    return " ".join(str(part) for part in parts if part)


@indexer(ICouncilTerm, ICommunePortalCatalog)
def term_text(obj):
    """``SearchableText`` of a term: title, summary, khóa, years."""
    khoa = getattr(aq_base(obj), "khoa", None)
    return _join(
        obj.Title(), obj.Description(), f"khóa {khoa}" if khoa else None, obj.years
    )


@indexer(IDelegate, ICommunePortalCatalog)
def delegate_text(obj):
    """``SearchableText`` of a delegate: name, summary, position,
    committee, delegate group, constituency and workplace; never the
    private phone or address."""
    delegate = aq_base(obj)
    return _join(
        obj.Title(),
        obj.Description(),
        getattr(delegate, "position", None),
        _title(COUNCIL_BODY_TITLES, getattr(delegate, "committee", None)),
        getattr(delegate, "delegate_group", None),
        getattr(delegate, "constituency", None),
        getattr(delegate, "workplace", None),
    )


@indexer(ICouncilSession, ICommunePortalCatalog)
def session_text(obj):
    """``SearchableText`` of a session: title and "Kỳ họp thứ …", summary,
    kind, place and the agenda's items and presenters."""
    session = aq_base(obj)
    agenda = getattr(session, "agenda", None) or []
    return _join(
        obj.Title(),
        session_label(getattr(session, "session_number", None)),
        obj.Description(),
        _title(SESSION_KIND_TITLES, getattr(session, "session_kind", None)),
        getattr(session, "location", None),
        *(
            _join(row.get("item"), row.get("presenter"))
            for row in agenda
            if isinstance(row, dict)
        ),
    )


def material_kind_text(obj):
    """The kind of a session material (tờ trình, báo cáo thẩm tra …) in the
    site's language, added to the ``SearchableText`` of official documents
    (``official_document.IMoreSearchableText``)."""
    return _title(MATERIAL_KIND_TITLES, getattr(aq_base(obj), "material_kind", None))


@indexer(IVoterPetition, ICommunePortalCatalog)
def petition_text(obj):
    """``SearchableText`` of a petition: title, summary, content, meeting,
    constituency, sectors, agency and the response; never who raised it
    (``petitioner_*``)."""
    petition = aq_base(obj)
    return _join(
        obj.Title(),
        obj.Description(),
        getattr(petition, "content", None),
        getattr(petition, "source_meeting", None),
        getattr(petition, "constituency", None),
        *(getattr(petition, "sectors", None) or []),
        getattr(petition, "responsible_agency", None),
        plain_text(obj, getattr(petition, "response", None)),
    )


@indexer(IVoterPetition, ICommunePortalCatalog)
def response_excerpt(obj):
    """The beginning of the response as plain text, for the petitions
    listing (``None`` without a response)."""
    text = plain_text(obj, getattr(aq_base(obj), "response", None))
    return excerpt(text) if text else None


# What listings show of a closed vote: its outcome and counts, never who
# was present or voted (``present``, ``voted`` are left out).
VOTE_RESULT_KEYS = (
    "adopted",
    "yes",
    "no",
    "abstain",
    "not_voted",
    "total_delegates",
    "threshold",
    "closed",
    "ballot",
    # an election
    "seats_to_fill",
    "elected",
    "ballots",
    # a vote of confidence
    "review_share",
    "dismissal_share",
)
# Per candidate of an election, per official of a vote of confidence: the
# counts the delegates gave them, with the shares and outcome computed at
# closing (``voting.kinds``).
CANDIDATE_KEYS = ("key", "name", "details", "votes", "share", "elected", "tied")
OFFICIAL_KEYS = (
    "key",
    "name",
    "position",
    "high",
    "confidence",
    "low",
    "low_more_than_review_share",
    "low_at_least_dismissal_share",
)


def _rows_of(rows, keys):
    """Plain copies of the frozen rows, with ``keys`` only (and the
    official's ``shares``), so that no persistent object of the item is
    shared with the catalog's record."""
    copies = []
    for row in rows or ():
        copy = {key: row[key] for key in keys if key in row}
        if "shares" in row:
            copy["shares"] = dict(row["shares"])
        copies.append(copy)
    return copies


@indexer(IVotable, ICommunePortalCatalog)
def vote_result(obj):
    """The outcome and counts of the frozen result (``voting.result``), or
    ``None`` while the vote has not closed: a resolution's counts, an
    election's candidates with their votes and who was elected, a vote of
    confidence's officials with their counts and shares of all the
    delegates. Nothing about who was present or who voted."""
    result = result_of(obj)
    if result is None:
        return None
    found = {key: result[key] for key in VOTE_RESULT_KEYS if key in result}
    if "elected" in found:
        found["elected"] = list(found["elected"])
    if "candidates" in result:
        found["candidates"] = _rows_of(result["candidates"], CANDIDATE_KEYS)
    if "officials" in result:
        found["officials"] = _rows_of(result["officials"], OFFICIAL_KEYS)
    return found
