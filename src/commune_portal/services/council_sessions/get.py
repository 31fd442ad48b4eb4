"""``GET <folder or site>/@council-sessions``: council sessions, filtered,
newest first, batched, with facets and, with ``materials=true``, each
session's materials and resolutions (docs/council.md)."""

from commune_portal.listings.council import iso_moment
from commune_portal.listings.council import SessionListing
from commune_portal.services.listing import ListingGet


def material(row):
    """A material or resolution of a listed session in JSON."""
    return {
        "@id": row.url,
        "UID": row.uid,
        "@type": row.portal_type,
        "title": row.title,
        "material_kind": (
            {"token": row.material_kind, "title": row.material_kind_title}
            if row.material_kind
            else None
        ),
        "document_number": row.document_number,
        "review_state": row.review_state,
        "file": f"{row.url}/@@download/file" if row.has_file else None,
    }


def item(row):
    """A listed session in JSON (docs/council.md)."""
    found = {
        "@id": row.url,
        "UID": row.uid,
        "@type": "CouncilSession",
        "title": row.title,
        "description": row.description,
        "label": row.label,
        "session_number": row.session_number,
        "session_kind": (
            {"token": row.session_kind, "title": row.session_kind_title}
            if row.session_kind
            else None
        ),
        "start": iso_moment(row.start),
        "end": iso_moment(row.end),
        "location": row.location,
        "review_state": row.review_state,
        "proceedings_date": iso_moment(row.proceedings_date),
        "term": (
            {"@id": row.term_url, "title": row.term_title} if row.term_url else None
        ),
    }
    if row.materials is not None:
        found["materials"] = [material(entry) for entry in row.materials]
    return found


class CouncilSessionsGet(ListingGet):
    listing = SessionListing
    endpoint = "@council-sessions"
    item = staticmethod(item)
