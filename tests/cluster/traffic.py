"""Clients of the fault tests: writers and voters in threads, each request
on its own connection, bounded in count and time.

A client behaves as one behind the load balancer: a request whose
connection is refused never reached a process and goes to the other one
(HAProxy's ``retry-on conn-failure``); a request cut off after it was sent
(a process killed under it) was not acknowledged, and whether it landed is
unknown. The outcome of every request is recorded for the assertions.
"""

from cluster import request
import itertools
import threading
import time


DEADLINE = 240  # seconds: no client runs longer, whatever happens


class Outcomes:
    """What the clients saw, shared between their threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = {}  # key -> what the server answered
        self.unknown = set()  # sent, cut off before an answer
        self.errors = []  # (key, status, body): answers that are errors
        self.attempts = 0

    def count_acknowledged(self):
        with self.lock:
            return len(self.acknowledged)


def send(ports, method, path, data, auth, first):
    """Send to ``ports[first]``, to the other port when refused. Returns
    ``(status, body)``, or ``(None, error)`` when the request was cut off
    after it was sent."""
    order = [ports[first % len(ports)], ports[(first + 1) % len(ports)]]
    for port in order:
        try:
            return request(port, method, path, data, auth=auth, timeout=90)
        except ConnectionRefusedError:
            continue  # never reached a process: the next one takes it
        except OSError as error:
            return None, error
    return None, ConnectionRefusedError("no process accepts connections")


def write_news(ports, site, prefix, writers, per_writer, outcomes, retry=False):
    """``writers`` threads each creating ``per_writer`` News Items titled
    ``<prefix>-<writer>-<n>`` in ``/site/tin-tuc``. Without ``retry``, an
    unacknowledged write is left as unknown (sending it again could create
    it twice); with ``retry``, an error answer (the process is alive and
    aborted the transaction) is sent again after a pause."""
    auth = ("admin", "admin")
    started = time.monotonic()

    def writer(index):
        turn = itertools.count(index)
        for number in range(per_writer):
            title = f"{prefix}-{index}-{number}"
            while time.monotonic() - started < DEADLINE:
                with outcomes.lock:
                    outcomes.attempts += 1
                status, body = send(
                    ports,
                    "POST",
                    f"/{site}/tin-tuc",
                    {"@type": "News Item", "title": title},
                    auth,
                    next(turn),
                )
                with outcomes.lock:
                    if status == 201:
                        outcomes.acknowledged[title] = body["@id"]
                        outcomes.unknown.discard(title)
                        break
                    if status is None:
                        outcomes.unknown.add(title)
                        if not retry:
                            break
                    else:
                        outcomes.errors.append(
                            (title, status, str(body)[:700], time.monotonic())
                        )
                        if not retry:
                            break
                time.sleep(0.5)

    run_threads(writer, writers)


def run_threads(target, count):
    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(DEADLINE + 60)
    assert not any(thread.is_alive() for thread in threads), "a client hung"


def when(condition, action, timeout=DEADLINE):
    """Run ``action`` in a thread as soon as ``condition()`` holds."""

    def watch():
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                action()
                return
            time.sleep(0.05)

    thread = threading.Thread(target=watch)
    thread.start()
    return thread


def titles_in_catalog(port, site, prefix):
    """Every News Item of ``/site/tin-tuc`` whose title starts with
    ``prefix``, as the catalog of the process on ``port`` lists them
    (a title twice: created twice)."""
    status, found = request(
        port,
        "GET",
        f"/{site}/@search?portal_type=News%20Item&path.query=/{site}/tin-tuc"
        "&b_size=1000&metadata_fields=Title",
        auth=("admin", "admin"),
    )
    assert status == 200, found
    return [
        item["Title"] for item in found["items"] if item["Title"].startswith(prefix)
    ]
