"""The one voting machinery (``commune_portal.voting.box``): who may open,
vote and close, in which state, and what is frozen."""

from commune_portal.voting import box as votes
from commune_portal.voting.errors import VoteRefused
from commune_portal.voting.result import result_of
from plone import api
from tests.voting.builders import Council
import pytest


@pytest.fixture
def council(portal):
    council = Council(portal)
    council.mark_present(12)
    return council


def as_user(user_id):
    return api.env.adopt_user(username=user_id)


def refused(status, call, *args):
    with pytest.raises(VoteRefused) as info:
        call(*args)
    assert info.value.status == status, info.value.message
    return info.value


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
