"""Upgrade 1002 -> 1003, the listing's full text: ``@directives?q=``
searches ``SearchableText``, which now holds what the add-on's own
``document_text`` index held (summary, description, number, issuer, signer
and sectors of official documents). The site's Vietnamese lexicon already
makes ``SearchableText`` ignore tone marks and đ, so the second text index
only doubled the indexing work (docs/performance.md): it is removed.
"""

from commune_portal.behaviors.official_document import OFFICIAL_DOCUMENT_TYPES
from commune_portal.upgrades import each_object
from plone import api
import logging


logger = logging.getLogger(__name__)


def search_documents_by_searchable_text(setup_tool):
    """Remove the ``document_text`` index, then reindex ``SearchableText``
    of the official documents (only they changed). Idempotent."""
    catalog = api.portal.get_tool("portal_catalog")
    if "document_text" in catalog.indexes():
        catalog.delIndex("document_text")
        logger.info("Removed the document_text index")
    brains = catalog.unrestrictedSearchResults(
        portal_type=list(OFFICIAL_DOCUMENT_TYPES)
    )
    for obj in each_object(brains, "official documents"):
        # No metadata column depends on the text.
        catalog.reindexObject(obj, idxs=["SearchableText"], update_metadata=0)
