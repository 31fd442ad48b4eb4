"""What the add-on keeps on items beside their fields (``IItemState``)."""

from Acquisition import aq_base
from commune_portal.exportimport.interfaces import IItemState
from commune_portal.workflows.guards import LAST_EDITOR
from plone.dexterity.interfaces import IDexterityContent
from zope.component import adapter
from zope.interface import implementer


@implementer(IItemState)
@adapter(IDexterityContent)
class LastEditor:
    """Who last changed the item (the four-eyes rule,
    ``workflows/guards.py``): without it, the import would make the
    importing administrator the last editor of every item."""

    def __init__(self, context):
        self.context = context

    def export(self):
        return getattr(aq_base(self.context), LAST_EDITOR, None) or None

    def restore(self, data):
        if data:
            setattr(self.context, LAST_EDITOR, data)
        elif getattr(aq_base(self.context), LAST_EDITOR, None) is not None:
            # Set by the import's own edit: nobody changed it on this site.
            delattr(self.context, LAST_EDITOR)
