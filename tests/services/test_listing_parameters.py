"""Unknown parameters: REST listings refuse them (a misspelt filter would
answer the unfiltered list), pages ignore them (shared links carry their
own, such as ``fbclid``)."""

from plone import api
from plone.testing.zope import Browser
import pytest
import transaction


@pytest.fixture
def sections(functional_portal, sample_documents):
    with api.env.adopt_roles(["Manager"]):
        procedures = api.content.create(
            functional_portal, "Folder", id="thu-tuc", title="Thủ tục hành chính"
        )
        procedures.setLayout("procedures-view")
        api.content.transition(procedures, "publish")
        sample_documents.setLayout("directives-view")
    transaction.commit()
    return sample_documents, procedures


@pytest.mark.parametrize(
    "endpoint,allowed_start",
    [("@directives", "q, document_number"), ("@procedures", "q, code")],
)
@pytest.mark.parametrize("query", ["sectr=Nội vụ", "fbclid=abc", "expand=x"])
def test_rest_refuses_unknown(
    sections, request_factory, endpoint, allowed_start, query
):
    response = request_factory().get(f"/{endpoint}?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    name = query.split("=")[0]
    assert error["type"] == "BadRequest"
    assert error["parameter"] == name
    assert error["message"].startswith(f'Tham số "{name}" không được hỗ trợ.')
    assert allowed_start in error["message"]


@pytest.mark.parametrize("endpoint", ["@directives", "@procedures"])
def test_rest_known_and_typed_names(sections, request_factory, endpoint):
    response = request_factory().get(f"/{endpoint}?b_size:int=2&sort_order=ascending")
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", ["van-ban", "thu-tuc"])
def test_pages_ignore_unknown(sections, functional_app, path, functional_portal):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.open(
        f"{functional_portal.absolute_url()}/{path}?fbclid=IwAR0abc&utm_source=zalo"
    )
    assert browser.headers["status"].startswith("200")
    assert "Tham số" not in browser.contents


def test_document_filter_still_filters(sections, request_factory):
    found = request_factory().get("/@directives", params={"sector": "Nội vụ"}).json()
    assert {item["document_number"] for item in found["items"]} == {
        "12/QĐ-UBND",
        "30/QĐ-UBND",
    }
