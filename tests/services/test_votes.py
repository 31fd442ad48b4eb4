"""``@votes`` (CONTRACT.md) and ``@attendance`` over HTTP: every status and
body per role and state, secret ballots through the real publisher (what
the transaction records), the session's list with its ETag."""

from commune_portal.voting import blind
from commune_portal.voting import box as votes
from commune_portal.voting.result import result_of
from plone import api
from tests.voting.builders import Council
from tests.voting.builders import PASSWORD
import pytest
import transaction


@pytest.fixture
def council(functional_portal, monkeypatch):
    monkeypatch.setattr(blind, "KEY_BITS", 1024)
    council = Council(functional_portal)
    council.mark_present(12)
    transaction.commit()
    return council


@pytest.fixture
def session_for(request_factory):
    def factory(user_id=None):
        if user_id is None:
            return request_factory()
        return request_factory(basic_auth=(user_id, PASSWORD))

    return factory


def url(item, action=""):
    path = "/".join(item.getPhysicalPath()[2:])
    return f"/{path}/@votes" + (f"/{action}" if action else "")


def fresh(item):
    transaction.begin()
    return item


def test_the_whole_named_vote(council, session_for):
    item = council.resolution
    secretary = session_for("thuky")
    response = secretary.post(url(item, "open"), json={})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "open"
    assert body["ballot"] == "named"
    assert body["total_delegates"] == 15
    assert body["threshold"] == "majority"
    assert body["yes"] is None or body["yes"] == 0
    for index, value in enumerate(["yes"] * 8 + ["no"] * 3 + ["abstain"]):
        response = session_for(council.users[index]).post(
            url(item), json={"vote": value}
        )
        assert response.status_code == 200, response.text
        assert response.json() == {
            "accepted": True,
            "changed": False,
            "vote": value,
            "status": "open",
        }
    # A later vote replaces the earlier one.
    response = session_for(council.users[11]).post(url(item), json={"vote": "yes"})
    assert response.json()["changed"] is True
    mine = session_for(council.users[11]).get(url(item)).json()
    assert mine["my_vote"] == "yes" and mine["can_vote"] is True
    assert mine["yes"] is None  # counts are not shown before closing
    live = secretary.get(url(item)).json()
    assert (live["yes"], live["no"], live["abstain"]) == (9, 3, 0)
    votes_by_uid = {row["delegate"]["UID"]: row for row in live["votes"]}
    changed = votes_by_uid[council.delegates[11].UID()]
    assert changed["vote"] == "yes"
    assert [h["vote"] for h in changed["history"]] == ["abstain", "yes"]
    assert changed["history"][0]["user"] == council.users[11]
    response = secretary.post(url(item, "close"), json={})
    assert response.status_code == 200, response.text
    closed = response.json()
    assert closed["status"] == "closed"
    assert (closed["yes"], closed["no"], closed["abstain"], closed["not_voted"]) == (
        9,
        3,
        0,
        3,
    )
    assert closed["adopted"] is True
    assert closed["total_delegates"] == 15
    assert result_of(fresh(item))["adopted"] is True


