"""Upgrade 1001 -> 1002: Vietnamese search and title order for the site;
the leader's and officers' retract shown in Plone's toolbar.

The lexicon switch empties the text indexes (``SearchableText``, ``Title``,
``Description``, ``document_text``); they and the new ``sortable_title_vi``
are filled in one pass over the catalogued content, with progress in the
log. Metadata is not touched.
"""

from commune_portal.setuphandlers import vietnamese_search
from commune_portal.upgrades import each_object
from commune_portal.workflows import history
from commune_portal.workflows.publication import WORKFLOW_IDS
from plone import api
import logging


logger = logging.getLogger(__name__)


def install_vietnamese_search(setup_tool):
    vietnamese_search(api.portal.get_tool("portal_catalog"))


def update_published_security(setup_tool):
    """The two editorial workflows give "Review portal content" on published
    items to who may retract them, so that Plone's toolbar offers the
    retract: the published items of those workflows are updated (``View``
    is unchanged: no reindex of security). Published items of our workflows
    without a publication date (published by a leader who could not edit
    them) get the time they were published."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflows = {
        workflow_id: workflow_tool.getWorkflowById(workflow_id)
        for workflow_id in WORKFLOW_IDS[:2]  # the two editorial workflows
    }
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        review_state="published"
    )
    updated = dated = 0
    for obj in each_object(brains, "published items"):
        chain = workflow_tool.getChainFor(obj)
        for workflow_id in chain:
            if workflow_id in workflows:
                workflows[workflow_id].updateRoleMappingsFor(obj)
                updated += 1
        if set(chain) & set(WORKFLOW_IDS) and obj.EffectiveDate() == "None":
            dated += _date_publication(obj)
    logger.info(
        "Security of %d published items updated; %d given their publication date",
        updated,
        dated,
    )


def _date_publication(obj):
    """Give ``obj`` the time of its last publication as effective date."""
    published = [
        entry["time"]
        for entry in history.review_history(obj)
        if entry.get("review_state") == "published" and entry.get("time")
    ]
    if not published:
        return 0
    obj.setEffectiveDate(published[-1])
    obj.reindexObject(idxs=["effective", "effectiveRange"])
    return 1
