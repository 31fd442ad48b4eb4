"""Who may move an item on finds the move in Plone's toolbar.

Plone shows the toolbar's menus only to users with "Modify portal content",
"Add portal content" or "Review portal content" on the item: a leader who
may take a published document off the portal ("Request review" in
``published``) needs "Review portal content" there too, or the retract is
reachable through REST only.
"""

from commune_portal.workflows.policies import switch_policy
from plone import api
from plone.testing.zope import Browser
from tests.conftest import PASSWORD
from tests.helpers import reach_state
import pytest
import transaction


@pytest.mark.parametrize(
    "policy,role,state,transition,portal_type",
    [
        ("commune_two_step", "CommuneApprover", "published", "retract", "Document"),
        (
            "commune_two_step",
            "CommuneApprover",
            "pending_approval",
            "approve",
            "Document",
        ),
        ("commune_two_step", "Reviewer", "pending_review", "review", "Document"),
        ("commune_one_step", "CommuneApprover", "published", "retract", "Document"),
        # The one-stop-shop officer acts on procedures only.
        ("commune_one_step", "ProcedureOfficer", "published", "retract", "Procedure"),
        ("commune_one_step", "Reviewer", "published", "retract", "Document"),
        ("council_materials", "CouncilSecretary", "circulated", "publish", "Document"),
    ],
)
def test_the_move_is_in_the_toolbar(
    functional_app,
    functional_portal,
    user_with_roles,
    policy,
    role,
    state,
    transition,
    portal_type,
):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(functional_portal, "Folder", id="muc")
        switch_policy(folder, policy, policy)
        page = api.content.create(folder, portal_type, id="trang", title="Thông báo")
    reach_state(page, state)
    user, _ = user_with_roles("nguoi-duyet")
    api.user.grant_roles(username=user, obj=folder, roles=[role])
    transaction.commit()

    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    browser.open(page.absolute_url())
    assert f"workflow-transition-{transition}" in browser.contents


def test_upgrade_from_1001(portal):
    """Sites at 1001 get the new permission map on their published items."""
    from AccessControl.PermissionRole import rolesForPermissionOn
    from tests.helpers import make_document

    document = make_document(portal, "kh-01", "Kế hoạch")
    workflow = api.portal.get_tool("portal_workflow")["commune_editorial_workflow"]
    # As 1001 left it.
    workflow.states["published"].setPermission(
        "Review portal content", 0, ["Manager", "Site Administrator"]
    )
    workflow.updateRoleMappingsFor(document)
    assert "CommuneApprover" not in rolesForPermissionOn(
        "Review portal content", document
    )
    setup = portal.portal_setup
    setup.setLastVersionForProfile("commune_portal:default", "1001")

    setup.upgradeProfile("commune_portal:default")

    assert "CommuneApprover" in rolesForPermissionOn("Review portal content", document)
