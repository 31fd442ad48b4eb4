"""The validity window of an official document, and its legal status.

A document's window depends on its own dates and on the *published*
documents that replace or repeal it (``commune_portal.legal_status``).
``OfficialDocumentWithStatus`` is the behavior's factory: the storage
adapter of ``official_document.py`` plus the computed ``legal_status``.
"""

from commune_portal import legal_status
from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.behaviors.official_document import OfficialDocument
from commune_portal.behaviors.relations import incoming
from plone import api


def ended_on(context, exclude=None):
    """The earliest day a *published* document replacing or repealing
    ``context`` takes effect, or ``None``."""
    days = []
    for relation in legal_status.ENDING_RELATIONS:
        for source in incoming(context, relation, exclude=exclude):
            if api.content.get_state(source, default=None) != "published":
                continue
            document = IOfficialDocument(source, None)
            if document is None:
                continue
            day = document.effective_date or document.issue_date
            if day is not None:
                days.append(day)
    return min(days) if days else None


def ending_targets(context):
    """The documents that ``context`` replaces or repeals."""
    document = IOfficialDocument(context)
    targets = []
    for relation in (document.replaces or []) + (document.repeals or []):
        target = getattr(relation, "to_object", None)
        if target is not None:
            targets.append(target)
    return targets


def validity_window(context):
    """``(mode, start, end)`` of a document: see ``commune_portal.legal_status``."""
    document = IOfficialDocument(context)
    return legal_status.window(
        document.issue_date,
        document.effective_date,
        document.expiry_date,
        ended_on=ended_on(context),
        override=document.legal_status_override,
    )


class OfficialDocumentWithStatus(OfficialDocument):
    """The behavior's adapter: stored fields and the legal status today."""

    @property
    def legal_status(self):
        """The status today, from the validity window."""
        return legal_status.status_on(*validity_window(self.context))