def test_refusals_change_nothing(council, session_for):
    item = council.resolution
    delegate = session_for(council.users[0])
    anonymous = session_for()
    cases = [
        (anonymous, url(item, "open"), {}, 401),
        (delegate, url(item, "open"), {}, 403),
        (session_for("thuky"), url(item, "close"), {}, 409),
        (delegate, url(item), {"vote": "yes"}, 409),
        (
            session_for("thuky"),
            url(item, "tally"),
            {"yes": 1, "no": 0, "abstain": 0},
            409,
        ),
        (session_for("thuky"), url(item, "reopen"), {}, 404),
    ]
    for session, address, data, status in cases:
        response = session.post(address, json=data)
        assert response.status_code == status, (address, response.text)
        error = response.json()["error"]
        assert error["message"] and error["type"]
    assert votes.box_of(fresh(item)) is None
    assert session_for("thuky").post(url(item, "open"), json={}).status_code == 200
    cases = [
        (session_for("thuky"), url(item, "open"), {}, 409),  # open twice
        (anonymous, url(item), {"vote": "yes"}, 401),
        (session_for("thuky"), url(item), {"vote": "yes"}, 403),  # not a delegate
        (session_for(council.outsider), url(item), {"vote": "yes"}, 403),
        (delegate, url(item), {"vote": "đồng ý"}, 400),
        (delegate, url(item), {"phieu": "yes"}, 400),
        (delegate, url(item, "close"), {}, 403),
    ]
    for session, address, data, status in cases:
        response = session.post(address, json=data)
        assert response.status_code == status, (address, data, response.text)
    # Not JSON (an HTML form of another site): refused before anything.
    response = delegate.post(url(item), data="vote=yes")
    assert response.status_code == 415
    box = votes.box_of(fresh(item))
    assert len(box.named) == 0 and box.received.value == 0
    assert session_for("thuky").post(url(item, "close"), json={}).status_code == 200
    assert session_for("thuky").post(url(item, "close"), json={}).status_code == 409
    response = delegate.post(url(item), json={"vote": "yes"})
    assert response.status_code == 409
    assert (
        "đóng" in response.json()["error"]["message"]
        or response.json()["error"]["message"]
    )
    assert result_of(fresh(item))["yes"] == 0


def test_what_the_public_sees(council, session_for):
    item = council.resolution
    # The resolution has no signed file yet: publish it all the same.
    api.portal.set_registry_record("commune_portal.publication_requirements", [])
    with api.env.adopt_roles(["Manager"]):
        for obj in (council.term, council.session, item):
            api.content.transition(obj, "publish")
    transaction.commit()
    anonymous = session_for()
    before = anonymous.get(url(item)).json()
    assert before["status"] == "not_opened"
    session_for("thuky").post(url(item, "open"), json={})
    session_for(council.users[0]).post(url(item), json={"vote": "no"})
    during = anonymous.get(url(item)).json()
    assert during["status"] == "open"
    assert during["ballots_cast"] == 1
    assert during["yes"] is None and during["no"] is None and during["adopted"] is None
    assert "votes" not in during and "my_vote" not in during
    session_for("thuky").post(url(item, "close"), json={})
    after = anonymous.get(url(item)).json()
    assert (after["yes"], after["no"], after["adopted"]) == (0, 1, False)
    assert "votes" not in after


def test_counted_by_hand(council, session_for):
    item = council.resolution
    item.ballot = "manual"
    transaction.commit()
    secretary = session_for("thuky")
    assert secretary.post(url(item, "open"), json={}).status_code == 409
    response = secretary.post(
        url(item, "tally"), json={"yes": 9, "no": 9, "abstain": 0}
    )
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "yes"
    response = secretary.post(
        url(item, "tally"), json={"yes": 9, "no": 5, "abstain": 1}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["yes"], body["adopted"], body["ballot"]) == (
        "closed",
        9,
        True,
        "manual",
    )


def _records_since(db, tid):
    for txn in db.storage.iterator(start=tid):
        if txn.tid == tid:
            continue
        yield txn


