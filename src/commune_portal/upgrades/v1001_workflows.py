"""Upgrade 1000 -> 1001: the editorial workflows, roles and placeful
policies (docs/workflows.md), on a site installed before they existed.

Runs before the other 1001 steps (they index items by workflow state).
Documents (``Directive``) followed Plone's default workflow; they move to
the two-step workflow in the nearest state: published documents stay
published, with their history.
"""

from commune_portal.setuphandlers import post_install
from commune_portal.workflows.policies import follow_workflows
from commune_portal.workflows.policies import workflows_before
from plone import api
from Products.GenericSetup.tool import UNKNOWN
import logging


logger = logging.getLogger(__name__)

PROFILE = "profile-commune_portal:default"
PLACEFUL_BASE = "Products.CMFPlacefulWorkflow:base"
STEPS = ("rolemap", "workflow", "placeful_workflow", "componentregistry")


def install_workflows(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    portal = api.portal.get()
    brains = catalog.unrestrictedSearchResults(portal_type="Directive")
    before = {b.getPath(): workflows_before(b._unrestrictedGetObject()) for b in brains}

    if setup_tool.getLastVersionForProfile(PLACEFUL_BASE) == UNKNOWN:
        setup_tool.runAllImportStepsFromProfile(f"profile-{PLACEFUL_BASE}")
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    post_install(setup_tool)

    logger.info("Moving %d documents to the two-step workflow", len(before))
    for number, (path, (chain, public)) in enumerate(sorted(before.items()), 1):
        follow_workflows(portal.unrestrictedTraverse(path), chain, public)
        if number % 250 == 0:
            logger.info("%d of %d documents moved", number, len(before))
    logger.info("Editorial workflows installed")
