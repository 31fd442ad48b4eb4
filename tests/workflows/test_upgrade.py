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


class TestCatalogMarker:
    """Upgrade 1002 -> 1003 (``upgrades/v1003.py``): the catalog gets the
    marker the add-on's indexers need; the items indexed after the restart
    and before the step get their values back."""

    def test_marks_and_indexes_what_was_missed(self, portal, setup_tool):
        from commune_portal.interfaces import ICommunePortalCatalog
        from commune_portal.setuphandlers import unmark_catalog
        from commune_portal.upgrades.v1003 import mark_catalog
        from datetime import date

        catalog = api.portal.get_tool("portal_catalog")
        edited = make_document(
            portal,
            "kh-03",
            "Kế hoạch vụ đông",
            document_number="03/KH-UBND",
            issue_date=date(2026, 1, 5),
        )
        moved = make_document(
            portal,
            "kh-04",
            "Kế hoạch vụ xuân",
            document_number="04/KH-UBND",
            issue_date=date(2026, 1, 6),
        )
        # The new code before the step: no marker, so none of our indexers.
        unmark_catalog(catalog)
        edited.reindexObject()  # an edit
        moved.reindexObject(idxs=["review_state"])  # a transition
        for doc in (edited, moved):
            (brain,) = catalog.unrestrictedSearchResults(UID=doc.UID())
            assert not brain.legal_window
        assert not catalog.unrestrictedSearchResults(
            UID=edited.UID(), sort_on="issue_sort"
        )
        setup_tool.setLastVersionForProfile("commune_portal:default", "1002")

        setup_tool.upgradeProfile("commune_portal:default")

        assert setup_tool.getLastVersionForProfile("commune_portal:default") == (
            setup_tool.getVersionForProfile("commune_portal:default"),
        )
        assert ICommunePortalCatalog.providedBy(catalog)
        for doc in (edited, moved):
            (brain,) = catalog.unrestrictedSearchResults(
                UID=doc.UID(), sort_on="issue_sort"
            )
            assert brain.legal_window
            assert brain.document_number == doc.document_number
        # Idempotent: nothing is catalogued again.
        before = catalog.getCounter()
        mark_catalog(setup_tool)
        assert catalog.getCounter() == before


def test_upgrade_1003_adds_the_upload_limit(portal, setup_tool):
    """A site of 1002 has no upload limit; the upgrade adds it with its
    default and keeps what the administrator set."""
    registry = portal.portal_registry
    del registry.records["commune_portal.max_upload_size"]
    api.portal.set_registry_record("commune_portal.commune_name", "Xã Nghi Dương")
    api.portal.set_registry_record("commune_portal.sectors", ["Hộ tịch"])
    setup_tool.setLastVersionForProfile("commune_portal:default", "1002")

    setup_tool.upgradeProfile("commune_portal:default")

    assert api.portal.get_registry_record("commune_portal.max_upload_size") == 10
    assert api.portal.get_registry_record("commune_portal.commune_name") == (
        "Xã Nghi Dương"
    )
    assert api.portal.get_registry_record("commune_portal.sectors") == ["Hộ tịch"]
