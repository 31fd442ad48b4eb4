"""The page of an official document (``@@view``): metadata table, signed
file, annexes, relations in both directions, printing."""

from datetime import date
from lxml import html
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from tests.helpers import make_document
import pytest
import transaction


D = date
PDF = b"%PDF-1.4 signed by Chu tich UBND xa Nghi Duong"


@pytest.fixture(autouse=True)
def today(frozen_today):
    frozen_today(D(2026, 11, 23))


@pytest.fixture
def documents(functional_portal):
    """A plan with a signed file and an annex, replacing an older plan;
    a private draft based on the plan."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "Folder", id="van-ban", title="Văn bản"
        )
        api.content.transition(folder, "publish")
    old = make_document(
        folder,
        "kh-90-2025",
        "Kế hoạch chuyển đổi số năm 2025",
        document_number="90/KH-UBND",
        document_type="ke-hoach",
        issue_date=D(2025, 3, 10),
        issuing_body="Ủy ban nhân dân",
    )
    plan = make_document(
        folder,
        "kh-15-2026",
        "Kế hoạch chuyển đổi số năm 2026",
        document_number="15/KH-UBND",
        document_type="ke-hoach",
        issuing_body="Ủy ban nhân dân",
        issue_date=D(2026, 1, 5),
        effective_date=D(2026, 1, 10),
        expiry_date=D(2026, 12, 31),
        signer="Nguyễn Văn An",
        signer_position="Chủ tịch",
        signing_authority="TM.",
        sectors=["Chuyển đổi số", "Tài chính, ngân sách"],
        urgency="urgent",
        file=NamedBlobFile(data=PDF, filename="15-KH-UBND.pdf"),
        replaces=[old],
    )
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            plan,
            "File",
            id="phu-luc-1",
            title="Phụ lục I: Danh mục nhiệm vụ",
            file=NamedBlobFile(data=b"%PDF-1.4 annex", filename="phu-luc-1.pdf"),
        )
    make_document(
        folder,
        "du-thao",
        "Dự thảo hướng dẫn thực hiện kế hoạch",
        document_number="16/HD-UBND",
        issue_date=D(2026, 2, 1),
        based_on=[plan],
        publish=False,
    )
    transaction.commit()
    return folder


@pytest.fixture
def anonymous(functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    return browser


@pytest.fixture
def manager(functional_app, site_owner_name, site_owner_password):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {site_owner_name}:{site_owner_password}")
    return browser


def page(browser, url):
    browser.open(url)
    return html.fromstring(browser.contents)


def text(element):
    return " ".join(element.text_content().split())


def metadata(tree):
    """field -> the cell's text, from the metadata table."""
    return {
        row.get("data-field"): text(row.find("td"))
        for row in tree.cssselect("table.document-metadata tr")
    }


class TestMetadata:
    def test_table(self, documents, anonymous):
        tree = page(anonymous, f"{documents.absolute_url()}/kh-15-2026")
        rows = metadata(tree)
        assert rows["document_number"] == "15/KH-UBND"
        assert rows["issuing_body"] == "Ủy ban nhân dân"
        assert rows["issue_date"] == "05/01/2026"
        assert rows["effective_date"] == "10/01/2026"
        assert rows["expiry_date"] == "31/12/2026"
        assert rows["signer"] == "TM. Ủy ban nhân dân Chủ tịch Nguyễn Văn An"
        assert rows["sectors"] == "Chuyển đổi số Tài chính, ngân sách"
        # translated vocabulary titles, whatever the language
        assert rows["document_type"] and rows["document_type"] != "ke-hoach"
        assert rows["urgency"] and rows["urgency"] != "urgent"
        assert "is_legal_normative" in rows
        assert "confidentiality" not in rows
        # every row is labelled by a row header
        assert all(
            th.get("scope") == "row" for th in tree.cssselect(".document-metadata th")
        )

    def test_signature_lines(self, documents, anonymous):
        tree = page(anonymous, f"{documents.absolute_url()}/kh-15-2026")
        (cell,) = tree.cssselect('tr[data-field="signer"] td')
        assert [text(li) for li in cell.cssselect("li")] == [
            "TM. Ủy ban nhân dân",
            "Chủ tịch",
            "Nguyễn Văn An",
        ]

    def test_title_description_and_formal_date(self, documents, anonymous):
        tree = page(anonymous, f"{documents.absolute_url()}/kh-15-2026")
        assert text(tree.cssselect("h1")[0]) == "Kế hoạch chuyển đổi số năm 2026"
        (line,) = tree.cssselect(".document-formal-date")
        assert text(line) == "ngày 05 tháng 01 năm 2026"

    def test_computed_status_badge(self, documents, anonymous):
        tree = page(anonymous, f"{documents.absolute_url()}/kh-15-2026")
        (badge,) = tree.cssselect('tr[data-field="legal_status"] .badge')
        assert "legal-status-in_force" in badge.get("class")
        assert "text-bg-success" in badge.get("class")
        # replaced by the published plan from 10/01/2026
        tree = page(anonymous, f"{documents.absolute_url()}/kh-90-2025")
        (badge,) = tree.cssselect('tr[data-field="legal_status"] .badge')
        assert "legal-status-expired" in badge.get("class")
        rows = metadata(tree)
        assert "signer" not in rows
        assert "expiry_date" not in rows

    def test_not_normative_then_normative(self, documents, anonymous):
        tree = page(anonymous, f"{documents.absolute_url()}/kh-15-2026")
        no = metadata(tree)["is_legal_normative"]
        nq = make_document(
            documents,
            "nq-01-2026",
            "Nghị quyết quy định mức thu phí",
            document_number="01/2026/NQ-HĐND",
            issue_date=D(2026, 7, 15),
            is_legal_normative=True,
        )
        transaction.commit()
        yes = metadata(page(anonymous, nq.absolute_url()))["is_legal_normative"]
        assert yes and no and yes != no


