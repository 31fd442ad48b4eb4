"""The "Văn bản" page (``@@directives-view``): search form, filters, facets,
sorting, paging, bad parameters, visibility."""

from datetime import date
from lxml import html
from plone import api
from plone.testing.zope import Browser
from tests.helpers import make_document
from urllib.parse import parse_qs
from urllib.parse import urlencode
from urllib.parse import urlsplit
import pytest
import transaction


D = date
VIEW = "@@directives-view"


@pytest.fixture(autouse=True)
def today(frozen_today):
    frozen_today(D(2026, 11, 23))


@pytest.fixture
def documents(sample_documents):
    return sample_documents


NEWEST_FIRST = [
    "kh-120-2026",
    "nq-15-2026",
    "qd-30-2026",
    "kh-05-2026",
    "cv-245-2025",
    "nq-01-2025",
    "qd-12-2024",
]


def make_browser(app, credentials=None):
    browser = Browser(app)
    browser.handleErrors = False
    if credentials:
        browser.addHeader("Authorization", "Basic {}:{}".format(*credentials))
    return browser


@pytest.fixture
def anonymous(functional_app):
    return make_browser(functional_app)


@pytest.fixture
def manager(functional_app, site_owner_name, site_owner_password):
    return make_browser(functional_app, (site_owner_name, site_owner_password))


class Page:
    """The listing as a reader sees it."""

    def __init__(self, browser, url):
        browser.open(url)
        self.browser = browser
        self.tree = html.fromstring(browser.contents)

    def css(self, selector):
        return self.tree.cssselect(selector)

    @property
    def ids(self):
        return [
            a.get("href").rsplit("/", 1)[-1]
            for a in self.css("tr.directive-row td.directive-title a:first-child")
        ]

    @property
    def total(self):
        (table,) = self.css("table.directives-table")
        total = table.get("data-total")
        # the caption says it too, in words: "30 văn bản"
        assert total in table.cssselect("caption")[0].text_content()
        return int(total)

    def facet(self, name):
        """[(title, count, active, href)] of facet ``name``."""
        return [
            (
                a.cssselect(".facet-value")[0].text_content().strip(),
                int(a.cssselect(".facet-count")[0].text_content()),
                a.get("aria-current") == "true",
                a.get("href"),
            )
            for a in self.css(f'.directives-facet[data-facet="{name}"] a')
        ]

    def header(self, key):
        (th,) = self.css(f'th[data-sort="{key}"]')
        return th


def listing(browser, folder, **params):
    query = urlencode(params, doseq=True)
    return Page(browser, f"{folder.absolute_url()}/{VIEW}?{query}")


def query_of(url):
    return parse_qs(urlsplit(url).query)


