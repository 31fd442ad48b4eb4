"""REST errors of the official-document rules name the field to correct
(also the cross-field ones: invariants), and a number is at most 60
characters."""

from commune_portal.behaviors.official_document import NUMBER_MAX_LENGTH
from commune_portal.behaviors.official_document import NumberTooLong
from datetime import date
from plone import api
from tests.helpers import make_document
from tests.helpers import validation_errors
from zope.i18n import translate
import pytest
import transaction


@pytest.fixture
def manager(request_factory, site_owner_name, site_owner_password):
    return request_factory(basic_auth=(site_owner_name, site_owner_password))


def post(manager, **data):
    body = {"@type": "Directive", "id": "vb", "title": "Kế hoạch", **data}
    return manager.post("/", json=body)


class TestNumberLength:
    def test_five_thousand_characters_refused(self, manager, functional_portal):
        response = post(manager, document_number="1" * 5000 + "/KH-UBND")
        assert response.status_code == 400
        [error] = validation_errors(response)
        assert error["field"] == "document_number"
        assert error["message"] == translate(
            NumberTooLong.__doc__, target_language="vi"
        )
        assert "60" in error["message"]
        transaction.begin()
        assert "vb" not in functional_portal

    def test_sixty_characters_is_the_limit(self):
        from commune_portal.behaviors.official_document import IOfficialDocument

        field = IOfficialDocument["document_number"]
        assert field.max_length == NUMBER_MAX_LENGTH == 60
        with pytest.raises(NumberTooLong):
            field.validate("1" * 52 + "/KH-UBND" + "X")

    def test_a_real_number_passes(self, manager):
        response = post(manager, document_number="81/2016/NQ-HĐND")
        assert response.status_code == 201, response.text


class TestInvariantFields:
    @pytest.mark.parametrize(
        "data,field",
        [
            (
                {"issue_date": "2026-02-01", "effective_date": "2026-01-31"},
                "effective_date",
            ),
            ({"issue_date": "2026-02-01", "expiry_date": "2026-02-01"}, "expiry_date"),
            (
                {
                    "issue_date": "2026-02-01",
                    "effective_date": "2026-03-01",
                    "expiry_date": "2026-02-15",
                },
                "expiry_date",
            ),
            (
                {"document_number": "15/KH-UBND", "document_type": "quyet-dinh"},
                "document_type",
            ),
        ],
    )
    def test_create(self, manager, functional_portal, data, field):
        response = post(manager, **data)
        assert response.status_code == 400
        errors = validation_errors(response)
        assert [error["field"] for error in errors] == [field]
        assert errors[0]["error"] == "ValidationError"
        assert errors[0]["message"]
        transaction.begin()
        assert "vb" not in functional_portal

    def test_duplicate_number(self, manager, functional_portal):
        make_document(
            functional_portal,
            "kh-15",
            "Kế hoạch 15",
            document_number="15/KH-UBND",
            issue_date=date(2026, 1, 5),
            issuing_body="Ủy ban nhân dân",
        )
        transaction.commit()
        response = post(
            manager,
            document_number="15/KH-UBND",
            issue_date="2026-03-01",
            issuing_body="Ủy ban nhân dân",
        )
        assert response.status_code == 400
        [error] = validation_errors(response)
        assert error["field"] == "document_number"
        assert "15/KH-UBND" in error["message"]

    def test_classified_while_published(self, manager, functional_portal):
        make_document(
            functional_portal, "qd-12", "Quyết định", document_number="12/QĐ-UBND"
        )
        transaction.commit()
        response = manager.patch("qd-12", json={"confidentiality": "secret"})
        assert response.status_code == 400
        [error] = validation_errors(response)
        assert error["field"] == "confidentiality"
        transaction.begin()
        document = functional_portal["qd-12"]
        assert document.confidentiality == "normal"
        assert api.content.get_state(document) == "published"

    def test_field_errors_keep_their_field(self, manager):
        response = post(manager, document_number="KH-UBND/15")
        [error] = validation_errors(response)
        assert error["field"] == "document_number"

    def test_other_sites_keep_plone_restapi(self, functional_app):
        """Without the browser layer, plone.restapi's own deserializer."""
        from commune_portal.behaviors.deserializer import DeserializeWithInvariantFields
        from plone.restapi.interfaces import IDeserializeFromJson
        from zope.component import getMultiAdapter
        from zope.publisher.browser import TestRequest

        with api.env.adopt_roles(["Manager"]):
            portal = api.portal.get()
            page = api.content.create(portal, "Document", id="p", title="p")
        adapter = getMultiAdapter((page, TestRequest()), IDeserializeFromJson)
        assert not isinstance(adapter, DeserializeWithInvariantFields)
