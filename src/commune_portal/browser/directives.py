"""The "Văn bản" page: search, facets, a sortable table and paging over the
official documents below a folder or the site, with the parameters of
``@directives`` (``commune_portal.listings.directives``)."""

from commune_portal import _
from commune_portal.browser.dates import format_number
from commune_portal.browser.dates import localized_date
from commune_portal.browser.document import status_badge
from commune_portal.browser.printing import print_stylesheet_url
from commune_portal.listings.directives import DirectiveListing
from commune_portal.listings.directives import PARAMETERS
from commune_portal.listings.directives import SORTS
from commune_portal.listings.params import BadParameter
from commune_portal.listings.params import values
from commune_portal.vocabularies.document_types import DOCUMENT_TYPES
from commune_portal.vocabularies.official_document import LEGAL_STATUSES
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


# Parameters that may be given several times (OR); the others take one value.
REPEATABLE = ("document_type", "sector", "portal_type")

# The labels of the search form's fields (parameters without a field are
# named as written in the URL).
LABELS = {
    "q": _("Search text"),
    "document_number": _("Number and symbol"),
    "document_type": _("Document type"),
    "issuing_body": _("Issuing body"),
    "sector": _("Sectors"),
    "year": _("Year"),
    "issued_after": _("Issued from"),
    "issued_before": _("Issued until"),
    "legal_status": _("Legal status"),
    "is_legal_normative": _("Legal normative documents only"),
}

FACETS = (
    ("document_type", _("Document type")),
    ("year", _("Year")),
    ("legal_status", _("Legal status")),
    ("sector", _("Sectors")),
)

# (sort_on or None, header)
COLUMNS = (
    ("document_number", _("Number and symbol")),
    ("issue_date", _("Issue date")),
    ("title", _("Summary")),
    (None, _("Legal status")),
)

DEFAULT_SORT = "issue_date"


