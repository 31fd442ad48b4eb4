"""``GET <folder or site>/@directives``: official documents, filtered,
sorted, batched, with facets (CONTRACT.md)."""

from commune_portal.listings.directives import DirectiveListing
from commune_portal.listings.params import BadParameter
from plone.restapi.services import Service
from zope.i18n import translate


class DirectivesGet(Service):
    def reply(self):
        listing = DirectiveListing(self.context, self.request)
        try:
            listing.parse().search()
        except BadParameter as error:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "parameter": error.name,
                    "message": translate(error.message, context=self.request),
                }
            }
        result = {
            "@id": f"{self.context.absolute_url()}/@directives",
            "items_total": listing.total,
            "items": [listing.item(brain) for brain in listing.brains],
        }
        batching = listing.batching()
        if batching:
            result["batching"] = batching
        if listing.facets is not None:
            result["facets"] = listing.facets
        return result
