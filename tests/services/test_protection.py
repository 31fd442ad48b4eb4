"""Cross-site request forgery on the add-on's REST writes: a browser logged
in with its session cookie cannot be made to change anything by another web
site (text/plain form posts, foreign Origin or Referer)."""

from commune_portal.workflows.policies import switch_policy
from plone import api
from tests.helpers import make_document
import pytest
import re
import requests
import transaction


EVIL = "https://evil.example.com"


@pytest.fixture
def folder(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "Folder", id="phong", title="Phòng"
        )
        switch_policy(folder, "commune_one_step", "commune_one_step")
    make_document(folder, "kh-15", "Kế hoạch chuyển đổi số năm 2026", publish=False)
    transaction.commit()
    return folder


@pytest.fixture
def browser_session(functional_portal, site_owner_name, site_owner_password):
    """A requests session logged in through Plone's login form: it carries
    the ``__ac`` session cookie, as a visitor's browser does."""
    session = requests.Session()
    url = functional_portal.absolute_url()
    form = session.get(f"{url}/login")
    data = {
        "__ac_name": site_owner_name,
        "__ac_password": site_owner_password,
        "buttons.login": "Log in",
        "came_from": url,
    }
    token = re.search(r'name="_authenticator"\s+value="([0-9a-f]+)"', form.text)
    if token:
        data["_authenticator"] = token.group(1)
    session.post(f"{url}/login", data=data)
    assert "__ac" in session.cookies
    return session


def policies(folder):
    transaction.begin()
    config = folder[".wf_policy_config"]
    return config.getPolicyInId(), config.getPolicyBelowId()


def state(folder):
    transaction.begin()
    return api.content.get_state(folder["kh-15"])


WRITES = {
    "placeful-workflow": (
        "phong/@placeful-workflow",
        '{"policy_in": "commune_two_step", "policy_below": "commune_two_step"}',
    ),
    "workflow": ("phong/kh-15/@workflow/submit", "{}"),
    "procedures-import": ("phong/@procedures-import", '{"procedures": []}'),
}


def unchanged(folder):
    return policies(folder) == ("commune_one_step", "commune_one_step") and (
        state(folder) == "private"
    )


@pytest.mark.parametrize("write", WRITES)
def test_text_plain_form_post_refused(
    folder, functional_portal, browser_session, write
):
    path, body = WRITES[write]
    response = browser_session.post(
        f"{functional_portal.absolute_url()}/++api++/{path}",
        data=body,
        headers={
            "Content-Type": "text/plain",
            "Accept": "application/json",
            "Origin": EVIL,
        },
    )
    assert response.status_code == 415, response.text
    assert response.json()["error"] == {
        "type": "UnsupportedMediaType",
        "message": "Hãy gửi nội dung yêu cầu dưới dạng JSON (Content-Type: application/json).",
    }
    assert unchanged(folder)


@pytest.mark.parametrize("header", ["Origin", "Referer"])
@pytest.mark.parametrize("write", WRITES)
def test_foreign_origin_refused(
    folder, functional_portal, browser_session, write, header
):
    path, body = WRITES[write]
    response = browser_session.post(
        f"{functional_portal.absolute_url()}/++api++/{path}",
        data=body,
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            header: f"{EVIL}/trang-lua-dao" if header == "Referer" else EVIL,
        },
    )
    assert response.status_code == 403, response.text
    error = response.json()["error"]
    assert error["type"] == "Forbidden"
    assert "https://evil.example.com" in error["message"]
    assert "bảo vệ tài khoản" in error["message"]
    assert unchanged(folder)


def test_same_origin_json_accepted(folder, functional_portal, browser_session):
    url = functional_portal.absolute_url()
    origin = "/".join(url.split("/")[:3])
    response = browser_session.post(
        f"{url}/++api++/phong/@placeful-workflow",
        json={"policy_in": "commune_two_step", "policy_below": "commune_two_step"},
        headers={"Accept": "application/json", "Origin": origin},
    )
    assert response.status_code == 200, response.text
    assert policies(folder) == ("commune_two_step", "commune_two_step")


def test_integrations_without_origin(folder, manager_request):
    """curl and integrations send no Origin: JSON is all they need."""
    response = manager_request.post("phong/kh-15/@workflow/submit", json={})
    assert response.status_code == 200, response.text
    assert state(folder) == "pending_review"
