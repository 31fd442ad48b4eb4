"""The listing of official documents: ``@directives`` and the "Văn bản" view.

One catalog search gives the whole filtered result as a set of record ids;
facets are counted on that set (or read from the facet cache, see
``commune_portal.listings.facets``) and the requested page is sorted out of
it, so that no object is woken and the indexes are searched once.

This is the query layer: it answers brains, counts and plain values
(``DirectiveRow``: dates as ``date``, tokens and translated titles). The
REST service and the Classic UI view each format them (JSON, links, the
reader's date format).
"""

from commune_portal import _
from commune_portal import document_number
from commune_portal import legal_status
from commune_portal.behaviors.official_document import OFFICIAL_DOCUMENT_TYPES
from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from commune_portal.listings import facets
from commune_portal.listings import params
from commune_portal.text import fold
from commune_portal.text import normalize
from commune_portal.text import sort_key
from commune_portal.vocabularies.document_types import TITLES as TYPE_TITLES
from commune_portal.vocabularies.official_document import LEGAL_STATUSES
from dataclasses import dataclass
from datetime import date
from plone import api
from Products.CMFCore.utils import getToolByName
from Products.ZCTextIndex.ParseTree import ParseError
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
from ZTUtils.Lazy import LazyMap


# The request parameters of the listing (CONTRACT.md), in the order of the
# query strings the "Văn bản" view writes.
PARAMETERS = (
    "q",
    "document_number",
    "document_type",
    "issuing_body",
    "sector",
    "year",
    "issued_after",
    "issued_before",
    "legal_status",
    "is_legal_normative",
    "portal_type",
    "sort_on",
    "sort_order",
    "b_start",
    "b_size",
    "facets",
)

# Listed unless the caller asks for portal_type (CONTRACT.md).
DEFAULT_TYPES = ("Directive", "Resolution")

# sort_on -> (indexes, newest/largest first by default)
SORTS = {
    "issue_date": (("issue_sort",), True),
    "effective_date": (("effective_sort",), True),
    "document_number": (("number_sort",), False),
    "title": (("sortable_title_vi",), False),  # Vietnamese order
}

DEFAULT_BATCH_SIZE = 25
MAX_BATCH_SIZE = 200
LEGAL_STATUS_TITLES = dict(LEGAL_STATUSES)
# The control panel's sectors: their tokens are in the facets.
SECTORS_RECORD = f"{REGISTRY_PREFIX}.sectors"


def _term_value(vocabulary, given):
    """Accept a vocabulary token (``ho-tich``) or the entry as written."""
    try:
        return vocabulary.getTermByToken(given).value
    except LookupError:
        return normalize(given)


