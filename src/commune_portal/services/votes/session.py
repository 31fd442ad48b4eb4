"""``GET <session>/@votes``: the votes of a session (resolutions,
elections, votes of confidence the caller can see), for the results board
and the voting panel, which poll it: an ``ETag`` changes with every
accepted vote and change of state, and a request with that ``If-None-Match``
is answered ``304 Not Modified`` without a body."""

from commune_portal.voting.attendance import quorum
from commune_portal.voting.box import describe
from commune_portal.voting.box import version_of
from commune_portal.voting.interfaces import IVotable
from plone import api
from plone.restapi.services import _no_content_marker
from plone.restapi.services import Service
import hashlib


def votable_items(session):
    """The votable items of ``session`` the current user can see, in
    folder order."""
    return [
        item
        for item in session.objectValues()
        if IVotable.providedBy(item) and api.user.has_permission("View", obj=item)
    ]


def session_etag(session, items):
    """The ETag of what the current user sees of the session's votes."""
    user = "" if api.user.is_anonymous() else api.user.get_current().getId()
    parts = [user, str(quorum(session)["present"])]
    parts += [f"{item.UID()}:{version_of(item)}" for item in items]
    return '"' + hashlib.sha256("|".join(parts).encode()).hexdigest()[:20] + '"'


class SessionVotesGet(Service):
    def reply(self):
        session = self.context
        items = votable_items(session)
        etag = session_etag(session, items)
        response = self.request.response
        response.setHeader("ETag", etag)
        # Each client revalidates every time: the board polls.
        response.setHeader("Cache-Control", "private, no-cache")
        if etag in (self.request.getHeader("If-None-Match") or "").split(", "):
            response.setStatus(304)
            return _no_content_marker
        return {
            "@id": f"{session.absolute_url()}/@votes",
            "title": session.Title(),
            "quorum": quorum(session),
            "items": [describe(item, with_quorum=False) for item in items],
        }
