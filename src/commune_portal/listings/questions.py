"""The listing of citizen questions: ``GET @questions`` and the "Hỏi đáp"
view of the section.

Built on the query layer of official documents (``DirectiveListing``): one
catalog search, the sector facet counted on the whole result (or read from
the facet cache), the page sorted out of it, rows from metadata only
(``QuestionRow``). By default only published questions are listed, for
everyone; the moderators' own states are asked with ``review_state`` (the
catalog shows each user what they may see).
"""

from commune_portal.content.citizen_question import PORTAL_TYPE
from commune_portal.listings import facets
from commune_portal.listings import params
from commune_portal.listings.directives import _term_value
from commune_portal.listings.directives import DirectiveListing
from commune_portal.listings.directives import SECTORS_RECORD
from commune_portal.questions.codes import local_date
from commune_portal.text import fold
from dataclasses import dataclass
from datetime import date
from plone import api


STATES = ("published", "answered", "assigned", "submitted", "rejected")

# sort_on -> (indexes, reverse by default)
SORTS = {
    "published": (("effective",), True),  # newest answers first
    "created": (("created",), True),
    "title": (("sortable_title_vi",), False),  # Vietnamese order
}

# The request parameters of the listing.
PARAMETERS = (
    "q",
    "sector",
    "review_state",
    "sort_on",
    "sort_order",
    "b_start",
    "b_size",
    "facets",
)


class QuestionListing(DirectiveListing):
    """Filters, sorting, batching and the sector facet of the questions
    below ``context``. ``parse()`` raises ``params.BadParameter``."""

    parameters = PARAMETERS

    def parse(self):
        form = self.request.form
        self.query = query = {
            "path": "/".join(self.context.getPhysicalPath()),
            "portal_type": PORTAL_TYPE,
        }
        states = params.choices(form, "review_state", STATES)
        query["review_state"] = states or ["published"]

        text = params.single(form, "q")
        if text:
            # The site's lexicon indexes the words folded (indexers/lexicon.py).
            query["SearchableText"] = fold(text)

        sectors = [
            _term_value(self._vocabulary("commune_portal.vocabularies.Sectors"), s)
            for s in params.values(form, "sector")
        ]
        if sectors:
            query["sectors"] = {"query": sectors, "operator": "or"}
        return self.parse_page(SORTS, "published")

    def _facets(self, rids):
        sectors_setting = api.portal.get_registry_record(SECTORS_RECORD, default=None)
        return facets.cached(
            self.catalog,
            self.query,
            self.day,
            lambda: self._format_facets(facets.counts(self.catalog, "sectors", rids)),
            extra=(self.request.get("LANGUAGE"), tuple(sectors_setting or ())),
        )

    def _format_facets(self, sectors):
        vocabulary = self._vocabulary("commune_portal.vocabularies.Sectors")
        return {
            "sector": self._ordered(
                (self._token(vocabulary, value), value, count)
                for value, count in sectors.items()
            )
        }

    def row(self, brain):
        """A listed question as plain values, from metadata only."""
        sector = (brain.sectors or [None])[0]
        vocabulary = self._vocabulary("commune_portal.vocabularies.Sectors")
        answered = brain.question_answered
        published = brain.effective if brain.review_state == "published" else None
        return QuestionRow(
            url=brain.getURL(),
            uid=brain.UID,
            title=brain.Title,
            description=brain.Description,
            sector=sector,
            sector_token=self._token(vocabulary, sector) if sector else None,
            submitted=local_date(brain.created),
            answered=answered if isinstance(answered, date) else None,
            published=local_date(published) if published else None,
            review_state=brain.review_state,
            code=brain.question_code,
        )


@dataclass(frozen=True)
class QuestionRow:
    """One listed question: what the public may read of it (never the
    person asking)."""

    url: str
    uid: str
    title: str
    description: str
    sector: str | None
    sector_token: str | None
    submitted: date | None
    answered: date | None
    published: date | None
    review_state: str | None
    code: str | None
