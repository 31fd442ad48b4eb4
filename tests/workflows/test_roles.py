"""The roles of the editorial workflows, on the sharing page."""

from commune_portal.workflows.roles import ROLES
from plone import api
import pytest
import transaction


VIETNAMESE = {
    "CommuneApprover": "Lãnh đạo phê duyệt",
    "CouncilSecretary": "Thư ký HĐND",
    "CouncilDelegate": "Đại biểu HĐND",
    "ProcedureOfficer": "Cán bộ một cửa",
}


def test_roles_exist(portal):
    assert set(ROLES) <= set(portal.validRoles())
    assert set(ROLES) <= set(portal.acl_users.portal_role_manager.listRoleIds())


def test_granted_globally_from_the_users_control_panel(portal):
    api.user.create(email="ld@xa-nghiduong.example.vn", username="lanh-dao")
    api.user.grant_roles(username="lanh-dao", roles=["CommuneApprover"])
    assert "CommuneApprover" in api.user.get_roles(username="lanh-dao")


@pytest.fixture
def section(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "Folder", id="van-ban", title="Văn bản"
        )
    api.user.create(email="ld@xa-nghiduong.example.vn", username="lanh-dao")
    transaction.commit()
    return folder


class TestSharingPage:
    def test_listed_with_vietnamese_titles(self, section, manager_request):
        response = manager_request.get("/van-ban/@sharing")
        assert response.status_code == 200
        titles = {r["id"]: r["title"] for r in response.json()["available_roles"]}
        for role, title in VIETNAMESE.items():
            assert titles[role] == title

    def test_site_administrator_delegates_them(
        self, section, user_with_roles, request_factory
    ):
        user, password = user_with_roles("quan-tri", "Site Administrator")
        session = request_factory(basic_auth=(user, password))
        available = {
            r["id"] for r in session.get("/van-ban/@sharing").json()["available_roles"]
        }
        assert set(ROLES) <= available

    def test_editor_does_not(self, section, user_with_roles, request_factory):
        """Editors may share (Plone's roles), not hand out ours."""
        user, password = user_with_roles("bien-tap", "Editor")
        session = request_factory(basic_auth=(user, password))
        response = session.get("/van-ban/@sharing")
        assert response.status_code == 200
        available = {r["id"] for r in response.json()["available_roles"]}
        assert "Editor" in available
        assert not available & set(ROLES)

    def test_grant_locally(self, section, manager_request):
        response = manager_request.post(
            "/van-ban/@sharing",
            json={
                "entries": [
                    {
                        "id": "lanh-dao",
                        "type": "user",
                        "roles": {"CommuneApprover": True},
                    }
                ]
            },
        )
        assert response.status_code == 204, response.text
        transaction.begin()
        assert "CommuneApprover" in section.get_local_roles_for_userid("lanh-dao")
        assert "CommuneApprover" in api.user.get_roles(username="lanh-dao", obj=section)
        entries = manager_request.get("/van-ban/@sharing").json()["entries"]
        (entry,) = [e for e in entries if e["id"] == "lanh-dao"]
        assert entry["roles"]["CommuneApprover"] is True

    def test_classic_sharing_page(
        self, section, request_factory, site_owner_name, site_owner_password
    ):
        session = request_factory(
            basic_auth=(site_owner_name, site_owner_password), api=False
        )
        session.headers.pop("Accept", None)
        html = session.get("/van-ban/@@sharing").text
        for title in VIETNAMESE.values():
            assert title in html
