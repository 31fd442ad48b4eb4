"""``GET <folder or site>/@directives``: official documents, filtered,
sorted, batched, with facets (CONTRACT.md)."""

from commune_portal.listings.directives import DirectiveListing
from commune_portal.services.listing import iso
from commune_portal.services.listing import ListingGet


def item(row):
    """A listed document in JSON (CONTRACT.md)."""
    return {
        "@id": row.url,
        "UID": row.uid,
        "@type": row.portal_type,
        "title": row.title,
        "description": row.description,
        "document_number": row.document_number,
        "document_type": (
            {"token": row.document_type, "title": row.document_type_title}
            if row.document_type
            else None
        ),
        "issuing_body": row.issuing_body,
        "issue_date": iso(row.issue_date),
        "effective_date": iso(row.effective_date),
        "legal_status": (
            {"token": row.legal_status, "title": row.legal_status_title}
            if row.legal_status
            else None
        ),
        "sectors": list(row.sectors),
        "review_state": row.review_state,
        "file": f"{row.url}/@@download/file" if row.has_file else None,
    }


class DirectivesGet(ListingGet):
    listing = DirectiveListing
    endpoint = "@directives"
    item = staticmethod(item)