class TestDefault:
    def test_newest_first_for_anonymous(self, documents, anonymous):
        page = listing(anonymous, documents)
        assert page.ids == NEWEST_FIRST
        assert page.total == 7
        assert "du-thao" not in anonymous.contents

    def test_manager_sees_the_draft(self, documents, manager):
        page = listing(manager, documents)
        assert page.ids[0] == "du-thao"
        assert page.total == 8

    def test_site_root(self, documents, anonymous, functional_portal):
        page = Page(anonymous, f"{functional_portal.absolute_url()}/{VIEW}")
        assert page.ids == NEWEST_FIRST
        assert page.css("h1")
        (link,) = page.css('link[media="print"]')
        assert link.get("href").endswith("/++resource++commune_portal/print.css")

    def test_row(self, documents, anonymous):
        page = listing(anonymous, documents, document_number="05/KH-UBND")
        (row,) = page.css("tr.directive-row")
        cells = row.cssselect("td")
        assert cells[0].text_content().split()[0] == "05/KH-UBND"
        assert cells[1].text_content().strip() == "05/01/2026"
        assert cells[1].cssselect("time")[0].get("datetime") == "2026-01-05"
        title, download = cells[2].cssselect("a")
        assert title.text_content() == "Kế hoạch chuyển đổi số năm 2026"
        assert title.get("href") == f"{documents.absolute_url()}/kh-05-2026"
        assert download.get("href") == (
            f"{documents.absolute_url()}/kh-05-2026/@@download/file"
        )
        (badge,) = cells[3].cssselect(".badge")
        assert "legal-status-in_force" in badge.get("class")
        assert "text-bg-success" in badge.get("class")

    def test_no_download_link_without_file(self, documents, anonymous):
        page = listing(anonymous, documents, document_number="245/UBND-VP")
        (row,) = page.css("tr.directive-row")
        assert len(row.cssselect("td.directive-title a")) == 1

    def test_empty_result(self, documents, anonymous):
        page = listing(anonymous, documents, year="2020")
        assert page.ids == []
        assert page.total == 0
        assert page.css("td.directives-empty")

    def test_renders_without_waking_documents(self, documents, anonymous, monkeypatch):
        from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain

        woken = []
        original = AbstractCatalogBrain.getObject

        def get_object(brain, *args, **kwargs):
            if brain.portal_type in ("Directive", "Resolution"):
                woken.append(brain.getPath())
            return original(brain, *args, **kwargs)

        monkeypatch.setattr(AbstractCatalogBrain, "getObject", get_object)
        assert listing(anonymous, documents).total == 7
        assert woken == []


class TestFilters:
    @pytest.mark.parametrize(
        "params,expected",
        [
            ({"document_type": "ke-hoach"}, ["kh-120-2026", "kh-05-2026"]),
            (
                {"document_type": ["ke-hoach", "nghi-quyet"]},
                ["kh-120-2026", "nq-15-2026", "kh-05-2026", "nq-01-2025"],
            ),
            ({"year": "2025"}, ["cv-245-2025", "nq-01-2025"]),
            ({"legal_status": "expired"}, ["cv-245-2025", "qd-12-2024"]),
            ({"legal_status": "pending"}, ["kh-120-2026"]),
            ({"sector": "noi-vu"}, ["qd-30-2026", "qd-12-2024"]),
            ({"sector": "Nội vụ"}, ["qd-30-2026", "qd-12-2024"]),
            (
                {"sector": ["noi-vu", "chuyen-doi-so"]},
                ["qd-30-2026", "kh-05-2026", "qd-12-2024"],
            ),
            ({"is_legal_normative": "true"}, ["nq-01-2025"]),
            (
                {"issued_after": "2026-01-05", "issued_before": "2026-03-01"},
                ["qd-30-2026", "kh-05-2026"],
            ),
            ({"document_number": "Số: 5/kh-ubnd"}, ["kh-05-2026"]),
            (
                {
                    "document_type": "ke-hoach",
                    "year": "2026",
                    "legal_status": "in_force",
                },
                ["kh-05-2026"],
            ),
            # what an empty search form sends
            (
                {"q": "", "document_type": "", "year": "", "issued_after": ""},
                NEWEST_FIRST,
            ),
        ],
    )
    def test_filter(self, documents, anonymous, params, expected):
        page = listing(anonymous, documents, **params)
        assert page.ids == expected
        assert page.total == len(expected)

    def test_form_keeps_the_query(self, documents, anonymous):
        page = listing(
            anonymous,
            documents,
            document_type="ke-hoach",
            year="2026",
            legal_status="in_force",
            sector="chuyen-doi-so",
            issued_after="2026-01-01",
            is_legal_normative="false",
            sort_on="title",
        )
        (form,) = page.css("form#directives-search")
        assert form.method.upper() == "GET"
        assert form.fields["document_type"] == "ke-hoach"
        assert form.fields["year"] == "2026"
        assert form.fields["legal_status"] == "in_force"
        assert form.fields["sector"] == "chuyen-doi-so"
        assert form.fields["issued_after"] == "2026-01-01"
        assert form.fields["sort_on"] == "title"  # hidden, kept when searching
        assert page.css(".directives-clear")

    def test_submit_the_form(self, documents, anonymous):
        anonymous.open(f"{documents.absolute_url()}/{VIEW}")
        anonymous.getControl(name="document_type").value = ["ke-hoach"]
        anonymous.getControl(name="year").value = ["2026"]
        anonymous.getControl(name="is_legal_normative").value = False
        anonymous.getForm(id="directives-search").submit()
        page = Page(anonymous, anonymous.url)
        assert page.ids == ["kh-120-2026", "kh-05-2026"]

    def test_checkbox(self, documents, anonymous):
        anonymous.open(f"{documents.absolute_url()}/{VIEW}")
        anonymous.getControl(name="is_legal_normative").value = True
        anonymous.getForm(id="directives-search").submit()
        assert Page(anonymous, anonymous.url).ids == ["nq-01-2025"]

    def test_every_field_has_a_label(self, documents, anonymous):
        page = listing(anonymous, documents)
        (form,) = page.css("form.directives-search")
        names = set()
        for field in form.cssselect("input, select"):
            if field.get("type") in ("hidden", "submit"):
                continue
            names.add(field.get("name"))
            assert form.cssselect(f'label[for="{field.get("id")}"]'), field.get("name")
        assert names == {
            "q",
            "document_number",
            "document_type",
            "issuing_body",
            "sector",
            "year",
            "legal_status",
            "issued_after",
            "issued_before",
            "is_legal_normative",
        }