def test_a_secret_ballot_through_the_publisher(council, session_for, functional_portal):
    item = council.resolution
    item.ballot = "secret"
    transaction.commit()
    assert session_for("thuky").post(url(item, "open"), json={}).status_code == 200
    described = session_for(council.users[0]).get(url(item)).json()
    assert described["ballot_taken"] is False
    key = blind.Key(int(described["key"]["n"], 16), int(described["key"]["e"], 16))
    token = blind.new_token()
    blinded, r = blind.blind(key, token)
    response = session_for(council.users[0]).post(
        url(item, "token"), json={"blinded": format(blinded, "x")}
    )
    assert response.status_code == 200, response.text
    signature = blind.unblind(key, int(response.json()["signature"], 16), r)
    assert blind.verify(key, token, signature)
    again = session_for(council.users[0]).post(
        url(item, "token"), json={"blinded": format(blinded, "x")}
    )
    assert again.status_code == 409
    db = functional_portal._p_jar.db()
    last = db.lastTransaction()
    ballot = {"vote": "no", "token": token.hex(), "signature": format(signature, "x")}
    # Sent with the delegate's login, the ballot would carry a name: refused.
    response = session_for(council.users[0]).post(url(item), json=ballot)
    assert response.status_code == 400
    response = session_for().post(url(item), json=ballot)
    assert response.status_code == 200, response.text
    assert response.json() == {"accepted": True, "changed": False}
    response = session_for().post(
        url(item), json={**ballot, "token": blind.new_token().hex()}
    )
    assert response.status_code == 403
    written = list(_records_since(db, last))
    assert len(written) == 1, [t.description for t in written]
    ballot_txn = written[0]
    # No user, no path, no note: neither in the history nor in the undo log.
    assert ballot_txn.user in (b"", "")
    assert ballot_txn.description in (b"", "")
    assert not ballot_txn.extension
    identities = {
        council.users[0],
        council.delegates[0].UID(),
        council.delegates[0].getId(),
    }
    for record in ballot_txn:
        for identity in identities:
            assert identity.encode() not in (record.data or b""), identity
    undo = db.undoLog(0, 5)
    assert all(council.users[0] not in repr(entry) for entry in undo[:1])
    taken = session_for(council.users[0]).get(url(item)).json()
    assert taken["ballot_taken"] is True
    secretary = session_for("thuky").get(url(item)).json()
    assert secretary["no"] is None  # no live counts of a secret ballot
    assert [row["UID"] for row in secretary["ballots_taken"]] == [
        council.delegates[0].UID()
    ]
    assert "votes" not in secretary
    closed = session_for("thuky").post(url(item, "close"), json={}).json()
    assert (closed["yes"], closed["no"]) == (0, 1)


def test_the_sessions_votes_and_their_etag(council, session_for):
    session_url = "/" + "/".join(council.session.getPhysicalPath()[2:]) + "/@votes"
    election = council.election()
    transaction.commit()
    secretary = session_for("thuky")
    response = secretary.get(session_url)
    assert response.status_code == 200
    body = response.json()
    assert [item["kind"] for item in body["items"]] == ["resolution", "election"]
    assert body["quorum"] == {
        "seats": 15,
        "present": 12,
        "needed": 10,
        "share": "2/3",
        "met": True,
    }
    etag = response.headers["ETag"]
    unchanged = secretary.get(session_url, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    secretary.post(url(council.resolution, "open"), json={})
    changed = secretary.get(session_url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    etag = changed.headers["ETag"]
    session_for(council.users[0]).post(url(council.resolution), json={"vote": "yes"})
    assert (
        secretary.get(session_url, headers={"If-None-Match": etag}).status_code == 200
    )
    assert election.UID() in {item["UID"] for item in changed.json()["items"]}


def test_attendance(council, session_for):
    address = "/" + "/".join(council.session.getPhysicalPath()[2:]) + "/@attendance"
    assert session_for().get(address).status_code == 401
    assert session_for(council.users[0]).get(address).status_code in (401, 403)
    secretary = session_for("thuky")
    body = secretary.get(address).json()
    assert len(body["delegates"]) == 15
    assert sum(d["present"] for d in body["delegates"]) == 12
    response = secretary.post(address, json={"present": council.uids(9)})
    assert response.status_code == 200, response.text
    assert response.json()["quorum"]["met"] is False
    response = secretary.post(address, json={"present": ["khong-phai-dai-bieu"]})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "present"
    assert secretary.post(address, json={"present": "all"}).status_code == 400
    assert secretary.post(url(council.resolution, "open"), json={}).status_code == 409
    denied = session_for(council.users[0]).post(address, json={"present": []})
    assert denied.status_code in (401, 403)
    assert secretary.get(address).json()["quorum"]["present"] == 9
