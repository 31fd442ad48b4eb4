"""Upgrade 1003 -> 1004 of a site that had the standard sections and no
citizen questions (``upgrades/v1004_questions.py``)."""

from commune_portal.upgrades.v1004_questions import add_questions_section
from commune_portal.workflows.policies import current_policies
from plone import api
from plone.app.workflow.interfaces import ISharingPageRole
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zope.component import getSiteManager
from zope.component import queryUtility
import pytest


PROFILE = "commune_portal:default"
ROLES = ("QuestionModerator", "QuestionOfficer")
PERMISSIONS = (
    "commune_portal: Add CitizenQuestion",
    "commune_portal: Access asker data",
    "commune_portal: View question attachments",
    "commune_portal: Moderate questions",
    "commune_portal: View question statistics",
    "commune_portal: Delegate QuestionModerator role",
)
SETTINGS = (
    "question_code_prefix",
    "question_answer_deadline",
    "question_rate_limit",
    "question_lookup_limit",
    "question_notifications",
)


def roles_of(portal, permission):
    return {
        role["name"]
        for role in portal.rolesOfPermission(permission)
        if role["selected"] == "SELECTED"
    }


@pytest.fixture
def site_of_1003(portal, setup_tool):
    """The standard sections of 1003, what an administrator set, and none
    of what 1004 adds for citizen questions."""
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:structure")
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(portal["hoi-dap"])
    api.portal.set_registry_record("commune_portal.commune_name", "Xã Nghi Dương")
    api.portal.set_registry_record("commune_portal.max_upload_size", 4)

    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.setChainForPortalTypes(("CitizenQuestion",), None)
    placeful = api.portal.get_tool("portal_placeful_workflow")
    placeful.manage_delObjects(["citizen_questions"])
    workflow_tool.manage_delObjects(["citizen_question_workflow"])
    portal.portal_types.manage_delObjects(["CitizenQuestion"])
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("question_code")
    for column in ("question_code", "question_answered"):
        catalog.delColumn(column)
    registry = portal.portal_registry
    for name in SETTINGS:
        del registry.records[f"commune_portal.{name}"]
    for permission in PERMISSIONS:
        portal.manage_permission(permission, [], acquire=True)
    portal._delRoles(list(ROLES))
    role_manager = portal.acl_users.portal_role_manager
    for role in ROLES:
        if role in role_manager.listRoleIds():
            role_manager.removeRole(role)
    getSiteManager(portal).unregisterUtility(
        provided=ISharingPageRole, name="QuestionModerator"
    )
    setup_tool.setLastVersionForProfile(PROFILE, "1003")
    return portal


def test_upgrade_adds_everything(site_of_1003, setup_tool):
    portal = site_of_1003
    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    assert "CitizenQuestion" in portal.portal_types.objectIds()
    workflow_tool = api.portal.get_tool("portal_workflow")
    assert workflow_tool.getChainForPortalType("CitizenQuestion") == (
        "citizen_question_workflow",
    )
    placeful = api.portal.get_tool("portal_placeful_workflow")
    policy = placeful.getWorkflowPolicyById("citizen_questions")
    assert policy.getChainFor("CitizenQuestion") == ("citizen_question_workflow",)
    assert policy.getDescription()
    assert set(ROLES) <= set(portal.validRoles())
    assert queryUtility(ISharingPageRole, name="QuestionModerator") is not None
    assert roles_of(portal, "commune_portal: Access asker data") == {
        "Manager",
        "Site Administrator",
        "QuestionModerator",
    }
    catalog = api.portal.get_tool("portal_catalog")
    assert "question_code" in catalog.indexes()
    assert {"question_code", "question_answered"} <= set(catalog.schema())
    assert api.portal.get_registry_record("commune_portal.question_code_prefix") == (
        "XA-HD"
    )
    assert api.portal.get_registry_record("commune_portal.question_rate_limit") == 5

    section = portal["hoi-dap"]
    assert section.title == "Hỏi đáp"
    assert section.getLayout() == "questions-view"
    assert current_policies(section) == ("citizen_questions", "citizen_questions")
    assert api.content.get_state(section) == "published"
    with api.env.adopt_roles(["Manager"]):
        allowed = ISelectableConstrainTypes(section).getLocallyAllowedTypes()
    assert "CitizenQuestion" in allowed

    # What the administrator set is kept.
    assert api.portal.get_registry_record("commune_portal.commune_name") == (
        "Xã Nghi Dương"
    )
    assert api.portal.get_registry_record("commune_portal.max_upload_size") == 4
    assert current_policies(portal["van-ban"]) == (
        "commune_two_step",
        "commune_two_step",
    )


def test_running_again_keeps_the_section(site_of_1003, setup_tool):
    portal = site_of_1003
    setup_tool.upgradeProfile(PROFILE)
    section = portal["hoi-dap"]
    section.title = "Hỏi – đáp, phản ánh kiến nghị"
    add_questions_section(setup_tool)
    assert portal["hoi-dap"].title == "Hỏi – đáp, phản ánh kiến nghị"


def test_no_section_on_a_site_without_the_standard_sections(portal, setup_tool):
    assert "hoi-dap" not in portal.objectIds()
    add_questions_section(setup_tool)
    assert "hoi-dap" not in portal.objectIds()
