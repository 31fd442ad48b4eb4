"""A pasted copy of an official document is a new draft without the
original's number (the number would be a duplicate and block every edit of
both documents); Classic UI says so."""

from commune_portal.behaviors.official_document import IOfficialDocument
from datetime import date
from plone import api
from plone.testing.zope import Browser
from tests.helpers import make_document
import pytest
import re
import transaction


@pytest.fixture
def manager(request_factory, site_owner_name, site_owner_password):
    return request_factory(basic_auth=(site_owner_name, site_owner_password))


@pytest.fixture
def original(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(functional_portal, "Folder", id="ban-sao", title="Bản sao")
    document = make_document(
        functional_portal,
        "kh-15",
        "Kế hoạch chuyển đổi số",
        document_number="15/KH-UBND",
        document_type="ke-hoach",
        issue_date=date(2026, 1, 5),
        issuing_body="Ủy ban nhân dân",
    )
    transaction.commit()
    return document


class TestThroughRest:
    def test_the_copy_has_no_number(self, manager, functional_portal, original):
        response = manager.post(
            "ban-sao/@copy", json={"source": original.absolute_url()}
        )
        assert response.status_code == 200, response.text
        [pasted] = response.json()
        copy_url = pasted["target"]
        body = manager.get(copy_url).json()
        assert body["document_number"] is None
        assert body["review_state"] == "private"
        assert body["issue_date"] == "2026-01-05"
        assert manager.get("kh-15").json()["document_number"] == "15/KH-UBND"

    def test_both_can_be_edited_afterwards(self, manager, functional_portal, original):
        copy_url = manager.post(
            "ban-sao/@copy", json={"source": original.absolute_url()}
        ).json()[0]["target"]
        response = manager.patch("kh-15", json={"signer": "Nguyễn Văn An"})
        assert response.status_code == 204, response.text
        response = manager.patch(copy_url, json={"title": "Kế hoạch (bản sửa)"})
        assert response.status_code == 204, response.text
        response = manager.patch(copy_url, json={"document_number": "16/KH-UBND"})
        assert response.status_code == 204, response.text
        # Giving the copy the original's number is still refused.
        response = manager.patch(copy_url, json={"document_number": "15/KH-UBND"})
        assert response.status_code == 400
        transaction.begin()
        copy = functional_portal["ban-sao"]["kh-15"]
        assert IOfficialDocument(copy).document_number == "16/KH-UBND"


class TestClassicUI:
    def test_paste_says_so(self, functional_app, functional_portal, original):
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader(
            "Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}"
        )
        browser.open(original.absolute_url())
        # Plone's toolbar links carry the CSRF token.
        token = re.search(r"_authenticator=([0-9a-f]+)", browser.contents)[1]
        browser.open(f"{original.absolute_url()}/object_copy?_authenticator={token}")
        browser.open(
            f"{functional_portal.absolute_url()}/ban-sao/object_paste"
            f"?_authenticator={token}"
        )
        messages = " ".join(
            re.findall(
                r'class="[^"]*statusmessage[^"]*"[^>]*>(.*?)</div>',
                browser.contents,
                re.S,
            )
        )
        assert "15/KH-UBND" in messages
        assert "Kế hoạch chuyển đổi số" in messages
        transaction.begin()
        copy = functional_portal["ban-sao"]["kh-15"]
        assert IOfficialDocument(copy).document_number is None
        assert IOfficialDocument(functional_portal["kh-15"]).document_number == (
            "15/KH-UBND"
        )

    def test_api_copy(self, portal):
        document = make_document(
            portal, "kh-15", "Kế hoạch", document_number="15/KH-UBND"
        )
        with api.env.adopt_roles(["Manager"]):
            copy = api.content.copy(document, portal, id="kh-15-copy")
        assert IOfficialDocument(copy).document_number is None
        catalog = api.portal.get_tool("portal_catalog")
        [brain] = catalog.unrestrictedSearchResults(UID=copy.UID())
        assert not brain.document_number
        assert IOfficialDocument(document).document_number == "15/KH-UBND"
