"""The one voting machinery (``commune_portal.voting.box``): who may open,
vote and close, in which state, and what is frozen."""

from commune_portal.voting import box as votes
from commune_portal.voting.result import result_of
from plone import api
from tests.voting.builders import as_anonymous
from tests.voting.builders import as_user
from tests.voting.builders import Council
from tests.voting.builders import refused
import pytest


@pytest.fixture
def council(portal):
    council = Council(portal)
    council.mark_present(12)
    return council


def test_a_named_vote_from_opening_to_frozen_result(council):
    item = council.resolution
    assert votes.status_of(item) == "not_opened"
    with as_user("thuky"):
        votes.open_vote(item)
    assert votes.status_of(item) == "open"
    for index, vote in enumerate(["yes"] * 9 + ["no"] * 2 + ["abstain"]):
        with as_user(council.users[index]):
            votes.cast_named(item, vote)
    # A change of mind before closing: the last vote counts, both are kept.
    with as_user(council.users[11]):
        assert votes.cast_named(item, "yes") == ("yes", True)
    with as_user("thuky"):
        votes.close_vote(item)
    result = result_of(item)
    assert (result["yes"], result["no"], result["abstain"]) == (10, 2, 0)
    assert result["not_voted"] == 3
    assert result["total_delegates"] == 15
    assert result["adopted"] is True
    assert result["ballot"] == "named"
    assert len(result["voted"]) == 12
    assert len(result["present"]) == 12
    history = votes.box_of(item).named[council.delegates[11].UID()]
    assert [entry[0] for entry in history] == ["abstain", "yes"]
    assert history[-1][2] == council.users[11]


def test_only_the_secretary_opens_and_closes(council):
    item = council.resolution
    with as_anonymous():
        refused(401, votes.open_vote, item)
    with as_user(council.users[0]):
        refused(403, votes.open_vote, item)
    assert votes.status_of(item) == "not_opened"
    with as_user("thuky"):
        votes.open_vote(item)
    with as_user(council.users[0]):
        refused(403, votes.close_vote, item)
    assert votes.status_of(item) == "open"


def test_states_refuse_and_change_nothing(council):
    item = council.resolution
    with as_user("thuky"):
        refused(409, votes.close_vote, item)  # not opened
    with as_user(council.users[0]):
        refused(409, votes.cast_named, item, "yes")  # not opened
    assert votes.box_of(item) is None
    with as_user("thuky"):
        votes.open_vote(item)
        refused(409, votes.open_vote, item)  # already open
    with as_user(council.users[0]):
        votes.cast_named(item, "yes")
    with as_user("thuky"):
        votes.close_vote(item)
        refused(409, votes.close_vote, item)  # closing twice
        refused(409, votes.open_vote, item)  # a closed vote stays closed
    with as_user(council.users[1]):
        refused(409, votes.cast_named, item, "no")  # after closing
    result = result_of(item)
    assert (result["yes"], result["no"]) == (1, 0)
    assert list(votes.box_of(item).named) == [council.delegates[0].UID()]


def test_who_may_vote(council, portal):
    item = council.resolution
    with as_user("thuky"):
        votes.open_vote(item)
    with as_anonymous():
        refused(401, votes.cast_named, item, "yes")
    # The secretary is not a delegate.
    with as_user("thuky"):
        refused(403, votes.cast_named, item, "yes")
    # A delegate's role, but the account acts for no delegate of this term.
    with as_user(council.outsider):
        refused(403, votes.cast_named, item, "yes")
    # A delegate of this term whose delegate's role was taken away.
    with api.env.adopt_roles(["Manager"]):
        for obj in (council.section, council.term):
            api.user.revoke_roles(
                username=council.users[2], obj=obj, roles=["CouncilDelegate"]
            )
    with as_user(council.users[2]):
        refused(403, votes.cast_named, item, "yes")
    with as_user(council.users[0]):
        refused(400, votes.cast_named, item, "tán thành")
        refused(400, votes.cast_named, item, None)
    assert len(votes.box_of(item).named) == 0
    assert votes.box_of(item).received.value == 0


def test_another_terms_delegate_cannot_vote(council):
    from tests.council_helpers import make_delegate
    from tests.council_helpers import make_term

    other = make_term(
        council.section, id="nhiem-ky-2031-2036", start_year=2031, end_year=2036
    )
    make_delegate(other, "Phan Văn Tâm", user_id="daibieu-khac")
    item = council.resolution
    with as_user("thuky"):
        votes.open_vote(item)
    with as_user("daibieu-khac"):
        refused(403, votes.cast_named, item, "yes")


def test_no_quorum_no_vote(portal):
    council = Council(portal)
    council.mark_present(9)  # two thirds of 15 is 10
    with as_user("thuky"):
        error = refused(409, votes.open_vote, council.resolution)
    assert error.message.mapping == {
        "seats": 15,
        "present": 9,
        "needed": 10,
        "share": "2/3",
        "met": False,
    }
    assert votes.status_of(council.resolution) == "not_opened"
    council.mark_present(10)
    with as_user("thuky"):
        votes.open_vote(council.resolution)
    assert votes.status_of(council.resolution) == "open"


