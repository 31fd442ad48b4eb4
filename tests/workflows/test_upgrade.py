"""Upgrade 1000 -> 1001 of a site installed before the editorial workflows
(``upgrades/v1001_workflows.py``)."""

from commune_portal.upgrades.v1001_workflows import install_workflows
from commune_portal.workflows.roles import ROLES
from plone import api
from tests.helpers import make_document
import pytest


WORKFLOWS = (
    "commune_editorial_workflow",
    "commune_simple_workflow",
    "council_material_workflow",
    "voter_petition_workflow",
)


@pytest.fixture
def old_site(portal, setup_tool):
    """The site as version 1000 left it: documents in Plone's default
    workflow, one published, one draft."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.setChainForPortalTypes(("Directive",), None)
    workflow_tool.manage_delObjects(list(WORKFLOWS))
    setup_tool.runAllImportStepsFromProfile(
        "profile-Products.CMFPlacefulWorkflow:uninstall"
    )
    portal._delRoles(list(ROLES))
    assert workflow_tool.getChainFor("Directive") == ("simple_publication_workflow",)
    published = make_document(portal, "kh-01", "Kế hoạch", publish=False)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(published, "publish")
    draft = make_document(portal, "kh-02", "Dự thảo", publish=False)
    return published, draft


def test_documents_keep_their_state(portal, setup_tool, old_site):
    published, draft = old_site
    install_workflows(setup_tool)
    workflow_tool = api.portal.get_tool("portal_workflow")
    assert set(WORKFLOWS) <= set(workflow_tool.objectIds())
    assert "commune_two_step" in portal.portal_placeful_workflow.objectIds()
    assert set(ROLES) <= set(portal.validRoles())
    catalog = api.portal.get_tool("portal_catalog")
    for obj, state in ((published, "published"), (draft, "private")):
        assert workflow_tool.getChainFor(obj) == ("commune_editorial_workflow",)
        assert api.content.get_state(obj) == state
        (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
        assert brain.review_state == state
    actions = [
        entry["action"]
        for entry in published.workflow_history["commune_editorial_workflow"]
    ]
    assert actions == [None, "publish", "commune_portal:policy_switch"]


def test_running_twice_changes_nothing(portal, setup_tool, old_site):
    published, _ = old_site
    install_workflows(setup_tool)
    history = published.workflow_history["commune_editorial_workflow"]
    install_workflows(setup_tool)
    assert published.workflow_history["commune_editorial_workflow"] == history
