"""``GET <folder or site>/@procedures``: administrative procedures,
filtered, sorted, batched, with facets (CONTRACT.md)."""

from commune_portal.listings.params import bad_request
from commune_portal.listings.params import BadParameter
from commune_portal.listings.procedures import ProcedureListing
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service


def item(row):
    """A listed procedure in JSON (CONTRACT.md)."""
    return {
        "@id": row.url,
        "UID": row.uid,
        "@type": "Procedure",
        "title": row.title,
        "description": row.description,
        "procedure_code": row.procedure_code,
        "sectors": list(row.sectors),
        "online_service": (
            {"token": row.online_service, "title": row.online_service_title}
            if row.online_service
            else None
        ),
        "processing_days": row.processing_days,
        "fee_summary": row.fee_summary,
        "national_portal_url": row.national_portal_url,
        "legal_basis_outdated": row.legal_basis_outdated,
        "review_state": row.review_state,
    }


class ProceduresGet(Service):
    def reply(self):
        listing = ProcedureListing(self.context, self.request)
        try:
            listing.parse().search()
        except BadParameter as error:
            return bad_request(self.request, error.name, error.message)
        # The page is already cut by the catalog; the batch reads its
        # total and writes the links.
        batch = HypermediaBatch(self.request, listing.brains)
        result = {
            "@id": f"{self.context.absolute_url()}/@procedures",
            "items_total": batch.items_total,
            "items": [item(listing.row(brain)) for brain in batch],
        }
        if batch.links:
            result["batching"] = batch.links
        if listing.facets is not None:
            result["facets"] = listing.facets
        return result
