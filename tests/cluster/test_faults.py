"""Faults under traffic (docs/deployment.md, "What survives a fault"):
a Zope process killed with SIGKILL while editors write and while
delegates vote, PostgreSQL restarted while editors write.

Afterwards every acknowledged write and vote is there, once; a write cut
off by the kill is there at most once. ConflictErrors between the
concurrent requests are retried by Zope (``max-conflict-retries``, 3):
none reaches a client as an error.
"""

from .conftest import ADMIN
from .traffic import DEADLINE
from .traffic import Outcomes
from .traffic import run_threads
from .traffic import send
from .traffic import titles_in_catalog
from .traffic import when
from .traffic import write_news
from cluster import request
from collections import Counter
import random
import time


def check_writes(province, prefix, outcomes):
    """Every acknowledged write is there once, through both processes, and
    nothing else was created."""
    for port in (province.a, province.b):
        titles = Counter(titles_in_catalog(port, province.site, prefix))
        doubled = {title: n for title, n in titles.items() if n > 1}
        assert not doubled, f"created more than once: {doubled}"
        missing = set(outcomes.acknowledged) - set(titles)
        assert not missing, f"acknowledged but missing: {sorted(missing)}"
        unexpected = set(titles) - set(outcomes.acknowledged) - outcomes.unknown
        assert not unexpected, f"never sent: {sorted(unexpected)}"
    for title, url in list(outcomes.acknowledged.items())[:10]:
        path = url.split(":", 2)[2].split("/", 1)[1]
        status, item = request(province.a, "GET", f"/{path}", auth=ADMIN)
        assert (status, item["title"]) == (200, title)


def test_kill_a_process_while_editors_write(running):
    outcomes = Outcomes()
    killed = []
    killer = when(
        lambda: outcomes.count_acknowledged() >= 12,
        lambda: killed.append(running.cluster.kill_zope(running.a)),
    )
    write_news([running.a, running.b], running.site, "kill-write", 4, 12, outcomes)
    killer.join()

    assert killed and killed[0], "the process was not killed during the writes"
    print(f"writes: {outcomes.attempts} sent, errors: {outcomes.errors}")
    assert outcomes.errors == []  # conflicts retried, none reached a client
    assert len(outcomes.acknowledged) >= 12 + 4  # B went on after the kill
    running.cluster.start_zopes()  # A comes back on the same database
    check_writes(running, "kill-write", outcomes)


def test_kill_a_process_while_delegates_vote(running):
    council = running.council
    resolution = council["resolutions"][0]
    secretary = (council["secretary"], council["password"])
    status, body = request(
        running.b, "POST", f"{resolution}/@votes/open", {}, auth=secretary
    )
    assert status == 200, body

    rng = random.Random(15)
    delegates = council["delegates"]
    rounds = 3
    choices = {
        user: [rng.choice(["yes", "no", "abstain"]) for _ in range(rounds)]
        for user in delegates
    }
    outcomes = Outcomes()
    started = time.monotonic()
    ports = [running.a, running.b]

    def voter(index):
        user = delegates[index]
        auth = (user, council["password"])
        for round_ in range(rounds):
            vote = choices[user][round_]
            turn = index + round_
            # A vote replaces the delegate's earlier one: sending it again
            # after a cut-off answer is safe, as a person would press again.
            while time.monotonic() - started < DEADLINE:
                with outcomes.lock:
                    outcomes.attempts += 1
                status, body = send(
                    ports, "POST", f"{resolution}/@votes", {"vote": vote}, auth, turn
                )
                with outcomes.lock:
                    if status == 200:
                        outcomes.acknowledged[(user, round_)] = vote
                        break
                    if status is None:
                        outcomes.unknown.add((user, round_))
                    else:
                        outcomes.errors.append((user, status, str(body)[:700]))
                turn += 1

    killed = []
    killer = when(
        lambda: outcomes.count_acknowledged() >= len(delegates),
        lambda: killed.append(running.cluster.kill_zope(running.a)),
    )
    run_threads(voter, len(delegates))
    killer.join()

    assert killed and killed[0], "the process was not killed during the vote"
    assert outcomes.errors == []
    assert len(outcomes.acknowledged) == len(delegates) * rounds
    # Each delegate's vote is the last one they sent, counted once.
    for user in delegates:
        status, mine = request(
            running.b, "GET", f"{resolution}/@votes", auth=(user, council["password"])
        )
        assert status == 200, mine
        assert mine["my_vote"] == choices[user][-1], user
    status, closed = request(
        running.b, "POST", f"{resolution}/@votes/close", {}, auth=secretary
    )
    assert status == 200, closed
    status, result = request(running.b, "GET", f"{resolution}/@votes", auth=secretary)
    expected = Counter(choices[user][-1] for user in delegates)
    assert {key: result[key] for key in ("yes", "no", "abstain")} == {
        key: expected.get(key, 0) for key in ("yes", "no", "abstain")
    }
    assert result["voted"] == len(delegates)
    assert result["status"] == "closed"


def test_restart_postgresql_while_editors_write(running):
    outcomes = Outcomes()
    restarted = []

    def restart():
        running.cluster.restart_postgres("fast")
        restarted.append(time.monotonic())

    restarter = when(lambda: outcomes.count_acknowledged() >= 10, restart)
    write_news(
        [running.a, running.b],
        running.site,
        "pg-restart",
        3,
        12,
        outcomes,
        retry=True,
    )
    restarter.join()

    assert restarted, "PostgreSQL was not restarted during the writes"
    # Both processes lived through it and reconnected by themselves.
    assert running.cluster.zope_pid(running.a) and running.cluster.zope_pid(running.b)
    assert len(outcomes.acknowledged) == 3 * 12
    check_writes(running, "pg-restart", outcomes)
    # The errors clients saw are those of the restart's seconds only: a
    # request after it succeeds at once on either process.
    for port in (running.a, running.b):
        status, body = request(
            port,
            "POST",
            f"/{running.site}/tin-tuc",
            {"@type": "News Item", "title": f"pg-after-{port}"},
            auth=ADMIN,
        )
        assert status == 201, body
    # The bound: errors only while PostgreSQL restarts (an answer at most a
    # few seconds after pg_ctl returned), none later from a stale connection.
    late = [e for e in outcomes.errors if e[3] > restarted[0] + 5]
    assert late == []
    statuses = Counter(error[1] for error in outcomes.errors)
    print(
        f"PostgreSQL restart: {outcomes.attempts} requests, errors {dict(statuses)}, "
        f"{max((e[3] for e in outcomes.errors), default=restarted[0]) - restarted[0]:+.1f} s "
        "from the end of the restart to the last error; "
        + "; ".join(sorted({e[2][:160] for e in outcomes.errors}))
    )
