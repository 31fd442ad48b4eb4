"""``Directive``: an official document of the commune (văn bản chỉ đạo,
điều hành). Its metadata comes from the behavior
``commune_portal.official_document``; it holds its annexes (phụ lục) as
File items."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IDirective(model.Schema):
    """Schema of ``Directive`` (all fields come from behaviors)."""


@implementer(IDirective)
class Directive(Container):
    """An official document with its annexes."""
