"""Moving a commune site with plone.exportimport (plone-exporter,
plone-importer, ``@export`` / ``@import``), without losing what the add-on
keeps beside the content.

plone.exportimport exports and imports content (fields, files, workflow
history, local roles), principals, relations and a few more things, each
with a named exporter or importer. It finds them by the fixed lists of
names of its main components (``EXPORTER_NAMES``, ``IMPORTER_NAMES`` in
``plone.exportimport.exporters`` and ``.importers``): an add-on adds its
own by providing the main component for the site, a subclass that puts its
named ones in the list, in their place (``pipeline.py``). On a site without
commune_portal those subclasses answer exactly what plone.exportimport's
own components answer.

What the add-on adds, in this order:

1. export: ``settings.py`` writes ``commune_portal.json`` (the registry
   records ``commune_portal.*`` of the control panel and the placeful
   workflow policies of every folder); each item's data gets what the
   add-on keeps on it beside its fields (``IItemState`` adapters,
   ``interfaces.py``, ``state.py``: its last editor);
2. import, before the content: ``settings.py`` applies the records; the
   policies are set on each folder as soon as the content import creates
   it, before its items, so that every item gets the workflow it had;
3. import, during the content: ``values.py`` adds to the control panel's
   lists the entries an item holds that the lists lack, keeps the values
   of fixed lists as the item's own, sets each item's state from its
   exported history alone (no transitions) and gives the ``IItemState``
   adapters their data back; ``classified.py`` remembers the items to
   check when the import commits;
4. import, last: ``rebuild.py`` updates in one pass the security, the
   state in the catalog, the legal-status bookkeeping and the work lists
   of the imported items, and withdraws any classified item the export had
   in a disclosing state; ``report.py`` collects what the import changed
   and says it in the importer's report.

Registered only where plone.exportimport is installed (``configure.zcml``).
"""

from commune_portal.interfaces import is_commune_catalog
from zope.globalrequest import getRequest


def is_commune_site(site):
    """Whether commune_portal is installed on ``site`` (its catalog is
    marked at install)."""
    return is_commune_catalog(getattr(site, "portal_catalog", None))


def importing(request=None):
    """Whether the current request is a plone.exportimport content import
    (or export): plone.exportimport marks the request while it works."""
    try:
        from plone.exportimport.interfaces import IExportImportRequestMarker
    except ImportError:  # pragma: no cover - plone.exportimport is optional
        return False
    request = request if request is not None else getRequest()
    return request is not None and IExportImportRequestMarker.providedBy(request)


def import_file(field, context, request, value):
    """A file field's value in a plone.exportimport import: the exported
    blob, read by plone.exportimport's deserializer. The add-on's own file
    deserializer (``deserializers/``, for the browser layer) hands over to
    it, since a request of an ``@import`` has both."""
    from plone.exportimport.deserializers.blob import ExportImportNamedFieldDeserializer

    return ExportImportNamedFieldDeserializer(field, context, request)(value)
