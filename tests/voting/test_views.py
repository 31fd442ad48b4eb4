"""The voting panel, the results board and the attendance page (HTML),
through the publisher as delegates, the secretary and the public see them."""

from commune_portal.voting import blind
from commune_portal.voting import box as votes
from lxml import html
from plone import api
from tests.voting.builders import Council
import pytest
import transaction


@pytest.fixture
def council(functional_portal, monkeypatch):
    monkeypatch.setattr(blind, "KEY_BITS", 1024)
    council = Council(functional_portal)
    council.mark_present(12)
    transaction.commit()
    return council


def page(council, name):
    return "/" + "/".join(council.session.getPhysicalPath()[2:]) + f"/@@{name}"


def open_vote(item):
    with api.env.adopt_user(username="thuky"):
        votes.open_vote(item)
    transaction.commit()


def test_the_panel_and_a_named_vote_without_javascript(council, browser):
    delegate = browser(council.users[0])
    response = delegate.get(page(council, "voting-panel"))
    assert response.status_code == 200
    tree = html.fromstring(response.text)
    assert not tree.xpath("//form")  # nothing open yet
    # A tiny page: no Plone bundles, one small script.
    assert [s.get("src").rsplit("/", 1)[-1] for s in tree.xpath("//script")] == [
        "voting-panel.js"
    ]
    assert len(response.content) < 8000
    open_vote(council.resolution)
    tree = html.fromstring(delegate.get(page(council, "voting-panel")).text)
    (form,) = tree.xpath("//form")
    assert [b.get("value") for b in form.xpath(".//button")] == ["yes", "no", "abstain"]
    assert not form.get("data-secret")
    data = {
        "_authenticator": form.xpath(".//input[@name='_authenticator']")[0].get(
            "value"
        ),
        "item": council.resolution.UID(),
        "vote": "no",
    }
    response = delegate.post(
        page(council, "voting-panel"), data=data, allow_redirects=False
    )
    assert response.status_code == 303
    followed = delegate.get(response.headers["Location"])
    tree = html.fromstring(followed.text)
    assert tree.xpath("//*[@role='status']")
    assert tree.xpath("//button[@value='no'][@aria-pressed='true']")
    transaction.begin()
    history = votes.box_of(council.resolution).named[council.delegates[0].UID()]
    assert history[-1][0] == "no"
    # Without the authenticator (a form of another site): refused.
    forged = delegate.post(
        page(council, "voting-panel"),
        data={"item": council.resolution.UID(), "vote": "yes"},
        allow_redirects=False,
    )
    assert forged.status_code == 403
    transaction.begin()
    assert (
        votes.box_of(council.resolution).named[council.delegates[0].UID()][-1][0]
        == "no"
    )


def test_a_refused_vote_says_why(council, browser):
    open_vote(council.resolution)
    outsider = browser(council.outsider)
    tree = html.fromstring(outsider.get(page(council, "voting-panel")).text)
    assert not tree.xpath("//form")
    assert tree.xpath("//p[@class='note']")
    delegate = browser(council.users[0])
    tree = html.fromstring(delegate.get(page(council, "voting-panel")).text)
    token = tree.xpath("//input[@name='_authenticator']")[0].get("value")
    response = delegate.post(
        page(council, "voting-panel"),
        data={"_authenticator": token, "item": council.resolution.UID(), "vote": "có"},
    )
    assert response.status_code == 400
    assert html.fromstring(response.text).xpath("//p[contains(@class, 'error')]")


def test_the_panel_for_secret_ballots_and_elections(council, browser):
    election = council.election(
        ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), seats=2
    )
    confidence = council.confidence(ballot="named")
    transaction.commit()
    open_vote(election)
    open_vote(confidence)
    tree = html.fromstring(
        browser(council.users[0]).get(page(council, "voting-panel")).text
    )
    secret = tree.xpath(f"//form[@data-uid='{election.UID()}']")[0]
    assert secret.get("data-secret") == "1"
    assert int(secret.get("data-n"), 16) == votes.box_of(election).key_n
    assert len(secret.xpath(".//input[@type='checkbox']")) == 3
    assert tree.xpath(f"//section[@id='v-{election.UID()}']//noscript")
    named = tree.xpath(f"//form[@data-uid='{confidence.UID()}']")[0]
    assert len(named.xpath(".//input[@type='radio']")) == 6
    assert {i.get("name") for i in named.xpath(".//input[@type='radio']")} == {
        "rating-1",
        "rating-2",
    }


