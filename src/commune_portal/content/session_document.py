"""``SessionDocument``: a material of a council session (tờ trình, báo cáo,
báo cáo thẩm tra, dự thảo nghị quyết, giấy mời, chương trình, biên bản).
Its number, issuer, dates and signed file come from the behavior
``commune_portal.official_document``; it is sent to the delegates before
the session (``circulated``) and published for voters after it."""

from commune_portal import _
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


PORTAL_TYPE = "SessionDocument"


class ISessionDocument(model.Schema):
    """Schema of ``SessionDocument`` (the rest comes from behaviors)."""

    material_kind = schema.Choice(
        title=_("Kind of material"),
        vocabulary="commune_portal.vocabularies.MaterialKinds",
        default="submission",
        required=True,
    )


@implementer(ISessionDocument)
class SessionDocument(Item):
    """A material of a council session."""
