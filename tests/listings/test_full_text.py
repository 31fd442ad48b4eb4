"""``@directives?q=`` searches ``SearchableText``: official documents put
their number, issuer, signer and sectors in it, and the site's lexicon
ignores tone marks. The upgrade to 1003 removes the former ``document_text``
index and reindexes the documents' text."""

from commune_portal.upgrades.v1003_listing import search_documents_by_searchable_text
from datetime import date as D
from plone import api
from tests.helpers import make_document
from types import SimpleNamespace as Extra
import pytest
import transaction


@pytest.fixture
def anonymous(request_factory):
    return request_factory()


@pytest.fixture
def signed(sample_documents):
    make_document(
        sample_documents,
        "tb-07-2026",
        "Thông báo lịch tiếp công dân tháng 12",
        document_number="07/TB-UBND",
        issue_date=D(2026, 11, 2),
        issuing_body="Ủy ban nhân dân",
        signer="Nguyễn Đức Hùng",
        sectors=["Tiếp công dân, khiếu nại, tố cáo"],
    )
    transaction.commit()
    return sample_documents


def found(client, service, **params):
    response = client.get(f"van-ban/{service}", params=params)
    assert response.status_code == 200, response.text
    return sorted(item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"])


@pytest.mark.parametrize(
    "text",
    ["nguyen duc hung", "Nguyễn Đức Hùng", "07/TB-UBND", "tiep cong dan khieu nai"],
)
def test_q_finds_by_signer_number_and_sector(signed, anonymous, text):
    assert "tb-07-2026" in found(anonymous, "@directives", q=text)


def test_site_search_finds_documents_by_number(signed, anonymous):
    assert found(anonymous, "@search", SearchableText="07/TB-UBND") == ["tb-07-2026"]


def test_no_document_text_index(portal):
    assert "document_text" not in portal.portal_catalog.indexes()


def test_upgrade_removes_document_text_and_reindexes(signed):
    portal = api.portal.get()
    catalog = portal.portal_catalog
    # A site at 1002: the folded index, and documents whose SearchableText
    # lacks their numbers.
    catalog.addIndex(
        "document_text",
        "ZCTextIndex",
        extra=Extra(
            index_type="Okapi BM25 Rank",
            lexicon_id="plone_lexicon",
            doc_attr="document_text",
        ),
    )
    index = catalog._catalog.getIndex("SearchableText")
    rids = [
        b.getRID() for b in catalog.unrestrictedSearchResults(portal_type="Directive")
    ]
    for rid in rids:
        index.unindex_object(rid)
    assert not catalog.unrestrictedSearchResults(SearchableText="07/TB-UBND")

    search_documents_by_searchable_text(portal.portal_setup)
    assert "document_text" not in catalog.indexes()
    (brain,) = catalog.unrestrictedSearchResults(SearchableText="07/TB-UBND")
    assert brain.getId == "tb-07-2026"
    assert len(catalog.unrestrictedSearchResults(SearchableText="quy che")) == 2
    # Run again: nothing to remove, nothing breaks.
    search_documents_by_searchable_text(portal.portal_setup)
    transaction.abort()
