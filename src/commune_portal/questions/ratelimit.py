"""A per-address rate limit for the anonymous forms of citizen questions.

Counts are kept in the memory of the Zope process, per site, purpose
(``submit``, ``lookup``) and client address, over a sliding hour. Nothing
is written to the database: a refused request stores nothing, and a flood
of them cannot grow the database or cause write conflicts. Addresses are
kept only as salted hashes (the address of a person is personal data) and
forgotten after the hour.

The address is the one Zope gives (``request.getClientAddr()``): behind a
proxy, list the proxy in zope.conf's ``trusted-proxy`` so that Zope reads the
visitor's address from ``X-Forwarded-For``; otherwise every visitor shares
the proxy's address. Each Zope process counts on its own: with N instances
behind a load balancer, an address can send up to N times the limit.
"""

from hashlib import blake2b
from plone import api
import os
import threading
import time
import transaction


WINDOW = 3600  # seconds
# Forget the addresses that have been quiet for a window, at most this
# often, so that memory does not grow with the number of visitors.
_SWEEP_EVERY = 300

_SALT = os.urandom(16)


class RateLimiter:
    """Hits per key over a sliding window."""

    def __init__(self, window=WINDOW):
        self.window = window
        self._hits = {}
        self._lock = threading.Lock()
        self._swept = 0.0

    def _recent(self, key, now):
        hits = [t for t in self._hits.get(key, ()) if now - t < self.window]
        if hits:
            self._hits[key] = hits
        else:
            self._hits.pop(key, None)
        return hits

    def _sweep(self, now):
        if now - self._swept < _SWEEP_EVERY:
            return
        self._swept = now
        for key in list(self._hits):
            self._recent(key, now)

    def count(self, key, now=None):
        """Hits of ``key`` within the window."""
        now = time.monotonic() if now is None else now
        with self._lock:
            return len(self._recent(key, now))

    def exceeded(self, key, limit, now=None):
        """Whether ``key`` already has ``limit`` hits within the window."""
        return self.count(key, now) >= limit

    def hit(self, key, now=None):
        now = time.monotonic() if now is None else now
        with self._lock:
            self._sweep(now)
            self._recent(key, now)
            self._hits.setdefault(key, []).append(now)

    def clear(self):
        with self._lock:
            self._hits.clear()


_limiter = RateLimiter()


def key(site, purpose, address):
    """The key of ``address`` for ``purpose`` on ``site`` (a site path)."""
    digest = blake2b((address or "").encode("utf-8"), key=_SALT, digest_size=16)
    return (site, purpose, digest.hexdigest())


def request_key(context, request, purpose):
    """The key of the request's client address for ``purpose`` on the site
    of ``context``."""
    site = "/".join(api.portal.get().getPhysicalPath())
    return key(site, purpose, request.getClientAddr())


def exceeded(request_key_, limit):
    return _limiter.exceeded(request_key_, limit)


def hit(request_key_):
    _limiter.hit(request_key_)


def hit_after_commit(request_key_):
    """Count a hit once the transaction has committed: a submission that
    fails (or is retried after a conflict) counts once, when it is stored."""

    def count(success):
        if success:
            _limiter.hit(request_key_)

    transaction.get().addAfterCommitHook(count)


def clear():
    """Forget every count (tests)."""
    _limiter.clear()
