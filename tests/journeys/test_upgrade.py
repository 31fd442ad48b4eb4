"""Upgrade 1003 -> 1004 of a site that had no accessibility yet: the bundle
of "Nghe bài viết" and the skip link first in the header; what an
administrator set is kept."""

from commune_portal.upgrades.v1004_accessibility import BUNDLE
from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
from plone.registry.interfaces import IRegistry
from Products.GenericSetup.upgrade import listUpgradeSteps
from zope.component import getUtility
import pytest


PROFILE = "commune_portal:default"
SKIP_LINK = "commune_portal.skiplink"
HEADER = "plone.portalheader"


@pytest.fixture
def site_of_1003(portal, setup_tool):
    """The site as version 1003 left it: no bundle, no skip link."""
    registry = getUtility(IRegistry)
    for key in [k for k in registry.records if k.startswith(f"{BUNDLE}.")]:
        del registry.records[key]
    storage = getUtility(IViewletSettingsStorage)
    skins = portal.portal_skins.getSkinSelections()
    for skin in skins:
        order = [n for n in storage.getOrder(HEADER, skin) if n != SKIP_LINK]
        storage.setOrder(HEADER, skin, tuple(order))
    setup_tool.setLastVersionForProfile(PROFILE, "1003")
    return portal


def upgrade(setup_tool):
    """Run the accessibility steps registered for 1003 -> 1004 (the other
    capabilities of 1004 have their own upgrade tests)."""
    ran = []
    for found in listUpgradeSteps(setup_tool, PROFILE, "1003"):
        for info in found if isinstance(found, list) else [found]:
            if info["title"].startswith("Accessibility:"):
                info["step"].doStep(setup_tool)
                ran.append(info["title"])
    assert len(ran) == 2, ran


def test_the_bundle_and_the_skip_link_are_added(site_of_1003, setup_tool):
    registry = getUtility(IRegistry)
    assert f"{BUNDLE}.jscompilation" not in registry.records
    upgrade(setup_tool)
    assert registry[f"{BUNDLE}.jscompilation"] == "++resource++commune_portal/listen.js"
    assert registry[f"{BUNDLE}.csscompilation"] == (
        "++resource++commune_portal/accessibility.css"
    )
    assert registry[f"{BUNDLE}.enabled"] is True
    assert registry[f"{BUNDLE}.load_defer"] is True
    storage = getUtility(IViewletSettingsStorage)
    for skin in site_of_1003.portal_skins.getSkinSelections():
        assert storage.getOrder(HEADER, skin)[0] == SKIP_LINK, skin


def test_a_bundle_switched_off_stays_off(site_of_1003, setup_tool):
    from commune_portal.upgrades.v1004_accessibility import add_accessibility_bundle

    add_accessibility_bundle(setup_tool)
    registry = getUtility(IRegistry)
    registry[f"{BUNDLE}.enabled"] = False
    registry[f"{BUNDLE}.depends"] = "plone-logged-in"
    setup_tool.setLastVersionForProfile(PROFILE, "1003")
    upgrade(setup_tool)
    assert registry[f"{BUNDLE}.enabled"] is False
    assert registry[f"{BUNDLE}.depends"] == "plone-logged-in"
    # Run again: nothing changes.
    add_accessibility_bundle(setup_tool)
    assert registry[f"{BUNDLE}.enabled"] is False
