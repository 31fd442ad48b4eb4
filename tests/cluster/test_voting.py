"""Thirty delegates voting at the same moment through two Zope processes on
one RelStorage database (issue 12, item 7), nothing killed: every delegate
in its own thread and connection, released together on a barrier
(``bench/_voters.py``), half of them on each process; then all of them
change their vote at once. A secret ballot takes its blind signature from
one process and is cast on the other.

Every vote is acknowledged (200: ConflictErrors between the processes are
resolved by the vote box's structures or retried by Zope, never shown),
and after closing each delegate's last vote is counted once, as both
processes read it. Bounded: every request times out, every round has a
deadline.
"""

from .conftest import REPOSITORY
from .traffic import DEADLINE
from cluster import request
from collections import Counter
import pytest
import sys


sys.path.insert(0, str(REPOSITORY / "bench"))

from _voters import Delegate  # noqa: E402
from _voters import vote_at_once  # noqa: E402


VALUES = ("yes", "no", "abstain")
RESOLUTION = {"named": 1, "secret": 2}  # index in council["resolutions"]


def expected(choices):
    found = Counter(choices)
    return {value: found.get(value, 0) for value in VALUES}


def at_once(delegates, resolution, ballot, choices):
    """One round; every vote acknowledged."""
    answers, _seconds = vote_at_once(
        delegates, resolution, ballot, choices, timeout=DEADLINE
    )
    errors = [
        (delegate.user, answer)
        for delegate, answer in zip(delegates, answers, strict=True)
        if answer[0] != 200
    ]
    assert errors == []
    return [body for _status, body in answers]


@pytest.mark.parametrize("ballot", ["named", "secret"])
def test_thirty_delegates_vote_at_once_on_two_processes(running, ballot):
    council = running.council
    users = council["delegates"]
    assert len(users) == 30
    password = council["password"]
    secretary = (council["secretary"], password)
    resolution = council["resolutions"][RESOLUTION[ballot]]
    status, body = request(
        running.a, "POST", f"{resolution}/@votes/open", {}, auth=secretary
    )
    assert status == 200, body
    assert body["ballot"] == ballot

    ports = [running.a, running.b]
    delegates = [
        Delegate(
            ports[index % 2],
            user,
            password,
            timeout=90,
            ballot_port=ports[(index + 1) % 2],
        )
        for index, user in enumerate(users)
    ]
    first = [VALUES[index % 3] for index in range(len(users))]
    last = [VALUES[(index + 1 + index // 3 % 2) % 3] for index in range(len(users))]
    bodies = at_once(delegates, resolution, ballot, first)
    assert [body["changed"] for body in bodies] == [False] * len(users)
    bodies = at_once(delegates, resolution, ballot, last)
    assert [body["changed"] for body in bodies] == [True] * len(users)

    if ballot == "named":
        # Each delegate's two votes, in order, once each, read on the
        # process they did not vote on.
        for index, user in enumerate(users):
            status, mine = request(
                ports[(index + 1) % 2],
                "GET",
                f"{resolution}/@votes",
                auth=(user, password),
            )
            assert (status, mine["my_vote"]) == (200, last[index]), user
        status, live = request(running.a, "GET", f"{resolution}/@votes", auth=secretary)
        assert status == 200, live
        histories = {
            row["history"][0]["user"]: [h["vote"] for h in row["history"]]
            for row in live["votes"]
        }
        assert len(live["votes"]) == len(users)
        assert histories == {
            user: [first[index], last[index]] for index, user in enumerate(users)
        }
    else:
        status, live = request(running.a, "GET", f"{resolution}/@votes", auth=secretary)
        assert status == 200, live
        assert len(live["ballots_taken"]) == len(users)
        assert len({row["UID"] for row in live["ballots_taken"]}) == len(users)

    status, closed = request(
        running.b, "POST", f"{resolution}/@votes/close", {}, auth=secretary
    )
    assert status == 200, closed
    for port in ports:
        status, result = request(port, "GET", f"{resolution}/@votes", auth=secretary)
        assert status == 200, result
        assert result["status"] == "closed"
        assert {value: result[value] for value in VALUES} == expected(last)
        assert (result["voted"], result["ballots_cast"]) == (30, 30)
