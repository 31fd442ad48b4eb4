"""One 400 body for every bad parameter of the add-on's services
(CONTRACT.md): ``{"error": {"type": "BadRequest", "parameter": <name>,
"message": <translated>}}``, and nothing else."""

from commune_portal.listings.params import bad_request
from commune_portal.workflows.policies import switch_policy
from plone import api
import pytest
import transaction


@pytest.fixture
def manager(request_factory, site_owner_name, site_owner_password):
    return request_factory(basic_auth=(site_owner_name, site_owner_password))


def assert_bad(response, parameter):
    assert response.status_code == 400, response.text
    body = response.json()
    assert list(body) == ["error"]
    error = body["error"]
    assert set(error) == {"type", "parameter", "message"}
    assert error["type"] == "BadRequest"
    assert error["parameter"] == parameter
    assert error["message"] and "${" not in error["message"]
    return error


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"q": "(chuyển đổi"}, "q"),
        ({"document_number": "KH-UBND"}, "document_number"),
        ({"document_type": "sac-lenh"}, "document_type"),
        ({"year": "năm nay"}, "year"),
        ({"issued_after": "05/01/2026"}, "issued_after"),
        ({"issued_before": "2026-13-01"}, "issued_before"),
        (
            {"issued_after": "2026-03-01", "issued_before": "2026-01-01"},
            "issued_before",
        ),
        ({"legal_status": "valid"}, "legal_status"),
        ({"is_legal_normative": "có"}, "is_legal_normative"),
        ({"portal_type": "Document"}, "portal_type"),
        ({"sort_on": "modified"}, "sort_on"),
        ({"sort_order": "up"}, "sort_order"),
        ({"b_start": "-1"}, "b_start"),
        ({"b_size": "500"}, "b_size"),
        ({"facets": "maybe"}, "facets"),
        ({"q": ["a", "b"]}, "q"),
    ],
)
def test_directives(sample_documents, request_factory, params, parameter):
    response = request_factory().get("van-ban/@directives", params=params)
    assert_bad(response, parameter)


@pytest.mark.parametrize(
    "params,parameter",
    [({"b_size": "nhieu"}, "b_size"), ({"b_start": "-5"}, "b_start")],
)
def test_my_work(functional_portal, manager, params, parameter):
    assert_bad(manager.get("@my-work", params=params), parameter)
    assert_bad(manager.get("@my-work/to_review", params=params), parameter)


def test_placeful_workflow(functional_portal, manager):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(functional_portal, "Folder", id="phong")
        switch_policy(folder, "commune_one_step", "commune_one_step")
    transaction.commit()
    response = manager.post(
        "/phong/@placeful-workflow", json={"policy_in": "khong-co", "policy_below": ""}
    )
    error = assert_bad(response, "policy_in")
    assert "khong-co" in error["message"]


def test_helper_translates_and_sets_the_status(functional_portal):
    from commune_portal import _

    request = functional_portal.REQUEST
    body = bad_request(
        request,
        "year",
        _(
            "Expected a whole number from ${minimum} to ${maximum}.",
            mapping={"minimum": 1945, "maximum": 2100},
        ),
    )
    assert request.response.getStatus() == 400
    assert body == {
        "error": {
            "type": "BadRequest",
            "parameter": "year",
            "message": "Giá trị phải là số nguyên từ 1945 đến 2100.",
        }
    }
