"""Catalog indexers of citizen questions, in the catalogs of the add-on's
sites only (``ICommunePortalCatalog``).

What a question puts in the catalog is what the public may read once it is
published: subject, question, answer, sector, code and dates. The asker's
name, address, phone and e-mail are never indexed, nor in metadata: the
catalog is queried by anonymous visitors (``@search``, the search page) and
its metadata are served to them for what they may see.
"""

from commune_portal.content.citizen_question import ICitizenQuestion
from commune_portal.interfaces import ICommunePortalCatalog
from commune_portal.questions.codes import local_date
from commune_portal.questions.mail import answer_text
from plone.indexer import indexer
from zope.interface import Interface


@indexer(Interface, ICommunePortalCatalog)
def no_value(obj):
    raise AttributeError("not a citizen question")


@indexer(ICitizenQuestion, ICommunePortalCatalog)
def question_code(obj):
    """The tracking code (index and metadata): the look-up by code and the
    moderation list."""
    return getattr(obj, "tracking_code", None) or None


@indexer(ICitizenQuestion, ICommunePortalCatalog)
def question_answered(obj):
    """The day of the answer in the site's time zone (metadata): the
    listings and the statistics read it without waking the question."""
    return local_date(getattr(obj, "answered_date", None))


@indexer(ICitizenQuestion, ICommunePortalCatalog)
def sectors(obj):
    """The question's sector, in the index and metadata that documents and
    procedures share (facets, filters)."""
    sector = getattr(obj, "sector", None)
    return [sector] if sector else None


@indexer(ICitizenQuestion, ICommunePortalCatalog)
def searchable_text(obj):
    """Subject, question, answer, sector and code; the site's lexicon folds
    tone marks. Never the asker's data."""
    parts = [
        obj.title,
        getattr(obj, "question", None),
        answer_text(obj),
        getattr(obj, "sector", None),
        getattr(obj, "tracking_code", None),
    ]
    return " ".join(part for part in parts if part)
