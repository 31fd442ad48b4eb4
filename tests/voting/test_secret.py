"""Secret ballots: each delegate votes once (blind signature), and nothing
stored links a ballot to a delegate (docs/voting.md)."""

from commune_portal.voting import blind
from commune_portal.voting import box as votes
from commune_portal.voting.result import result_of
from plone import api
from tests.voting.builders import as_anonymous
from tests.voting.builders import as_user
from tests.voting.builders import Council
from tests.voting.builders import refused
import pickle
import pytest
import transaction


@pytest.fixture
def council(portal, monkeypatch):
    # A smaller key keeps the tests quick; test_real_key_size uses the
    # real one.
    monkeypatch.setattr(blind, "KEY_BITS", 1024)
    council = Council(portal)
    council.mark_present(12)
    council.resolution.ballot = "secret"
    with as_user("thuky"):
        votes.open_vote(council.resolution)
    return council


def take_ballot(item, user_id):
    """What the delegate's browser does: blind a random token, have it
    signed (logged in), unblind the signature."""
    key = votes.box_of(item).key
    public = blind.Key(key.n, key.e)
    token = blind.new_token()
    blinded, r = blind.blind(public, token)
    with as_user(user_id):
        signed = int(votes.issue_token(item, format(blinded, "x")), 16)
    return token, blind.unblind(public, signed, r)


def cast(item, token, signature, value):
    with as_anonymous():
        return votes.cast_secret(item, token.hex(), format(signature, "x"), value)


def test_secret_ballot_counts(council):
    item = council.resolution
    ballots = ["yes"] * 8 + ["no"] * 2 + ["abstain"]
    for user_id, value in zip(council.users, ballots, strict=False):
        token, signature = take_ballot(item, user_id)
        assert cast(item, token, signature, value) is False
    assert votes.box_of(item).received.value == 11
    # A delegate who took a ballot and did not cast it.
    take_ballot(item, council.users[11])
    with as_user("thuky"):
        votes.close_vote(item)
    result = result_of(item)
    assert (result["yes"], result["no"], result["abstain"]) == (8, 2, 1)
    assert result["not_voted"] == 4
    assert result["adopted"] is True
    assert result["ballot"] == "secret"
    # "voted" says who took a ballot, never how they voted.
    assert set(result["voted"]) == set(council.uids(12))
    assert votes.box_of(item).key.d is None  # the key no longer signs


def test_one_ballot_per_delegate(council):
    item = council.resolution
    take_ballot(item, council.users[0])
    refused(409, take_ballot, item, council.users[0])
    assert len(votes.box_of(item).tokens) == 1


def test_only_delegates_take_ballots(council):
    item = council.resolution
    refused(403, take_ballot, item, "thuky")
    refused(403, take_ballot, item, council.outsider)
    with as_anonymous():
        refused(401, votes.issue_token, item, "abc")
    with as_user(council.users[0]):
        refused(400, votes.issue_token, item, "không phải số")
        refused(400, votes.issue_token, item, "0")
    assert len(votes.box_of(item).tokens) == 0


def test_forged_tokens_are_refused(council):
    item = council.resolution
    token, signature = take_ballot(item, council.users[0])
    refused(403, cast, item, blind.new_token(), signature, "yes")  # unsigned token
    refused(403, cast, item, token, signature + 1, "yes")  # wrong signature
    # RSA's multiplicative property: s**2 signs hash**2, not a token.
    refused(403, cast, item, token, pow(signature, 2, votes.box_of(item).key_n), "yes")
    assert len(votes.box_of(item).ballots) == 0
    # A ballot of another vote (another key) does not fit this box.
    other = council.election(ballot="secret")
    with as_user("thuky"):
        votes.open_vote(other)
    other_token, other_signature = take_ballot(other, council.users[1])
    refused(403, cast, item, other_token, other_signature, "yes")
    assert cast(item, token, signature, "yes") is False
    assert votes.box_of(item).received.value == 1


