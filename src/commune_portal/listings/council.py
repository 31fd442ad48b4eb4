"""The listings of the People's Council: sessions (``@council-sessions``
and the kỷ yếu page ``proceedings-view``) and voters' petitions
(``@voter-petitions`` and ``petitions-view``).

Built on the query layer of official documents (``DirectiveListing``), as
the procedures are: one catalog search gives the whole filtered result as
record ids, the facets are counted on it (or read from the facet cache) and
the page is sorted out of it. Rows are plain values from catalog metadata
(``SessionRow``, ``MaterialRow``, ``PetitionRow``); the REST services and
the views format them. The materials of the sessions of a page come from
one more catalog query, the titles of their terms from one more.

What a caller sees is what the catalog lets them see: a delegate finds the
materials circulated to the delegates, a visitor only what is published.
No listing reads who raised a petition: it is in no index and no column.
"""

from BTrees.IIBTree import difference
from commune_portal import _
from commune_portal.content.council_session import MATERIAL_TYPES
from commune_portal.content.council_session import session_label
from commune_portal.content.council_session import VOTE_TYPES
from commune_portal.listings import facets
from commune_portal.listings import params
from commune_portal.listings.directives import _term_value
from commune_portal.listings.directives import DirectiveListing
from commune_portal.listings.directives import SECTORS_RECORD
from commune_portal.text import fold
from commune_portal.text import normalize
from commune_portal.text import sort_key
from commune_portal.vocabularies.council import MATERIAL_KINDS
from commune_portal.vocabularies.council import SESSION_KINDS
from dataclasses import dataclass
from datetime import date
from plone import api
from Products.ZCTextIndex.ParseTree import ParseError
from zope.i18n import translate
import re


TERM = "CouncilTerm"
SESSION = "CouncilSession"
PETITION = "VoterPetition"
# What has a vote, and so a ``vote_result`` column.
VOTABLE_TYPES = ("Resolution", *VOTE_TYPES)

# The request parameters of @council-sessions (docs/council.md).
SESSION_PARAMETERS = (
    "q",
    "term",
    "session_kind",
    "year",
    "proceedings",
    "materials",
    "sort_on",
    "sort_order",
    "b_start",
    "b_size",
    "facets",
)
# sort_on -> (indexes, newest first by default)
SESSION_SORTS = {
    "start": (("start",), True),
    "proceedings_date": (("proceedings_day",), True),
}

# The request parameters of @voter-petitions (docs/council.md).
PETITION_PARAMETERS = (
    "q",
    "status",
    "sector",
    "constituency",
    "term",
    "overdue",
    "sort_on",
    "sort_order",
    "b_start",
    "b_size",
    "facets",
)
PETITION_SORTS = {
    "meeting_date": (("meeting_day",), True),  # newest meeting first
    "deadline": (("deadline_day",), False),  # soonest first, none last
    "title": (("sortable_title_vi",), False),  # Vietnamese order
}
# The states of voter_petition_workflow, in its order.
PETITION_STATES = ("received", "forwarded", "answered", "published")
# Not answered yet: overdue once the deadline has passed.
OPEN_STATES = ("received", "forwarded")
# A state no petition is in: an empty list would not filter at all.
NO_STATE = "-"

SESSION_KIND_TITLES = dict(SESSION_KINDS)
MATERIAL_KIND_TITLES = dict(MATERIAL_KINDS)

_NUMBERS = re.compile(r"(\d+)")


