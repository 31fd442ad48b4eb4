"""Elections and votes of confidence against known ballots, through the
one voting machinery (named and secret), and votes counted by hand."""

from commune_portal.voting import blind
from commune_portal.voting import box as votes
from commune_portal.voting.result import result_of
from tests.voting.builders import as_anonymous
from tests.voting.builders import as_user
from tests.voting.builders import Council
from tests.voting.builders import refused
import pytest


@pytest.fixture
def council(portal, monkeypatch):
    monkeypatch.setattr(blind, "KEY_BITS", 1024)
    council = Council(portal)
    council.mark_present(15)
    return council


def run(council, item, ballots):
    with as_user("thuky"):
        votes.open_vote(item)
    box = votes.box_of(item)
    for user_id, value in zip(council.users, ballots, strict=False):
        if box.ballot == "secret":
            key = blind.Key(box.key_n, box.key_e)
            token = blind.new_token()
            blinded, r = blind.blind(key, token)
            with as_user(user_id):
                signed = int(votes.issue_token(item, format(blinded, "x")), 16)
            signature = blind.unblind(key, signed, r)
            with as_anonymous():
                votes.cast_secret(item, token.hex(), format(signature, "x"), value)
        else:
            with as_user(user_id):
                votes.cast_named(item, value)
    with as_user("thuky"):
        votes.close_vote(item)
    return result_of(item)


def by_name(rows):
    return {row["name"]: row for row in rows}


def test_an_election_of_one_by_secret_ballot(council):
    item = council.election(("Nguyễn Văn An", "Trần Thị Bình"), seats=1)
    assert item.ballot == "secret"  # by default
    ballots = [["1"]] * 9 + [["2"]] * 4 + [[]]  # one crosses out both names
    result = run(council, item, ballots)
    rows = by_name(result["candidates"])
    assert rows["Nguyễn Văn An"]["votes"] == 9
    assert rows["Nguyễn Văn An"]["share"] == 60.0
    assert rows["Nguyễn Văn An"]["elected"] is True
    assert rows["Trần Thị Bình"]["elected"] is False
    assert result["elected"] == ["Nguyễn Văn An"]
    assert result["ballots"] == 14 and result["not_voted"] == 1


def test_more_than_half_of_all_the_delegates_is_needed(council):
    item = council.election(("Nguyễn Văn An", "Trần Thị Bình"), seats=1, ballot="named")
    # 7 of 15 is not more than half of the term's delegates.
    result = run(council, item, [["1"]] * 7 + [["2"]] * 6)
    assert result["elected"] == []
    assert not any(row["elected"] for row in result["candidates"])


def test_several_seats_most_votes_first_and_a_tie(council):
    names = ("A Sáng", "B Tâm", "C Lực", "D Mai")
    item = council.election(names, seats=2, ballot="named")
    # A 12, B 9, C 9, D 3: A is elected; B and C tie for the last seat.
    ballots = [["1", "2"]] * 6 + [["1", "3"]] * 6 + [["2", "3"]] * 3 + []
    ballots = ballots[:15]
    result = run(council, item, ballots)
    rows = by_name(result["candidates"])
    assert (
        rows["A Sáng"]["votes"],
        rows["B Tâm"]["votes"],
        rows["C Lực"]["votes"],
    ) == (12, 9, 9)
    assert rows["A Sáng"]["elected"] is True
    assert rows["B Tâm"]["tied"] and rows["C Lực"]["tied"]
    assert not rows["B Tâm"]["elected"] and not rows["C Lực"]["elected"]
    assert result["elected"] == ["A Sáng"]


@pytest.mark.parametrize(
    "ballot",
    [["1", "2"], ["1", "1"], ["9"], "1", [1]],
)
def test_invalid_election_ballots(council, ballot):
    item = council.election(seats=1, ballot="named")
    with as_user("thuky"):
        votes.open_vote(item)
    with as_user(council.users[0]):
        refused(400, votes.cast_named, item, ballot)
    assert len(votes.box_of(item).named) == 0


def test_an_election_without_candidates_does_not_open(council):
    item = council.election(candidates=())
    with as_user("thuky"):
        refused(409, votes.open_vote, item)


def test_a_vote_of_confidence(council):
    item = council.confidence(("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"))
    assert item.ballot == "secret"
    # An: 9 high, 5 confidence, 1 low. Bình: 8 low (more than half of 15).
    # Cường: 10 low (two thirds of 15), one ballot leaves him unrated.
    ballots = []
    for index in range(15):
        ballot = {
            "1": "high" if index < 9 else ("confidence" if index < 14 else "low"),
            "2": "low" if index < 8 else "confidence",
            "3": "low" if index < 10 else "high",
        }
        if index == 14:
            del ballot["3"]
        ballots.append(ballot)
    result = run(council, item, ballots)
    rows = by_name(result["officials"])
    an, binh, cuong = rows["Nguyễn Văn An"], rows["Trần Thị Bình"], rows["Lê Văn Cường"]
    assert (an["high"], an["confidence"], an["low"]) == (9, 5, 1)
    assert an["shares"] == {"high": 60.0, "confidence": 33.33, "low": 6.67}
    assert not an["low_more_than_review_share"]
    assert binh["low"] == 8 and binh["low_more_than_review_share"]
    assert not binh["low_at_least_dismissal_share"]
    assert (cuong["low"], cuong["high"]) == (10, 4)
    assert cuong["low_at_least_dismissal_share"]
    assert result["ballots"] == 15
    assert (result["review_share"], result["dismissal_share"]) == ("1/2", "2/3")


def test_thresholds_of_confidence_are_data(council):
    item = council.confidence(("Nguyễn Văn An",), ballot="named", review_share="1/3")
    result = run(council, item, [{"1": "low"}] * 6 + [{"1": "high"}] * 9)
    assert result["officials"][0]["low_more_than_review_share"] is True


@pytest.mark.parametrize("ballot", [{"1": "tốt"}, {"9": "low"}, ["1"], "low"])
def test_invalid_confidence_ballots(council, ballot):
    item = council.confidence(ballot="named")
    with as_user("thuky"):
        votes.open_vote(item)
    with as_user(council.users[0]):
        refused(400, votes.cast_named, item, ballot)


def test_elections_counted_by_hand(council):
    item = council.election(("Nguyễn Văn An", "Trần Thị Bình"), ballot="manual")
    with as_user("thuky"):
        refused(
            400,
            votes.enter_tally,
            item,
            {"ballots": 14, "candidates": {"1": 15, "2": 0}},
        )
        refused(400, votes.enter_tally, item, {"ballots": 14, "candidates": {"1": 9}})
        refused(
            400,
            votes.enter_tally,
            item,
            {"ballots": 16, "candidates": {"1": 9, "2": 4}},
        )
        votes.enter_tally(item, {"ballots": 14, "candidates": {"1": 9, "2": 4}})
    assert result_of(item)["elected"] == ["Nguyễn Văn An"]


def test_confidence_counted_by_hand(council):
    item = council.confidence(("Nguyễn Văn An",), ballot="manual")
    counts = {"high": 9, "confidence": 5, "low": 1}
    with as_user("thuky"):
        refused(
            400, votes.enter_tally, item, {"ballots": 14, "officials": {"1": counts}}
        )
        votes.enter_tally(item, {"ballots": 15, "officials": {"1": counts}})
    assert result_of(item)["officials"][0]["high"] == 9
