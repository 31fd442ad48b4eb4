"""The page of a procedure and the catalogue view of the procedures
section, as visitors and officers see them."""

from datetime import date as D
from pathlib import Path
from plone import api
from plone.testing.zope import Browser
from tests.procedure_helpers import demo_catalogue
from tests.procedure_helpers import replace_decree
import commune_portal
import pytest
import re
import requests
import transaction


FIXTURE = Path(commune_portal.__file__).parent / "fixtures" / "procedures.json"


@pytest.fixture
def catalogue(functional_portal):
    return demo_catalogue(functional_portal)


@pytest.fixture
def anonymous(functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    return browser


@pytest.fixture
def officer(functional_app, catalogue, user_with_roles):
    user, password = user_with_roles("motcua")
    api.user.grant_roles(
        username=user, obj=catalogue["section"], roles=["ProcedureOfficer"]
    )
    catalogue["section"].reindexObjectSecurity()
    transaction.commit()
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {user}:{password}")
    return browser


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class TestProcedurePage:
    def test_laid_out_like_the_national_portal(self, catalogue, anonymous):
        birth = catalogue["section"]["thu-tuc-dang-ky-khai-sinh"]
        anonymous.open(birth.absolute_url())
        html = anonymous.contents
        page = text(html)
        headings = [
            "Trình tự thực hiện",
            "Cách thức thực hiện",
            "Thành phần hồ sơ",
            "Kết quả thực hiện",
            "Căn cứ pháp lý",
            "Yêu cầu, điều kiện thực hiện",
        ]
        positions = [page.index(heading) for heading in headings]
        assert positions == sorted(positions)
        assert "1.001193" in page
        assert "Miễn lệ phí đối với đăng ký khai sinh đúng hạn" in page
        assert "Trẻ em bị bỏ rơi" in page  # a case of papers
        link = anonymous.getLink("Nộp hồ sơ trực tuyến")
        assert link.url == birth.national_portal_url
        forms = anonymous.getLink("Tải mẫu đơn, tờ khai")
        assert forms.url.startswith("https://dichvucong.gov.vn/")
        # The decree on the site is linked from the legal basis.
        assert catalogue["decree"].absolute_url() in html
        assert "procedure-legal-basis-outdated" not in html

    def test_no_online_button_for_information_only(self, catalogue, anonymous):
        section = catalogue["section"]
        (procedure,) = [
            section[item_id]
            for item_id in section.objectIds()
            if getattr(section[item_id], "procedure_code", None) == "2.000815"
        ]
        anonymous.open(procedure.absolute_url())
        assert "procedure-apply-online" not in anonymous.contents

    def test_form_file_inside_the_procedure(self, catalogue, anonymous):
        from plone.namedfile.file import NamedBlobFile

        birth = catalogue["section"]["thu-tuc-dang-ky-khai-sinh"]
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                birth,
                "File",
                id="to-khai-khai-sinh.docx",
                title="Tờ khai",
                file=NamedBlobFile(data=b"docx", filename="to-khai-khai-sinh.docx"),
            )
            rows = [dict(row) for row in birth.required_documents]
            rows[0]["form"] = "to-khai-khai-sinh.docx"
            birth.required_documents = rows
            api.content.transition(
                birth["to-khai-khai-sinh.docx"], to_state="published"
            )
        transaction.commit()
        anonymous.open(birth.absolute_url())
        link = anonymous.getLink("Tải mẫu đơn, tờ khai")
        assert link.url == (
            f"{birth.absolute_url()}/to-khai-khai-sinh.docx/@@download/file"
        )

    def test_outdated_legal_basis_is_said(self, catalogue, anonymous, frozen_today):
        frozen_today(D(2026, 6, 1))
        replace_decree(catalogue)
        transaction.commit()
        anonymous.open(catalogue["section"]["thu-tuc-dang-ky-khai-sinh"].absolute_url())
        assert "procedure-legal-basis-outdated" in anonymous.contents
        assert "123/2015/NĐ-CP" in text(anonymous.contents)
        anonymous.open(catalogue["section"].absolute_url())
        assert "procedures-outdated" in anonymous.contents

    def test_draft_is_hidden_from_visitors(self, catalogue, officer):
        url = catalogue["section"]["nhap"].absolute_url()
        response = requests.get(url, allow_redirects=False)
        assert response.status_code in (302, 401)
        assert "Thủ tục nháp" not in response.text
        officer.open(url)
        assert "Thủ tục nháp" in officer.contents


class TestCatalogue:
    def test_the_section_shows_the_catalogue(self, catalogue, anonymous):
        assert catalogue["section"].getLayout() == "procedures-view"
        anonymous.open(catalogue["section"].absolute_url())
        page = text(anonymous.contents)
        # Grouped by sector, largest first; counts in the filters.
        assert page.index("Hộ tịch") < page.index("Chứng thực")
        assert re.search(r"Hộ tịch \( 7 \)", page)
        assert re.search(r"Dịch vụ công trực tuyến toàn trình \( 6 \)", page)
        assert "Thủ tục nháp" not in page
        assert "10 thủ tục" in page

    def test_filters(self, catalogue, anonymous):
        url = catalogue["section"].absolute_url()
        anonymous.open(f"{url}/@@procedures-view?sector=chung-thuc")
        page = text(anonymous.contents)
        assert "2 thủ tục" in page
        assert "Đăng ký thường trú" not in page
        anonymous.open(f"{url}/@@procedures-view?online_service=information_only")
        assert "1 thủ tục" in text(anonymous.contents)
        anonymous.open(f"{url}/@@procedures-view?q=ket+hon")
        assert "Thủ tục đăng ký kết hôn" in anonymous.contents

    def test_bad_parameter_is_explained(self, catalogue, anonymous):
        url = catalogue["section"].absolute_url()
        anonymous.open(f"{url}/@@procedures-view?online_service=muc-do-4")
        assert 'data-parameter="online_service"' in anonymous.contents

    def test_officer_sees_drafts(self, catalogue, officer):
        officer.open(catalogue["section"].absolute_url())
        assert "Thủ tục nháp" in officer.contents


class TestMyWork:
    def test_officer_is_told_visitors_are_not(
        self, catalogue, officer, functional_app, user_with_roles, frozen_today
    ):
        frozen_today(D(2026, 6, 1))
        replace_decree(catalogue)
        editor, password = user_with_roles("bientap", "Editor")
        portal_url = catalogue["section"].portal_url()
        officer.open(f"{portal_url}/@@my-work")
        panel = officer.contents.split('id="procedures-legal-basis"')
        assert len(panel) == 2
        assert "Thủ tục đăng ký khai sinh" in panel[1]
        assert "Đăng ký thường trú" not in panel[1]  # its basis is in force
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {editor}:{password}")
        browser.open(f"{portal_url}/@@my-work")
        assert 'id="procedures-legal-basis"' not in browser.contents