class DirectivesView(BrowserView):
    """``@@directives-view`` of a folder or of the site."""

    # What a listing page built on this one sets (browser/petitions.py).
    listing_class = DirectiveListing
    parameters = PARAMETERS
    labels = LABELS
    facet_labels = FACETS
    repeatable = REPEATABLE
    sorts = SORTS
    default_sort = DEFAULT_SORT
    table_columns = COLUMNS
    field_prefix = "directives"

    def make_listing(self):
        return self.listing_class(self.context, self.request)

    def __call__(self):
        self.query = [
            (name, value)
            for name in self.parameters
            for value in values(self.request.form, name)
        ]
        self.listing = listing = self.make_listing()
        self.error = None
        try:
            listing.parse().search()
        except BadParameter as error:
            self.error = {
                "name": error.name,
                "label": self.label(error.name),
                "field_id": (
                    self.field_id(error.name) if error.name in self.labels else None
                ),
                "message": self.translate(error.message),
            }
            # Links keep the query without the value that cannot be used.
            self.query = [(k, v) for k, v in self.query if k != error.name]
            listing.total, listing.brains, listing.facets = 0, (), None
        return self.index()

    def translate(self, message):
        return translate(message, context=self.request)

    def print_css_url(self):
        return print_stylesheet_url()

    def label(self, name):
        return self.translate(self.labels[name]) if name in self.labels else name

    # -- the current query ----------------------------------------------

    @property
    def base_url(self):
        """The address the page was called with, without its query."""
        return self.request.get("ACTUAL_URL") or self.request.getURL()

    def current(self, name):
        """The values of parameter ``name`` in the current query."""
        return [v for k, v in self.query if k == name]

    def value(self, name):
        found = self.current(name)
        return found[0] if found else ""

    def url(self, **changes):
        """The page with the current query changed: ``name=[values]``
        replaces a parameter, ``name=None`` removes it. Paging restarts
        unless ``b_start`` is given."""
        changes.setdefault("b_start", None)
        pairs = [(k, v) for k, v in self.query if k not in changes]
        for name in self.parameters:
            pairs.extend((name, v) for v in changes.get(name) or [])
        pairs.sort(key=lambda pair: self.parameters.index(pair[0]))
        query = urlencode(pairs)
        return f"{self.base_url}?{query}" if query else self.base_url

    def hidden_fields(self):
        """What the search form keeps without showing a field for it."""
        kept = ("portal_type", "sort_on", "sort_order", "b_size")
        return [{"name": k, "value": v} for k, v in self.query if k in kept]

    def clear_url(self):
        return self.base_url

    def has_filters(self):
        return any(name in self.labels for name, _value in self.query)

    # -- the search form ----------------------------------------------------

    def field_id(self, name):
        """The id of the search form's input for parameter ``name``."""
        return f"{self.field_prefix}-{name.replace('_', '-')}"

    def invalid(self, name):
        return bool(self.error) and self.error["name"] == name

    def _options(self, pairs, name):
        selected = self.current(name)
        return [
            {"value": token, "title": title, "selected": token in selected}
            for token, title in pairs
        ]

    def _vocabulary_pairs(self, vocabulary_name):
        vocabulary = getUtility(IVocabularyFactory, vocabulary_name)(self.context)
        return [(term.token, term.title or term.value) for term in vocabulary]

    def document_type_options(self):
        return self._options(
            [(token, self.translate(title)) for token, _abbr, title in DOCUMENT_TYPES],
            "document_type",
        )

    def legal_status_options(self):
        return self._options(
            [(token, self.translate(title)) for token, title in LEGAL_STATUSES],
            "legal_status",
        )

    def year_options(self):
        """The years of the result (facet), and the year asked for."""
        facets = self.listing.facets or {}
        years = {entry["token"] for entry in facets.get("year", [])}
        years.update(y for y in self.current("year") if y.isdigit())
        return self._options(
            [(y, y) for y in sorted(years, reverse=True)],
            "year",
        )

    def _with_facet(self, pairs, facet):
        """``pairs`` plus the facet's entries missing from them (values no
        longer in the control panel's list)."""
        known = {token for token, _title in pairs}
        extra = [
            (entry["token"], entry["title"])
            for entry in (self.listing.facets or {}).get(facet, [])
            if entry["token"] not in known
        ]
        return pairs + extra

    def sector_options(self):
        return self._options(
            self._with_facet(
                self._vocabulary_pairs("commune_portal.vocabularies.Sectors"), "sector"
            ),
            "sector",
        )

    def issuing_body_options(self):
        return self._options(
            self._vocabulary_pairs("commune_portal.vocabularies.IssuingBodies"),
            "issuing_body",
        )

    # -- facets ------------------------------------------------------------

    def facet_groups(self):
        """``{"name", "label", "entries": [{"title", "count", "url",
        "active"}]}``: a link adds the value to the query (or replaces it,
        for a parameter given once); an active value's link removes it."""
        facets = self.listing.facets
        if not facets:
            return []
        groups = []
        for name, label in self.facet_labels:
            current = self.current(name)
            entries = []
            for entry in facets.get(name) or []:
                given = {entry["token"], entry["title"]}
                active = bool(given.intersection(current))
                if active:
                    remaining = [v for v in current if v not in given]
                elif name in self.repeatable:
                    remaining = [*current, entry["token"]]
                else:
                    remaining = [entry["token"]]
                entries.append(
                    {
                        "title": entry["title"],
                        "count": entry["count"],
                        "active": active,
                        "url": self.url(**{name: remaining}),
                    }
                )
            if entries:
                groups.append(
                    {"name": name, "label": self.translate(label), "entries": entries}
                )
        return groups

    # -- the table ---------------------------------------------------------

    def sort_on(self):
        sort_on = self.value("sort_on")
        return sort_on if sort_on in self.sorts else self.default_sort

    def reverse(self):
        """Whether the current sort is descending."""
        reverse = getattr(self.listing, "reverse", None)
        if reverse is None:
            return self.sorts[self.sort_on()][1]
        return reverse

    def columns(self):
        """The table headers: ``{"label", "url", "sort"}``; ``url`` is
        ``None`` for a column that does not sort, ``sort`` the ``aria-sort``
        value of the active column."""
        active_on, reverse = self.sort_on(), self.reverse()
        found = []
        for sort_on, label in self.table_columns:
            column = {
                "label": self.translate(label),
                "url": None,
                "sort": None,
                "key": sort_on,
            }
            if sort_on is not None:
                if sort_on == active_on:
                    column["sort"] = "descending" if reverse else "ascending"
                    descending = not reverse
                else:
                    descending = self.sorts[sort_on][1]
                column["url"] = self.url(
                    sort_on=[sort_on],
                    sort_order=["descending" if descending else "ascending"],
                )
            found.append(column)
        return found

    def number(self, count):
        """A count as the reader writes numbers (``12.345`` in Vietnamese)."""
        return format_number(count, self.request.get("LANGUAGE"))

    def total_text(self):
        return self.translate(
            _("${count} documents", mapping={"count": self.number(self.listing.total)})
        )

    def items(self):
        """The rows of the current page, from catalog metadata only."""
        return [
            {
                "url": row.url,
                "title": row.title,
                "description": row.description,
                "number": row.document_number,
                "type": row.document_type_title,
                "issue_date": localized_date(row.issue_date, self.request),
                "issue_date_iso": row.issue_date.isoformat() if row.issue_date else "",
                "status": row.legal_status_title or "",
                "status_css": status_badge(row.legal_status)
                if row.legal_status
                else "",
                "file": f"{row.url}/@@download/file" if row.has_file else None,
                "review_state": row.review_state,
            }
            for row in self.listing.rows()
        ]

    # -- paging ------------------------------------------------------------

    def pages(self):
        """``None`` when one page holds everything, else ``{"previous",
        "next", "pages": [{"number", "url", "current"} or None for a gap]}``."""
        listing = self.listing
        total = listing.total
        size = getattr(listing, "b_size", None)
        if not size or total <= size:
            return None
        start = listing.b_start
        count = (total + size - 1) // size
        current = min(start // size, count - 1)
        shown = sorted(
            {0, count - 1, *range(max(current - 2, 0), min(current + 3, count))}
        )
        pages, previous = [], None
        for number in shown:
            if previous is not None and number > previous + 1:
                pages.append(None)
            pages.append(
                {
                    "number": number + 1,
                    "url": self.url(b_start=[str(number * size)]),
                    "current": number == current,
                }
            )
            previous = number
        return {
            "previous": (
                self.url(b_start=[str((current - 1) * size)]) if current > 0 else None
            ),
            "next": (
                self.url(b_start=[str((current + 1) * size)])
                if current < count - 1
                else None
            ),
            "pages": pages,
        }
