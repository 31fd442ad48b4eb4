"""Values of list fields on import (``commune_portal.exportimport.values``):
an entry a list lacks is added to the control panel's list, a value of a
fixed list is kept as the item's own, and the report says which."""

from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.exportimport.report import ImportReport
from commune_portal.exportimport.values import REGISTRY_LISTS
from commune_portal.exportimport.values import ValueKeeper
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtilitiesFor
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import pytest


@pytest.fixture
def document(portal):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(portal, "Directive", id="qd-01", title="Quyết định")


@pytest.fixture
def keeper():
    return ValueKeeper(ImportReport())


def test_every_list_of_the_control_panel_is_known(portal):
    """A vocabulary read from a list of the control panel gets its missing
    entries added there: each one is mapped to its registry record."""
    registry = getUtility(IRegistry)
    from_lists = {
        name
        for name, factory in getUtilitiesFor(IVocabularyFactory)
        if getattr(factory, "__module__", "") == "commune_portal.vocabularies.settings"
    }
    assert from_lists
    assert from_lists == set(REGISTRY_LISTS)
    for record in REGISTRY_LISTS.values():
        assert record in registry.records


def test_entry_added_to_the_list(document, keeper):
    item = {
        "issuing_body": "Ban Chỉ huy Quân sự xã",
        "sectors": ["Hộ tịch", "Thủy lợi"],
    }
    keeper.keep_values(item, document)
    assert "Ban Chỉ huy Quân sự xã" in api.portal.get_registry_record(
        "commune_portal.issuing_bodies"
    )
    assert "Thủy lợi" in api.portal.get_registry_record("commune_portal.sectors")
    assert item["issuing_body"] == {"token": "ban-chi-huy-quan-su-xa"}
    assert item["sectors"] == [{"token": "ho-tich"}, {"token": "thuy-loi"}]
    assert keeper.report.added_entries == [
        ("commune_portal.issuing_bodies", "Ban Chỉ huy Quân sự xã", "/qd-01"),
        ("commune_portal.sectors", "Thủy lợi", "/qd-01"),
    ]
    assert keeper.report.kept_values == []


def test_value_of_a_fixed_list_kept(document, keeper):
    item = {"document_type": "thong-tu", "urgency": "urgent"}
    keeper.keep_values(item, document)
    # The deserializer does not get what it would refuse.
    assert "document_type" not in item
    assert item["urgency"] == {"token": "urgent"}
    keeper.imported(item, document)
    assert IOfficialDocument(document).document_type == "thong-tu"
    assert keeper.report.kept_values == [("/qd-01", "document_type", "thong-tu")]
    assert "/qd-01" in keeper.report.completed


def test_entry_the_list_refuses_is_kept(document, keeper):
    """An entry equal to one of the list but for its tone marks is refused
    by the list (the control panel's rule): the item keeps it."""
    before = api.portal.get_registry_record("commune_portal.issuing_bodies")
    assert "Ủy ban nhân dân" in before
    item = {"issuing_body": "Uỷ Ban Nhân Dân"}
    keeper.keep_values(item, document)
    keeper.imported(item, document)
    assert api.portal.get_registry_record("commune_portal.issuing_bodies") == before
    assert IOfficialDocument(document).issuing_body == "Uỷ Ban Nhân Dân"
    assert keeper.report.kept_values == [("/qd-01", "issuing_body", "Uỷ Ban Nhân Dân")]


def test_known_values_untouched(document, keeper):
    item = {"issuing_body": "Ủy ban nhân dân", "title": "Quyết định"}
    keeper.keep_values(item, document)
    assert item["issuing_body"] == {"token": "uy-ban-nhan-dan"}
    assert keeper.report.added_entries == keeper.report.kept_values == []


def test_state_from_history(document, keeper):
    """The exported history sets the state: no transitions (mails,
    publication date, guards)."""
    item = {
        "review_state": "published",
        "workflow_history": {
            "commune_editorial_workflow": [{"review_state": "published"}]
        },
    }
    keeper.keep_values(item, document)
    assert "review_state" not in item
    # A history of another workflow leaves the transitions to
    # plone.exportimport.
    item = {
        "review_state": "published",
        "workflow_history": {"simple_publication_workflow": [{"review_state": "x"}]},
    }
    keeper.keep_values(item, document)
    assert item["review_state"] == "published"
