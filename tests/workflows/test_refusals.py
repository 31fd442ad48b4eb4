"""A refused transition says why, through REST and in Classic UI, and
changes nothing (no "Item state changed.", no placeholder text)."""

from plone import api
from plone.testing.zope import Browser
from tests.helpers import make_document
from tests.workflows.test_guards import CLASSIFIED
from tests.workflows.test_guards import complete
import pytest
import re
import transaction


@pytest.fixture
def document(functional_portal):
    doc = make_document(
        functional_portal, "vb", "Kế hoạch chuyển đổi số năm 2026", publish=False
    )
    transaction.commit()
    return doc


def state_of(portal):
    transaction.begin()
    return api.content.get_state(portal["vb"])


def test_rest_not_offered(document, functional_portal, manager_request):
    response = manager_request.post("vb/@workflow/approve", json={})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "WorkflowException"
    assert error["transition"] == "approve"
    assert error["message"] == (
        "Bạn không thể “Phê duyệt và đăng” với mục này khi mục đang ở trạng "
        "thái “Cá nhân”. Việc bạn có thể làm lúc này: Gửi Ban biên tập."
    )
    assert "${" not in response.text
    assert state_of(functional_portal) == "private"


def test_rest_nothing_open(
    document, functional_portal, request_factory, user_with_roles
):
    reader = request_factory(basic_auth=user_with_roles("doc-gia", "Reader"))
    response = reader.post("vb/@workflow/submit", json={})
    assert response.status_code == 400
    assert response.json()["error"]["message"].endswith(
        "và lúc này bạn không có bước nào khác."
    )
    assert state_of(functional_portal) == "private"


def test_rest_allowed_transition_still_works(
    document, functional_portal, manager_request
):
    response = manager_request.post("vb/@workflow/submit", json={})
    assert response.status_code == 200, response.text
    assert state_of(functional_portal) == "pending_review"


@pytest.fixture
def manager(functional_app, site_owner_name, site_owner_password):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {site_owner_name}:{site_owner_password}")
    return browser


def status_form(browser, url, transition_id):
    browser.open(url)
    token = re.search(r"_authenticator[^0-9a-f]+([0-9a-f]{40})", browser.contents)
    browser.open(
        f"{url}/content_status_modify?workflow_action={transition_id}"
        f"&_authenticator={token.group(1)}"
    )
    return browser.contents


def test_classic_ui_not_offered(document, functional_portal, manager):
    html = status_form(manager, document.absolute_url(), "approve")
    assert "Item state changed" not in html
    assert "Trạng thái đã được thay đổi" not in html
    assert "Bạn không thể “Phê duyệt và đăng”" in html
    assert state_of(functional_portal) == "private"
    transaction.begin()
    assert functional_portal["vb"].EffectiveDate() == "None"


def test_classic_ui_guard(functional_portal, manager):
    doc = make_document(
        functional_portal,
        "vb",
        "Kế hoạch",
        publish=False,
        **complete(confidentiality="secret"),
    )
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(doc, "submit")
        api.content.transition(doc, "review")
    transaction.commit()
    html = status_form(manager, doc.absolute_url(), "approve")
    assert CLASSIFIED.format("Tối mật") in html
    assert "Trạng thái đã được thay đổi" not in html
    assert state_of(functional_portal) == "pending_approval"


def test_classic_ui_allowed(document, functional_portal, manager):
    status_form(manager, document.absolute_url(), "submit")
    assert state_of(functional_portal) == "pending_review"