class TestSorting:
    @pytest.mark.parametrize(
        "sort_on,ascending",
        [
            (
                "issue_date",
                [
                    "qd-12-2024",
                    "nq-01-2025",
                    "cv-245-2025",
                    "kh-05-2026",
                    "qd-30-2026",
                    "nq-15-2026",
                    "kh-120-2026",
                ],
            ),
            (
                # year, then serial number
                "document_number",
                [
                    "qd-12-2024",
                    "nq-01-2025",
                    "cv-245-2025",
                    "kh-05-2026",
                    "nq-15-2026",
                    "qd-30-2026",
                    "kh-120-2026",
                ],
            ),
            (
                "title",
                [
                    "kh-05-2026",
                    "kh-120-2026",
                    "nq-01-2025",
                    "nq-15-2026",
                    # Vietnamese order, punctuation ignored: "của" < "(thay"
                    "qd-12-2024",
                    "qd-30-2026",
                    "cv-245-2025",
                ],
            ),
        ],
    )
    def test_both_orders(self, documents, anonymous, sort_on, ascending):
        up = listing(anonymous, documents, sort_on=sort_on, sort_order="ascending")
        down = listing(anonymous, documents, sort_on=sort_on, sort_order="descending")
        assert up.ids == ascending
        assert down.ids == list(reversed(ascending))
        assert up.header(sort_on).get("aria-sort") == "ascending"
        assert down.header(sort_on).get("aria-sort") == "descending"

    def test_headers_sort_and_toggle(self, documents, anonymous):
        page = listing(anonymous, documents, document_type="ke-hoach")
        headers = page.css("table.directives-table thead th")
        assert [th.get("scope") for th in headers] == ["col"] * 4
        # the default sort: newest first
        assert page.header("issue_date").get("aria-sort") == "descending"
        assert page.header("title").get("aria-sort") is None
        assert len(headers[3].cssselect("a")) == 0  # the status does not sort

        link = page.header("issue_date").cssselect("a")[0].get("href")
        assert query_of(link) == {
            "document_type": ["ke-hoach"],
            "sort_on": ["issue_date"],
            "sort_order": ["ascending"],
        }
        page = Page(anonymous, link)
        assert page.ids == ["kh-05-2026", "kh-120-2026"]
        assert page.header("issue_date").get("aria-sort") == "ascending"

        link = page.header("issue_date").cssselect("a")[0].get("href")
        assert query_of(link)["sort_order"] == ["descending"]
        assert Page(anonymous, link).ids == ["kh-120-2026", "kh-05-2026"]

    def test_other_column_starts_with_its_natural_order(self, documents, anonymous):
        page = listing(anonymous, documents)
        link = page.header("title").cssselect("a")[0].get("href")
        assert query_of(link) == {"sort_on": ["title"], "sort_order": ["ascending"]}
        page = Page(anonymous, link)
        assert page.ids[0] == "kh-05-2026"
        assert page.header("title").get("aria-sort") == "ascending"
        assert page.header("issue_date").get("aria-sort") is None
        link = page.header("document_number").cssselect("a")[0].get("href")
        assert query_of(link)["sort_order"] == ["ascending"]


