"""``GET <folder or site>/@directives``: official documents, filtered,
sorted, batched, with facets (CONTRACT.md)."""

from commune_portal.listings.directives import DirectiveListing
from commune_portal.listings.params import bad_request
from commune_portal.listings.params import BadParameter
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import _no_content_marker
from plone.restapi.services import Service
import json


def _iso(day):
    """A ``date`` as plone.restapi writes it (``json_compatible``), without
    the adapter lookup per value: 25 rows, two dates each."""
    return day.isoformat() if day is not None else None


def item(row):
    """A listed document in JSON (CONTRACT.md)."""
    return {
        "@id": row.url,
        "UID": row.uid,
        "@type": row.portal_type,
        "title": row.title,
        "description": row.description,
        "document_number": row.document_number,
        "document_type": (
            {"token": row.document_type, "title": row.document_type_title}
            if row.document_type
            else None
        ),
        "issuing_body": row.issuing_body,
        "issue_date": _iso(row.issue_date),
        "effective_date": _iso(row.effective_date),
        "legal_status": (
            {"token": row.legal_status, "title": row.legal_status_title}
            if row.legal_status
            else None
        ),
        "sectors": list(row.sectors),
        "review_state": row.review_state,
        "file": f"{row.url}/@@download/file" if row.has_file else None,
    }


class DirectivesGet(Service):
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
        listing = DirectiveListing(self.context, self.request)
        try:
            listing.parse().search()
        except BadParameter as error:
            return bad_request(self.request, error.name, error.message)
        # The page is already cut by the catalog; the batch reads its
        # total (``actual_result_count``) and writes the links.
        batch = HypermediaBatch(self.request, listing.brains)
        result = {
            "@id": f"{self.context.absolute_url()}/@directives",
            "items_total": batch.items_total,
            "items": [item(listing.row(brain)) for brain in batch],
        }
        if batch.links:
            result["batching"] = batch.links
        if listing.facets is not None:
            result["facets"] = listing.facets
        return result
