"""The official-document behavior through REST: schema, rules, relations."""

from commune_portal.behaviors.official_document import IOfficialDocument
from datetime import date
from plone import api
from tests.helpers import make_document
from tests.helpers import reach_state
import ast
import pytest
import transaction


@pytest.fixture
def manager(request_factory, site_owner_name, site_owner_password):
    return request_factory(basic_auth=(site_owner_name, site_owner_password))


def errors_of(response):
    """plone.restapi's content deserializer puts the list of errors in
    ``message`` as a Python literal."""
    return ast.literal_eval(response.json()["message"])


def messages_of(response):
    return " | ".join(error["message"] for error in errors_of(response))


# Field name -> (JSON schema type, widget or vocabulary it must keep).
PINNED = {
    "document_number": ("string", None),
    "document_type": ("string", "commune_portal.vocabularies.DocumentTypes"),
    "issuing_body": ("string", "commune_portal.vocabularies.IssuingBodies"),
    "issue_date": ("string", "date"),
    "file": ("object", "file"),
    "signer": ("string", None),
    "signer_position": ("string", "commune_portal.vocabularies.SignerPositions"),
    "signing_authority": ("string", "commune_portal.vocabularies.SigningAuthorities"),
    "effective_date": ("string", "date"),
    "expiry_date": ("string", "date"),
    "legal_status_override": ("string", "commune_portal.vocabularies.LegalStatuses"),
    "sectors": ("array", "commune_portal.vocabularies.Sectors"),
    "is_legal_normative": ("boolean", None),
    "confidentiality": ("string", "commune_portal.vocabularies.Confidentiality"),
    "urgency": ("string", "commune_portal.vocabularies.Urgency"),
    "based_on": ("array", "relation list"),
    "amends": ("array", "relation list"),
    "replaces": ("array", "relation list"),
    "repeals": ("array", "relation list"),
    "corrects": ("array", "relation list"),
    "guides": ("array", "relation list"),
}

FIELDSETS = {
    "signing": ["signer", "signer_position", "signing_authority"],
    "validity": ["legal_status_override"],
    "classification": ["sectors", "is_legal_normative", "confidentiality", "urgency"],
    "relations": ["based_on", "amends", "replaces", "repeals", "corrects", "guides"],
}


class TestTypesSchema:
    """``@types/Directive`` pins every field, so a rename breaks a test and
    not an integrator."""

    @pytest.fixture
    def schema(self, manager):
        response = manager.get("@types/Directive")
        assert response.status_code == 200
        return response.json()

    @pytest.mark.parametrize("name", PINNED)
    def test_field(self, schema, name):
        kind, marker = PINNED[name]
        field = schema["properties"][name]
        assert field["type"] == kind
        if marker and marker.startswith("commune_portal.vocabularies."):
            vocabulary = field.get("vocabulary") or field.get("items", {}).get(
                "vocabulary"
            )
            assert vocabulary["@id"].endswith(f"@vocabularies/{marker}")
        elif marker:
            assert marker in (
                field.get("widget"),
                field.get("format"),
                field.get("factory", "").lower(),
            )

    def test_fieldsets(self, schema):
        fieldsets = {f["id"]: f["fields"] for f in schema["fieldsets"]}
        for name, fields in FIELDSETS.items():
            assert fieldsets[name] == fields
        assert fieldsets["default"][:2] == ["title", "description"]
        assert {
            "document_number",
            "document_type",
            "issuing_body",
            "issue_date",
            "file",
        } <= set(fieldsets["default"])

    def test_title_in_vietnamese(self, schema):
        assert schema["title"] == "Văn bản"
        assert schema["properties"]["document_number"]["title"] == "Số ký hiệu"

    def test_legal_status_is_read_only(self, schema):
        assert "legal_status" not in schema["properties"]


def _post(manager, **data):
    body = {"@type": "Directive", "title": "Kế hoạch chuyển đổi số năm 2026", **data}
    return manager.post("/", json=body)


