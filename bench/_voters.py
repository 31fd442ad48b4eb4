"""Delegates voting at the same moment over HTTP, as the voting panel does:
one thread and one connection per delegate, all released together on a
barrier.

Shared by ``bench/voting.py`` (votes per second), the end-to-end test
through the test layer's WSGI server (``tests/voting/test_voters_at_once.py``)
and the one through two Zope processes (``tests/cluster/test_voting.py``).
It needs only the standard library and ``commune_portal.voting.blind``.

- named: ``POST @votes {"vote": ...}`` with the delegate's login;
- secret: ``POST @votes/token`` (the blinded token, logged in), then the
  ballot ``POST @votes`` anonymously; a delegate who votes again on the
  same item sends the same token and signature with the new vote (a
  changed ballot), as the panel keeps them.
"""

from commune_portal.voting import blind
import base64
import http.client
import json
import threading
import time


class Client:
    """One HTTP connection to ``127.0.0.1:port``, as ``user`` (basic
    authentication) or anonymous; JSON in and out."""

    def __init__(self, port, user=None, password=None, timeout=120):
        self.port = port
        self.timeout = timeout
        self.connection = None
        self.headers = {
            "Accept": "application/json",
            "Content-Type": "application/json",
        }
        if user:
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"

    def request(self, method, path, data=None):
        """``(status, body)``, the body decoded from JSON when it is JSON."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=self.timeout
            )
        body = None if data is None else json.dumps(data)
        try:
            self.connection.request(method, path, body, self.headers)
            response = self.connection.getresponse()
            raw = response.read()
        except Exception:
            self.connection.close()
            self.connection = None
            raise
        try:
            return response.status, json.loads(raw or b"null")
        except ValueError:
            return response.status, raw.decode("utf-8", "replace")

    def post(self, path, data):
        return self.request("POST", path, data)

    def get(self, path):
        return self.request("GET", path)


def public_key(client, path):
    """The signing key of the open secret vote at ``path`` (``GET
    @votes``, as the panel reads it)."""
    status, described = client.get(f"{path}/@votes")
    assert status == 200, (status, described)
    return blind.Key(int(described["key"]["n"], 16), int(described["key"]["e"], 16))


class Delegate:
    """One delegate's side of the vote: their login, their connections and,
    per secret vote, the ballot (token and signature) they took."""

    def __init__(self, port, user, password, timeout=120, ballot_port=None):
        self.user = user
        self.client = Client(port, user, password, timeout)
        # A secret ballot may go to another Zope process than its token.
        self.anonymous = Client(ballot_port or port, timeout=timeout)
        self.ballots = {}  # path -> (token, signature)
        self._blinded = None

    def prepare(self, path, ballot, key):
        """What the browser does before the button is pressed: blind a
        fresh token (secret ballot, first vote on ``path``)."""
        self._blinded = None
        if ballot == "secret" and path not in self.ballots:
            token = blind.new_token()
            blinded, r = blind.blind(key, token)
            self._blinded = (key, token, blinded, r)

    def vote(self, path, ballot, choice):
        """Cast ``choice``; ``(status, body)`` of the request that carries
        the vote (or of the refused ballot request)."""
        if ballot == "named":
            return self.client.post(f"{path}/@votes", {"vote": choice})
        if path not in self.ballots:
            key, token, blinded, r = self._blinded
            status, body = self.client.post(
                f"{path}/@votes/token", {"blinded": format(blinded, "x")}
            )
            if status != 200:
                return status, body
            signature = blind.unblind(key, int(body["signature"], 16), r)
            self.ballots[path] = (token, signature)
        token, signature = self.ballots[path]
        return self.anonymous.post(
            f"{path}/@votes",
            {
                "vote": choice,
                "token": token.hex(),
                "signature": format(signature, "x"),
            },
        )


def vote_at_once(delegates, path, ballot, choices, timeout=None):
    """Every delegate in its own thread, released together, casts
    ``choices[i]`` on the vote at ``path``. Returns the answers
    (``(status, body)`` per delegate; ``(None, error)`` for a request that
    failed) and the seconds from release to the last answer. With
    ``timeout``, a thread still waiting after that many seconds is an
    ``AssertionError``."""
    key = public_key(delegates[0].client, path) if ballot == "secret" else None
    # Bounded, so that a voter that failed before the release fails the run.
    barrier = threading.Barrier(len(delegates) + 1, timeout=120)
    answers = [None] * len(delegates)

    def voter(index):
        delegate = delegates[index]
        delegate.prepare(path, ballot, key)
        barrier.wait()
        try:
            answers[index] = delegate.vote(path, ballot, choices[index])
        except Exception as error:  # a refused or cut connection: an answer too
            answers[index] = (None, repr(error))

    threads = [
        threading.Thread(target=voter, args=(i,), daemon=True)
        for i in range(len(delegates))
    ]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a voter hung"
    return answers, time.perf_counter() - started