def test_the_panels_fragment_and_etag(council, browser):
    delegate = browser(council.users[0])
    address = page(council, "voting-panel") + "?fragment=1"
    first = delegate.get(address)
    etag = first.headers["ETag"]
    assert delegate.get(address, headers={"If-None-Match": etag}).status_code == 304
    open_vote(council.resolution)
    assert delegate.get(address, headers={"If-None-Match": etag}).status_code == 200


def test_the_board(council, browser):
    item = council.resolution
    board = browser("thuky")  # the projector's computer, logged in
    response = board.get(page(council, "results-board"))
    assert response.status_code == 200
    assert "results-board.js" in response.text
    address = page(council, "results-board") + "?fragment=1"
    etag = board.get(address).headers["ETag"]
    assert board.get(address, headers={"If-None-Match": etag}).status_code == 304
    open_vote(item)
    for index, value in enumerate(["yes"] * 8 + ["no"]):
        with api.env.adopt_user(username=council.users[index]):
            votes.cast_named(item, value)
    transaction.commit()
    live = board.get(address, headers={"If-None-Match": etag})
    assert live.status_code == 200
    tree = html.fromstring(live.text)
    assert tree.xpath("//p[@class='count']/strong")[0].text == "9"
    # No counts on the board while the vote is open, even for the secretary.
    assert not tree.xpath("//table[@class='results']")
    etag = live.headers["ETag"]
    with api.env.adopt_user(username=council.users[9]):
        votes.cast_named(item, "abstain")
    transaction.commit()
    assert board.get(address, headers={"If-None-Match": etag}).status_code == 200
    with api.env.adopt_user(username="thuky"):
        votes.close_vote(item)
    transaction.commit()
    tree = html.fromstring(board.get(address).text)
    values = [
        td.text for td in tree.xpath("//table[@class='results']//td[@class='value']")
    ]
    assert values == ["8", "1", "1", "5"]
    assert tree.xpath(
        "//p[contains(@class, 'outcome') and contains(@class, 'adopted')]"
    )


def test_the_board_is_for_those_who_see_the_session(council, browser):
    response = browser().get(page(council, "results-board"), allow_redirects=False)
    assert response.status_code in (302, 401)


def test_attendance_page(council, browser):
    assert browser(council.users[0]).get(
        page(council, "attendance"), allow_redirects=False
    ).status_code in (302, 401, 403)
    secretary = browser("thuky")
    tree = html.fromstring(secretary.get(page(council, "attendance")).text)
    boxes = tree.xpath("//input[@name='present:list']")
    assert len(boxes) == 15
    assert sum(1 for b in boxes if b.get("checked")) == 12
    token = tree.xpath("//input[@name='_authenticator']")[0].get("value")
    response = secretary.post(
        page(council, "attendance"),
        data={"_authenticator": token, "present:list": council.uids(3)},
    )
    assert response.status_code == 200
    transaction.begin()
    from commune_portal.voting.attendance import present_uids

    assert present_uids(council.session) == council.uids(3)


def test_the_secretary_opens_and_closes_on_the_attendance_page(council, browser):
    secretary = browser("thuky")
    tree = html.fromstring(secretary.get(page(council, "attendance")).text)
    token = tree.xpath("//input[@name='_authenticator']")[0].get("value")
    assert tree.xpath("//button[@value='open']")

    def act(action):
        return secretary.post(
            page(council, "attendance"),
            data={
                "_authenticator": token,
                "item": council.resolution.UID(),
                "action": action,
            },
        )

    assert act("close").status_code == 200  # not open: the page says why
    transaction.begin()
    assert votes.status_of(council.resolution) == "not_opened"
    tree = html.fromstring(act("open").text)
    assert tree.xpath("//button[@value='close']")
    transaction.begin()
    assert votes.status_of(council.resolution) == "open"
    with api.env.adopt_user(username=council.users[0]):
        votes.cast_named(council.resolution, "yes")
    transaction.commit()
    act("close")
    transaction.begin()
    assert votes.status_of(council.resolution) == "closed"
    # A delegate cannot use the page.
    response = browser(council.users[0]).post(
        page(council, "attendance"),
        data={
            "_authenticator": token,
            "item": council.resolution.UID(),
            "action": "open",
        },
        allow_redirects=False,
    )
    assert response.status_code in (302, 401, 403)
