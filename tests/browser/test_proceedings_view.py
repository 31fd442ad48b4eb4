"""The kỷ yếu page (``@@proceedings-view``, the view of ``/hdnd/ky-yeu``):
the sessions in the proceedings of all terms, newest first, each with its
published materials and their files; filters, paging, bad parameters, the
same for every reader, and accessible markup."""

from datetime import date
from lxml import html
from tests.council_helpers import make_session
from tests.council_helpers import move
import pytest
import requests
import transaction


VIEW = "@@proceedings-view"


@pytest.fixture(autouse=True)
def today(frozen_today):
    frozen_today(date(2026, 10, 15))


@pytest.fixture
def archive(council):
    """``/hdnd/ky-yeu`` as the structure profile makes it."""
    return council["section"]["ky-yeu"]


def page(context, auth=None, view=VIEW, **params):
    url = f"{context.absolute_url()}/{view}" if view else context.absolute_url()
    response = requests.get(url, params=params, auth=auth)
    assert response.status_code == 200, response.text[:500]
    return html.fromstring(response.text)


def session_titles(tree):
    return [
        a.text_content().strip()
        for a in tree.cssselect("section.proceedings-session h2 a")
    ]


def material_titles(section):
    return [
        th.text_content().strip()
        for th in section.cssselect("tr.proceedings-material th[scope=row]")
    ]


def test_the_section_shows_the_archive(archive):
    tree = page(archive, view=None)
    assert tree.cssselect("div.proceedings-listing")
    assert archive.getLayout() == "proceedings-view"
    assert archive.title == "Kỷ yếu kỳ họp"


def test_sessions_in_the_proceedings_newest_first(archive):
    tree = page(archive)
    assert session_titles(tree) == [
        "Kỳ họp chuyên đề về chuyển đổi số",
        "Kỳ họp thứ Mười",
    ]
    (total,) = tree.cssselect("p.proceedings-total")
    assert total.get("data-total") == "2"


def test_each_session_with_its_published_materials(archive, council):
    tree = page(archive)
    eleven, ten = tree.cssselect("section.proceedings-session")
    assert material_titles(ten) == [
        "Tờ trình về phương án thu gom rác thải",
        "Nghị quyết về phương án thu gom rác thải",
    ]
    downloads = [a.get("href") for a in ten.cssselect("a.proceedings-download")]
    assert downloads == [
        f"{council['materials']['submission'].absolute_url()}/@@download/file",
        f"{council['materials']['resolution'].absolute_url()}/@@download/file",
    ]
    # The download link names what it downloads, for screen readers.
    assert "Tờ trình về phương án" in (
        ten.cssselect("a.proceedings-download")[0].text_content()
    )
    cells = ten.cssselect("tr.proceedings-material")[0].cssselect("td")
    assert cells[0].text_content().strip() == "30/TTr-UBND"
    assert ten.cssselect(".proceedings-term a")[0].get("href") == (
        council["terms"]["old"].absolute_url()
    )
    assert "20/07/2025" in ten.cssselect("caption")[0].text_content()
    assert "10/07/2025 - 11/07/2025" in ten.cssselect(".proceedings-days")[0].text
    # Session 11 has no published material yet.
    assert eleven.cssselect("td.proceedings-no-materials")


def test_the_secretary_sees_the_archive_as_citizens_do(archive, secretary):
    """The kỷ yếu is the public archive: the secretary's private draft and
    the circulated session are not in it."""
    tree = page(archive, auth=secretary)
    assert session_titles(tree) == [
        "Kỳ họp chuyên đề về chuyển đổi số",
        "Kỳ họp thứ Mười",
    ]
    ten = tree.cssselect("section.proceedings-session")[1]
    assert "Báo cáo thẩm tra (dự thảo nội bộ)" not in material_titles(ten)


def test_filters(archive, council):
    assert session_titles(page(archive, year="2025")) == [
        "Kỳ họp chuyên đề về chuyển đổi số",
        "Kỳ họp thứ Mười",
    ]
    assert session_titles(page(archive, session_kind="thematic")) == [
        "Kỳ họp chuyên đề về chuyển đổi số"
    ]
    assert session_titles(page(archive, q="chuyen doi so")) == [
        "Kỳ họp chuyên đề về chuyển đổi số"
    ]
    new = council["terms"]["new"].UID()
    tree = page(archive, term=new)
    assert session_titles(tree) == []
    assert tree.cssselect("p.proceedings-empty")


def test_the_url_cannot_take_out_the_proceedings_rule(archive):
    tree = page(archive, proceedings="false", materials="false")
    assert len(session_titles(tree)) == 2


def test_facets_and_their_links(archive):
    tree = page(archive)
    groups = {
        aside.get("data-facet"): aside for aside in tree.cssselect("[data-facet]")
    }
    assert set(groups) == {"year", "session_kind", "term"}
    (year,) = groups["year"].cssselect("a")
    assert "year=2025" in year.get("href")
    assert year.cssselect(".facet-count")[0].text.strip() == "2"


def test_paging(archive, council):
    old = council["terms"]["old"]
    for number in range(1, 10):
        session = make_session(old, number, title=f"Kỳ họp số {number}")
        move(session, "publish")
        session.proceedings_date = council["sessions"][10].proceedings_date
        session.reindexObject()
    transaction.commit()
    tree = page(archive)
    assert len(session_titles(tree)) == 10
    assert tree.cssselect("a.directives-next")
    second = page(archive, b_start="10")
    assert len(session_titles(second)) == 1


def test_a_bad_parameter_is_named(archive):
    tree = page(archive, year="năm ngoái")
    (error,) = tree.cssselect("div.directives-error")
    assert error.get("data-parameter") == "year"
    assert session_titles(tree) == []


def test_accessible_markup(archive):
    tree = page(archive)
    # The search form is a labelled search landmark; each field has its label.
    (form,) = tree.cssselect("form#proceedings-search")
    assert form.get("role") == "search"
    for field in form.cssselect("input[type=search], select"):
        assert tree.cssselect(f"label[for={field.get('id')}]"), field.get("id")
    for section in tree.cssselect("section.proceedings-session"):
        heading = section.cssselect("h2")[0]
        assert section.get("aria-labelledby") == heading.get("id")
        table = section.cssselect("table")[0]
        assert table.cssselect("caption")
        assert all(th.get("scope") == "col" for th in table.cssselect("thead th"))
