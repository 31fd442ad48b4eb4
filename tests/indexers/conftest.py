"""Fixtures of the indexer tests."""

from datetime import date
from Products.CMFCore.indexing import processQueue
from tests.helpers import make_document
import pytest


@pytest.fixture
def doc(portal):
    """A published official document, Kế hoạch 05/KH-UBND, catalogued (the
    reindexes of its creation done, before a test counts anything)."""
    document = make_document(
        portal,
        "kh-05",
        "Kế hoạch chuyển đổi số",
        document_number="05/KH-UBND",
        issue_date=date(2026, 1, 5),
    )
    processQueue()
    return document
