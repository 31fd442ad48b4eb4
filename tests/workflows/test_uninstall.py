"""Uninstalling commune_portal from a site that used its workflows."""

from plone import api
from plone.base.utils import get_installer
from tests.helpers import add_plain_site
from tests.helpers import reach_state
from zope.component.hooks import setSite
import pytest


@pytest.fixture
def used(portal, setup_tool):
    """A site with the standard sections and items in our workflows."""
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:structure")
    items = {}
    with api.env.adopt_roles(["Manager"]):
        for section, state in (
            ("hdnd", "published"),
            ("hdnd", "circulated"),
            ("thu-tuc-hanh-chinh", "pending_review"),
            ("hdnd/kien-nghi-cu-tri", "answered"),
        ):
            obj = api.content.create(
                portal.unrestrictedTraverse(section),
                "Document",
                id=state,
                title=f"Trang {state}",
            )
            reach_state(obj, state)
            items[(section, state)] = obj
    return items


def test_sections_and_content_stay_consistent(portal, used, installer):
    installer.uninstall_product("commune_portal")
    catalog = api.portal.get_tool("portal_catalog")
    workflow_tool = api.portal.get_tool("portal_workflow")
    expected = {
        ("hdnd", "published"): "published",
        ("hdnd", "circulated"): "private",
        ("thu-tuc-hanh-chinh", "pending_review"): "pending",
        ("hdnd/kien-nghi-cu-tri", "answered"): "pending",
    }
    for key, state in expected.items():
        obj = used[key]
        assert workflow_tool.getChainFor(obj) == ("simple_publication_workflow",)
        assert api.content.get_state(obj) == state, key
        (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
        assert brain.review_state == state
    for section in ("van-ban", "thu-tuc-hanh-chinh", "hdnd", "tin-tuc"):
        assert api.content.get_state(portal[section]) == "published"
    assert "portal_placeful_workflow" not in portal.objectIds()
    html = portal["hdnd"].restrictedTraverse("@@view")()
    assert "Trang published" in html


def test_placeful_workflow_kept_when_the_site_uses_it(app, portal):
    site = add_plain_site(app, "placeful")
    setSite(site)
    try:
        installer = get_installer(site, site.REQUEST)
        installer.install_product("Products.CMFPlacefulWorkflow")
        installer.install_product("commune_portal")
        assert "commune_two_step" in site.portal_placeful_workflow.objectIds()
        installer.uninstall_product("commune_portal")
        placeful = site.portal_placeful_workflow
        assert "commune_two_step" not in placeful.objectIds()
        assert "simple-publication" in placeful.objectIds()
        assert "placefulworkflow" in {
            a.id for a in site.portal_controlpanel.listActions()
        }
        assert "CommuneApprover" not in site.validRoles()
    finally:
        setSite(portal)


def test_catalog_marker_follows_the_add_on(portal, installer):
    """The indexers of the add-on work only in a marked catalog: uninstall
    takes the marker away (a reinstall gives it back)."""
    from commune_portal.interfaces import ICommunePortalCatalog

    catalog = api.portal.get_tool("portal_catalog")
    assert ICommunePortalCatalog.providedBy(catalog)
    installer.uninstall_product("commune_portal")
    assert not ICommunePortalCatalog.providedBy(catalog)
    installer.install_product("commune_portal")
    assert ICommunePortalCatalog.providedBy(catalog)
