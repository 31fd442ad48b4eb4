"""``GET <folder or site>/@council-sessions``: council sessions, filtered,
newest first, batched, with facets and, with ``materials=true``, each
session's materials and resolutions, its elections and votes of
confidence, with the results of their votes (docs/council.md)."""

from commune_portal.listings.council import iso_moment
from commune_portal.listings.council import SessionListing
from commune_portal.listings.council import VOTABLE_TYPES
from commune_portal.services.listing import ListingGet
from plone.restapi.serializer.converters import json_compatible


def _result(row):
    """The frozen outcome and counts of a vote, in JSON; ``None`` until the
    vote closes."""
    return json_compatible(row.vote_result) if row.vote_result else None


def material(row):
    """A material or resolution of a listed session in JSON; a resolution
    with the result of its vote."""
    found = {
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
    if row.portal_type in VOTABLE_TYPES:
        found["vote_result"] = _result(row)
    return found


def vote(row):
    """An election or vote of confidence of a listed session in JSON."""
    return {
        "@id": row.url,
        "UID": row.uid,
        "@type": row.portal_type,
        "title": row.title,
        "review_state": row.review_state,
        "vote_result": _result(row),
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
        found["votes"] = [vote(entry) for entry in row.votes or ()]
    return found


class CouncilSessionsGet(ListingGet):
    listing = SessionListing
    endpoint = "@council-sessions"
    item = staticmethod(item)
