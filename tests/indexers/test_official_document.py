"""Indexers of official documents (``indexers/official_document.py``)."""

from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.indexers import official_document as indexers
from commune_portal.legal_status import day_number
from commune_portal.legal_status import END_OF_TIME
from datetime import date
from Products.CMFCore.indexing import processQueue
from tests.helpers import record_calls
import pytest


@pytest.fixture
def calls(doc, monkeypatch):
    """The objects ``validity_window`` was computed for."""
    return record_calls(monkeypatch, indexers, "validity_window")


def _brain(portal, doc):
    (brain,) = portal.portal_catalog.unrestrictedSearchResults(UID=doc.UID())
    return brain


class TestValidityWindowOncePerReindex:
    """Three indexes and a metadata column hold the validity window, which
    asks the relation catalog: one reindex computes it once."""

    def test_whole_reindex(self, portal, doc, calls):
        portal.portal_catalog.catalog_object(doc, "/".join(doc.getPhysicalPath()))
        assert len(calls) == 1

    def test_some_indexes(self, portal, doc, calls):
        doc.reindexObject(idxs=["legal_mode", "legal_start", "legal_end"])
        processQueue()
        assert len(calls) == 1

    def test_a_change_between_two_reindexes_is_seen(self, portal, doc, calls):
        catalog = portal.portal_catalog
        path = "/".join(doc.getPhysicalPath())
        catalog.catalog_object(doc, path)
        assert _brain(portal, doc).legal_window[2] == END_OF_TIME
        IOfficialDocument(doc).expiry_date = date(2026, 12, 31)
        catalog.catalog_object(doc, path)
        assert len(calls) == 2
        end = day_number(date(2026, 12, 31))
        assert _brain(portal, doc).legal_window[2] == end
        assert catalog.unrestrictedSearchResults(UID=doc.UID(), legal_end=end)

    def test_indexer_called_directly_is_never_stale(self, portal, doc, calls):
        portal.portal_catalog.catalog_object(doc, "/".join(doc.getPhysicalPath()))
        IOfficialDocument(doc).expiry_date = date(2026, 6, 30)
        assert indexers.legal_end(doc)() == day_number(date(2026, 6, 30))
        assert indexers.legal_window(doc)()[2] == day_number(date(2026, 6, 30))
        assert len(calls) == 3
