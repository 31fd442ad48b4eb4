"""The kỷ yếu page (``proceedings-view``, the layout of ``/hdnd/ky-yeu``):
the sessions of all terms whose materials the secretary published into the
kỷ yếu, newest first, each with its published materials and resolutions
and their files; search, filters by year, kind and term, paging. The query
is the one of ``@council-sessions?proceedings=true&materials=true``
(``commune_portal.listings.council``): the materials of a page come from
one catalog query.

The page is the "Văn bản" page (``DirectivesView``, its form macros,
facets and paging) on another listing.
"""

from commune_portal import _
from commune_portal.browser.council import session_days
from commune_portal.browser.dates import localized_date
from commune_portal.browser.directives import DirectivesView
from commune_portal.browser.petitions import listing_root
from commune_portal.indexers.council import site_day
from commune_portal.listings.council import SESSION_PARAMETERS
from commune_portal.listings.council import SESSION_SORTS
from commune_portal.listings.council import SessionListing
from commune_portal.vocabularies.council import SESSION_KINDS
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


# Sessions per page: each comes with its materials (a dozen or two).
PAGE_SIZE = 10

LABELS = {
    "q": _("Search text"),
    "year": _("Year"),
    "session_kind": _("Kind of session"),
    "term": _("Council term"),
}

FACETS = (
    ("year", _("Year")),
    ("session_kind", _("Kind of session")),
    ("term", _("Council term")),
)


class ProceedingsListing(SessionListing):
    """The sessions in the kỷ yếu with their published materials."""

    proceedings_only = True
    with_materials = True
    material_states = ("published",)
    vote_types = ()  # the kỷ yếu lists documents, not votes


class ProceedingsView(DirectivesView):
    """``@@proceedings-view`` of a folder, a term or the site."""

    listing_class = ProceedingsListing
    parameters = SESSION_PARAMETERS
    labels = LABELS
    facet_labels = FACETS
    repeatable = ("session_kind",)
    sorts = SESSION_SORTS
    default_sort = "start"
    table_columns = ()
    field_prefix = "proceedings"

    # The form, facets and paging of the "Văn bản" page.
    listing_macros = ViewPageTemplateFile("templates/directives.pt")

    def make_listing(self):
        self.request.form.setdefault("b_size", str(PAGE_SIZE))
        return self.listing_class(
            self.context, self.request, root=listing_root(self.context)
        )

    def hidden_fields(self):
        """The form keeps the page size, not the rest (no sorting here)."""
        return [{"name": k, "value": v} for k, v in self.query if k == "b_size"]

    # -- the search form --------------------------------------------------

    def session_kind_options(self):
        return self._options(
            [(token, self.translate(title)) for token, title in SESSION_KINDS],
            "session_kind",
        )

    def term_options(self):
        pairs = [
            (entry["token"], entry["title"])
            for entry in (self.listing.facets or {}).get("term", [])
        ]
        known = {token for token, _title in pairs}
        pairs.extend((v, v) for v in self.current("term") if v not in known)
        return self._options(pairs, "term")

    # -- the sessions ---------------------------------------------------------

    def total_text(self):
        return self.translate(
            _(
                "${count} sessions in the proceedings",
                mapping={"count": self.number(self.listing.total)},
            )
        )

    def material(self, row):
        kind = row.material_kind_title
        if row.portal_type == "Resolution":
            kind = self.translate(_("Resolution"))
        return {
            "url": row.url,
            "title": row.title,
            "number": row.document_number or "",
            "kind": kind or "",
            "type": row.portal_type,
            "file": f"{row.url}/@@download/file" if row.has_file else None,
        }

    def sessions(self):
        """The sessions of the page with their published materials, from
        catalog metadata only."""
        found = []
        for row in self.listing.rows():
            found.append(
                {
                    "url": row.url,
                    "uid": row.uid,
                    "title": row.title,
                    # A session without its own title is called by its label.
                    "label": row.label if row.label != row.title else "",
                    "description": row.description,
                    "kind": row.session_kind_title or "",
                    "days": session_days(row.start, row.end, self.request),
                    "location": row.location or "",
                    "term_url": row.term_url,
                    "term_title": row.term_title,
                    "entered": localized_date(
                        site_day(row.proceedings_date), self.request
                    ),
                    "materials": [self.material(m) for m in row.materials or ()],
                }
            )
        return found
