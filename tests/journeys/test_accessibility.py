"""Accessibility of the public pages of the demo commune: axe-core at
desktop and phone widths, keyboard-only navigation and the skip link
(docs/accessibility.md)."""

from tests.journeys import steps
from tests.journeys.conftest import DESKTOP
from tests.journeys.conftest import failing
from tests.journeys.conftest import PHONE
import pytest


# name -> path from the site (a key of ``demo_paths`` when it starts
# without "/" or "?").
PUBLIC_PAGES = {
    "home": "",
    "documents-listing": "/van-ban",
    "directive": "directive",
    "procedures-catalogue": "/thu-tuc-hanh-chinh",
    "procedure": "procedure",
    "news-listing": "/tin-tuc",
    "news-item": "news",
    "news-item-with-image": "pictured_news",
    "page": "page",
    "search": "/@@search?SearchableText=ke+hoach",
    "login": "/login",
}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


def address(site_url, demo_paths, name):
    path = PUBLIC_PAGES[name]
    if path and not path.startswith("/"):
        path = demo_paths[path]
    return f"{site_url}{path}"


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
def test_no_serious_violation(reader_pages, site_url, demo_paths, axe, name, width):
    page = reader_pages(WIDTHS[width])
    response = page.goto(address(site_url, demo_paths, name))
    assert response.status == 200
    found = failing(axe(page))
    assert not found, "\n".join(found)


def test_skip_link_leads_into_the_content(reader_pages, site_url, demo_paths):
    page = reader_pages(DESKTOP)
    page.goto(address(site_url, demo_paths, "directive"))
    page.keyboard.press("Tab")
    first = steps.focused(page)
    assert "commune-skiplink" in first["classes"], first
    link = page.locator("a.commune-skiplink")
    box = link.bounding_box()
    # Hidden until focused, then shown in the window.
    assert box and box["width"] > 20 and box["height"] > 10 and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")
    page.keyboard.press("Tab")
    inside = page.evaluate(
        "() => document.querySelector('#content').contains(document.activeElement)"
    )
    assert inside, steps.focused(page)


def test_skip_link_is_hidden_until_focused(reader_pages, site_url):
    page = reader_pages(DESKTOP)
    page.goto(site_url)
    box = page.locator("a.commune-skiplink").bounding_box()
    assert box is None or box["width"] <= 1 or box["height"] <= 1


def test_keyboard_reaches_the_search_box(reader_pages, site_url):
    page = reader_pages(DESKTOP)
    page.goto(site_url)
    element, _ = steps.tab_until(page, lambda e: e["id"] == "searchGadget")
    page.keyboard.type("ke hoach")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "@@search" in page.url and "ke+hoach" in page.url


def test_keyboard_reaches_the_filters_and_downloads_of_documents(
    reader_pages, site_url
):
    page = reader_pages(DESKTOP)
    page.goto(f"{site_url}/van-ban")
    in_form = (
        "document.getElementById('directives-search').contains(document.activeElement)"
    )
    steps.tab_until(page, lambda e: e["name"] == "q" and page.evaluate(in_form))
    steps.tab_until(
        page, lambda e: e["tag"] == "select" and e["name"] == "document_type"
    )
    steps.tab_until(page, lambda e: e["tag"] == "select" and e["name"] == "year")
    facet, _ = steps.tab_until(
        page,
        lambda e: (
            e["tag"] == "a"
            and page.evaluate(
                "() => !!document.activeElement.closest('.directives-facet')"
            )
        ),
    )
    download, _ = steps.tab_until(
        page, lambda e: e["tag"] == "a" and "directive-file" in e["classes"]
    )
    assert "/@@download/" in download["href"]
    assert "?" in facet["href"]


def test_keyboard_reaches_the_filters_of_procedures(reader_pages, site_url):
    page = reader_pages(DESKTOP)
    page.goto(f"{site_url}/thu-tuc-hanh-chinh")
    steps.tab_until(page, lambda e: e["id"] == "procedures-q")
    element, _ = steps.tab_until(
        page,
        lambda e: (
            e["tag"] == "a"
            and page.evaluate(
                "() => !!document.activeElement.closest('.procedures-filters')"
            )
        ),
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "sector=" in page.url or "online_service=" in page.url


def test_keyboard_downloads_the_signed_file(reader_pages, site_url, demo_paths):
    page = reader_pages(DESKTOP)
    page.goto(address(site_url, demo_paths, "directive"))
    steps.tab_until(page, lambda e: "document-download" in e["classes"])
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    with open(download.value.path(), "rb") as data:
        assert data.read(5) == b"%PDF-"
