"""REST serialization of relation fields on commune sites: only the targets
the caller may view.

plone.restapi serializes every target of a relation field with its title,
URL, UID and state, whether or not the caller may see it: a published
document "based on" a private draft or a classified document would give
their titles away to anonymous visitors. These serializers, more specific
than plone.restapi's (the add-on's browser layer), leave such targets out.
"""

from AccessControl import getSecurityManager
from commune_portal.interfaces import ICommunePortalLayer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.relationfield import RelationChoiceFieldSerializer
from plone.restapi.serializer.relationfield import RelationListFieldSerializer
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import adapter
from zope.interface import implementer


def viewable(relation):
    """Whether the target of ``relation`` exists and the caller may view it."""
    target = getattr(relation, "to_object", None)
    return target is not None and bool(
        getSecurityManager().checkPermission("View", target)
    )


@adapter(IRelationList, IDexterityContent, ICommunePortalLayer)
@implementer(IFieldSerializer)
class ViewableRelationListSerializer(RelationListFieldSerializer):
    def get_value(self, default=None):
        return [
            relation for relation in super().get_value(default) if viewable(relation)
        ]


@adapter(IRelationChoice, IDexterityContent, ICommunePortalLayer)
@implementer(IFieldSerializer)
class ViewableRelationChoiceSerializer(RelationChoiceFieldSerializer):
    def get_value(self, default=None):
        relation = super().get_value(default)
        return relation if relation is None or viewable(relation) else None
