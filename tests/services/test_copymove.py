"""``@move`` and ``@copy`` into a folder that does not accept the type."""

from plone import api
from Products.CMFPlone.interfaces.constrains import ISelectableConstrainTypes
from tests.helpers import make_document
import pytest
import transaction


@pytest.fixture
def folders(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        documents = api.content.create(
            functional_portal, "Folder", id="van-ban", title="Văn bản"
        )
        news = api.content.create(
            functional_portal, "Folder", id="tin-tuc", title="Tin tức"
        )
        constraints = ISelectableConstrainTypes(news)
        constraints.setConstrainTypesMode(1)
        constraints.setLocallyAllowedTypes(["News Item", "Document"])
        constraints.setImmediatelyAddableTypes(["News Item", "Document"])
        api.content.create(news, "Document", id="gioi-thieu", title="Giới thiệu")
    make_document(
        documents,
        "kh-15",
        "Kế hoạch chuyển đổi số năm 2026",
        document_number="15/KH-UBND",
        publish=False,
    )
    transaction.commit()
    return documents, news


@pytest.mark.parametrize("service", ["@move", "@copy"])
def test_type_not_accepted(folders, manager_request, service):
    documents, news = folders
    response = manager_request.post(
        f"/tin-tuc/{service}",
        json={
            "source": [
                documents["kh-15"].absolute_url(),
                news["gioi-thieu"].absolute_url(),
            ]
        },
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"] == {
        "type": "BadRequest",
        "message": "Thư mục này không nhận mục thuộc loại Văn bản.",
    }
    transaction.begin()
    assert documents.objectIds() == ["kh-15"]
    assert news.objectIds() == ["gioi-thieu"]


def test_accepted_type_moves(folders, manager_request):
    documents, news = folders
    response = manager_request.post(
        "/van-ban/@move", json={"source": news["gioi-thieu"].absolute_url()}
    )
    assert response.status_code == 200, response.text
    transaction.begin()
    assert "gioi-thieu" in documents.objectIds()


def test_anonymous_still_401(folders, request_factory):
    documents, _news = folders
    response = request_factory().post(
        "/tin-tuc/@move", json={"source": documents["kh-15"].absolute_url()}
    )
    assert response.status_code == 401
