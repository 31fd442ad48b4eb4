"""``POST @copy`` and ``@move`` on commune sites: plone.restapi's, with a
400 instead of a 500 when the target folder does not accept an item's type
(Plone raises ``ValueError`` from ``manage_pasteObjects``), and nothing
copied or moved then, not even the items that would have been accepted."""

from commune_portal import _
from commune_portal.services.protection import check_write
from OFS.CopySupport import CopyError
from plone.restapi.deserializer import json_body
from plone.restapi.services.copymove.copymove import Copy
from plone.restapi.services.copymove.copymove import Move
from zope.i18n import translate
from zope.security import checkPermission
import transaction


class RefusedPaste(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


class AcceptedTypesMixin:
    def refused_types(self):
        """Titles of the types among the sources that the target folder
        does not accept."""
        allowed = {fti.getId() for fti in self.context.allowedContentTypes()}
        try:
            sources = json_body(self.request).get("source") or []
        except Exception:
            return []  # plone.restapi answers a malformed body itself
        if not isinstance(sources, list):
            sources = [sources]
        refused = []
        for source in sources:
            obj = self.get_object(source) if isinstance(source, str) else None
            if obj is not None and obj.portal_type not in allowed:
                title = translate(obj.getTypeInfo().Title(), context=self.request)
                if title not in refused:
                    refused.append(title)
        return refused

    def reply(self):
        refused = check_write(self)
        if refused is not None:
            return refused
        # Who may not add here gets plone.restapi's 401/403 first.
        may_add = checkPermission("cmf.AddPortalContent", self.context)
        refused = self.refused_types() if may_add else []
        if refused:
            return self.bad_request(
                _(
                    "This folder does not accept items of the type ${types}.",
                    mapping={"types": ", ".join(refused)},
                )
            )
        try:
            return super().reply()
        except (ValueError, CopyError) as error:
            # Whatever was pasted before the error is rolled back.
            transaction.doom()
            return self.bad_request(
                _(
                    "The items could not be pasted here: ${reason}",
                    mapping={"reason": str(error)},
                )
            )

    def bad_request(self, message):
        self.request.response.setStatus(400)
        return {
            "error": {
                "type": "BadRequest",
                "message": translate(message, context=self.request),
            }
        }


class CommuneCopy(AcceptedTypesMixin, Copy):
    """``@copy``, refusing types the target does not accept."""


class CommuneMove(AcceptedTypesMixin, Move):
    """``@move``, refusing types the target does not accept."""
