"""Upgrade 1003 -> 1004, electronic voting (``upgrades/v1004_voting.py``):
a site of 1003 gets the quorum setting, the two voting types in council
sessions with their workflow and the voting permissions; what an
administrator set is kept."""

from commune_portal.upgrades.v1004_voting import install_voting
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


QUORUM = "commune_portal.council_quorum"
TYPES = ("Election", "ConfidenceVote")
PERMISSIONS = ("commune_portal: Manage votes", "commune_portal: Cast vote")


def as_1003(portal):
    """Take away what 1004 brought for voting."""
    registry = getUtility(IRegistry)
    del registry.records[QUORUM]
    types = api.portal.get_tool("portal_types")
    types.manage_delObjects(list(TYPES))
    session = types["CouncilSession"]
    session.allowed_content_types = tuple(
        t for t in session.allowed_content_types if t not in TYPES
    )
    api.portal.get_tool("portal_workflow").setChainForPortalTypes(TYPES, ())
    for permission in PERMISSIONS:
        portal.manage_permission(permission, roles=[], acquire=True)


def roles(portal, permission):
    return {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]}


def test_site_of_1003(portal, setup_tool):
    as_1003(portal)
    api.portal.set_registry_record("commune_portal.current_term", "2021-2026")
    setup_tool.setLastVersionForProfile("commune_portal:default", "1003")

    setup_tool.upgradeProfile("commune_portal:default")

    assert api.portal.get_registry_record(QUORUM) == "2/3"
    assert api.portal.get_registry_record("commune_portal.current_term") == "2021-2026"
    types = api.portal.get_tool("portal_types")
    assert set(TYPES) <= set(types.objectIds())
    assert set(TYPES) <= set(types["CouncilSession"].allowed_content_types)
    workflows = api.portal.get_tool("portal_workflow")
    for type_id in TYPES:
        assert workflows.getChainForPortalType(type_id) == (
            "council_material_workflow",
        )
    assert roles(portal, PERMISSIONS[0]) == {
        "Manager",
        "Site Administrator",
        "CouncilSecretary",
    }
    assert roles(portal, PERMISSIONS[1]) == {"Manager", "CouncilDelegate"}


def test_the_administrators_quorum_is_kept_and_again_changes_nothing(
    portal, setup_tool
):
    api.portal.set_registry_record(QUORUM, "1/2")
    session = api.portal.get_tool("portal_types")["CouncilSession"]
    before = tuple(session.allowed_content_types)
    install_voting(setup_tool)
    install_voting(setup_tool)
    assert api.portal.get_registry_record(QUORUM) == "1/2"
    assert tuple(session.allowed_content_types) == before


def test_the_voting_step_alone(portal, setup_tool):
    # A site upgraded in another order: the step imports what is missing.
    as_1003(portal)
    install_voting(setup_tool)
    types = api.portal.get_tool("portal_types")
    assert set(TYPES) <= set(types.objectIds())
    assert set(TYPES) <= set(types["CouncilSession"].allowed_content_types)
    assert api.portal.get_tool("portal_workflow").getChainForPortalType("Election") == (
        "council_material_workflow",
    )
    assert roles(portal, PERMISSIONS[1]) == {"Manager", "CouncilDelegate"}
    assert api.portal.get_registry_record(QUORUM) == "2/3"
