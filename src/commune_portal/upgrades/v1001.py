"""Upgrade 1000 -> 1001: fill the new catalog entries.

The "my work" lists:
Only the items the lists can show are reindexed: those waiting for review
or approval and those back in private (where rejected items are), and only
the two new indexes (metadata ``last_review`` comes with them).
"""

from commune_portal.indexers.workflow import WORKFLOW_INDEXES
from plone import api
import logging


logger = logging.getLogger(__name__)

STATES = ("pending_review", "pending_approval", "private")


def index_work_lists(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(review_state=list(STATES))
    total = len(brains)
    logger.info("Indexing %d items for the work lists", total)
    for number, brain in enumerate(brains, start=1):
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            logger.warning("Cannot reach %s, skipped", brain.getPath())
            continue
        obj.reindexObject(idxs=list(WORKFLOW_INDEXES))
        if number % 250 == 0:
            logger.info("%d of %d items indexed", number, total)
    logger.info("Work lists indexed (%d items)", total)


def index_document_sort_keys(setup_tool):
    """Official documents get one sort key per order (``issue_sort``,
    ``effective_sort``) and their folded text (``document_text``): index
    those for the documents only."""
    from commune_portal.behaviors.official_document import OFFICIAL_DOCUMENT_TYPES

    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=list(OFFICIAL_DOCUMENT_TYPES)
    )
    total = len(brains)
    logger.info("Indexing the sort keys of %d official documents", total)
    for number, brain in enumerate(brains, start=1):
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            logger.warning("Cannot reach %s, skipped", brain.getPath())
            continue
        obj.reindexObject(idxs=["issue_sort", "effective_sort", "document_text"])
        if number % 250 == 0:
            logger.info("%d of %d documents indexed", number, total)
    logger.info("Sort keys indexed (%d documents)", total)
