"""The demo profile's procedures: the package's ten procedures, published
in the section of procedures, shown as a catalogue."""

from plone import api


def test_demo_procedures(portal, setup_tool):
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:demo")
    section = portal["thu-tuc-hanh-chinh"]
    assert section.getLayout() == "procedures-view"
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Procedure")
    assert len(brains) == 10
    assert {b.review_state for b in brains} == {"published"}
    assert "1.001193" in {b.procedure_code for b in brains}
    # Applying the profile again updates them, adds none.
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:demo")
    assert len(catalog.unrestrictedSearchResults(portal_type="Procedure")) == 10
