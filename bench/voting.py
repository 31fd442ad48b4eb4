"""Electronic voting: votes accepted per second with 30 delegates voting at
once, through waitress with several threads (docs/voting.md).

Run it from the repository root::

    .venv/bin/python bench/voting.py                 # 30 voters, 4 threads
    .venv/bin/python bench/voting.py --voters 30 --threads 8 --rounds 3
    .venv/bin/python bench/voting.py --smoke         # 10 voters, 1 round

In a fresh database (``bench/results/data-voting/``) the script creates the
benchmark site, a council term with as many seats and delegates as voters
(each linked to a user), a session with everybody present, and per round a
resolution voted by name and one by secret ballot. Each voter is a Python
thread with its own HTTP connection; all start together on a barrier
(``bench/_voters.py``, shared with the tests that check the same):

- named: ``POST @votes {"vote": ...}`` with the delegate's login;
- secret: ``POST @votes/token`` (blinded, logged in), then the ballot
  ``POST @votes`` anonymously (no random delay here: the worst case for
  conflicts).

It then closes each vote and checks that every vote was counted once (the
frozen counts against what the voters sent), and counts the conflict
retries Zope logged. Report: ``bench/results/voting.md`` (also printed).
``--check`` exits with an error when a vote was lost, refused or doubled.
"""

import argparse
import logging
import os
import random
import sys
import threading
import time


HERE = os.path.dirname(
    os.path.abspath(
        globals().get("__file__")
        or next(a for a in sys.argv if os.path.basename(a) == "voting.py")
    )
)
RESULTS = os.path.abspath(
    os.environ.get("BENCH_RESULTS") or os.path.join(HERE, "results")
)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
INSTANCE = os.path.join(RESULTS, "instance")
PASSWORD = "Mat-khau-bench-2026"


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voters", type=int, default=30)
    parser.add_argument("--threads", type=int, default=4, help="waitress threads")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smoke:
        args.voters, args.rounds = 10, 1
    return args


class ConflictCounter:
    """Counts the requests Zope's publisher retried after a ConflictError
    (``HTTPRequest.retry`` is what it calls; it logs nothing)."""

    def __init__(self):
        from ZPublisher.HTTPRequest import HTTPRequest

        self.count = 0
        original = HTTPRequest.retry
        counter = self

        def retry(request):
            counter.count += 1
            return original(request)

        HTTPRequest.retry = retry


def build(app, site, voters):
    from _site import log
    from commune_portal.setuphandlers.structure import create_sections
    from commune_portal.voting.attendance import mark_present
    from plone import api
    from plone.dexterity.utils import createContentInContainer
    import transaction

    if "hdnd" not in site.objectIds():
        create_sections(site)
    section = site["hdnd"]
    term = api.content.create(
        section,
        "CouncilTerm",
        id=f"bench-{int(time.time())}",
        title="Nhiệm kỳ (benchmark)",
        start_year=2026,
        end_year=2031,
        seats=voters,
    )
    users = []
    for index in range(voters):
        user_id = f"bench-daibieu-{index:03d}"
        if api.user.get(userid=user_id) is None:
            api.user.create(
                email=f"{user_id}@example.vn", username=user_id, password=PASSWORD
            )
        api.user.grant_roles(username=user_id, obj=section, roles=["CouncilDelegate"])
        api.content.create(
            term, "Delegate", title=f"Đại biểu {index + 1}", user_id=user_id
        )
        users.append(user_id)
    if api.user.get(userid="bench-thuky") is None:
        api.user.create(
            email="thuky@example.vn", username="bench-thuky", password=PASSWORD
        )
    api.user.grant_roles(
        username="bench-thuky", obj=section, roles=["CouncilSecretary"]
    )
    session = createContentInContainer(term, "CouncilSession", session_number=1)
    for obj in (term, session):
        api.content.transition(obj, "circulate")
    uids = [d.UID() for d in term.objectValues() if d.portal_type == "Delegate"]
    mark_present(session, uids, "bench-thuky")
    transaction.commit()
    log(f"council of {voters} delegates built")
    return session, users


