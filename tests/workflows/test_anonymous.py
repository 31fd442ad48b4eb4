"""Visitors never see what is not published: private, pending, circulated
items and petitions being handled stay out of pages, search, listings and
REST, in every section."""

from plone import api
from tests.helpers import make_document
from tests.helpers import reach_state
import pytest
import transaction


MARKER = "zzmarker"
# (section, portal_type, state); the item's id is its state.
ITEMS = [
    ("van-ban", "Directive", "private"),
    ("van-ban", "Directive", "pending_review"),
    ("van-ban", "Directive", "pending_approval"),
    ("van-ban", "Directive", "published"),
    ("tin-tuc", "News Item", "pending_approval"),
    ("tin-tuc", "News Item", "published"),
    ("thu-tuc-hanh-chinh", "Document", "pending_review"),
    ("thu-tuc-hanh-chinh", "Document", "published"),
    ("hdnd", "Document", "private"),
    ("hdnd", "Document", "circulated"),
    ("hdnd", "Document", "published"),
    ("hdnd/kien-nghi-cu-tri", "Document", "received"),
    ("hdnd/kien-nghi-cu-tri", "Document", "forwarded"),
    ("hdnd/kien-nghi-cu-tri", "Document", "answered"),
    ("hdnd/kien-nghi-cu-tri", "Document", "published"),
]


def token(section, state):
    return "zz" + section.replace("/", "").replace("-", "") + state.replace("_", "")


PUBLIC = {token(s, state) for s, _, state in ITEMS if state == "published"}
HIDDEN = {token(s, state) for s, _, state in ITEMS if state != "published"}


@pytest.fixture
def site(functional_portal):
    functional_portal.portal_setup.runAllImportStepsFromProfile(
        "profile-commune_portal:structure"
    )
    for section, portal_type, state in ITEMS:
        container = functional_portal.unrestrictedTraverse(section)
        title = f"Mục {token(section, state)}"
        if portal_type == "Directive":
            obj = make_document(
                container,
                state,
                title,
                publish=False,
                document_number=f"{len(container.objectIds()) + 1:02d}/KH-UBND",
            )
            obj.description = MARKER
            obj.reindexObject()
        else:
            with api.env.adopt_roles(["Manager"]):
                obj = api.content.create(
                    container,
                    portal_type,
                    id=state,
                    title=title,
                    description=MARKER,
                )
        if api.content.get_state(obj) != state:
            reach_state(obj, state)
        assert api.content.get_state(obj) == state
    transaction.commit()
    return functional_portal


@pytest.fixture
def browser(request_factory):
    session = request_factory(api=False)
    session.headers.pop("Accept", None)
    return session


@pytest.fixture
def rest(request_factory):
    return request_factory()


def found(text):
    return {t for t in PUBLIC | HIDDEN if t in text}


class TestHtml:
    def test_documents_listing(self, site, browser):
        visible = found(browser.get("/van-ban/@@directives-view").text)
        assert visible & HIDDEN == set()
        assert token("van-ban", "published") in visible

    @pytest.mark.parametrize(
        "section", ["tin-tuc", "thu-tuc-hanh-chinh", "hdnd", "hdnd/kien-nghi-cu-tri"]
    )
    def test_folder_listings(self, site, browser, section):
        html = browser.get(f"/{section}").text
        visible = found(html)
        assert visible & HIDDEN == set()
        assert token(section, "published") in visible

    def test_search_page(self, site, browser):
        html = browser.get("/@@search", params={"SearchableText": MARKER}).text
        assert found(html) == PUBLIC

    def test_item_pages(self, site, browser):
        for section, _, state in ITEMS:
            response = browser.get(f"/{section}/{state}", allow_redirects=False)
            if state == "published":
                assert response.status_code == 200, (section, state)
                assert token(section, state) in response.text
            else:
                assert response.status_code in (302, 401), (section, state)
                assert token(section, state) not in response.text


class TestRest:
    def test_search(self, site, rest):
        response = rest.get("/@search", params={"SearchableText": MARKER})
        titles = " ".join(item["title"] for item in response.json()["items"])
        assert found(titles) == PUBLIC

    def test_search_by_state_finds_nothing(self, site, rest):
        for state in ("private", "pending_review", "pending_approval", "circulated"):
            response = rest.get("/@search", params={"review_state": state})
            assert response.json()["items_total"] == 0, state

    def test_directives(self, site, rest):
        body = rest.get("/van-ban/@directives").json()
        assert found(" ".join(i["title"] for i in body["items"])) == {
            token("van-ban", "published")
        }
        assert {i["review_state"] for i in body["items"]} == {"published"}

    @pytest.mark.parametrize("section", ["hdnd", "hdnd/kien-nghi-cu-tri"])
    def test_folder_items(self, site, rest, section):
        body = rest.get(f"/{section}").json()
        titles = " ".join(i["title"] for i in body["items"])
        assert found(titles) & HIDDEN == set()

    def test_items(self, site, rest):
        for section, _, state in ITEMS:
            response = rest.get(f"/{section}/{state}")
            expected = 200 if state == "published" else 401
            assert response.status_code == expected, (section, state)


def test_council_delegate_reads_circulated_materials(
    site, user_with_roles, request_factory
):
    """What anonymous visitors do not see, a delegate given the role on the
    council section does."""
    user, password = user_with_roles("dai-bieu")
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username=user, roles=["CouncilDelegate"], obj=site["hdnd"])
        site["hdnd"].reindexObjectSecurity()
    transaction.commit()
    session = request_factory(basic_auth=(user, password))
    assert session.get("/hdnd/circulated").status_code == 200
    assert session.get("/hdnd/private").status_code == 401
    assert session.get("/hdnd/kien-nghi-cu-tri/received").status_code == 200
    response = session.get("/@search", params={"SearchableText": MARKER})
    titles = " ".join(item["title"] for item in response.json()["items"])
    assert token("hdnd", "circulated") in found(titles)
    assert token("hdnd", "private") not in found(titles)
