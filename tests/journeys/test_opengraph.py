"""Open Graph on the public pages of every type: the card Zalo and
Facebook show for a shared link (plain HTTP, no browser)."""

from commune_portal.browser.opengraph import og_locale
from commune_portal.browser.opengraph import shortened
from html.parser import HTMLParser
from plone import api
from tests.journeys.layer import NEWS
from tests.journeys.layer import PASSWORD
import pytest
import requests
import transaction


class MetaTags(HTMLParser):
    """``property`` -> ``content`` of the ``<meta>`` tags of a page's head
    (the first of each)."""

    def __init__(self):
        super().__init__()
        self.tags = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("property"):
            self.tags.setdefault(attrs["property"], attrs.get("content"))


def open_graph(url, user=None):
    response = requests.get(url, auth=(user, PASSWORD) if user else None)
    assert response.status_code == 200, url
    parser = MetaTags()
    parser.feed(response.text)
    return {k: v for k, v in parser.tags.items() if k.startswith("og:")}


# name: (path or key of demo_paths, og:type)
PAGES = {
    "site": ("", "website"),
    "folder": ("/van-ban", "website"),
    "directive": ("directive", "article"),
    "procedure": ("procedure", "article"),
    "news-item": ("news", "article"),
    "news-item-with-image": ("pictured_news", "article"),
    "page": ("page", "article"),
}


def resolve(journeys, demo_paths, name):
    path, kind = PAGES[name]
    if path and not path.startswith("/"):
        path = demo_paths[path]
    obj = journeys["portal"].unrestrictedTraverse(path.lstrip("/")) if path else None
    return path, kind, obj


@pytest.mark.parametrize("name", sorted(PAGES))
def test_public_pages_carry_a_card(journeys, site_url, demo_paths, name):
    path, kind, obj = resolve(journeys, demo_paths, name)
    url = f"{site_url}{path}"
    tags = open_graph(url)
    title = obj.Title() if obj is not None else journeys["portal"].Title()
    assert tags["og:title"] == title
    assert tags["og:description"].strip()
    assert tags["og:url"] == url
    assert tags["og:type"] == kind
    assert tags["og:locale"] == "vi_VN"
    assert tags["og:site_name"] == journeys["portal"].Title()
    image = requests.get(tags["og:image"])
    assert image.status_code == 200
    assert image.headers["Content-Type"].startswith(("image/png", "image/jpeg"))
    assert tags["og:image:type"] == image.headers["Content-Type"].split(";")[0]
    if name == "news-item-with-image":
        # Its own lead image, not the portal's picture.
        assert tags["og:image"].startswith(f"{url}/@@images/image")
    else:
        assert tags["og:image"].endswith("++resource++commune_portal/share-image.png")
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")


def test_without_a_summary_the_card_tells_the_start_of_the_text(
    journeys, site_url, demo_paths
):
    portal = journeys["portal"]
    news = portal.unrestrictedTraverse(demo_paths["news"].lstrip("/"))
    page = portal.unrestrictedTraverse(demo_paths["page"].lstrip("/"))
    with api.env.adopt_roles(["Manager"]):
        for item in (news, page):
            item.description = ""
            item.reindexObject()
    transaction.commit()
    described = open_graph(f"{site_url}{demo_paths['news']}")["og:description"]
    assert described.startswith("Chiều ngày 15 tháng 11 năm 2026, tại nhà văn hóa")
    assert len(described) <= 201
    assert NEWS["title"] not in described
    # A type with no main text: the site's description.
    fallback = open_graph(f"{site_url}{demo_paths['page']}")["og:description"]
    assert fallback == portal.Description()


def test_no_card_for_logged_in_users(site_url, demo_paths):
    # As Plone does: the tags are for the public view of a page.
    assert open_graph(f"{site_url}{demo_paths['news']}", user="canbo") == {}


def test_a_site_logo_in_png_is_kept(journeys, site_url, demo_paths):
    from plone.formwidget.namedfile.converter import b64encode_file
    from tests.journeys.layer import PNG

    api.portal.set_registry_record(
        "plone.site_logo", b64encode_file("logo-xa.png", PNG)
    )
    transaction.commit()
    tags = open_graph(f"{site_url}{demo_paths['directive']}")
    assert tags["og:image"] == f"{site_url}/@@site-logo/logo-xa.png"
    assert tags["og:image:type"] == "image/png"


def test_locales():
    assert og_locale("vi") == "vi_VN"
    assert og_locale("en-gb") == "en_GB"
    assert og_locale("pt_BR") == "pt_BR"
    assert og_locale("de") == "de"


def test_shortened_at_a_word():
    text = "Bước 1: " + "nộp hồ sơ " * 40
    short = shortened(text, 50)
    assert len(short) <= 51 and short.endswith("…")
    assert not short[:-1].endswith(" ")
    assert shortened("  Hai   dòng\nngắn ") == "Hai dòng ngắn"
