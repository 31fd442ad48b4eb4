"""``GET <folder or site>/@procedures``: administrative procedures,
filtered, sorted, batched, with facets (CONTRACT.md)."""

from commune_portal.listings.procedures import ProcedureListing
from commune_portal.services.listing import ListingGet


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


class ProceduresGet(ListingGet):
    listing = ProcedureListing
    endpoint = "@procedures"
    item = staticmethod(item)