def new_item(session, ballot, number):
    from plone import api
    import transaction

    item = api.content.create(
        session,
        "Resolution",
        title=f"Nghị quyết {number} ({ballot})",
        document_number=f"{number}/NQ-HĐND",
        ballot=ballot,
    )
    api.content.transition(item, "circulate")
    transaction.commit()
    return "/".join(item.getPhysicalPath())


def worker(app, args):
    from _measure import Server
    from _site import get_site
    from _site import log
    from _site import login_manager
    from _voters import Client
    from _voters import Delegate
    from _voters import vote_at_once
    from commune_portal.voting.result import result_of
    import transaction

    login_manager(app)
    site = get_site(app, "bench")
    session, users = build(app, site, args.voters)
    # Server (bench/_measure.py) with several threads instead of one.
    server = Server.__new__(Server)
    from waitress.server import create_server
    from ZPublisher.httpexceptions import main as httpexceptions
    from ZPublisher.WSGIPublisher import publish_module

    server.server = create_server(
        httpexceptions(publish_module), host="127.0.0.1", port=0, threads=args.threads
    )
    server.port = server.server.effective_port
    server.thread = threading.Thread(target=server.server.run, daemon=True)
    server.thread.start()
    counter = ConflictCounter()
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    secretary = Client(server.port, "bench-thuky", PASSWORD)
    delegates = [Delegate(server.port, user, PASSWORD) for user in users]
    rows, problems = [], []
    rng = random.Random(2026)
    number = 0
    for round_ in range(args.rounds):
        for ballot in ("named", "secret"):
            number += 1
            path = new_item(session, ballot, number)
            status, _ = secretary.post(f"{path}/@votes/open", {})
            assert status == 200, status
            choices = [rng.choice(["yes", "no", "abstain"]) for _ in users]
            before = counter.count
            answers, seconds = vote_at_once(delegates, path, ballot, choices)
            statuses = [status for status, _body in answers]
            retries = counter.count - before
            status, closed = secretary.post(f"{path}/@votes/close", {})
            transaction.begin()
            result = result_of(site.unrestrictedTraverse(path))
            expected = {c: choices.count(c) for c in ("yes", "no", "abstain")}
            counted = {c: result[c] for c in ("yes", "no", "abstain")}
            accepted = statuses.count(200)
            if accepted != len(users) or counted != expected:
                problems.append((ballot, number, statuses, counted, expected))
            rows.append(
                (
                    round_ + 1,
                    ballot,
                    len(users),
                    accepted,
                    seconds,
                    len(users) / seconds,
                    retries,
                    counted == expected,
                )
            )
            log(
                f"round {round_ + 1} {ballot}: {accepted}/{len(users)} accepted in "
                f"{seconds:.2f} s ({len(users) / seconds:.1f} votes/s), {retries} conflict "
                f"retries, counts {'right' if counted == expected else 'WRONG'}"
            )
    server.stop()
    report = [
        "# Electronic voting: votes at the same moment",
        "",
        f"{args.voters} delegates, each a thread with its own connection, released together "
        f"on a barrier; waitress with {args.threads} threads in the same process as Zope, "
        "FileStorage. Named: one POST each. Secret: a blind signature (logged in) then "
        "the anonymous ballot, two requests each and no random delay (the worst case). "
        "Votes/s counts votes, not requests.",
        "",
        "| round | ballot | voters | accepted | seconds | votes/s | conflict retries | counts right |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        report.append(
            f"| {row[0]} | {row[1]} | {row[2]} | {row[3]} | {row[4]:.2f} | {row[5]:.1f} | {row[6]} | {'yes' if row[7] else 'NO'} |"
        )
    text = "\n".join(report) + "\n"
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "voting.md"), "w") as handle:
        handle.write(text)
    print(text)
    if args.check and problems:
        print(f"PROBLEMS: {problems}")
        sys.exit(1)


if __name__ == "__main__":
    if "app" in globals():  # zconsole run
        script = next(
            i for i, arg in enumerate(sys.argv) if os.path.basename(arg) == "voting.py"
        )
        worker(app, parse(sys.argv[script + 1 :]))  # noqa: F821
    else:
        from _worker import run_in_fresh_database

        run_in_fresh_database(
            RESULTS, INSTANCE, os.path.join(HERE, "voting.py"), "voting", sys.argv[1:]
        )
