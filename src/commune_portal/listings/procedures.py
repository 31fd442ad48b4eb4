"""The listing of administrative procedures: ``@procedures`` and the
"Thủ tục hành chính" catalogue view.

Built on the query layer of official documents (``DirectiveListing``): one
catalog search gives the whole filtered result as record ids, the facets
(sector, online-service level) are counted on it (or read from the facet
cache) and the page is sorted out of it. Rows are plain values from catalog
metadata (``ProcedureRow``); the REST service and the view format them.
"""

from commune_portal import _
from commune_portal.content.procedure import PORTAL_TYPE
from commune_portal.content.procedure import short_code
from commune_portal.listings import facets
from commune_portal.listings import params
from commune_portal.listings.directives import _term_value
from commune_portal.listings.directives import DirectiveListing
from commune_portal.listings.directives import SECTORS_RECORD
from commune_portal.vocabularies.procedures import IMPLEMENTATION_LEVELS
from commune_portal.vocabularies.procedures import ONLINE_SERVICE_LEVELS
from dataclasses import dataclass
from plone import api


# sort_on -> (indexes, reverse by default)
SORTS = {
    "title": (("sortable_title_vi",), False),  # Vietnamese order
    "procedure_code": (("procedure_code_key",), False),
}

# The request parameters of the listing (CONTRACT.md).
PARAMETERS = (
    "q",
    "code",
    "sector",
    "online_service",
    "implementation_level",
    "legal_basis_outdated",
    "sort_on",
    "sort_order",
    "b_start",
    "b_size",
    "facets",
)

ONLINE_SERVICE_TITLES = dict(ONLINE_SERVICE_LEVELS)


class ProcedureListing(DirectiveListing):
    """Filters, sorting, batching and facets of procedures below
    ``context``. ``parse()`` raises ``params.BadParameter``."""

    parameters = PARAMETERS

    def parse(self):
        form = self.request.form
        self.query = query = {
            "path": "/".join(self.context.getPhysicalPath()),
            "portal_type": PORTAL_TYPE,
        }
        text = params.single(form, "q")
        if text:
            # The site's lexicon folds tone marks (indexers/lexicon.py).
            query["SearchableText"] = text

        code = params.single(form, "code")
        if code:
            key = short_code(code)
            if key is None:
                raise params.BadParameter(
                    "code",
                    _(
                        "Expected a procedure code such as 1.001193 or "
                        "1.001612.000.00.00.H48."
                    ),
                )
            query["procedure_code_key"] = key

        sectors = [
            _term_value(self._vocabulary("commune_portal.vocabularies.Sectors"), s)
            for s in params.values(form, "sector")
        ]
        if sectors:
            query["sectors"] = {"query": sectors, "operator": "or"}

        levels = params.choices(form, "online_service", list(ONLINE_SERVICE_TITLES))
        if levels:
            query["online_service"] = levels

        implementation = params.choices(
            form, "implementation_level", [token for token, _t in IMPLEMENTATION_LEVELS]
        )
        if implementation:
            query["implementation_levels"] = {
                "query": implementation,
                "operator": "or",
            }

        outdated = params.boolean(form, "legal_basis_outdated")
        if outdated is True:
            query["legal_basis_end"] = {"query": self.day, "range": "max"}
        elif outdated is False:
            query["legal_basis_end"] = {"query": self.day + 1, "range": "min"}

        return self.parse_page(SORTS, "title")

    def _facets(self, rids):
        """The facets of the whole result, formatted: from the cache, as
        ``DirectiveListing`` does (per language and sector list; formatting
        them cost more than the catalog search at 5,000 procedures,
        bench/procedures.py). Shared between requests: read it, do not
        change it."""
        sectors_setting = api.portal.get_registry_record(SECTORS_RECORD, default=None)
        return facets.cached(
            self.catalog,
            self.query,
            self.day,
            lambda: self._format_facets(
                facets.counts(self.catalog, "sectors", rids),
                facets.counts(self.catalog, "online_service", rids),
            ),
            extra=(self.request.get("LANGUAGE"), tuple(sectors_setting or ())),
        )

    def _format_facets(self, sectors, levels):
        vocabulary = self._vocabulary("commune_portal.vocabularies.Sectors")
        return {
            "sector": self._ordered(
                (self._token(vocabulary, value), value, count)
                for value, count in sectors.items()
            ),
            # In the order of the levels, fully online first.
            "online_service": [
                {
                    "token": token,
                    "title": self.translate(title),
                    "count": levels[token],
                }
                for token, title in ONLINE_SERVICE_LEVELS
                if levels.get(token)
            ],
        }

    def row(self, brain):
        """A listed procedure as plain values, from metadata only."""
        level = brain.online_service
        end = brain.legal_basis_end
        return ProcedureRow(
            url=brain.getURL(),
            uid=brain.UID,
            title=brain.Title,
            description=brain.Description,
            procedure_code=brain.procedure_code,
            sectors=tuple(brain.sectors or ()),
            online_service=level or None,
            online_service_title=(
                self.translate(ONLINE_SERVICE_TITLES[level])
                if level in ONLINE_SERVICE_TITLES
                else None
            ),
            processing_days=brain.processing_days,
            fee_summary=brain.fee_summary,
            national_portal_url=brain.national_portal_url,
            legal_basis_outdated=bool(end) and end <= self.day,
            review_state=brain.review_state,
        )


@dataclass(frozen=True)
class ProcedureRow:
    """One listed procedure: catalog metadata, titles translated for the
    request, whether its legal basis is outdated on the day of the listing."""

    url: str
    uid: str
    title: str
    description: str
    procedure_code: str | None
    sectors: tuple
    online_service: str | None
    online_service_title: str | None
    processing_days: int | None
    fee_summary: str | None
    national_portal_url: str | None
    legal_basis_outdated: bool
    review_state: str | None
