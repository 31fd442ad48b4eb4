"""``GET <item>/@votes``: the tally of a vote, as the caller may see it
(``voting.box.describe``): status and counts once closed for everyone,
each delegate's named vote for the secretary."""

from commune_portal.voting.box import describe
from plone.restapi.services import Service


class VotesGet(Service):
    def reply(self):
        return describe(self.context)