class TestPaging:
    def test_thirty_documents(self, functional_portal, anonymous):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                functional_portal, "Folder", id="thong-bao", title="Thông báo"
            )
            api.content.transition(folder, "publish")
        for n in range(1, 31):
            make_document(
                folder,
                f"tb-{n:02d}",
                f"Thông báo số {n:02d}",
                document_number=f"{n:02d}/TB-UBND",
                issue_date=D(2026, 1, n) if n <= 31 else None,
            )
        transaction.commit()

        page = listing(anonymous, folder, document_type="thong-bao")
        assert page.total == 30
        assert page.ids == [f"tb-{n:02d}" for n in range(30, 5, -1)]
        (nav,) = page.css("nav .pagination")
        current = nav.cssselect('[aria-current="page"]')
        assert [a.text_content() for a in current] == ["1"]
        assert nav.cssselect(".directives-previous") == []
        numbers = {
            a.text_content(): a.get("href") for a in nav.cssselect("a.page-link")
        }
        assert set(numbers) >= {"1", "2"}
        next_link = nav.cssselect(".directives-next")[0].get("href")
        assert next_link == numbers["2"]
        assert query_of(next_link) == {
            "document_type": ["thong-bao"],
            "b_start": ["25"],
        }

        page = Page(anonymous, next_link)
        assert page.ids == [f"tb-{n:02d}" for n in range(5, 0, -1)]
        assert page.total == 30
        (nav,) = page.css("nav .pagination")
        assert [a.text_content() for a in nav.cssselect('[aria-current="page"]')] == [
            "2"
        ]
        assert nav.cssselect(".directives-next") == []
        previous = nav.cssselect(".directives-previous")[0].get("href")
        assert query_of(previous) == {"document_type": ["thong-bao"], "b_start": ["0"]}

        # sorting or filtering starts again from the first page
        link = page.header("title").cssselect("a")[0].get("href")
        assert "b_start" not in query_of(link)

    def test_one_page_has_no_pagination(self, documents, anonymous):
        assert listing(anonymous, documents).css("nav .pagination") == []


