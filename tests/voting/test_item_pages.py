"""The pages of an election and a vote of confidence, the session page
while a vote is open, and what the catalog keeps of a closed vote
(``vote_result``): the result per candidate and per official, in
Vietnamese, for who may see the item; no count while the vote is open;
nothing about who was present or voted."""

from commune_portal.voting import blind
from commune_portal.voting import box as votes
from lxml import html
from plone import api
from tests.helpers import reach_state
from tests.voting.builders import as_user
from tests.voting.builders import close_with
from tests.voting.builders import Council
import pytest
import transaction


@pytest.fixture
def council(functional_portal, monkeypatch):
    monkeypatch.setattr(blind, "KEY_BITS", 1024)
    council = Council(functional_portal)
    council.mark_present(12)
    for item in (council.term, council.session):
        reach_state(item)
    transaction.commit()
    return council


def path_of(item, view=""):
    path = "/" + "/".join(item.getPhysicalPath()[2:])
    return f"{path}/{view}" if view else path


def tree_of(response):
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.text)


def texts(tree, selector):
    return [" ".join(e.text_content().split()) for e in tree.cssselect(selector)]


def brain_of(item):
    (brain,) = api.content.find(UID=item.UID(), unrestricted=True)
    return brain


@pytest.fixture
def closed_election(council):
    item = council.election(
        candidates=("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"),
        seats=2,
        title="Bầu Phó Chủ tịch HĐND xã",
    )
    close_with(
        item,
        {"1": 11, "2": 8, "3": 8},
        14,
        present=council.uids(14),
        voted=council.uids(14),
        ballot="secret",
    )
    reach_state(item)
    transaction.commit()
    return item


@pytest.fixture
def closed_confidence(council):
    item = council.confidence(
        officials=("Nguyễn Văn An", "Trần Thị Bình"),
        title="Lấy phiếu tín nhiệm năm 2027",
    )
    close_with(
        item,
        {
            "1": {"high": 9, "confidence": 5, "low": 1},
            "2": {"high": 1, "confidence": 4, "low": 10},
        },
        15,
        present=council.uids(15),
        voted=council.uids(15),
    )
    reach_state(item)
    transaction.commit()
    return item


class TestElectionPage:
    @pytest.mark.parametrize("reader", [None, "daibieu01", "thuky"])
    def test_the_frozen_result(self, council, browser, closed_election, reader):
        tree = tree_of(browser(reader).get(path_of(closed_election)))
        assert texts(tree, ".vote-kind") == ["Bầu cử"]
        assert texts(tree, ".vote-ballot") == ["Bỏ phiếu kín"]
        assert texts(tree, ".vote-status") == ["Đã kết thúc"]
        (box,) = tree.cssselect(".election-result")
        # 11 and 8 of 15 are more than half; two tie at 8 for the second
        # seat: only the first is elected, another round decides.
        assert texts(box, ".election-elected-names") == ["Nguyễn Văn An"]
        assert box.cssselect(".election-tie")
        rows = box.cssselect("tr.election-candidate")
        assert [texts(r, ".candidate-votes")[0] for r in rows] == ["11", "8", "8"]
        assert [texts(r, ".candidate-share")[0] for r in rows] == [
            "73,33%",
            "53,33%",
            "53,33%",
        ]
        assert [texts(r, ".candidate-outcome .badge") for r in rows] == [
            ["Trúng cử"],
            ["Bằng phiếu"],
            ["Bằng phiếu"],
        ]
        # The candidates are in the result: not listed twice.
        assert tree.cssselect(".vote-candidates") == []
        assert tree.cssselect(".vote-no-result") == []
        for uid in council.uids(14):
            assert uid not in html.tostring(tree, encoding="unicode")

    def test_a_private_election_is_not_public(self, council, browser):
        item = council.election()
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(item, "retract")
        transaction.commit()
        assert api.content.get_state(item) == "private"
        response = browser().get(path_of(item), allow_redirects=False)
        assert response.status_code in (302, 401)
        assert "Nguyễn Văn An" not in response.text
        response = browser("daibieu01").get(path_of(item), allow_redirects=False)
        assert response.status_code in (302, 401, 403)
        tree = tree_of(browser("thuky").get(path_of(item)))
        assert texts(tree, ".vote-candidate") == ["Nguyễn Văn An", "Trần Thị Bình"]


