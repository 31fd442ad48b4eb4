"""``getObjSize`` of the add-on's official documents and procedures.

Plone's ``getObjSize`` (``Products.CMFPlone.CatalogTool``) asks dexterity's
``getSize``, which reads the value of every field of every schema to add up
those with a ``getSize`` (a file, rich text). This one gives the same
human-readable size without reading the fields that cannot hold a sized
value: for an official document Plone's would read ``legal_status`` too (a
query of the relation catalog per reindex), for a procedure its fourteen
fields and their rows (a third of a millisecond per procedure imported,
bench/procedures.py). Registered in our catalogs only.
"""

from commune_portal.behaviors.official_document import IOfficialDocumentMarker
from commune_portal.content.procedure import IProcedure
from commune_portal.interfaces import ICommunePortalCatalog
from plone.base.utils import human_readable_size
from plone.dexterity.utils import iterSchemata
from plone.indexer import indexer
from zope.schema import Bool
from zope.schema import Bytes
from zope.schema import Choice
from zope.schema import Collection
from zope.schema import Date
from zope.schema import Datetime
from zope.schema import Decimal
from zope.schema import Dict
from zope.schema import Float
from zope.schema import getFieldsInOrder
from zope.schema import Int
from zope.schema import Text


# Fields whose values are strings, numbers, dates, tokens or lists: never
# an object with ``getSize``.
_SIZELESS_FIELDS = (
    Bool,
    Bytes,
    Choice,
    Collection,
    Date,
    Datetime,
    Decimal,
    Dict,
    Float,
    Int,
    Text,
)


def sized_fields_total(obj):
    """The sum of ``getSize()`` of the field values of ``obj`` that have one,
    as dexterity's ``getSize`` adds them up."""
    size = 0
    for schema in iterSchemata(obj):
        adapter = None
        for name, field in getFieldsInOrder(schema):
            if isinstance(field, _SIZELESS_FIELDS):
                continue
            if adapter is None:
                adapter = schema(obj)
            value = getattr(adapter, name, None)
            if hasattr(value, "getSize"):
                size += value.getSize()
    return size


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def document_size(obj):
    return human_readable_size(sized_fields_total(obj))


@indexer(IProcedure, ICommunePortalCatalog)
def procedure_size(obj):
    return human_readable_size(sized_fields_total(obj))
