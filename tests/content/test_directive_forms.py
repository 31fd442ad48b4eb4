"""Adding and editing a Directive in Classic UI, as a clerk does."""

from commune_portal.behaviors.official_document import IOfficialDocument
from datetime import date
from plone.testing.zope import Browser
import pytest
import re
import transaction


@pytest.fixture
def browser(functional_app, user_with_roles, functional_portal):
    user, password = user_with_roles("canbo", "Contributor")
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {user}:{password}")
    return browser


def fill(browser, **fields):
    for name, value in fields.items():
        browser.getControl(name=name).value = value


def test_add_form_in_vietnamese(browser, functional_portal):
    browser.open(f"{functional_portal.absolute_url()}/++add++Directive")
    for label in (
        "Số ký hiệu",
        "Loại văn bản",
        "Cơ quan ban hành",
        "Ngày ban hành",
        "Tệp văn bản đã ký",
        "Ký ban hành",
        "Hiệu lực",
        "Lĩnh vực, độ mật",  # not "Phân loại": Plone's tab has that name
        "Văn bản liên quan",
        "Thay thế",
    ):
        assert label in browser.contents, label
    tabs = [
        text.strip()
        for text in re.findall(r"<legend[^>]*>([^<]*)</legend>", browser.contents)
    ]
    assert len(tabs) > 5
    assert len(tabs) == len(set(tabs)), tabs  # no two tabs with one name


def test_add_a_plan(browser, functional_portal):
    browser.open(f"{functional_portal.absolute_url()}/++add++Directive")
    fill(
        browser,
        **{
            "form.widgets.IBasic.title": "Kế hoạch chuyển đổi số năm 2026",
            "form.widgets.IOfficialDocument.document_number": "Số: 15/KH-UBND",
            "form.widgets.IOfficialDocument.issue_date": "2026-01-15",
        },
    )
    browser.getControl(name="form.widgets.IOfficialDocument.sectors:list").getControl(
        value="chuyen-doi-so"
    ).selected = True
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    obj = functional_portal["ke-hoach-chuyen-doi-so-nam-2026"]
    document = IOfficialDocument(obj)
    assert document.document_number == "15/KH-UBND"
    assert document.document_type == "ke-hoach"
    assert document.issue_date == date(2026, 1, 15)
    assert document.sectors == ["Chuyển đổi số"]
    assert obj.effective_date is None  # Plone's publication date untouched


@pytest.mark.parametrize(
    "fields,message",
    [
        (
            {"form.widgets.IOfficialDocument.document_number": "15-KH/UBND/x"},
            "không phải là số ký hiệu văn bản",
        ),
        (
            {
                "form.widgets.IOfficialDocument.issue_date": "2026-02-01",
                "form.widgets.IOfficialDocument.effective_date": "2026-01-01",
            },
            "Ngày có hiệu lực không được trước ngày ban hành",
        ),
        (
            {
                "form.widgets.IOfficialDocument.document_number": "15/KH-UBND",
                "form.widgets.IOfficialDocument.document_type:list": ["quyet-dinh"],
            },
            "loại văn bản được chọn là Quyết định",
        ),
    ],
)
def test_add_refused_with_the_reason(browser, functional_portal, fields, message):
    browser.open(f"{functional_portal.absolute_url()}/++add++Directive")
    fill(browser, **{"form.widgets.IBasic.title": "Văn bản sai", **fields})
    browser.getControl(name="form.buttons.save").click()
    assert message in browser.contents
    transaction.begin()
    assert "van-ban-sai" not in functional_portal