class TestConfidencePage:
    def test_the_frozen_result(self, council, browser, closed_confidence):
        tree = tree_of(browser().get(path_of(closed_confidence)))
        assert texts(tree, ".vote-kind") == ["Lấy phiếu tín nhiệm"]
        (box,) = tree.cssselect(".confidence-result")
        assert texts(box, "thead th")[1:4] == [
            "Tín nhiệm cao",
            "Tín nhiệm",
            "Tín nhiệm thấp",
        ]
        first, second = box.cssselect("tr.confidence-official")
        assert texts(first, ".official-position") == ["Chủ tịch UBND xã"]
        assert texts(first, ".official-high") == ["9 (60%)"]
        assert texts(first, ".official-low") == ["1 (6,67%)"]
        assert texts(second, ".official-low") == ["10 (66,67%)"]
        assert "confidence-dismissal" in second.get("class")
        assert "confidence-review" not in first.get("class")
        assert "confidence-dismissal" not in first.get("class")
        assert "2/3" in texts(second, ".official-outcome")[0]
        assert tree.cssselect(".vote-officials") == []

    def test_not_voted_yet(self, council, browser):
        item = council.confidence()
        reach_state(item)
        transaction.commit()
        tree = tree_of(browser().get(path_of(item)))
        assert texts(tree, ".vote-status") == ["Chưa biểu quyết"]
        assert tree.cssselect(".vote-result") == []
        assert tree.cssselect(".vote-no-result")
        assert texts(tree, ".vote-official") == [
            "Nguyễn Văn An Chủ tịch UBND xã",
            "Trần Thị Bình Chủ tịch UBND xã",
        ]
        assert "1/2" in texts(tree, ".vote-thresholds")[0]


class TestOpenVote:
    """A named election open, one delegate has voted: no count anywhere
    on the pages, for anyone, until it closes."""

    @pytest.fixture
    def open_election(self, council):
        item = council.election(ballot="named")
        reach_state(item)
        with as_user("thuky"):
            votes.open_vote(item)
        with as_user(council.users[0]):
            votes.cast_named(item, ["1"])
        transaction.commit()
        return item

    @pytest.mark.parametrize("reader", [None, "daibieu01", "thuky"])
    def test_no_counts(self, council, browser, open_election, reader):
        tree = tree_of(browser(reader).get(path_of(open_election)))
        assert texts(tree, ".vote-status") == ["Đang biểu quyết"]
        assert tree.cssselect(".vote-result") == []
        assert tree.cssselect(".vote-no-result")
        session = tree_of(browser(reader).get(path_of(council.session)))
        (article,) = [
            a
            for a in session.cssselect("article.session-vote")
            if a.get("data-uid") == open_election.UID()
        ]
        assert article.cssselect(".vote-result") == []
        assert article.cssselect(".vote-no-result")
        assert brain_of(open_election).vote_result is None

    def test_closed_it_shows(self, council, browser, open_election):
        with as_user("thuky"):
            votes.close_vote(open_election)
        transaction.commit()
        session = tree_of(browser().get(path_of(council.session)))
        assert texts(session, ".election-result .candidate-votes") == ["1", "0"]
        # One vote of 15 is not more than half: nobody elected.
        assert session.cssselect(".election-result .election-nobody")


class TestCatalog:
    def test_an_election(self, council, closed_election):
        result = brain_of(closed_election).vote_result
        assert result["elected"] == ["Nguyễn Văn An"]
        assert result["seats_to_fill"] == 2
        assert result["ballots"] == 14
        assert result["total_delegates"] == 15
        assert [
            (c["name"], c["votes"], c["share"], c["elected"], c["tied"])
            for c in result["candidates"]
        ] == [
            ("Nguyễn Văn An", 11, 73.33, True, False),
            ("Trần Thị Bình", 8, 53.33, False, True),
            ("Lê Văn Cường", 8, 53.33, False, True),
        ]

    def test_a_vote_of_confidence(self, council, closed_confidence):
        result = brain_of(closed_confidence).vote_result
        assert (result["review_share"], result["dismissal_share"]) == ("1/2", "2/3")
        first, second = result["officials"]
        assert (first["high"], first["confidence"], first["low"]) == (9, 5, 1)
        assert first["shares"] == {"high": 60.0, "confidence": 33.33, "low": 6.67}
        assert second["low_more_than_review_share"] is True
        assert second["low_at_least_dismissal_share"] is True
        assert first["low_more_than_review_share"] is False

    def test_never_who(self, council, closed_election, closed_confidence):
        for item in (closed_election, closed_confidence):
            result = brain_of(item).vote_result
            assert "present" not in result
            assert "voted" not in result
            flat = repr(result)
            for uid in council.uids(15):
                assert uid not in flat
            for user_id in council.users:
                assert user_id not in flat
