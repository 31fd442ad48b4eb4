"""``GET/POST <folder>/@placeful-workflow``: the workflow policies of a
folder, for integrators."""

from commune_portal.workflows.policies import POLICY_SWITCH_ACTION
from commune_portal.workflows.policies import switch_policy
from plone import api
from tests.helpers import reach_state
import pytest
import transaction


@pytest.fixture
def folder(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "Folder", id="phong", title="Phòng"
        )
        switch_policy(folder, "commune_one_step", "commune_one_step")
        page = api.content.create(folder, "Document", id="trang", title="Trang")
        reach_state(page, "pending_review")
    transaction.commit()
    return folder


def test_get(folder, manager_request):
    body = manager_request.get("/phong/@placeful-workflow").json()
    assert body["policy_in"] == body["policy_below"] == "commune_one_step"
    policies = {p["id"]: p["title"] for p in body["policies"]}
    assert set(policies) == {
        "commune_two_step",
        "commune_one_step",
        "council_materials",
        "voter_petitions",
        "citizen_questions",
    }
    assert policies["voter_petitions"] == "Kiến nghị cử tri"


def test_switch(folder, manager_request):
    response = manager_request.post(
        "/phong/@placeful-workflow",
        json={"policy_in": "commune_two_step", "policy_below": "commune_two_step"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["policy_in"] == body["policy_below"] == "commune_two_step"
    assert body["items"] == 2
    assert body["changed"] == 1  # the page; folders stay one-step
    assert body["states"] == {"private": 1, "pending_review": 1}
    transaction.begin()
    page = folder["trang"]
    assert api.content.get_state(page) == "pending_review"
    history = page.workflow_history["commune_editorial_workflow"]
    assert history[-1]["action"] == POLICY_SWITCH_ACTION
    listing = manager_request.get(
        "/@search",
        params={"path.query": "/plone/phong", "review_state": "pending_review"},
    ).json()
    assert listing["items_total"] == 1


@pytest.mark.parametrize(
    "data,parameter",
    [
        ({"policy_in": "intranet", "policy_below": ""}, "policy_in"),
        ({"policy_in": "", "policy_below": "khong-co"}, "policy_below"),
        ({"policy_below": ""}, "policy_in"),
        ({"policy_in": "commune_one_step", "policy_below": 3}, "policy_below"),
    ],
)
def test_bad_parameters(folder, manager_request, data, parameter):
    response = manager_request.post("/phong/@placeful-workflow", json=data)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["parameter"] == parameter
    transaction.begin()
    assert folder[".wf_policy_config"].getPolicyInId() == "commune_one_step"


def test_site_root_refused(folder, manager_request, functional_portal):
    response = manager_request.post(
        "/@placeful-workflow",
        json={"policy_in": "commune_one_step", "policy_below": ""},
    )
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "BadRequest"
    transaction.begin()
    assert ".wf_policy_config" not in functional_portal.objectIds()
    assert api.content.get_state(folder["trang"]) == "pending_review"


@pytest.mark.parametrize("role", [None, "Editor", "Reviewer", "CommuneApprover"])
def test_only_site_administrators(folder, user_with_roles, request_factory, role):
    if role is None:
        session = request_factory()
    else:
        session = request_factory(basic_auth=user_with_roles("nguoi-dung", role))
    response = session.post(
        "/phong/@placeful-workflow",
        json={"policy_in": "", "policy_below": ""},
    )
    assert response.status_code == 401
    assert session.get("/phong/@placeful-workflow").status_code == 401
    transaction.begin()
    config = folder[".wf_policy_config"]
    assert config.getPolicyInId() == config.getPolicyBelowId() == "commune_one_step"
    page = folder["trang"]
    assert api.content.get_state(page) == "pending_review"
    assert "commune_simple_workflow" in page.workflow_history


def test_site_administrator(folder, user_with_roles, request_factory):
    session = request_factory(
        basic_auth=user_with_roles("quan-tri", "Site Administrator")
    )
    response = session.post(
        "/phong/@placeful-workflow",
        json={"policy_in": "council_materials", "policy_below": "council_materials"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["policy_below"] == "council_materials"
    transaction.begin()
    config = folder[".wf_policy_config"]
    assert config.getPolicyInId() == config.getPolicyBelowId() == "council_materials"
    page = folder["trang"]
    workflow_tool = api.portal.get_tool("portal_workflow")
    assert workflow_tool.getChainFor(page) == ("council_material_workflow",)
    # pending_review has no match in the council workflow: back to private.
    assert api.content.get_state(page) == "private"
