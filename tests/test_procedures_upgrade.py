"""Upgrade to 1003: a site whose section of procedures was made before the
type existed takes procedures and shows their catalogue."""

from commune_portal.upgrades.procedures import install_procedures
from plone import api
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.base.utils import get_installer


def test_old_section_gets_procedures(portal, setup_tool):
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:structure")
    section = portal["thu-tuc-hanh-chinh"]
    constrains = ISelectableConstrainTypes(section)
    # As the structure profile of 1002 left it.
    constrains.setLocallyAllowedTypes(["Folder", "File", "Document"])
    constrains.setImmediatelyAddableTypes(["Folder", "File", "Document"])
    section.setLayout("listing_view")
    installer = get_installer(portal)
    installer.uninstall_product("collective.z3cform.datagridfield")

    install_procedures(setup_tool)

    assert installer.is_product_installed("collective.z3cform.datagridfield")
    assert "Procedure" in constrains.getLocallyAllowedTypes()
    assert "Procedure" in constrains.getImmediatelyAddableTypes()
    assert section.getLayout() == "procedures-view"
    # Again: nothing changes.
    install_procedures(setup_tool)
    assert constrains.getLocallyAllowedTypes().count("Procedure") == 1


def test_a_view_chosen_by_the_administrator_stays(portal, setup_tool):
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:structure")
    section = portal["thu-tuc-hanh-chinh"]
    section.setLayout("summary_view")
    install_procedures(setup_tool)
    assert section.getLayout() == "summary_view"


def test_procedure_chain(portal):
    tool = api.portal.get_tool("portal_workflow")
    assert tool.getChainForPortalType("Procedure") == ("commune_simple_workflow",)
