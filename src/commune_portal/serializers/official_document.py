"""REST serialization of official documents: Plone's own, plus the
relations in the other direction (``inverse_relations``)."""

from commune_portal.behaviors.official_document import IOfficialDocumentMarker
from commune_portal.behaviors.relations import inverse_relations
from commune_portal.interfaces import ICommunePortalLayer
from plone.dexterity.interfaces import IDexterityContainer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(IOfficialDocumentMarker, ICommunePortalLayer)
class SerializeOfficialDocumentToJson:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, *args, **kwargs):
        base = (
            SerializeFolderToJson
            if IDexterityContainer.providedBy(self.context)
            else SerializeToJson
        )
        result = base(self.context, self.request)(*args, **kwargs)
        result["inverse_relations"] = {
            name: [
                getMultiAdapter((source, self.request), ISerializeToJsonSummary)()
                for source in sources
            ]
            for name, sources in inverse_relations(self.context).items()
        }
        return result
