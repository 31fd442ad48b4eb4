"""``GET <section>/@questions``: the published questions and their
answers, searchable (``q``, accent-insensitive) and filtered by sector,
batched, with the sector facet (docs/questions.md)."""

from commune_portal.listings.questions import QuestionListing
from commune_portal.services.listing import iso
from commune_portal.services.listing import ListingGet


def item(row):
    """A listed question in JSON: never the person asking."""
    return {
        "@id": row.url,
        "UID": row.uid,
        "@type": "CitizenQuestion",
        "title": row.title,
        "description": row.description,
        "sector": (
            {"token": row.sector_token, "title": row.sector} if row.sector else None
        ),
        "submitted": iso(row.submitted),
        "answered": iso(row.answered),
        "published": iso(row.published),
        "review_state": row.review_state,
    }


class QuestionsGet(ListingGet):
    listing = QuestionListing
    endpoint = "@questions"
    item = staticmethod(item)
