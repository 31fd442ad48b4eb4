"""The voters' petitions page (``@@petitions-view``, the view of
``/hdnd/kien-nghi-cu-tri``, also on a term): filters by status, sector,
constituency and term with counts, search, sorting, paging, the deadline
and the overdue marker, the response once published, what each reader
sees, and who raised a petition on no page."""

from datetime import date
from lxml import html
from tests.council_helpers import make_petition
from tests.council_helpers import PETITIONER
import pytest
import requests
import transaction


VIEW = "@@petitions-view"


@pytest.fixture(autouse=True)
def today(frozen_today):
    frozen_today(date(2026, 10, 15))


@pytest.fixture
def listing(council):
    """``/hdnd/kien-nghi-cu-tri`` as the structure profile makes it."""
    return council["section"]["kien-nghi-cu-tri"]


def fetch(context, auth=None, view=VIEW, **params):
    url = f"{context.absolute_url()}/{view}" if view else context.absolute_url()
    response = requests.get(url, params=params, auth=auth)
    assert response.status_code == 200, response.text[:500]
    return response


def page(context, auth=None, view=VIEW, **params):
    return html.fromstring(fetch(context, auth, view, **params).text)


def ids(tree):
    return [
        a.get("href").rsplit("/", 1)[1]
        for a in tree.cssselect("tr.petition-row th.petition-title > a")
    ]


def row(tree, petition_id):
    (found,) = [
        tr
        for tr in tree.cssselect("tr.petition-row")
        if tr.cssselect("th > a")[0].get("href").endswith(f"/{petition_id}")
    ]
    return found


def test_the_section_shows_the_listing(listing):
    assert listing.getLayout() == "petitions-view"
    tree = page(listing, view=None)
    assert sorted(ids(tree)) == ["p-old", "p-published"]


def test_a_visitor_reads_published_petitions_with_their_response(listing):
    tree = page(listing)
    assert sorted(ids(tree)) == ["p-old", "p-published"]
    published = row(tree, "p-published")
    response = published.cssselect(".petition-response")[0].text_content()
    assert "UBND xã đã bố trí kinh phí nạo vét kênh" in response
    assert "20/08/2026" in response
    assert published.get("data-state") == "published"
    assert published.cssselect(".petition-deadline time")[0].text == "31/08/2026"
    # Answered in time: no overdue marker.
    assert not published.cssselect(".petition-overdue")


@pytest.mark.parametrize("role", ["delegate", "secretary"])
def test_the_council_follows_every_petition(listing, request, role):
    tree = page(listing, auth=request.getfixturevalue(role))
    assert len(ids(tree)) == 6
    received = row(tree, "p-received")
    # Overdue, said in words, not by colour alone.
    (marker,) = received.cssselect(".petition-overdue")
    assert marker.text.strip()
    assert received.cssselect(".petition-deadline time")[0].get("datetime") == (
        "2026-09-30"
    )
    # Not published yet: no response shown, even answered.
    assert not row(tree, "p-answered").cssselect(".petition-response")
    assert not row(tree, "p-forwarded").cssselect(".petition-overdue")


@pytest.mark.parametrize("role", [None, "delegate", "secretary"])
def test_who_raised_it_on_no_page(listing, council, request, role):
    auth = request.getfixturevalue(role) if role else None
    for context in (listing, council["terms"]["new"]):
        text = fetch(context, auth).text
        for value in PETITIONER.values():
            assert value not in text
    # Not found by it either: it is not indexed.
    tree = page(listing, auth, q="Trịnh Văn Khiếu")
    assert ids(tree) == []
    assert tree.cssselect("td.petitions-empty")


def test_filters(listing, secretary):
    assert sorted(ids(page(listing, secretary, status="forwarded"))) == [
        "p-forwarded",
        "p-no-deadline",
    ]
    assert sorted(ids(page(listing, secretary, sector="giao-thong-van-tai"))) == [
        "p-answered",
        "p-received",
    ]
    assert sorted(ids(page(listing, secretary, constituency="Đơn vị bầu cử số 2"))) == [
        "p-forwarded",
        "p-no-deadline",
    ]
    assert ids(page(listing, secretary, overdue="true")) == ["p-received"]
    assert ids(page(listing, secretary, q="nạo vét kênh")) == ["p-published"]


def test_on_a_term(council, secretary):
    """On a term, its own petitions; the term's filter link of the council
    pages (``?term=<uid>``) gives the same."""
    old = council["terms"]["old"]
    assert ids(page(old, secretary)) == ["p-old"]
    listing = council["section"]["kien-nghi-cu-tri"]
    assert ids(page(listing, secretary, term=old.UID())) == ["p-old"]


def test_facets_with_counts(listing, secretary):
    tree = page(listing, secretary)
    groups = {
        section.get("data-facet"): section
        for section in tree.cssselect("section.directives-facet")
    }
    assert list(groups) == ["status", "overdue", "sector", "constituency", "term"]
    counts = [c.text.strip() for c in groups["status"].cssselect(".facet-count")]
    assert counts == ["1", "2", "1", "2"]
    (overdue,) = groups["overdue"].cssselect("a")
    assert "overdue=true" in overdue.get("href")
    # An active filter's link removes it.
    filtered = page(listing, secretary, status="received")
    active = filtered.cssselect('section[data-facet="status"] a.active')[0]
    assert "status=" not in active.get("href")


def test_sorting(listing, secretary):
    tree = page(listing, secretary, sort_on="deadline")
    assert ids(tree)[0] == "p-old"
    assert ids(tree)[-1] == "p-no-deadline"
    headers = {
        th.get("data-sort"): th for th in tree.cssselect("table.petitions-table th")
    }
    assert headers["deadline"].get("aria-sort") == "ascending"


def test_paging(listing, council, secretary):
    for number in range(25):
        make_petition(council["terms"]["new"], f"Kiến nghị số {number}")
    transaction.commit()
    tree = page(listing, secretary)
    assert len(ids(tree)) == 25
    (table,) = tree.cssselect("table.petitions-table")
    assert table.get("data-total") == "31"
    assert len(ids(page(listing, secretary, b_start="25"))) == 6


def test_a_bad_parameter_is_named(listing):
    tree = page(listing, status="closed")
    (error,) = tree.cssselect("div.directives-error")
    assert error.get("data-parameter") == "status"
    # The message links to the field.
    assert error.cssselect("a")[0].get("href") == "#petitions-status"
    assert ids(tree) == []


def test_accessible_markup(listing, secretary):
    tree = page(listing, secretary)
    (form,) = tree.cssselect("form#petitions-search")
    assert form.get("role") == "search"
    for field in form.cssselect("input[id], select"):
        assert tree.cssselect(f"label[for={field.get('id')}]"), field.get("id")
    (table,) = tree.cssselect("table.petitions-table")
    assert table.cssselect("caption")[0].text_content().strip()
    assert all(th.get("scope") == "col" for th in table.cssselect("thead th"))
    assert all(
        th.get("scope") == "row" for th in table.cssselect("tbody th.petition-title")
    )
