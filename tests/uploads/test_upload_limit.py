"""The size limit of uploads (control panel ``max_upload_size``), in the
Classic UI and through REST, and file values that are really files."""

from base64 import b64encode
from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.uploads import FileTooLarge
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from tests.helpers import add_plain_site
from tests.helpers import make_document
from tests.helpers import validation_errors
from zope.component.hooks import setSite
import pytest
import transaction


MB = 1024 * 1024


def pdf(size):
    return b"%PDF-1.4\n" + b"0" * (size - 9)


def file_value(data, filename="ke-hoach.pdf"):
    return {
        "data": b64encode(data).decode("ascii"),
        "encoding": "base64",
        "filename": filename,
        "content-type": "application/pdf",
    }


@pytest.fixture
def folder(functional_portal):
    api.portal.set_registry_record("commune_portal.max_upload_size", 1)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "Folder", id="van-ban", title="Văn bản"
        )
    make_document(
        folder,
        "kh-15",
        "Kế hoạch chuyển đổi số năm 2026",
        document_number="15/KH-UBND",
        file=NamedBlobFile(data=pdf(1000), filename="15-KH-UBND.pdf"),
        publish=False,
    )
    transaction.commit()
    return folder


def message(response):
    """The one field error of a refused create or edit."""
    (error,) = validation_errors(response)
    assert error["field"] == "file"
    return error["message"]


def test_default_limit(portal):
    assert api.portal.get_registry_record("commune_portal.max_upload_size") == 10


def test_rest_create_refused(folder, manager_request):
    response = manager_request.post(
        "/van-ban",
        json={
            "@type": "Directive",
            "title": "Kế hoạch tổ chức Tết Nguyên đán Đinh Mùi 2027",
            "file": file_value(pdf(MB + 1)),
        },
    )
    assert response.status_code == 400, response.text
    assert message(response) == (
        "Tệp có dung lượng 1,1 MB; cổng chỉ nhận tệp tối đa 1 MB. Hãy giảm dung "
        "lượng (ví dụ quét lại với độ phân giải thấp hơn) hoặc tách thành các "
        "phụ lục."
    )
    transaction.begin()
    assert folder.objectIds() == ["kh-15"]


def test_rest_edit_refused(folder, manager_request):
    response = manager_request.patch(
        "/van-ban/kh-15", json={"file": file_value(pdf(2 * MB), "scan.pdf")}
    )
    assert response.status_code == 400, response.text
    assert message(response).startswith(
        "Tệp có dung lượng 2 MB; cổng chỉ nhận tệp tối đa 1 MB."
    )
    transaction.begin()
    stored = IOfficialDocument(folder["kh-15"]).file
    assert (stored.filename, stored.size) == ("15-KH-UBND.pdf", 1000)


def test_rest_annex_refused(folder, manager_request):
    response = manager_request.post(
        "/van-ban/kh-15",
        json={
            "@type": "File",
            "title": "Phụ lục I",
            "file": file_value(pdf(MB + 1), "phu-luc.pdf"),
        },
    )
    assert response.status_code == 400
    assert "tối đa 1 MB" in message(response)
    transaction.begin()
    assert folder["kh-15"].objectIds() == []


def test_rest_within_limit(folder, manager_request):
    response = manager_request.patch(
        "/van-ban/kh-15", json={"file": file_value(pdf(MB - 10), "ban-ky.pdf")}
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert IOfficialDocument(folder["kh-15"]).file.size == MB - 10


def test_limit_follows_the_control_panel(folder, manager_request):
    response = manager_request.patch(
        "/@controlpanels/commune-portal", json={"max_upload_size": 3}
    )
    assert response.status_code == 204, response.text
    response = manager_request.patch(
        "/van-ban/kh-15", json={"file": file_value(pdf(2 * MB), "scan.pdf")}
    )
    assert response.status_code == 204, response.text


@pytest.mark.parametrize("value", [0, -5, 5000])
def test_control_panel_refuses_bad_limits(folder, manager_request, value):
    response = manager_request.patch(
        "/@controlpanels/commune-portal", json={"max_upload_size": value}
    )
    assert response.status_code == 400
    transaction.begin()
    assert api.portal.get_registry_record("commune_portal.max_upload_size") == 1


def test_rest_bare_string_is_no_file(folder, manager_request):
    response = manager_request.patch("/van-ban/kh-15", json={"file": "hello"})
    assert response.status_code == 400
    assert message(response).startswith("Tệp phải được gửi dưới dạng đối tượng")
    transaction.begin()
    assert IOfficialDocument(folder["kh-15"]).file.filename == "15-KH-UBND.pdf"


def test_classic_ui_refused(
    folder, functional_app, site_owner_name, site_owner_password
):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {site_owner_name}:{site_owner_password}")
    browser.open(f"{folder.absolute_url()}/++add++File")
    browser.getControl(name="form.widgets.title").value = "Phụ lục II"
    browser.getControl(name="form.widgets.file").add_file(
        pdf(MB + 1), "application/pdf", "phu-luc-2.pdf"
    )
    browser.getControl(name="form.buttons.save").click()
    assert "tối đa 1 MB" in browser.contents
    transaction.begin()
    assert folder.objectIds() == ["kh-15"]


def test_other_site_has_no_limit(app, portal):
    """A site of the same Zope without the add-on keeps Plone's behaviour:
    the same 11 MB file that our site refuses passes there."""
    big = NamedBlobFile(data=pdf(11 * MB), filename="lon.pdf")
    field = portal.portal_types["File"].lookupSchema()["file"]
    with pytest.raises(FileTooLarge):
        field.validate(big)
    plain = add_plain_site(app, "plain")
    setSite(plain)
    try:
        field = plain.portal_types["File"].lookupSchema()["file"]
        field.validate(big)
    finally:
        setSite(portal)
