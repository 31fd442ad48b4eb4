"""The control panel "Cổng thông tin xã" in Classic UI and through REST."""

from plone import api
from plone.testing.zope import Browser
import ast
import pytest
import transaction


PANEL = "@controlpanels/commune-portal"


def registry_value(portal, name):
    transaction.begin()  # see what the server committed
    return api.portal.get_registry_record(f"commune_portal.{name}")


@pytest.fixture
def manager(request_factory, site_owner_name, site_owner_password):
    return request_factory(basic_auth=(site_owner_name, site_owner_password))


class TestRestGet:
    def test_manager_reads_the_panel(self, manager):
        response = manager.get(PANEL)
        assert response.status_code == 200
        body = response.json()
        assert body["title"] == "Cổng thông tin xã"
        assert body["data"]["current_term"] == "2026-2031"
        assert "Hộ tịch" in body["data"]["sectors"]
        fieldsets = {f["id"]: f["fields"] for f in body["schema"]["fieldsets"]}
        assert fieldsets["default"] == ["commune_name", "province", "current_term"]
        assert fieldsets["lists"] == ["issuing_bodies", "sectors", "signer_positions"]
        assert fieldsets["services"] == ["national_portal_url"]
        assert body["schema"]["properties"]["sectors"]["title"] == "Lĩnh vực"

    def test_listed_among_the_panels(self, manager):
        ids = [
            p["@id"].rsplit("/", 1)[-1] for p in manager.get("@controlpanels").json()
        ]
        assert "commune-portal" in ids

    def test_anonymous_cannot_read(self, request_factory):
        assert request_factory().get(PANEL).status_code == 401


class TestRestPatch:
    def test_manager_edits(self, manager, functional_portal):
        response = manager.patch(
            PANEL,
            json={
                "commune_name": "Phường Hồng Bàng",
                "province": "Thành phố Hải Phòng",
                "sectors": ["Hộ tịch", "Chứng thực", "Đất đai"],
            },
        )
        assert response.status_code == 204
        assert registry_value(functional_portal, "commune_name") == "Phường Hồng Bàng"
        assert registry_value(functional_portal, "sectors") == [
            "Hộ tịch",
            "Chứng thực",
            "Đất đai",
        ]

    def test_site_administrator_edits(
        self, request_factory, user_with_roles, functional_portal
    ):
        session = request_factory(
            basic_auth=user_with_roles("quantri", "Site Administrator")
        )
        response = session.patch(PANEL, json={"commune_name": "Xã Nghi Dương"})
        assert response.status_code == 204
        assert registry_value(functional_portal, "commune_name") == "Xã Nghi Dương"

    @pytest.mark.parametrize("role", ["Editor", "Reviewer", "Contributor", "Member"])
    def test_other_roles_are_refused(
        self, request_factory, user_with_roles, functional_portal, role
    ):
        session = request_factory(basic_auth=user_with_roles("canbo", role))
        response = session.patch(PANEL, json={"commune_name": "Xã giả mạo"})
        assert response.status_code in (401, 403)
        assert registry_value(functional_portal, "commune_name") == ""

    def test_anonymous_is_refused(self, request_factory, functional_portal):
        response = request_factory().patch(PANEL, json={"commune_name": "Xã giả mạo"})
        assert response.status_code == 401
        assert registry_value(functional_portal, "commune_name") == ""

    @pytest.mark.parametrize(
        "data,field,message",
        [
            (
                {"sectors": ["Hộ tịch", "Đất đai", "HỘ TỊCH"]},
                "sectors",
                "Mỗi mục chỉ được xuất hiện một lần",
            ),
            (
                {"issuing_bodies": ["Ủy ban nhân dân", "Uỷ ban nhân dân"]},
                "issuing_bodies",
                "Mỗi mục chỉ được xuất hiện một lần",
            ),
            (
                {"signer_positions": ["Chủ tịch", "  "]},
                "signer_positions",
                "không được để trống",
            ),
            ({"current_term": "2031-2026"}, "current_term", "2026-2031"),
            ({"current_term": "khóa XXI"}, "current_term", "2026-2031"),
        ],
    )
    def test_bad_input_is_refused_and_nothing_stored(
        self, manager, functional_portal, data, field, message
    ):
        before = registry_value(functional_portal, field)
        response = manager.patch(PANEL, json={"commune_name": "Xã Mới", **data})
        assert response.status_code == 400
        # plone.restapi's @controlpanels puts the list of errors in "message"
        # as a Python literal (Volto parses it the same way).
        errors = ast.literal_eval(response.json()["message"])
        assert any(
            message in error["message"] and error["field"] == field for error in errors
        ), errors
        assert registry_value(functional_portal, field) == before
        assert registry_value(functional_portal, "commune_name") == ""


class TestClassicUI:
    @pytest.fixture
    def browser(self, functional_app, site_owner_name, site_owner_password):
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader(
            "Authorization", f"Basic {site_owner_name}:{site_owner_password}"
        )
        return browser

    def test_form_in_vietnamese(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@commune-portal-settings")
        assert "Cổng thông tin xã" in browser.contents
        assert "Tên xã, phường" in browser.contents
        assert "Nhiệm kỳ HĐND hiện tại" in browser.contents
        assert "Xã, phường" in browser.contents  # the first tab

    def test_listed_in_site_setup(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@overview-controlpanel")
        assert "Cổng thông tin xã" in browser.contents
        assert "@@commune-portal-settings" in browser.contents

    def test_save(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@commune-portal-settings")
        browser.getControl(name="form.widgets.commune_name").value = "Xã Nghi Dương"
        browser.getControl(name="form.widgets.sectors").value = "Hộ tịch\nĐất đai"
        browser.getControl(name="form.buttons.save").click()
        assert registry_value(functional_portal, "commune_name") == "Xã Nghi Dương"
        assert registry_value(functional_portal, "sectors") == ["Hộ tịch", "Đất đai"]

    def test_save_refuses_duplicates(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@commune-portal-settings")
        browser.getControl(name="form.widgets.sectors").value = "Hộ tịch\nho tich"
        browser.getControl(name="form.buttons.save").click()
        assert "Mỗi mục chỉ được xuất hiện một lần" in browser.contents
        assert "Hộ tịch" in registry_value(functional_portal, "sectors")
        assert len(registry_value(functional_portal, "sectors")) > 2

    def test_editor_cannot_open_the_form(
        self, functional_app, functional_portal, user_with_roles
    ):
        user, password = user_with_roles("bientap", "Editor")
        browser = Browser(functional_app)
        browser.addHeader("Authorization", f"Basic {user}:{password}")
        browser.open(f"{functional_portal.absolute_url()}/@@commune-portal-settings")
        assert "form.widgets.commune_name" not in browser.contents
        assert browser.url.endswith("/insufficient-privileges")
