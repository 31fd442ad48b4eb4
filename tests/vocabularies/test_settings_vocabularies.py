"""Vocabularies read from the commune settings."""

from commune_portal.vocabularies.settings import entries_vocabulary
from plone import api
import pytest
import transaction


VOCABULARIES = {
    "commune_portal.vocabularies.IssuingBodies": "issuing_bodies",
    "commune_portal.vocabularies.Sectors": "sectors",
    "commune_portal.vocabularies.SignerPositions": "signer_positions",
}


def test_entries_vocabulary_tokens_are_ascii_and_unique():
    vocabulary = entries_vocabulary(
        [
            "Hộ tịch",
            "Hộ tịch",
            "Hỗ tịch",
            "Tư pháp - Hộ tịch",
            "Ho\u0302\u0323 ti\u0323ch",
            "",
        ]
    )
    assert [(t.token, t.value) for t in vocabulary] == [
        ("ho-tich", "Hộ tịch"),
        ("ho-tich-2", "Hỗ tịch"),
        ("tu-phap-ho-tich", "Tư pháp - Hộ tịch"),
    ]


@pytest.mark.parametrize("name,record", VOCABULARIES.items())
def test_vocabulary_follows_the_registry(portal, get_vocabulary, name, record):
    api.portal.set_registry_record(
        f"commune_portal.{record}", ["Đất đai", "Ủy ban nhân dân"]
    )
    vocabulary = get_vocabulary(name, portal)
    assert [(t.token, t.title) for t in vocabulary] == [
        ("dat-dai", "Đất đai"),
        ("uy-ban-nhan-dan", "Ủy ban nhân dân"),
    ]


@pytest.mark.parametrize("name,record", VOCABULARIES.items())
def test_rest_vocabulary_for_anonymous(
    request_factory, functional_portal, name, record
):
    """Anonymous integrators read the lists as the control panel holds them
    (the defaults of a new site), in order, with ASCII tokens."""
    entries = api.portal.get_registry_record(f"commune_portal.{record}")
    assert len(entries) > 1
    response = request_factory().get(f"@vocabularies/{name}", params={"b_size": 500})
    assert response.status_code == 200
    body = response.json()
    assert body["items_total"] == len(entries)
    assert [item["title"] for item in body["items"]] == list(entries)
    assert all(item["token"].isascii() for item in body["items"])


def test_rest_vocabulary_reflects_settings(request_factory, functional_portal):
    api.portal.set_registry_record("commune_portal.sectors", ["Hộ tịch", "Chứng thực"])
    transaction.commit()
    response = request_factory().get(
        "@vocabularies/commune_portal.vocabularies.Sectors"
    )
    assert response.json()["items"] == [
        {"token": "ho-tich", "title": "Hộ tịch"},
        {"token": "chung-thuc", "title": "Chứng thực"},
    ]
