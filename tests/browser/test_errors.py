"""Malformed typed query-string fields answer 400 on commune sites, and
keep Zope's answer on other sites of the same Zope."""

from plone import api
from tests.helpers import add_plain_site
import pytest
import requests
import transaction


CASES = [
    ("b_size:int=abc", "b_size", "int"),
    ("q:date=x", "q", "date"),
    ("year:float=x", "year", "float"),
]


@pytest.fixture
def folder(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "Folder", id="van-ban", title="Văn bản"
        )
        folder.setLayout("directives-view")
        api.content.transition(folder, "publish")
    transaction.commit()
    return folder


@pytest.mark.parametrize("query,name,kind", CASES)
def test_rest_400(folder, request_factory, query, name, kind):
    response = request_factory().get(f"/@directives?{query}")
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "type": "BadRequest",
            "parameter": name,
            "message": f"Giá trị của tham số “{name}” không đọc được dưới dạng {kind}.",
        }
    }


@pytest.mark.parametrize("query,name,kind", CASES)
def test_html_listing_400(folder, query, name, kind):
    response = requests.get(
        f"{folder.absolute_url()}?{query}", headers={"Accept": "text/html"}
    )
    assert response.status_code == 400
    assert "<html" in response.text


def test_good_typed_values_still_work(folder, request_factory):
    response = request_factory().get("/@directives?b_size:int=5")
    assert response.status_code == 200


def test_other_site_keeps_zopes_answer(folder, functional_app, functional_portal):
    add_plain_site(functional_app, "plain")
    transaction.commit()
    base = functional_portal.absolute_url().rsplit("/", 1)[0]
    response = requests.get(
        f"{base}/plain/@search?b_size:int=abc", headers={"Accept": "application/json"}
    )
    assert response.status_code == 500
