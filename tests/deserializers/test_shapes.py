"""REST input of the wrong JSON shape is refused with a 400 naming the
field, and nothing is stored (create and edit)."""

from commune_portal.behaviors.official_document import IOfficialDocument
from datetime import date
from plone import api
from tests.helpers import make_document
from tests.helpers import validation_errors
import pytest
import transaction


@pytest.fixture
def folder(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "Folder", id="van-ban", title="Văn bản"
        )
    make_document(
        folder,
        "kh-15",
        "Kế hoạch chuyển đổi số năm 2026",
        document_number="15/KH-UBND",
        sectors=["Chuyển đổi số"],
        is_legal_normative=False,
        publish=False,
    )
    transaction.commit()
    return folder


BAD_FIELDS = [
    ("sectors", {"a": 1}, "Hãy gửi một danh sách"),
    ("sectors", "Hộ tịch", "Hãy gửi một danh sách"),
    ("sectors", [["Hộ tịch"]], "Mỗi mục của danh sách"),
    ("sectors", [{"title": "Hộ tịch"}], "Mỗi mục của danh sách"),
    ("is_legal_normative", "maybe", "Hãy gửi true hoặc false."),
    ("is_legal_normative", 1, "Hãy gửi true hoặc false."),
    ("file", "hello", "Tệp phải được gửi dưới dạng đối tượng"),
    ("issue_date", "2026-13-45", "“2026-13-45” không phải là ngày"),
    ("issue_date", "05/01/2026", "“05/01/2026” không phải là ngày"),
    ("issue_date", 20260105, "“20260105” không phải là ngày"),
    ("effective", "hôm qua", "“hôm qua” không phải là ngày"),
    # Not a shape, but the same refusal: an official letter needs its unit.
    ("document_number", "15/XYZ", '"15/XYZ" không phải là số ký hiệu văn bản.'),
]


@pytest.mark.parametrize("field,value,message", BAD_FIELDS)
def test_create_refused(folder, manager_request, field, value, message):
    response = manager_request.post(
        "/van-ban",
        json={
            "@type": "Directive",
            "title": "Kế hoạch phòng, chống thiên tai",
            field: value,
        },
    )
    assert response.status_code == 400, response.text
    (error,) = validation_errors(response)
    assert error["field"] == field
    assert error["message"].startswith(message)
    transaction.begin()
    assert folder.objectIds() == ["kh-15"]


@pytest.mark.parametrize("field,value,message", BAD_FIELDS)
def test_edit_refused(folder, manager_request, field, value, message):
    response = manager_request.patch("/van-ban/kh-15", json={field: value})
    assert response.status_code == 400, response.text
    (error,) = validation_errors(response)
    assert (error["field"], error["message"][: len(message)]) == (field, message)
    transaction.begin()
    document = IOfficialDocument(folder["kh-15"])
    assert document.sectors == ["Chuyển đổi số"]
    assert document.is_legal_normative is False
    assert document.file is None
    assert document.issue_date is None
    assert document.document_number == "15/KH-UBND"


def test_good_shapes_accepted(folder, manager_request):
    response = manager_request.patch(
        "/van-ban/kh-15",
        json={
            "sectors": ["Hộ tịch", {"token": "chung-thuc"}],
            "is_legal_normative": True,
            "issue_date": "2026-01-05",
            "effective": "2026-01-06T08:00:00+07:00",
        },
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    document = IOfficialDocument(folder["kh-15"])
    assert document.sectors == ["Hộ tịch", "Chứng thực"]
    assert document.is_legal_normative is True
    assert document.issue_date == date(2026, 1, 5)


@pytest.mark.parametrize("body", ["[1, 2]", '"abc"', "42", "{not json"])
def test_body_not_a_json_object(folder, manager_request, body):
    response = manager_request.post(
        "/van-ban", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "DeserializationError"
    assert error["message"].startswith("Nội dung yêu cầu phải là một đối tượng JSON")
    transaction.begin()
    assert folder.objectIds() == ["kh-15"]
