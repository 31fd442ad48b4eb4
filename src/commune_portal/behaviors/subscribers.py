"""Keep documents that others replace or repeal true in the catalog.

A document's validity window depends on the *published* documents that
replace or repeal it: when one of those is edited, published, retracted or
deleted, the documents it ends (before and after the change) are
reindexed. Only those few objects are touched.
"""

from commune_portal import _
from commune_portal import document_number
from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.behaviors.official_document import IOfficialDocumentMarker
from commune_portal.behaviors.validity import ending_targets
from commune_portal.interfaces import ICommunePortalLayer
from plone.app.relationfield.event import update_behavior_relations
from plone.rest.interfaces import IAPIRequest
from plone.uuid.interfaces import IUUID
from Products.CMFCore.utils import getToolByName
from Products.statusmessages.interfaces import IStatusMessage
from zope.globalrequest import getRequest
from zope.i18n import translate


LEGAL_INDEXES = ("legal_mode", "legal_start", "legal_end")
# The uids a document ended last time it was saved, to reindex them when it
# stops ending them.
_ENDED = "_commune_portal_ended"


def _reindex(context, uids):
    if not uids:
        # A catalog search would flush the indexing queue for nothing.
        return
    catalog = getToolByName(context, "portal_catalog")
    # Without processing the indexing queue first (as CMF's
    # reindexObjectSecurity): the targets are catalogued already, and a
    # document created in this transaction is indexed whole at commit;
    # processing it here would catalog a new document twice.
    search = getattr(
        catalog, "_unrestrictedSearchResults", catalog.unrestrictedSearchResults
    )
    for brain in search(UID=list(uids)):
        target = brain._unrestrictedGetObject()
        # Metadata (legal_window) is refreshed with any explicit index list.
        target.reindexObject(idxs=LEGAL_INDEXES)


def refresh_ended_documents(context, event=None):
    """Reindex the documents ``context`` replaces or repeals, now or before."""
    now = {IUUID(target) for target in ending_targets(context)}
    before = set(getattr(context, _ENDED, ()))
    if now != before:
        setattr(context, _ENDED, tuple(sorted(now)))
    _reindex(context, now | before)


def propose_type(context, event=None):
    """Fill an empty document type from the number (``15/KH-UBND`` → plan)."""

    document = IOfficialDocument(context)
    if document.document_type or not document.document_number:
        return
    try:
        parsed = document_number.parse(document.document_number)
    except document_number.InvalidDocumentNumber:
        return
    proposed = document_number.propose_type(parsed)
    if proposed:
        document.document_type = proposed
        context.reindexObject(idxs=["document_type"])


def document_saved(context, event):
    propose_type(context)
    refresh_ended_documents(context)


def document_added(event):
    """A new document got its intid: register its relations (Plone does it
    for behavior fields only when an object is modified, not when a form or
    REST creates it), then as on every save."""
    context = event.object
    if not IOfficialDocumentMarker.providedBy(context):
        return
    update_behavior_relations(context, event)
    document_saved(context, event)


def document_removed(context, event):
    """A deleted document no longer ends anything."""
    uids = {IUUID(t) for t in ending_targets(context)} | set(
        getattr(context, _ENDED, ())
    )
    if uids:
        # The relation catalog may still list the deleted document's relations.
        context._v_commune_portal_removed = True
        _reindex(context, uids)


def forget_number_of_copy(context, event):
    """Subscriber of ``IObjectCopiedEvent`` (Classic UI paste, REST
    ``@copy``, ``api.content.copy``): the copy is a new draft, not the same
    document, so it does not keep the number, which would be a duplicate
    and block every edit of both documents. Editors of Classic UI are told
    so."""
    document = IOfficialDocument(context)
    number = document.document_number
    if not number:
        return
    document.document_number = None
    request = getRequest()
    if (
        request is None
        or IAPIRequest.providedBy(request)
        or not ICommunePortalLayer.providedBy(request)
    ):
        return
    message = _(
        "The copy “${title}” has no number and symbol: the number ${number} "
        "stays with the original. Give the copy its own number before it is "
        "published.",
        mapping={"title": context.Title(), "number": number},
    )
    IStatusMessage(request).add(translate(message, context=request), type="warning")
