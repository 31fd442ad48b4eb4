"""The demo profile: the commune Xã Nghi Dương and its documents."""

from commune_portal import legal_status
from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.behaviors.relations import inverse_relations
from commune_portal.setuphandlers.demo_documents import DOCUMENTS
from datetime import date
from plone import api
import pytest


@pytest.fixture
def demo(portal, setup_tool, monkeypatch):
    monkeypatch.setattr(legal_status, "today", lambda: date(2026, 11, 23))
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:demo")
    return portal


def test_the_commune(demo):
    assert (
        api.portal.get_registry_record("commune_portal.commune_name") == "Xã Nghi Dương"
    )
    bodies = api.portal.get_registry_record("commune_portal.issuing_bodies")
    assert "Ủy ban nhân dân xã Nghi Dương" in bodies
    assert demo.title == "Cổng thông tin điện tử xã Nghi Dương"
    assert api.portal.get_registry_record("plone.site_title") == demo.title


def test_documents(demo):
    folder = demo["van-ban"]
    assert folder.getLayout() == "directives-view"
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Directive")
    assert len(brains) == len(DOCUMENTS)
    states = [b.review_state for b in brains]
    assert states.count("private") == sum(1 for d in DOCUMENTS if not d["published"])
    assert all(b.document_file and b.document_file.endswith(".pdf") for b in brains)
    statuses = [legal_status.status_on(*b.legal_window) for b in brains]
    assert statuses.count("pending") >= 3
    assert statuses.count("expired") >= 4


def test_relations_both_ways(demo):
    folder = demo["van-ban"]
    for entry in DOCUMENTS:
        for target_id in entry["replaces"]:
            target = folder[target_id]
            assert IOfficialDocument(target).legal_status == "expired", target_id
            replaced_by = [d.getId() for d in inverse_relations(target)["replaced_by"]]
            assert entry["id"] in replaced_by


def test_applying_again_keeps_the_documents(demo, setup_tool):
    before = len(demo["van-ban"].objectIds())
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:demo")
    assert len(demo["van-ban"].objectIds()) == before
