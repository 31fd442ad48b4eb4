"""Upgrade 1000 -> 1001: fill the new catalog entries.

The "my work" lists:
Only the items the lists can show are reindexed: those waiting for review
or approval and those back in private (where rejected items are), and only
the two new indexes (metadata ``last_review`` comes with them).
"""

from commune_portal.indexers.workflow import WORKFLOW_INDEXES
from commune_portal.upgrades import reindex
from plone import api


STATES = ("pending_review", "pending_approval", "private")


def index_work_lists(setup_tool):
    reindex(
        api.portal.get_tool("portal_catalog"),
        WORKFLOW_INDEXES,
        "items of the work lists",
        review_state=list(STATES),
    )


def index_document_sort_keys(setup_tool):
    """Official documents get one sort key per order (``issue_sort``,
    ``effective_sort``) and their folded text (``document_text``): index
    those for the documents only."""
    from commune_portal.behaviors.official_document import OFFICIAL_DOCUMENT_TYPES

    reindex(
        api.portal.get_tool("portal_catalog"),
        ("issue_sort", "effective_sort", "document_text"),
        "official documents (sort keys)",
        portal_type=list(OFFICIAL_DOCUMENT_TYPES),
    )