class TestFiles:
    def test_download_button(self, documents, anonymous):
        url = f"{documents.absolute_url()}/kh-15-2026"
        tree = page(anonymous, url)
        (button,) = tree.cssselect("a.document-download")
        assert button.get("href") == f"{url}/@@download/file"
        assert text(button.cssselect(".document-filename")[0]) == "15-KH-UBND.pdf"
        assert text(button.cssselect(".document-filesize")[0])
        anonymous.open(button.get("href"))
        assert anonymous.contents == PDF

    def test_no_download_without_file(self, documents, anonymous):
        tree = page(anonymous, f"{documents.absolute_url()}/kh-90-2025")
        assert tree.cssselect("a.document-download") == []
        assert "@@download/file" not in anonymous.contents
        assert tree.cssselect(".document-annexes") == []

    def test_annexes(self, documents, anonymous):
        url = f"{documents.absolute_url()}/kh-15-2026"
        tree = page(anonymous, url)
        links = tree.cssselect(".document-annexes a")
        assert [(text(a), a.get("href")) for a in links] == [
            ("Phụ lục I: Danh mục nhiệm vụ", f"{url}/phu-luc-1/@@download/file")
        ]


class TestRelations:
    def groups(self, tree):
        return {
            dd.get("class").split("relation-")[1]: [
                (a.get("href").rsplit("/", 1)[-1], text(a)) for a in dd.cssselect("a")
            ]
            for dd in tree.cssselect(".document-relations dd")
        }

    def test_replaces_on_the_new_document(self, documents, anonymous):
        tree = page(anonymous, f"{documents.absolute_url()}/kh-15-2026")
        assert self.groups(tree) == {
            "replaces": [("kh-90-2025", "90/KH-UBND Kế hoạch chuyển đổi số năm 2025")],
        }
        labels = [text(dt) for dt in tree.cssselect(".document-relations dt")]
        assert len(labels) == 1 and labels[0]

    def test_replaced_by_on_the_old_document(self, documents, anonymous):
        tree = page(anonymous, f"{documents.absolute_url()}/kh-90-2025")
        assert self.groups(tree) == {
            "replaced_by": [
                ("kh-15-2026", "15/KH-UBND Kế hoạch chuyển đổi số năm 2026")
            ],
        }
        (date_,) = tree.cssselect(".document-relations .related-date")
        assert text(date_) == "05/01/2026"

    def test_private_sources_are_hidden(self, documents, anonymous, manager):
        url = f"{documents.absolute_url()}/kh-15-2026"
        assert "basis_for" not in self.groups(page(anonymous, url))
        assert self.groups(page(manager, url))["basis_for"] == [
            ("du-thao", "16/HD-UBND Dự thảo hướng dẫn thực hiện kế hoạch")
        ]

    def test_based_on_on_the_draft(self, documents, manager):
        tree = page(manager, f"{documents.absolute_url()}/du-thao")
        assert self.groups(tree) == {
            "based_on": [("kh-15-2026", "15/KH-UBND Kế hoạch chuyển đổi số năm 2026")],
        }


class TestPrint:
    def test_print_button_and_stylesheet(self, documents, anonymous, functional_portal):
        tree = page(anonymous, f"{documents.absolute_url()}/kh-15-2026")
        (button,) = tree.cssselect("button.document-print")
        assert button.get("onclick") == "window.print()"
        (link,) = tree.cssselect('link[media="print"]')
        css = f"{functional_portal.absolute_url()}/++resource++commune_portal/print.css"
        assert link.get("href") == css
        anonymous.open(css)
        assert "#portal-footer-wrapper" in anonymous.contents
        assert ".document-actions" in anonymous.contents
