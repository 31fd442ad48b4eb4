"""``GET <folder or site>/@voter-petitions``: voters' petitions, filtered,
batched, with facets; never who raised them (docs/council.md)."""

from commune_portal.listings.council import PetitionListing
from commune_portal.services.listing import iso
from commune_portal.services.listing import ListingGet


def item(row):
    """A listed petition in JSON (docs/council.md)."""
    return {
        "@id": row.url,
        "UID": row.uid,
        "@type": "VoterPetition",
        "title": row.title,
        "description": row.description,
        "source_meeting": row.source_meeting,
        "meeting_date": iso(row.meeting_date),
        "constituency": row.constituency,
        "sectors": list(row.sectors),
        "responsible_agency": row.responsible_agency,
        "deadline": iso(row.deadline),
        "response_date": iso(row.response_date),
        "review_state": (
            {"token": row.review_state, "title": row.review_state_title}
            if row.review_state
            else None
        ),
        "overdue": row.overdue,
    }


class VoterPetitionsGet(ListingGet):
    listing = PetitionListing
    endpoint = "@voter-petitions"
    item = staticmethod(item)
