"""The council's pages in the site's setup: the council section shows the
council page; the upgrade to 1004 gives it to a section made by an earlier
version, unless an administrator gave it another view; folders offer it,
and the uninstall takes it back."""

from commune_portal.upgrades.v1004_council_pages import show_council_page
from plone import api
from plone.base.utils import get_installer
from tests.council_helpers import council_section


def forget_layout(section):
    """The section as the structure profile of 1003 left it."""
    if "layout" in section.__dict__:
        del section.layout


def test_section_gets_the_council_page(portal, setup_tool):
    section = council_section(portal)
    forget_layout(section)
    assert section.getLayout() == "listing_view"

    show_council_page(setup_tool)

    assert section.getLayout() == "council-view"
    # Again: nothing changes.
    show_council_page(setup_tool)
    assert section.getLayout() == "council-view"


def test_plone_default_chosen_explicitly_counts_as_default(portal, setup_tool):
    section = council_section(portal)
    section.setLayout("listing_view")
    show_council_page(setup_tool)
    assert section.getLayout() == "council-view"


def test_a_view_chosen_by_the_administrator_stays(portal, setup_tool):
    section = council_section(portal)
    section.setLayout("summary_view")
    show_council_page(setup_tool)
    assert section.getLayout() == "summary_view"


def test_folders_offer_the_council_page(portal, setup_tool):
    fti = api.portal.get_tool("portal_types")["Folder"]
    methods = [m for m in fti.getProperty("view_methods") if m != "council-view"]
    fti.manage_changeProperties(view_methods=tuple(methods))

    show_council_page(setup_tool)

    offered = fti.getProperty("view_methods")
    assert "council-view" in offered
    # What was offered before stays, in its order.
    assert [m for m in offered if m != "council-view"] == methods
    show_council_page(setup_tool)
    assert list(fti.getProperty("view_methods")).count("council-view") == 1


def test_without_a_council_section(portal, setup_tool):
    assert "hdnd" not in portal.objectIds()
    show_council_page(setup_tool)
    assert "hdnd" not in portal.objectIds()


def test_site_of_1003(portal, setup_tool):
    section = council_section(portal)
    forget_layout(section)
    setup_tool.setLastVersionForProfile("commune_portal:default", "1003")

    setup_tool.upgradeProfile("commune_portal:default")

    assert section.getLayout() == "council-view"
    types = api.portal.get_tool("portal_types")
    assert types["CouncilTerm"].getProperty("default_view") == "council-term-view"
    assert types["Delegate"].getProperty("default_view") == "delegate-view"


def test_uninstall_gives_folders_plone_view_again(portal):
    section = council_section(portal)
    assert section.getLayout() == "council-view"
    with api.env.adopt_roles(["Manager"]):
        get_installer(portal, portal.REQUEST).uninstall_product("commune_portal")
    assert section.getLayout() == "listing_view"
    fti = api.portal.get_tool("portal_types")["Folder"]
    assert "council-view" not in fti.getProperty("view_methods")