class DirectiveListing:
    """Filters, sorting, batching and facets of official documents below
    ``context``. ``parse()`` raises ``params.BadParameter``."""

    parameters = PARAMETERS

    def __init__(self, context, request):
        self.context = context
        self.request = request
        self.catalog = getToolByName(context, "portal_catalog")
        self._titles = {}
        self._vocabularies = {}
        # One "today" for the whole request (filters, facets and items).
        self.today = legal_status.today()
        self.day = legal_status.day_number(self.today)

    # -- parameters -------------------------------------------------------

    def check_parameters(self):
        """Refuse parameters the listing does not know (REST: an
        integrator's misspelt filter). Pages do not call it: links shared
        on social networks carry their own (``fbclid`` …)."""
        params.known(self.request.form, self.parameters)
        return self

    def parse(self):
        form = self.request.form
        self.query = query = {
            "path": "/".join(self.context.getPhysicalPath()),
        }
        types = params.choices(form, "portal_type", OFFICIAL_DOCUMENT_TYPES)
        query["portal_type"] = types or list(DEFAULT_TYPES)

        text = params.single(form, "q")
        if text:
            # The site's Vietnamese lexicon indexes every word folded (no
            # tone marks, đ as d) and as written (indexers/lexicon.py). The
            # listing sorts by date, number or title, not by relevance: the
            # folded words alone find the same documents, faster.
            query["SearchableText"] = fold(text)

        number = params.single(form, "document_number")
        if number:
            try:
                query["document_number_key"] = document_number.parse(number).key
            except document_number.InvalidDocumentNumber as error:
                raise params.BadParameter("document_number", error.doc()) from None

        document_types = params.choices(form, "document_type", list(TYPE_TITLES))
        if document_types:
            query["document_type"] = document_types

        body = params.single(form, "issuing_body")
        if body:
            query["issuing_body"] = _term_value(
                self._vocabulary("commune_portal.vocabularies.IssuingBodies"), body
            )

        sectors = [
            _term_value(self._vocabulary("commune_portal.vocabularies.Sectors"), s)
            for s in params.values(form, "sector")
        ]
        if sectors:
            query["sectors"] = {"query": sectors, "operator": "or"}

        year = params.integer(form, "year", None, 1945, 2100)
        if year is not None:
            query["issue_year"] = year

        after = params.iso_date(form, "issued_after")
        before = params.iso_date(form, "issued_before")
        if after and before and after > before:
            raise params.BadParameter(
                "issued_before", _("issued_before comes before issued_after.")
            )
        if after or before:
            days = [legal_status.day_number(d) for d in (after, before)]
            if after and before:
                query["issue_day"] = {"query": days, "range": "min:max"}
            elif after:
                query["issue_day"] = {"query": days[0], "range": "min"}
            else:
                query["issue_day"] = {"query": days[1], "range": "max"}

        status = params.choices(form, "legal_status", legal_status.STATUSES)
        if len(status) > 1:
            raise params.BadParameter(
                "legal_status", _("Give this parameter only once.")
            )
        if status:
            query.update(legal_status.status_query(status[0], on=self.today))

        normative = params.boolean(form, "is_legal_normative")
        if normative is not None:
            query["is_legal_normative"] = normative

        return self.parse_page(SORTS, "issue_date")

    def parse_page(self, sorts, default_sort):
        """Sorting (one of ``sorts``), batching and whether to count facets,
        the same for every listing; returns the listing."""
        form = self.request.form
        sort_on = params.single(form, "sort_on") or default_sort
        if sort_on not in sorts:
            raise params.BadParameter(
                "sort_on",
                _(
                    'Unknown value "${value}". Allowed: ${allowed}.',
                    mapping={"value": sort_on, "allowed": ", ".join(sorts)},
                ),
            )
        self.sort_indexes, default_reverse = sorts[sort_on]
        self.reverse = params.sort_order(form, default_reverse)
        self.b_start = params.integer(form, "b_start", 0, 0, 10**9)
        self.b_size = params.integer(
            form, "b_size", DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE
        )
        self.with_facets = params.boolean(form, "facets") is not False
        return self

    # -- search -----------------------------------------------------------

    def search(self):
        """Run the query: set ``self.total``, ``self.brains`` (the page, a
        lazy sequence whose ``actual_result_count`` is the total, as
        ZCatalog batches: plone.batching and plone.restapi's
        ``HypermediaBatch`` read it) and ``self.facets`` (or ``None``)."""
        try:
            everything = self.catalog.searchResults(self.query)
            rids = facets.result_ids(everything)
        except ParseError:
            raise params.BadParameter(
                "q", _("The search text cannot be read; remove quotes and brackets.")
            ) from None
        self.total = len(rids)
        self.brains = self._page(rids)
        self.facets = self._facets(rids) if self.with_facets else None
        return self

    def _page(self, rids):
        if not rids or self.b_start >= len(rids):
            return LazyMap(None, [], 0, actual_result_count=len(rids))
        catalog = self.catalog._catalog
        indexes = [catalog.getIndex(name) for name in self.sort_indexes]
        return catalog.sortResults(
            rids,
            indexes if len(indexes) > 1 else indexes[0],
            reverse=self.reverse,
            limit=self.b_start + self.b_size,
            merge=True,
            actual_result_count=len(rids),
            b_start=self.b_start,
            b_size=self.b_size,
        )

    def _facets(self, rids):
        """The facets of the whole result, titles translated: from the
        cache when this query was answered since the catalog or the day
        last changed, for the same view of it, language and sector list.
        Shared between requests: read it, do not change it."""
        sectors_setting = api.portal.get_registry_record(SECTORS_RECORD, default=None)
        return facets.cached(
            self.catalog,
            self.query,
            self.day,
            lambda: self._format_facets(*self._count_facets(rids)),
            extra=(self.request.get("LANGUAGE"), tuple(sectors_setting or ())),
        )

    def _count_facets(self, rids):
        return (
            facets.counts(self.catalog, "document_type", rids),
            facets.counts(self.catalog, "issue_year", rids),
            facets.counts(self.catalog, "sectors", rids),
            self._status_counts(rids),
        )

    def _format_facets(self, types, years, sectors, statuses):
        sectors_vocabulary = self._vocabulary("commune_portal.vocabularies.Sectors")
        return {
            "document_type": self._ordered(
                (token, self.translate(TYPE_TITLES.get(token, token)), count)
                for token, count in types.items()
            ),
            "year": [
                {"token": str(year), "title": str(year), "count": count}
                for year, count in sorted(years.items(), reverse=True)
                if year
            ],
            "legal_status": [
                {
                    "token": status,
                    "title": self.translate(LEGAL_STATUS_TITLES[status]),
                    "count": statuses[status],
                }
                for status in legal_status.STATUSES
                if status in statuses
            ],
            "sector": self._ordered(
                (self._token(sectors_vocabulary, value), value, count)
                for value, count in sectors.items()
            ),
        }

    def _status_counts(self, rids):
        """Documents per legal status today, over the whole result."""
        catalog = self.catalog
        if len(rids) <= facets.SMALL_RESULT:
            windows = zip(
                facets.index_values(catalog, "legal_mode", rids),
                facets.index_values(catalog, "legal_start", rids),
                facets.index_values(catalog, "legal_end", rids),
                strict=True,
            )
            found = {}
            for mode, start, end in windows:
                if mode is not None:
                    status = legal_status.status_on_day(mode, start, end, self.day)
                    found[status] = found.get(status, 0) + 1
            return found
        found = {}
        for status in legal_status.STATUSES:
            matched = rids
            for index_name, criterion in legal_status.status_query(
                status, on=self.today
            ).items():
                matched = facets.matching(catalog, index_name, criterion, matched)
            if matched:
                found[status] = len(matched)
        return found

    def _vocabulary(self, name):
        """A named vocabulary, built once per listing."""
        if name not in self._vocabularies:
            self._vocabularies[name] = getUtility(IVocabularyFactory, name)(
                self.context
            )
        return self._vocabularies[name]

    @staticmethod
    def _token(vocabulary, value):
        try:
            return vocabulary.getTerm(value).token
        except LookupError:
            return value

    @staticmethod
    def _ordered(triples):
        return [
            {"token": token, "title": title, "count": count}
            for token, title, count in sorted(
                triples, key=lambda t: (-t[2], sort_key(t[1]))
            )
        ]

    def translate(self, message):
        if message not in self._titles:
            self._titles[message] = translate(message, context=self.request)
        return self._titles[message]

    # -- items ------------------------------------------------------------

    def row(self, brain):
        """A listed document as plain values, from metadata only."""
        token = brain.document_type
        window = brain.legal_window
        status = legal_status.status_on_day(*window, self.day) if window else None
        return DirectiveRow(
            url=brain.getURL(),
            uid=brain.UID,
            portal_type=brain.portal_type,
            title=brain.Title,
            description=brain.Description,
            document_number=brain.document_number,
            document_type=token or None,
            document_type_title=(
                self.translate(TYPE_TITLES.get(token, token)) if token else None
            ),
            issuing_body=brain.issuing_body,
            issue_date=brain.issue_date,
            effective_date=brain.document_effective_date,
            legal_status=status,
            legal_status_title=(
                self.translate(LEGAL_STATUS_TITLES[status]) if status else None
            ),
            sectors=tuple(brain.sectors or ()),
            review_state=brain.review_state,
            has_file=bool(brain.document_file),
        )

    def rows(self):
        """The rows of the current page."""
        return [self.row(brain) for brain in self.brains]


@dataclass(slots=True)
class DirectiveRow:
    """One listed document: catalog metadata and the status on the day of
    the listing, titles translated for the request."""

    url: str
    uid: str
    portal_type: str
    title: str
    description: str
    document_number: str | None
    document_type: str | None
    document_type_title: str | None
    issuing_body: str | None
    issue_date: date | None
    effective_date: date | None
    legal_status: str | None
    legal_status_title: str | None
    sectors: tuple
    review_state: str | None
    has_file: bool