def test_quorum_from_the_control_panel(portal):
    council = Council(portal)
    council.mark_present(8)
    api.portal.set_registry_record("commune_portal.council_quorum", "1/2")
    with as_user("thuky"):
        votes.open_vote(council.resolution)
    assert votes.status_of(council.resolution) == "open"


def test_private_items_are_not_voted_on(council):
    from tests.council_helpers import make_resolution

    draft = make_resolution(
        council.session, title="Dự thảo chưa gửi", document_number="16/NQ-HĐND"
    )
    with as_user("thuky"):
        refused(409, votes.open_vote, draft)


def _vote(council, item, ballots):
    with as_user("thuky"):
        votes.open_vote(item)
    for index, value in enumerate(ballots):
        with as_user(council.users[index]):
            votes.cast_named(item, value)
    with as_user("thuky"):
        votes.close_vote(item)
    return result_of(item)


@pytest.mark.parametrize(
    "seats,yes,threshold,adopted",
    [
        (15, 8, "majority", True),
        (15, 7, "majority", False),
        (14, 7, "majority", False),  # half is not more than half
        (14, 8, "majority", True),
        (15, 10, "two_thirds", True),  # exactly two thirds
        (15, 9, "two_thirds", False),
        (14, 10, "two_thirds", True),  # 9.33 needed
        (14, 9, "two_thirds", False),
    ],
)
def test_thresholds_count_against_the_terms_seats(
    portal, seats, yes, threshold, adopted
):
    council = Council(portal, delegates=seats, linked=seats, seats=seats)
    council.mark_present(seats)
    council.resolution.threshold = threshold
    # Those who do not vote yes vote no: what counts is yes against seats.
    result = _vote(council, council.resolution, ["yes"] * yes + ["no"] * (seats - yes))
    assert result["adopted"] is adopted
    assert result["threshold"] == threshold
    assert result["total_delegates"] == seats


def test_seats_not_the_delegates_present(portal):
    # 15 seats, 11 present, 8 yes of the 11: more than half of 15 passes,
    # 7 does not, whatever the number present.
    council = Council(portal)
    council.mark_present(11)
    result = _vote(council, council.resolution, ["yes"] * 7 + ["no"] * 4)
    assert result["adopted"] is False
    assert result["not_voted"] == 4


def test_votes_counted_by_hand(council):
    item = council.resolution
    item.ballot = "manual"
    with as_user("thuky"):
        refused(409, votes.open_vote, item)
        refused(400, votes.enter_tally, item, {"yes": 10, "no": 4, "abstain": 2})
        refused(400, votes.enter_tally, item, {"yes": -1, "no": 0, "abstain": 0})
        assert result_of(item) is None
        votes.enter_tally(item, {"yes": 10, "no": 3, "abstain": 1})
        refused(409, votes.enter_tally, item, {"yes": 1, "no": 0, "abstain": 0})
    result = result_of(item)
    assert (result["yes"], result["no"], result["abstain"], result["not_voted"]) == (
        10,
        3,
        1,
        1,
    )
    assert result["adopted"] is True
    assert result["ballot"] == "manual"
    assert len(result["present"]) == 12
    assert votes.status_of(item) == "closed"


def test_tally_only_for_votes_counted_by_hand(council):
    with as_user("thuky"):
        refused(
            409,
            votes.enter_tally,
            council.resolution,
            {"yes": 1, "no": 0, "abstain": 0},
        )
    with as_user(council.users[0]):
        council.resolution.ballot = "manual"
        refused(
            403,
            votes.enter_tally,
            council.resolution,
            {"yes": 1, "no": 0, "abstain": 0},
        )


def test_describe_per_role(council):
    item = council.resolution
    with as_user("thuky"):
        votes.open_vote(item)
    for index, value in enumerate(["yes", "yes", "no"]):
        with as_user(council.users[index]):
            votes.cast_named(item, value)
    public = votes.describe(item)
    assert public["status"] == "open"
    assert public["ballots_cast"] == 3
    assert public["yes"] is None and public["adopted"] is None
    assert "votes" not in public
    with as_user(council.users[0]):
        mine = votes.describe(item)
    assert mine["my_vote"] == "yes" and mine["can_vote"] is True
    assert mine["yes"] is None
    with as_user("thuky"):
        secretary = votes.describe(item)
        # The board shows what anyone sees, whoever is logged in.
        board = votes.describe(item, public=True)
    assert secretary["yes"] == 2 and secretary["no"] == 1
    assert {row["delegate"]["UID"] for row in secretary["votes"]} == set(
        council.uids(3)
    )
    assert board["yes"] is None and "votes" not in board
    with as_user("thuky"):
        votes.close_vote(item)
    closed = votes.describe(item)
    assert (closed["yes"], closed["no"], closed["adopted"]) == (2, 1, False)
    assert "votes" not in closed
