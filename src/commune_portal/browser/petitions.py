"""The voters' petitions page (``petitions-view``, the layout of
``/hdnd/kien-nghi-cu-tri``, also shown on a term): search, filters by
status, sector, constituency and term with counts, a sortable table and
paging, with the parameters of ``@voter-petitions``
(``commune_portal.listings.council``). Each petition shows its state, its
deadline (and whether it is overdue) and, once published, the beginning of
the response. Never who raised it.

The page is the "Văn bản" page (``DirectivesView``, its form macros, facets
and paging) on another listing.
"""

from commune_portal import _
from commune_portal.browser.council import state_badge
from commune_portal.browser.dates import localized_date
from commune_portal.browser.directives import DirectivesView
from commune_portal.listings.council import PETITION_PARAMETERS
from commune_portal.listings.council import PETITION_SORTS
from commune_portal.listings.council import PETITION_STATES
from commune_portal.listings.council import PetitionListing
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


TERM = "CouncilTerm"

LABELS = {
    "q": _("Search text"),
    "status": _("Status"),
    "sector": _("Sectors"),
    "constituency": _("Constituency"),
    "term": _("Council term"),
    "overdue": _("Overdue petitions only"),
}

FACETS = (
    ("status", _("Status")),
    ("overdue", _("Answer deadline")),
    ("sector", _("Sectors")),
    ("constituency", _("Constituency")),
    ("term", _("Council term")),
)

# (sort_on or None, header)
COLUMNS = (
    ("title", _("Petition")),
    ("meeting_date", _("Meeting with voters")),
    ("deadline", _("Answer due by")),
    (None, _("Status")),
)


def listing_root(context):
    """Where the council pages look for records: the term they are shown
    on, or else the whole site (the petitions and the kỷ yếu sections hold
    none themselves: the records live in the terms of ``/hdnd``)."""
    if getattr(context, "portal_type", None) == TERM:
        return context
    return api.portal.get_navigation_root(context)


class PetitionsView(DirectivesView):
    """``@@petitions-view`` of a folder, a term or the site."""

    listing_class = PetitionListing
    parameters = PETITION_PARAMETERS
    labels = LABELS
    facet_labels = FACETS
    repeatable = ("status", "sector")
    sorts = PETITION_SORTS
    default_sort = "meeting_date"
    table_columns = COLUMNS
    field_prefix = "petitions"

    # The form, facets and paging of the "Văn bản" page.
    listing_macros = ViewPageTemplateFile("templates/directives.pt")

    def make_listing(self):
        return self.listing_class(
            self.context, self.request, root=listing_root(self.context)
        )

    # -- the search form --------------------------------------------------

    def status_options(self):
        return self._options(
            [(state, self.listing.state_title(state)) for state in PETITION_STATES],
            "status",
        )

    def sector_options(self):
        return self._options(
            self._with_facet(
                self._vocabulary_pairs("commune_portal.vocabularies.Sectors"), "sector"
            ),
            "sector",
        )

    def _facet_options(self, name):
        """The values of the result (facet), and the value asked for."""
        pairs = [
            (entry["token"], entry["title"])
            for entry in (self.listing.facets or {}).get(name, [])
        ]
        known = {token for token, _title in pairs}
        pairs.extend((v, v) for v in self.current(name) if v not in known)
        return self._options(pairs, name)

    def constituency_options(self):
        return self._facet_options("constituency")

    def term_options(self):
        return self._facet_options("term")

    def overdue_checked(self):
        return self.value("overdue").lower() in ("1", "true", "yes", "on")

    # -- the table ----------------------------------------------------------

    def total_text(self):
        return self.translate(
            _("${count} petitions", mapping={"count": self.number(self.listing.total)})
        )

    def items(self):
        """The rows of the current page, from catalog metadata only; the
        response only once the petition is published."""
        found = []
        for row in self.listing.rows():
            published = row.review_state == "published"
            found.append(
                {
                    "url": row.url,
                    "title": row.title,
                    "description": row.description,
                    "source_meeting": row.source_meeting,
                    "meeting_date": localized_date(row.meeting_date, self.request),
                    "meeting_date_iso": (
                        row.meeting_date.isoformat() if row.meeting_date else ""
                    ),
                    "constituency": row.constituency,
                    "sectors": ", ".join(row.sectors),
                    "responsible_agency": row.responsible_agency,
                    "deadline": localized_date(row.deadline, self.request),
                    "deadline_iso": row.deadline.isoformat() if row.deadline else "",
                    "overdue": row.overdue,
                    "state": row.review_state,
                    "state_title": row.review_state_title or "",
                    "badge": state_badge(row.review_state),
                    "response": row.response_excerpt if published else None,
                    "response_date": (
                        localized_date(row.response_date, self.request)
                        if published
                        else ""
                    ),
                    "response_date_iso": (
                        row.response_date.isoformat()
                        if published and row.response_date
                        else ""
                    ),
                }
            )
        return found