class TestFacets:
    @pytest.mark.parametrize(
        "params",
        [
            {},
            {"document_type": "ke-hoach"},
            {"year": "2026"},
            {"sector": "noi-vu", "legal_status": "in_force"},
        ],
    )
    def test_counts_equal_rest(self, documents, anonymous, request_factory, params):
        page = listing(anonymous, documents, **params)
        response = request_factory().get("van-ban/@directives", params=params)
        assert response.status_code == 200
        facets = response.json()["facets"]
        for name in ("document_type", "year", "legal_status", "sector"):
            shown = [
                (title, count) for title, count, _active, _href in page.facet(name)
            ]
            expected = [(f["title"], f["count"]) for f in facets[name]]
            assert shown == expected, name
        assert page.total == response.json()["items_total"]

    def test_known_counts(self, documents, anonymous):
        page = listing(anonymous, documents)
        years = [(title, count) for title, count, _a, _h in page.facet("year")]
        assert years == [("2026", 4), ("2025", 2), ("2024", 1)]
        sectors = {title: count for title, count, _a, _h in page.facet("sector")}
        assert sectors["Nội vụ"] == 2

    def test_link_adds_the_filter(self, documents, anonymous):
        page = listing(anonymous, documents, document_type="ke-hoach")
        (entry,) = [e for e in page.facet("year") if e[0] == "2026"]
        assert entry[2] is False
        assert query_of(entry[3]) == {"document_type": ["ke-hoach"], "year": ["2026"]}
        page = Page(anonymous, entry[3])
        assert page.ids == ["kh-120-2026", "kh-05-2026"]
        # the active value is highlighted; its link removes it
        (entry,) = page.facet("year")
        title, count, active, href = entry
        assert (title, count, active) == ("2026", 2, True)
        (link,) = page.css('.directives-facet[data-facet="year"] a')
        assert "active" in link.get("class").split()
        assert query_of(href) == {"document_type": ["ke-hoach"]}

    def test_active_sector_removable(self, documents, anonymous):
        page = listing(anonymous, documents, sector="noi-vu", sort_on="title")
        (entry,) = [e for e in page.facet("sector") if e[2]]
        assert entry[0] == "Nội vụ"
        assert query_of(entry[3]) == {"sort_on": ["title"]}
        assert Page(anonymous, entry[3]).total == 7

    def test_single_value_facet_replaces(self, documents, anonymous):
        page = listing(anonymous, documents, legal_status="in_force")
        # only in-force documents are counted, so only that status is offered
        assert [(t, c, a) for t, c, a, _h in page.facet("legal_status")] == [
            (page.facet("legal_status")[0][0], 4, True)
        ]
        page = listing(anonymous, documents, year="2025")
        (entry,) = page.facet("year")
        assert query_of(entry[3]) == {}


class TestBadParameter:
    def test_year_abc(self, documents, anonymous, request_factory):
        page = listing(anonymous, documents, year="abc", document_type="ke-hoach")
        (alert,) = page.css(".alert.alert-danger")
        assert alert.get("role") == "alert"
        assert alert.get("data-parameter") == "year"
        (link,) = alert.cssselect("a")
        assert link.get("href") == "#directives-year"
        (select,) = page.css("select#directives-year")
        assert select.get("aria-invalid") == "true"
        assert "is-invalid" in select.get("class")
        # the same translated message as the REST error
        rest = request_factory().get("van-ban/@directives", params={"year": "abc"})
        assert rest.status_code == 400
        message = alert.cssselect(".directives-error-message")[0].text_content()
        assert message == rest.json()["error"]["message"]
        assert "1945" in message and "2100" in message
        # the rest of the page renders, with an empty result
        assert page.css("form.directives-search")
        assert page.ids == []
        assert page.total == 0
        assert page.css("td.directives-empty")
        # links keep the good parameters, not the bad one
        link = page.header("title").cssselect("a")[0].get("href")
        assert query_of(link) == {
            "document_type": ["ke-hoach"],
            "sort_on": ["title"],
            "sort_order": ["ascending"],
        }

    @pytest.mark.parametrize(
        "params,name",
        [
            ({"sort_on": "popularity"}, "sort_on"),
            ({"issued_after": "05/01/2026"}, "issued_after"),
            ({"legal_status": "abrogated"}, "legal_status"),
            ({"document_type": "sac-lenh"}, "document_type"),
        ],
    )
    def test_names_the_parameter(self, documents, anonymous, params, name):
        page = listing(anonymous, documents, **params)
        (alert,) = page.css(".alert.alert-danger")
        assert alert.get("data-parameter") == name
        assert page.ids == []
        if name == "sort_on":  # no field in the form: named as in the URL
            assert alert.cssselect("code")[0].text_content() == "sort_on"
        else:
            href = alert.cssselect("a")[0].get("href")
            assert page.css(href)  # points at the field
