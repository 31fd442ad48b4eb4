"""The shape every listing endpoint of the add-on shares (``@directives``,
``@procedures``): parameters checked, the query layer of ``listings/``
asked, rows written as JSON items, plone.restapi's batching, facets."""

from commune_portal.listings.params import bad_request
from commune_portal.listings.params import BadParameter
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import _no_content_marker
from plone.restapi.services import Service
import json


def iso(day):
    """A ``date`` as plone.restapi writes it (``json_compatible``), without
    the adapter lookup per value."""
    return day.isoformat() if day is not None else None


class ListingGet(Service):
    """Subclasses set ``listing`` (a class of ``listings/``), ``endpoint``
    (``@directives``) and ``item`` (a function: a row as a JSON item)."""

    listing = None
    endpoint = None
    item = None

    def render(self):
        """As plone.restapi's ``Service.render``, without the indentation:
        Python's C encoder then writes the body, about ten times faster
        than the pure-Python one that ``indent`` needs; the keys stay
        sorted (a public listing is asked often: docs/performance.md)."""
        self.check_permission()
        content = self.reply()
        if content is _no_content_marker:
            return None
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(content, sort_keys=True)

    def reply(self):
        listing = self.listing(self.context, self.request)
        try:
            listing.check_parameters().parse().search()
        except BadParameter as error:
            return bad_request(self.request, error.name, error.message)
        # The page is already cut by the catalog; the batch reads its
        # total (``actual_result_count``) and writes the links.
        batch = HypermediaBatch(self.request, listing.brains)
        result = {
            "@id": f"{self.context.absolute_url()}/{self.endpoint}",
            "items_total": batch.items_total,
            "items": [self.item(listing.row(brain)) for brain in batch],
        }
        if batch.links:
            result["batching"] = batch.links
        if listing.facets is not None:
            result["facets"] = listing.facets
        return result
