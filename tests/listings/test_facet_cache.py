"""The facet counts of ``@directives`` come from a per-process cache keyed
by the catalog's change counter, the day and what the caller may see: they
are fresh after every change, on a new day and for every user."""

from commune_portal.listings import facets
from DateTime import DateTime
from datetime import date as D
from plone import api
from tests.helpers import make_document
import pytest
import transaction


@pytest.fixture(autouse=True)
def empty_cache():
    facets.clear_cache()
    yield
    facets.clear_cache()


@pytest.fixture
def today(frozen_today):
    frozen_today(D(2026, 11, 23))
    return frozen_today


@pytest.fixture
def anonymous(request_factory):
    return request_factory()


@pytest.fixture
def manager(request_factory, site_owner_name, site_owner_password):
    return request_factory(basic_auth=(site_owner_name, site_owner_password))


@pytest.fixture
def computed(monkeypatch):
    """How many times the counts were computed (not read from the cache)."""
    calls = []
    original = facets.counts

    def counting(catalog, index_name, rids):
        if index_name == "document_type":
            calls.append(index_name)
        return original(catalog, index_name, rids)

    monkeypatch.setattr(facets, "counts", counting)
    return calls


def counts(client, name, **params):
    response = client.get("van-ban/@directives", params=params)
    assert response.status_code == 200, response.text
    return {f["token"]: f["count"] for f in response.json()["facets"][name]}


def test_same_query_computed_once(sample_documents, anonymous, today, computed):
    first = counts(anonymous, "document_type")
    assert counts(anonymous, "document_type") == first
    assert len(computed) == 1
    # Another query, another entry; facets=0 computes none.
    counts(anonymous, "document_type", year="2026")
    anonymous.get("van-ban/@directives", params={"facets": "0"})
    assert len(computed) == 2


def test_fresh_after_a_document_is_published(sample_documents, anonymous, today):
    assert counts(anonymous, "year")["2024"] == 1
    make_document(
        sample_documents,
        "qd-40-2024",
        "Quyết định thành lập Tổ công tác chuyển đổi số",
        document_number="40/QĐ-UBND",
        document_type="quyet-dinh",
        issue_date=D(2024, 5, 2),
        issuing_body="Ủy ban nhân dân",
        sectors=["Chuyển đổi số"],
    )
    transaction.commit()
    assert counts(anonymous, "year")["2024"] == 2
    assert counts(anonymous, "sector")["chuyen-doi-so"] == 2


def test_fresh_after_a_document_is_added_unpublished(
    sample_documents, anonymous, manager, today
):
    before = counts(manager, "year")["2026"]
    assert counts(anonymous, "year")["2026"] == before - 1  # the draft
    make_document(
        sample_documents,
        "du-thao-2",
        "Dự thảo quyết định về chuyển đổi số",
        document_number="41/QĐ-UBND",
        issue_date=D(2026, 11, 22),
        publish=False,
    )
    transaction.commit()
    assert counts(manager, "year")["2026"] == before + 1
    assert counts(anonymous, "year")["2026"] == before - 1


def test_fresh_after_a_retract(sample_documents, anonymous, today):
    assert counts(anonymous, "legal_status")["expired"] == 2
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(sample_documents["cv-245-2025"], "retract")
    transaction.commit()
    assert counts(anonymous, "legal_status")["expired"] == 1


def test_fresh_on_a_new_day(sample_documents, anonymous, today, computed):
    # 120/KH-UBND takes effect on 1 January 2027.
    assert counts(anonymous, "legal_status")["pending"] == 1
    today(D(2027, 1, 1))
    statuses = counts(anonymous, "legal_status")
    assert "pending" not in statuses
    assert len(computed) == 2


def test_per_user(sample_documents, anonymous, manager, today):
    assert counts(manager, "year")["2026"] == 5  # with the draft
    assert counts(anonymous, "year")["2026"] == 4
    assert counts(manager, "year")["2026"] == 5


def test_no_cache_with_uncommitted_catalog_changes(sample_documents, today):
    portal = api.portal.get()
    catalog = portal.portal_catalog
    query = {"portal_type": "Directive"}
    assert facets.cache_key(catalog, query, 20261123) is not None
    with api.env.adopt_roles(["Manager"]):
        sample_documents["kh-05-2026"].reindexObject()
    catalog.getCounter()  # processes the indexing queue
    assert facets.cache_key(catalog, query, 20261123) is None
    calls = []
    for _ in range(2):
        facets.cached(catalog, query, 20261123, lambda: calls.append(1) or {})
    assert len(calls) == 2
    transaction.abort()


def test_key_changes_when_a_publication_window_opens(
    sample_documents, today, monkeypatch
):
    """For users who do not see inactive items, the key holds the next
    moment an item's publication window opens or closes."""
    document = sample_documents["kh-05-2026"]
    opens = DateTime() + 2
    with api.env.adopt_roles(["Manager"]):
        document.setEffectiveDate(opens)
        document.reindexObject()
    transaction.commit()
    catalog = api.portal.get().portal_catalog
    query = {"portal_type": "Directive"}
    with api.env.adopt_roles(["Anonymous"]):
        before = facets.cache_key(catalog, query, 20261123)
        monkeypatch.setattr(facets, "DateTime", lambda: opens + 1.0 / 1440)
        after = facets.cache_key(catalog, query, 20261123)
    assert before[6] != after[6]  # the next opening or closing
    assert before[:6] + before[7:] == after[:6] + after[7:]


def test_bounded(sample_documents, monkeypatch):
    monkeypatch.setattr(facets, "CACHE_SIZE", 3)
    catalog = api.portal.get().portal_catalog
    calls = []

    def ask(number):
        query = {"portal_type": "Directive", "issue_year": number}
        return facets.cached(
            catalog, query, 20261123, lambda: calls.append(number) or {}
        )

    for number in range(5):
        ask(number)
    assert len(facets._cache) == 3
    ask(4)  # kept
    ask(0)  # the oldest, dropped
    assert calls == [0, 1, 2, 3, 4, 0]


def test_fresh_after_the_sector_list_changes(
    sample_documents, anonymous, today, computed
):
    """Facet tokens come from the control panel's list of sectors."""
    counts(anonymous, "sector")
    record = "commune_portal.sectors"
    api.portal.set_registry_record(
        record, [*api.portal.get_registry_record(record), "Khoa học và công nghệ"]
    )
    transaction.commit()
    counts(anonymous, "sector")
    assert len(computed) == 2


def test_facets_in_the_language_asked(sample_documents, anonymous, today):
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    transaction.commit()

    def titles(language):
        response = anonymous.get(
            "van-ban/@directives", headers={"Accept-Language": language}
        )
        return {
            f["token"]: f["title"] for f in response.json()["facets"]["legal_status"]
        }

    assert titles("vi")["in_force"] == "Còn hiệu lực"
    assert titles("en")["in_force"] == "In force"
    assert titles("vi")["in_force"] == "Còn hiệu lực"
