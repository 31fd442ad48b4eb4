"""The catalogue of administrative procedures of a folder ("Thủ tục hành
chính"): search, filters by sector and online-service level with counts,
procedures grouped by sector. The query is the one of ``@procedures``
(``commune_portal.listings.procedures``)."""

from commune_portal.browser.printing import print_stylesheet_url
from commune_portal.listings.params import BadParameter
from commune_portal.listings.procedures import ProcedureListing
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate


# A commune publishes one to two hundred procedures: one page, grouped.
PAGE_SIZE = 200


class ProceduresView(BrowserView):
    """``@@procedures-view`` of a folder or the site root."""

    error = None

    def __call__(self):
        form = self.request.form
        form.setdefault("b_size", str(PAGE_SIZE))
        self.listing = ProcedureListing(self.context, self.request)
        try:
            self.listing.parse().search()
        except BadParameter as error:
            self.error = {
                "name": error.name,
                "message": translate(error.message, context=self.request),
            }
            self.listing.total, self.listing.brains, self.listing.facets = 0, (), None
        return self.index()

    def print_css_url(self):
        return print_stylesheet_url()

    def base_url(self):
        return f"{self.context.absolute_url()}/@@procedures-view"

    def text(self):
        return self.request.form.get("q", "")

    def _selected(self, name):
        value = self.request.form.get(name)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def _url(self, **changes):
        params = {
            key: value
            for key, value in self.request.form.items()
            if key in ("q", "sector", "online_service") and value
        }
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = value
        query = urlencode(params, doseq=True)
        return f"{self.base_url()}?{query}" if query else self.base_url()

    def facet_groups(self):
        """``[{"name", "options": [{"title", "count", "url", "selected"}],
        "clear_url"}]`` for the sector and online-service filters."""
        facets = self.listing.facets or {}
        groups = []
        for name, parameter in (
            ("sector", "sector"),
            ("online_service", "online_service"),
        ):
            selected = self._selected(parameter)
            options = [
                {
                    "title": option["title"],
                    "count": option["count"],
                    "selected": option["token"] in selected
                    or option["title"] in selected,
                    "url": self._url(**{parameter: option["token"]}),
                }
                for option in facets.get(name, ())
            ]
            groups.append(
                {
                    "name": name,
                    "options": options,
                    "clear_url": self._url(**{parameter: None}) if selected else None,
                }
            )
        return groups

    def groups(self):
        """The procedures of the result grouped by their first sector, the
        groups in the order of the sector facet (largest first)."""
        order = [
            option["title"] for option in (self.listing.facets or {}).get("sector", ())
        ]
        found = {}
        for brain in self.listing.brains:
            row = self.listing.row(brain)
            sector = row.sectors[0] if row.sectors else ""
            found.setdefault(sector, []).append(row)
        ordered = sorted(
            found, key=lambda s: (s == "", order.index(s) if s in order else len(order))
        )
        return [{"sector": sector, "rows": found[sector]} for sector in ordered]

    def total(self):
        return self.listing.total
