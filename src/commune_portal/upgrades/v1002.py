"""Upgrade 1001 -> 1002: Vietnamese search and title order for the site;
the leader's and officers' retract shown in Plone's toolbar.

The lexicon switch empties the text indexes (``SearchableText``, ``Title``,
``Description``, ``document_text``); they and the new ``sortable_title_vi``
are filled in one pass over the catalogued content, with progress in the
log. Metadata is not touched.
"""

from commune_portal.setuphandlers import vietnamese_search
from plone import api
import logging


logger = logging.getLogger(__name__)


def install_vietnamese_search(setup_tool):
    vietnamese_search(api.portal.get_tool("portal_catalog"))


def update_published_security(setup_tool):
    """The two editorial workflows give "Review portal content" on published
    items to who may retract them, so that Plone's toolbar offers the
    retract. Only the published items of those workflows are updated
    (``View`` is unchanged: no reindex)."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflows = {
        workflow_id: workflow_tool.getWorkflowById(workflow_id)
        for workflow_id in ("commune_editorial_workflow", "commune_simple_workflow")
    }
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        review_state="published"
    )
    updated = 0
    for brain in brains:
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            logger.warning("Cannot reach %s, skipped", brain.getPath())
            continue
        for workflow_id in workflow_tool.getChainFor(obj):
            if workflow_id in workflows:
                workflows[workflow_id].updateRoleMappingsFor(obj)
                updated += 1
    logger.info("Security of %d published items updated", updated)
