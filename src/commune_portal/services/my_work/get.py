"""``GET <site or folder>/@my-work``: the editorial work lists of the
caller, each with ``items_total`` and batched like plone.restapi
(``b_start``, ``b_size``, ``batching``); ``@my-work/<list>`` for one list
(``to_review``, ``to_approve``, ``rejected``). Anonymous callers get 401."""

from commune_portal.listings.params import BadParameter
from commune_portal.workflows.worklists import LISTS
from commune_portal.workflows.worklists import MyWorkListing
from plone import api
from plone.restapi.services import Service
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class MyWorkGet(Service):
    def __init__(self, context, request):
        super().__init__(context, request)
        self.name = None

    def publishTraverse(self, request, name):
        if self.name is not None or name not in LISTS:
            raise NotFound(name)
        self.name = name
        return self

    def reply(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your work.")
        listing = MyWorkListing(self.context, self.request, self.name)
        try:
            listing.parse()
        except BadParameter as error:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "parameter": error.name,
                    "message": translate(error.message, context=self.request),
                }
            }
        return listing.reply()
