"""``GET <site or folder>/@my-work``: the editorial work lists of the
caller, each with ``items_total`` and batched like plone.restapi
(``b_start``, ``b_size``, ``batching``); ``@my-work/<list>`` for one list
(``to_review``, ``to_approve``, ``rejected``). Anonymous callers get 401."""

from commune_portal.listings import params
from commune_portal.workflows.worklists import LISTS
from commune_portal.workflows.worklists import MyWork
from plone import api
from plone.restapi.batching import HypermediaBatch
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


MAX_BATCH_SIZE = 200


class ListBatch(HypermediaBatch):
    """plone.restapi's batch, with links to the list's own address: on
    ``@my-work`` each of the three lists pages on ``@my-work/<list>``."""

    def __init__(self, request, results, url):
        super().__init__(request, results)
        self.url = url

    def _with_url(self, url):
        # HypermediaBatch builds its links from ACTUAL_URL.
        actual = self.request["ACTUAL_URL"]
        self.request["ACTUAL_URL"] = self.url
        try:
            return url()
        finally:
            self.request["ACTUAL_URL"] = actual

    @property
    def links(self):
        return self._with_url(lambda: HypermediaBatch.links.fget(self))


def item(entry):
    """An entry of ``MyWork.entry`` in JSON."""
    last = entry["last_action"]
    return {
        "@id": entry["url"],
        "@type": entry["portal_type"],
        "UID": entry["uid"],
        "title": entry["title"],
        "description": entry["description"],
        "review_state": entry["review_state"],
        "modified": json_compatible(entry["modified"]),
        "creator": entry["creator"],
        "last_action": {**last, "time": json_compatible(last["time"])}
        if last
        else None,
    }


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
        form = self.request.form
        try:
            params.integer(form, "b_start", 0, 0, 10**9)
            params.integer(form, "b_size", 25, 1, MAX_BATCH_SIZE)
        except params.BadParameter as error:
            return params.bad_request(self.request, error.name, error.message)
        work = MyWork(self.context, self.request)
        url = f"{self.context.absolute_url()}/@my-work"
        if self.name:
            return self.one(work, self.name, f"{url}/{self.name}")
        return {
            "@id": url,
            **{name: self.one(work, name, f"{url}/{name}") for name in LISTS},
        }

    def one(self, work, name, url):
        batch = ListBatch(self.request, work.search(name), url)
        result = {
            "@id": url,
            "title": translate(LISTS[name], context=self.request),
            "items_total": batch.items_total,
            "items": [item(work.entry(brain)) for brain in batch],
        }
        links = batch.links
        if links:
            result["batching"] = links
        return result