def test_a_reused_token_changes_the_ballot_never_adds_one(council):
    item = council.resolution
    token, signature = take_ballot(item, council.users[0])
    assert cast(item, token, signature, "no") is False
    assert cast(item, token, signature, "yes") is True  # changed before closing
    assert cast(item, token, signature, "yes") is False
    box = votes.box_of(item)
    assert len(box.ballots) == 1 and box.received.value == 1
    with as_user("thuky"):
        votes.close_vote(item)
    assert (result_of(item)["yes"], result_of(item)["no"]) == (1, 0)
    refused(409, cast, item, token, signature, "no")  # closed


def test_ballots_are_sent_anonymously(council):
    item = council.resolution
    token, signature = take_ballot(item, council.users[0])
    with as_user(council.users[0]):
        refused(
            400, votes.cast_secret, item, token.hex(), format(signature, "x"), "yes"
        )
    refused(400, cast, item, token, signature, "có")
    assert len(votes.box_of(item).ballots) == 0


def test_named_votes_are_refused_in_a_secret_ballot(council):
    with as_user(council.users[0]):
        refused(409, votes.cast_named, council.resolution, "yes")


def _identities(council):
    ids = set(council.users)
    ids |= {d.UID() for d in council.delegates}
    ids |= {d.getId() for d in council.delegates}
    ids |= {d.Title() for d in council.delegates}
    return ids


def test_nothing_in_the_ballot_box_names_a_delegate(council):
    item = council.resolution
    for user_id, value in zip(
        council.users[:5], ["yes", "no", "yes", "abstain", "yes"], strict=True
    ):
        token, signature = take_ballot(item, user_id)
        cast(item, token, signature, value)
    box = votes.box_of(item)
    stored = pickle.dumps(list(box.ballots.items())) + pickle.dumps(box.received.value)
    for identity in _identities(council):
        assert identity.encode() not in stored, identity
    # The ballots' keys are hashes of tokens the server never saw blinded.
    assert all(len(slot) == 64 for slot in box.ballots)
    # Who took a ballot is recorded apart, without what they voted.
    assert set(box.tokens) == set(council.uids(5))
    assert all(isinstance(when, str) for when in box.tokens.values())


def test_nothing_in_the_catalog(council, portal):
    item = council.resolution
    catalog = api.portal.get_tool("portal_catalog")
    before = catalog.getIndexDataForUID("/".join(item.getPhysicalPath()))
    token, signature = take_ballot(item, council.users[0])
    cast(item, token, signature, "no")
    with as_user("thuky"):
        votes.close_vote(item)
    after = catalog.getIndexDataForUID("/".join(item.getPhysicalPath()))
    text = repr(after)
    assert token.hex() not in text
    for identity in _identities(council) - {d.Title() for d in council.delegates}:
        assert identity not in repr(
            {k: v for k, v in after.items() if before.get(k) != v}
        ), identity


def test_the_ballots_transaction_carries_no_name(council):
    item = council.resolution
    token, signature = take_ballot(item, council.users[0])
    txn = transaction.get()
    txn.setUser(council.users[0], "/plone/acl_users")
    txn.note("/plone/hdnd/nhiem-ky-2026-2031/ky-hop-thu-tu")
    txn.setExtendedInfo("user_name", council.users[0])
    cast(item, token, signature, "yes")
    txn = transaction.get()
    assert txn.user == ""
    assert txn.description == ""
    assert txn.extension == {}


def test_real_key_size(portal, monkeypatch):
    monkeypatch.setattr(blind, "KEY_BITS", 2048)
    council = Council(portal)
    council.mark_present(10)
    council.resolution.ballot = "secret"
    with as_user("thuky"):
        votes.open_vote(council.resolution)
    assert votes.box_of(council.resolution).key_n.bit_length() == 2048
    token, signature = take_ballot(council.resolution, council.users[0])
    assert cast(council.resolution, token, signature, "yes") is False