def natural_key(text):
    """Vietnamese order with numbers as numbers: "Đơn vị bầu cử số 2"
    before "số 10"."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, sort_key(part))
        for part in _NUMBERS.split(text or "")
        if part
    ]


def iso_moment(value):
    """A moment (``DateTime`` from the catalog, or ``datetime``) in ISO
    8601 with its offset; ``None`` for none."""
    if not value:
        return None
    if hasattr(value, "ISO8601"):
        return value.ISO8601()
    return value.isoformat()


class CouncilListing(DirectiveListing):
    """What the council listings share: the place searched (``root``: the
    context, or what a page chooses), the ``term`` parameter, records
    excluded from the result (a filter the catalog cannot say in one
    query) and the state titles."""

    portal_type = None

    def __init__(self, context, request, root=None):
        super().__init__(context, request)
        root = root if root is not None else context
        self.root_path = "/".join(root.getPhysicalPath())
        # [{index: criterion}]: records matching all criteria of one entry
        # are left out of the result.
        self.excluded = []
        self._terms = None

    def base_query(self):
        return {"path": self.root_path, "portal_type": self.portal_type}

    def parse_text(self, query):
        text = params.single(self.request.form, "q")
        if text:
            # The site's lexicon folds tone marks (indexers/lexicon.py).
            query["SearchableText"] = fold(text)

    def parse_term(self, query):
        """``term``: the UID of a council term the caller may see."""
        uid = params.single(self.request.form, "term")
        if uid is None:
            return None
        found = self.catalog.searchResults(UID=uid, portal_type=TERM)
        if not len(found):
            raise params.BadParameter(
                "term", _("There is no council term with this identifier.")
            )
        query["term_uid"] = uid
        return uid

    def search(self):
        """As ``DirectiveListing.search``, leaving out the records of
        ``self.excluded``."""
        try:
            rids = facets.result_ids(self.catalog.searchResults(self.query))
        except ParseError:
            raise params.BadParameter(
                "q", _("The search text cannot be read; remove quotes and brackets.")
            ) from None
        for criteria in self.excluded:
            matched = rids
            for index_name, criterion in criteria.items():
                matched = facets.matching(self.catalog, index_name, criterion, matched)
            rids = difference(rids, matched)
        self.total = len(rids)
        self.brains = self._page(rids)
        self.facets = self._facets(rids) if self.with_facets else None
        return self

    def cache_extra(self):
        """What the facets depend on besides the query and the user."""
        sectors_setting = api.portal.get_registry_record(SECTORS_RECORD, default=None)
        return (
            self.request.get("LANGUAGE"),
            tuple(sectors_setting or ()),
            repr(self.excluded),
        )

    def _facets(self, rids):
        """The facets of the whole result, formatted, from the cache as
        ``DirectiveListing`` does. Shared between requests: read it, do not
        change it."""
        return facets.cached(
            self.catalog,
            self.query,
            self.day,
            lambda: self.count_facets(rids),
            extra=self.cache_extra(),
        )

    def state_title(self, state):
        """The title of a workflow state of this listing's type, in the
        reader's language (workflow titles are in Plone's domain)."""
        key = ("state", state)
        if key not in self._titles:
            tool = api.portal.get_tool("portal_workflow")
            title = tool.getTitleForStateOnType(state, self.portal_type) or state
            self._titles[key] = translate(title, domain="plone", context=self.request)
        return self._titles[key]

    def terms(self, uids):
        """``{uid: (url, title, start_year)}`` of the terms among ``uids``
        the caller may see, from one catalog query."""
        wanted = {uid for uid in uids if uid}
        if self._terms is None:
            self._terms = {}
        missing = wanted - set(self._terms)
        if missing:
            for brain in self.catalog.searchResults(
                UID=list(missing), portal_type=TERM
            ):
                self._terms[brain.UID] = (brain.getURL(), brain.Title, brain.start_year)
            for uid in missing:
                self._terms.setdefault(uid, None)
        return {uid: self._terms[uid] for uid in wanted if self._terms[uid]}

    def term_facet(self, rids):
        """Counts per term, the newest term first."""
        counted = facets.counts(self.catalog, "term_uid", rids)
        terms = self.terms(counted)
        entries = [
            (terms[uid], uid, count) for uid, count in counted.items() if uid in terms
        ]
        entries.sort(key=lambda e: (-(e[0][2] or 0), sort_key(e[0][1])))
        return [
            {"token": uid, "title": term[1], "count": count}
            for term, uid, count in entries
        ]


# -- sessions -------------------------------------------------------------------


class SessionListing(CouncilListing):
    """Council sessions below ``root``, newest first; with
    ``materials=true`` each with its materials and resolutions.

    A page sets ``proceedings_only`` (the kỷ yếu: only sessions with a
    ``proceedings_date``) and ``material_states`` (only published
    materials) before ``parse()``."""

    parameters = SESSION_PARAMETERS
    portal_type = SESSION
    proceedings_only = False
    with_materials = False
    # None: every material the caller may see.
    material_states = None
    # Listed with the materials (``votes`` of a row); a page that shows
    # none asks none.
    vote_types = VOTE_TYPES

    def parse(self):
        form = self.request.form
        self.query = query = self.base_query()
        self.parse_text(query)
        self.parse_term(query)
        kinds = params.choices(form, "session_kind", list(SESSION_KIND_TITLES))
        if kinds:
            query["session_kind"] = kinds
        year = params.integer(form, "year", None, 1945, 2100)
        if year is not None:
            query["session_year"] = year
        proceedings = params.boolean(form, "proceedings")
        if self.proceedings_only or proceedings:
            query["proceedings_day"] = {"query": 1, "range": "min"}
        elif proceedings is False:
            query["proceedings_day"] = 0
        if params.boolean(form, "materials"):
            self.with_materials = True
        self._materials = self._page_terms = None
        return self.parse_page(SESSION_SORTS, "start")

    def count_facets(self, rids):
        kinds = facets.counts(self.catalog, "session_kind", rids)
        years = facets.counts(self.catalog, "session_year", rids)
        return {
            "term": self.term_facet(rids),
            "session_kind": [
                {"token": token, "title": self.translate(title), "count": kinds[token]}
                for token, title in SESSION_KINDS
                if kinds.get(token)
            ],
            "year": [
                {"token": str(year), "title": str(year), "count": count}
                for year, count in sorted(years.items(), reverse=True)
                if year
            ],
        }

    def materials(self):
        """``{session path: (MaterialRow, ...)}`` for the sessions of the
        page, in their order in the session, from one catalog query: the
        materials and resolutions, then the elections and votes of
        confidence (``row`` tells them apart)."""
        if self._materials is None:
            self._materials = {}
            paths = [brain.getPath() for brain in self.brains]
            if paths:
                query = {
                    "path": {"query": paths, "depth": 1},
                    "portal_type": [*MATERIAL_TYPES, *self.vote_types],
                    "sort_on": "getObjPositionInParent",
                }
                if self.material_states:
                    query["review_state"] = list(self.material_states)
                found = {}
                for brain in self.catalog.searchResults(query):
                    parent = brain.getPath().rpartition("/")[0]
                    found.setdefault(parent, []).append(self.material_row(brain))
                self._materials = {path: tuple(rows) for path, rows in found.items()}
        return self._materials

    def page_terms(self):
        """The terms of the sessions of the page (one catalog query)."""
        if self._page_terms is None:
            self._page_terms = self.terms(brain.term_uid for brain in self.brains)
        return self._page_terms

    def material_row(self, brain):
        kind = brain.material_kind or None  # a resolution has none
        return MaterialRow(
            url=brain.getURL(),
            uid=brain.UID,
            portal_type=brain.portal_type,
            title=brain.Title,
            material_kind=kind,
            material_kind_title=(
                self.translate(MATERIAL_KIND_TITLES[kind])
                if kind in MATERIAL_KIND_TITLES
                else None
            ),
            document_number=brain.document_number,
            review_state=brain.review_state,
            has_file=bool(brain.document_file),
            # The frozen outcome and counts, never who was present or voted
            # (indexers/council.py ``vote_result``); None until it closes.
            vote_result=(
                brain.vote_result if brain.portal_type in VOTABLE_TYPES else None
            ),
        )

    def row(self, brain):
        """A listed session as plain values, from metadata only (its term
        and materials read once for the page)."""
        kind = brain.session_kind or None
        term = self.page_terms().get(brain.term_uid or None)
        materials = votes = None
        if self.with_materials:
            rows = self.materials().get(brain.getPath(), ())
            materials = tuple(r for r in rows if r.portal_type in MATERIAL_TYPES)
            votes = tuple(r for r in rows if r.portal_type in self.vote_types)
        return SessionRow(
            url=brain.getURL(),
            uid=brain.UID,
            title=brain.Title,
            description=brain.Description,
            label=session_label(brain.session_number),
            session_number=brain.session_number,
            session_kind=kind,
            session_kind_title=(
                self.translate(SESSION_KIND_TITLES[kind])
                if kind in SESSION_KIND_TITLES
                else None
            ),
            start=brain.start,
            end=brain.end,
            location=brain.location or None,
            review_state=brain.review_state,
            proceedings_date=brain.proceedings_date,
            term_url=term[0] if term else None,
            term_title=term[1] if term else None,
            materials=materials,
            votes=votes,
        )


@dataclass(frozen=True)
class MaterialRow:
    """A material or resolution of a listed session."""

    url: str
    uid: str
    portal_type: str
    title: str
    material_kind: str | None
    material_kind_title: str | None
    document_number: str | None
    review_state: str | None
    has_file: bool
    vote_result: dict | None = None


@dataclass(frozen=True)
class SessionRow:
    """One listed session: catalog metadata, titles translated for the
    request, its term when the caller may see it, and its materials when
    asked (``None`` otherwise)."""

    url: str
    uid: str
    title: str
    description: str
    label: str
    session_number: int | None
    session_kind: str | None
    session_kind_title: str | None
    start: object  # DateTime, from plone.app.event's metadata
    end: object
    location: str | None
    review_state: str | None
    proceedings_date: object
    term_url: str | None
    term_title: str | None
    materials: tuple | None
    votes: tuple | None = None  # its elections and votes of confidence


# -- petitions --------------------------------------------------------------------


class PetitionListing(CouncilListing):
    """Voters' petitions below ``root``, the newest meeting first."""

    parameters = PETITION_PARAMETERS
    portal_type = PETITION

    def parse(self):
        form = self.request.form
        self.query = query = self.base_query()
        self.parse_text(query)
        self.parse_term(query)
        states = params.choices(form, "status", PETITION_STATES)
        sectors = [
            _term_value(self._vocabulary("commune_portal.vocabularies.Sectors"), s)
            for s in params.values(form, "sector")
        ]
        if sectors:
            query["sectors"] = {"query": sectors, "operator": "or"}
        constituency = params.single(form, "constituency")
        if constituency:
            query["constituency"] = normalize(constituency)
        overdue = params.boolean(form, "overdue")
        if overdue:
            open_states = [s for s in states or OPEN_STATES if s in OPEN_STATES]
            query["review_state"] = open_states or [NO_STATE]
            query.update(self.overdue_query())
        elif states:
            query["review_state"] = states
        if overdue is False:
            self.excluded.append(
                {"review_state": list(OPEN_STATES), **self.overdue_query()}
            )
        return self.parse_page(PETITION_SORTS, "meeting_date")

    def overdue_query(self):
        """The deadline has passed: it was before today."""
        return {"deadline_day": {"query": self.day - 1, "range": "max"}}

    def count_facets(self, rids):
        states = facets.counts(self.catalog, "review_state", rids)
        sectors = facets.counts(self.catalog, "sectors", rids)
        constituencies = facets.counts(self.catalog, "constituency", rids)
        overdue = rids
        for index_name, criterion in {
            "review_state": list(OPEN_STATES),
            **self.overdue_query(),
        }.items():
            overdue = facets.matching(self.catalog, index_name, criterion, overdue)
        vocabulary = self._vocabulary("commune_portal.vocabularies.Sectors")
        return {
            "status": [
                {"token": state, "title": self.state_title(state), "count": count}
                for state, count in sorted(
                    states.items(),
                    key=lambda item: (
                        PETITION_STATES.index(item[0])
                        if item[0] in PETITION_STATES
                        else len(PETITION_STATES),
                        item[0],
                    ),
                )
            ],
            "sector": self._ordered(
                (self._token(vocabulary, value), value, count)
                for value, count in sectors.items()
            ),
            "constituency": [
                {"token": value, "title": value, "count": count}
                for value, count in sorted(
                    constituencies.items(), key=lambda item: natural_key(item[0])
                )
            ],
            "term": self.term_facet(rids),
            "overdue": (
                [
                    {
                        "token": "true",
                        "title": self.translate(_("Overdue")),
                        "count": len(overdue),
                    }
                ]
                if len(overdue)
                else []
            ),
        }

    def is_overdue(self, deadline, state):
        """Whether an answer due on ``deadline`` is late today."""
        return (
            isinstance(deadline, date)
            and deadline < self.today
            and state in OPEN_STATES
        )

    def row(self, brain):
        """A listed petition as plain values, from metadata only; never who
        raised it."""
        state = brain.review_state
        return PetitionRow(
            url=brain.getURL(),
            uid=brain.UID,
            title=brain.Title,
            description=brain.Description,
            source_meeting=brain.source_meeting,
            meeting_date=brain.meeting_date,
            constituency=brain.constituency,
            sectors=tuple(brain.sectors or ()),
            responsible_agency=brain.responsible_agency,
            deadline=brain.deadline,
            response_date=brain.response_date,
            review_state=state,
            review_state_title=self.state_title(state) if state else None,
            overdue=self.is_overdue(brain.deadline, state),
            response_excerpt=brain.response_excerpt,
            term_uid=brain.term_uid,
        )


@dataclass(frozen=True)
class PetitionRow:
    """One listed petition: catalog metadata, its state's title and
    whether it is overdue on the day of the listing."""

    url: str
    uid: str
    title: str
    description: str
    source_meeting: str | None
    meeting_date: date | None
    constituency: str | None
    sectors: tuple
    responsible_agency: str | None
    deadline: date | None
    response_date: date | None
    review_state: str | None
    review_state_title: str | None
    overdue: bool
    response_excerpt: str | None
    term_uid: str | None