class TestCreate:
    def test_valid(self, manager, functional_portal):
        response = _post(
            manager,
            id="kh-15",
            document_number="Số: 15 / KH – UBND",
            issuing_body="Ủy ban nhân dân",
            issue_date="2026-01-15",
            sectors=["Chuyển đổi số"],
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["document_number"] == "15/KH-UBND"
        # the type is proposed from the number
        assert body["document_type"] == {"token": "ke-hoach", "title": "Kế hoạch"}
        assert body["legal_status"] == {"token": "in_force", "title": "Còn hiệu lực"}
        assert body["inverse_relations"]["replaced_by"] == []

    @pytest.mark.parametrize(
        "data,message",
        [
            ({"document_number": "KH-UBND/15"}, "không phải là số ký hiệu văn bản"),
            (
                {"document_number": "15/KH-UBND", "document_type": "quyet-dinh"},
                "loại văn bản được chọn là Quyết định",
            ),
            (
                {"document_number": "245/UBND-VP", "document_type": "ke-hoach"},
                "tức là số ký hiệu của công văn",
            ),
            (
                {"issue_date": "2026-02-01", "effective_date": "2026-01-31"},
                "Ngày có hiệu lực không được trước ngày ban hành",
            ),
            (
                {"issue_date": "2026-02-01", "expiry_date": "2026-02-01"},
                "Ngày hết hiệu lực phải sau",
            ),
            (
                {
                    "issue_date": "2026-02-01",
                    "effective_date": "2026-03-01",
                    "expiry_date": "2026-02-15",
                },
                "Ngày hết hiệu lực phải sau",
            ),
        ],
    )
    def test_refused_and_nothing_stored(
        self, manager, functional_portal, data, message
    ):
        response = _post(manager, id="bad", **data)
        assert response.status_code == 400
        assert message in messages_of(response)
        transaction.begin()
        assert "bad" not in functional_portal

    def test_duplicate_number_same_issuer_and_year(self, manager, functional_portal):
        assert (
            _post(
                manager,
                id="a",
                document_number="05/QĐ-UBND",
                issuing_body="Ủy ban nhân dân",
                issue_date="2026-01-05",
            ).status_code
            == 201
        )
        response = _post(
            manager,
            id="b",
            document_number="5/qđ-ubnd",
            issuing_body="Ủy ban nhân dân",
            issue_date="2026-03-05",
        )
        assert response.status_code == 400
        assert "đã được dùng cho văn bản" in messages_of(response)
        # another year, or another issuer, is fine
        assert (
            _post(
                manager,
                id="c",
                document_number="05/QĐ-UBND",
                issuing_body="Ủy ban nhân dân",
                issue_date="2025-01-05",
            ).status_code
            == 201
        )
        assert (
            _post(
                manager,
                id="d",
                document_number="05/QĐ-UBND",
                issuing_body="Hội đồng nhân dân",
                issue_date="2026-01-05",
            ).status_code
            == 201
        )
        transaction.begin()
        assert "b" not in functional_portal

    def test_classified_default_is_normal(self, manager):
        body = _post(manager, id="e", document_number="07/TB-UBND").json()
        assert body["confidentiality"]["token"] == "normal"
        assert body["urgency"]["token"] == "normal"
        assert body["document_type"]["token"] == "thong-bao"


class TestPatch:
    @pytest.fixture
    def document(self, functional_portal):
        obj = make_document(
            functional_portal,
            "qd-12",
            "Quyết định ban hành Quy chế làm việc",
            document_number="12/QĐ-UBND",
            issue_date=date(2026, 2, 1),
        )
        transaction.commit()
        return obj

    def test_partial_patch_checks_dates_against_stored_values(self, manager, document):
        response = manager.patch("qd-12", json={"effective_date": "2026-01-20"})
        assert response.status_code == 400
        assert "Ngày có hiệu lực không được trước ngày ban hành" in messages_of(
            response
        )
        transaction.begin()
        assert IOfficialDocument(document).effective_date is None
        assert (
            manager.patch("qd-12", json={"effective_date": "2026-02-10"}).status_code
            == 204
        )

    def test_keeping_its_own_number_is_not_a_duplicate(self, manager, document):
        response = manager.patch(
            "qd-12", json={"document_number": "12/QĐ-UBND", "title": "Quyết định (sửa)"}
        )
        assert response.status_code == 204

    def test_relation_to_a_page_is_refused(self, manager, document, functional_portal):
        with api.env.adopt_roles(["Manager"]):
            page = api.content.create(
                functional_portal, "Document", id="trang", title="Giới thiệu"
            )
        transaction.commit()
        response = manager.patch("qd-12", json={"based_on": [page.UID()]})
        assert response.status_code == 400
        assert "Chỉ được liên kết tới văn bản" in messages_of(response)
        transaction.begin()
        assert IOfficialDocument(document).based_on == []

    def test_relations_both_ways(self, manager, document, functional_portal):
        make_document(
            functional_portal,
            "qd-30",
            "Quyết định ban hành Quy chế làm việc (thay thế)",
            document_number="30/QĐ-UBND",
            issue_date=date(2026, 5, 1),
        )
        transaction.commit()
        response = manager.patch("qd-30", json={"replaces": [document.UID()]})
        assert response.status_code == 204
        newer_body = manager.get("qd-30").json()
        assert [r["@id"].rsplit("/", 1)[-1] for r in newer_body["replaces"]] == [
            "qd-12"
        ]
        old_body = manager.get("qd-12").json()
        assert [
            r["@id"].rsplit("/", 1)[-1]
            for r in old_body["inverse_relations"]["replaced_by"]
        ] == ["qd-30"]
        assert old_body["legal_status"]["token"] == "expired"
        assert set(old_body["inverse_relations"]) == {
            "basis_for",
            "amended_by",
            "replaced_by",
            "repealed_by",
            "corrected_by",
            "guided_by",
        }

    def test_relations_given_at_creation(self, manager, document, functional_portal):
        """REST creates without a "modified" event: the relation must count
        all the same once the new document is published."""
        response = _post(
            manager,
            id="qd-31",
            document_number="31/QĐ-UBND",
            issue_date="2026-05-01",
            replaces=[document.UID()],
        )
        assert response.status_code == 201, response.text
        transaction.begin()  # see what the REST request committed
        reach_state(functional_portal["qd-31"])
        transaction.commit()
        old_body = manager.get("qd-12").json()
        assert old_body["legal_status"]["token"] == "expired"
        replaced_by = old_body["inverse_relations"]["replaced_by"]
        assert [r["@id"].rsplit("/", 1)[-1] for r in replaced_by] == ["qd-31"]

    def test_anonymous_does_not_see_private_relations(
        self, request_factory, document, functional_portal
    ):
        make_document(
            functional_portal,
            "du-thao",
            "Dự thảo quyết định thay thế",
            document_number="31/QĐ-UBND",
            issue_date=date(2026, 5, 1),
            replaces=[document],
            publish=False,
        )
        transaction.commit()
        body = request_factory().get("qd-12").json()
        assert body["inverse_relations"]["replaced_by"] == []
        assert body["legal_status"]["token"] == "in_force"


class TestDuplicateMessage:
    """The duplicate-number message names the other document only to those
    who may view it."""

    TITLE = "Quyết định về chế độ bảo vệ bí mật nhà nước"

    @pytest.fixture
    def hidden(self, functional_portal):
        with api.env.adopt_roles(["Manager"]):
            mine = api.content.create(
                functional_portal, "Folder", id="phong-a", title="Phòng A"
            )
            other = api.content.create(
                functional_portal, "Folder", id="phong-b", title="Phòng B"
            )
        document = make_document(
            other,
            "qd-05",
            self.TITLE,
            publish=False,
            document_number="05/QĐ-UBND",
            issuing_body="Ủy ban nhân dân",
            issue_date=date(2026, 1, 5),
            confidentiality="secret",
        )
        return mine, document

    def _post_duplicate(self, request_factory, user, password):
        browser = request_factory(basic_auth=(user, password))
        return browser.post(
            "phong-a",
            json={
                "@type": "Directive",
                "id": "qd-05-ban-sao",
                "title": "Quyết định khác",
                "document_number": "05/QĐ-UBND",
                "issuing_body": "Ủy ban nhân dân",
                "issue_date": "2026-03-01",
            },
        )

    def test_hidden_from_who_may_not_view_it(
        self, hidden, request_factory, user_with_roles, functional_portal
    ):
        mine, document = hidden
        user, password = user_with_roles("canbo")
        api.user.grant_roles(username=user, obj=mine, roles=["Contributor"])
        transaction.commit()
        response = self._post_duplicate(request_factory, user, password)
        assert response.status_code == 400
        message = messages_of(response)
        assert self.TITLE not in message
        assert document.absolute_url() not in message
        assert "qd-05" not in message
        assert "05/QĐ-UBND" in message
        transaction.begin()
        assert "qd-05-ban-sao" not in mine

    def test_named_to_who_may_view_it(
        self, hidden, request_factory, user_with_roles, functional_portal
    ):
        from plone.app.workflow.events import LocalrolesModifiedEvent
        from zope.event import notify

        mine, document = hidden
        user, password = user_with_roles("bientap", "Contributor")
        # Given Reader on the (classified) document through sharing.
        document.manage_setLocalRoles(user, ["Reader"])
        notify(LocalrolesModifiedEvent(document, document.REQUEST))
        document.reindexObjectSecurity()
        transaction.commit()
        response = self._post_duplicate(request_factory, user, password)
        assert response.status_code == 400
        message = messages_of(response)
        assert self.TITLE in message
        assert document.absolute_url() in message
        transaction.begin()
        assert "qd-05-ban-sao" not in mine
