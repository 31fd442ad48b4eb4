"""``POST <item>/@votes`` and its actions.

- ``POST @votes`` ``{"vote": ...}``: a delegate's named vote (logged in);
  or an anonymous secret ballot ``{"vote": ..., "token": hex,
  "signature": hex}`` (docs/voting.md).
- ``POST @votes/token`` ``{"blinded": hex}``: a delegate's one blind
  signature for a secret ballot → ``{"signature": hex}``.
- ``POST @votes/open``, ``@votes/close``: the secretary.
- ``POST @votes/tally`` (counts entered by the secretary for a vote
  counted by hand: ``{"yes": 9, "no": 2, "abstain": 1}``; elections
  ``{"ballots": 14, "candidates": {"1": 12, ...}}``; votes of confidence
  ``{"ballots": 14, "officials": {"1": {"high": 5, ...}}}``).

Every refusal is a 4xx JSON error with a translated message, raised before
anything is written (``voting.errors.VoteRefused``).
"""

from commune_portal import _
from commune_portal.services.protection import check_write
from commune_portal.voting import box as votes
from commune_portal.voting.errors import VoteRefused
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


ACTIONS = ("open", "close", "tally", "token")


@implementer(IPublishTraverse)
class VotesPost(Service):
    def __init__(self, context, request):
        super().__init__(context, request)
        self.action = None
        self.extra = []

    def publishTraverse(self, request, name):
        if self.action is None:
            self.action = name
        else:
            self.extra.append(name)
        return self

    def reply(self):
        refused = check_write(self)
        if refused is not None:
            return refused
        try:
            return self._reply()
        except VoteRefused as refusal:
            self.request.response.setStatus(refusal.status)
            return refusal.body(self.request)

    def _reply(self):
        if self.extra or (self.action is not None and self.action not in ACTIONS):
            raise VoteRefused(
                404,
                _(
                    "Unknown action. Use @votes, @votes/open, @votes/close, "
                    "@votes/tally or @votes/token."
                ),
            )
        try:
            data = json_body(self.request) if self.request.get("BODY") else {}
        except Exception:
            raise VoteRefused(400, _("Send a JSON object.")) from None
        if not isinstance(data, dict):
            raise VoteRefused(400, _("Send a JSON object."))
        item = self.context
        if self.action == "open":
            votes.open_vote(item)
            return votes.describe(item)
        if self.action == "close":
            votes.close_vote(item)
            return votes.describe(item)
        if self.action == "tally":
            votes.enter_tally(item, data)
            return votes.describe(item)
        if self.action == "token":
            signature = votes.issue_token(item, data.get("blinded"))
            return {"signature": signature}
        if "vote" not in data:
            raise VoteRefused(400, _('Say how you vote: {"vote": "yes"}.'), "vote")
        if "token" in data or "signature" in data:
            changed = votes.cast_secret(
                item, data.get("token"), data.get("signature"), data["vote"]
            )
            # Nothing about the ballot comes back: the browser knows it.
            return {"accepted": True, "changed": changed}
        vote, changed = votes.cast_named(item, data["vote"])
        return {
            "accepted": True,
            "changed": changed,
            "vote": votes._jsonable(vote),
            "status": votes.status_of(item),
        }
