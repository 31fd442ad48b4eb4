"""The add-on's exporters and importers in plone.exportimport's sequence.

plone.exportimport's main ``IExporter`` and ``IImporter`` adapters of a
site look their named exporters and importers up by fixed lists of names.
These subclasses, registered for the site's class (more specific than
plone.exportimport's registration for ``IPloneSiteRoot``), put the add-on's
in the list, on sites where it is installed only:

- export: plone.exportimport's exporters, then ``commune_portal.exporter``
  (``commune_portal.json``); the content exporter's data hook adds what the
  add-on keeps on each item beside its fields (``values.export_item_state``);
- import: principals, then ``commune_portal.importer.settings`` (before the
  content), plone.exportimport's content ... ``final`` importers, then
  ``commune_portal.importer.rebuild``; the content importer gets the hooks
  that set each folder's workflow policy before its items and keep every
  value of the lists (``settings.py``, ``values.py``).

Elsewhere both answer exactly what plone.exportimport's own answer.
"""

from commune_portal.exportimport import is_commune_site
from commune_portal.exportimport.report import ImportReport
from plone.exportimport import interfaces
from plone.exportimport.exporters import Exporter
from plone.exportimport.importers import Importer
from zope.component import queryAdapter


EXPORTER = "commune_portal.exporter"
SETTINGS_IMPORTER = "commune_portal.importer.settings"
REBUILD_IMPORTER = "commune_portal.importer.rebuild"

CONTENT_EXPORTER = "plone.exporter.content"
CONTENT_IMPORTER = "plone.importer.content"
# Ours come right after these (principals: the users named in the settings
# and local roles exist first).
SETTINGS_AFTER = "plone.importer.principals"


class CommuneExporter(Exporter):
    """plone.exportimport's exporter, with the add-on's settings and the
    content's extra data on commune sites."""

    def all_exporters(self):
        exporters = super().all_exporters()
        if not is_commune_site(self.site):
            return exporters
        from commune_portal.exportimport.values import export_item_state

        content = exporters.get(CONTENT_EXPORTER)
        if content is not None:
            content.data_hooks = [*(content.data_hooks or []), export_item_state]
        ours = queryAdapter(self.site, interfaces.INamedExporter, name=EXPORTER)
        if ours is not None:
            exporters[EXPORTER] = ours
        return exporters


class CommuneImporter(Importer):
    """plone.exportimport's importer, with the add-on's settings first and
    its rebuild last on commune sites."""

    report = None

    def all_importers(self):
        importers = super().all_importers()
        if not is_commune_site(self.site):
            return importers
        settings = queryAdapter(
            self.site, interfaces.INamedImporter, name=SETTINGS_IMPORTER
        )
        rebuild = queryAdapter(
            self.site, interfaces.INamedImporter, name=REBUILD_IMPORTER
        )
        report = self.report = ImportReport()
        ordered = {}
        if settings is not None:
            settings.report = report
            if SETTINGS_AFTER in importers:
                ordered[SETTINGS_AFTER] = importers.pop(SETTINGS_AFTER)
            ordered[SETTINGS_IMPORTER] = settings
        ordered.update(importers)
        if rebuild is not None:
            rebuild.report = report
            ordered[REBUILD_IMPORTER] = rebuild
        content = ordered.get(CONTENT_IMPORTER)
        if content is not None:
            from commune_portal.exportimport.values import ValueKeeper

            keeper = ValueKeeper(report, content_importer=content)
            hooks = [keeper.keep_values]
            if settings is not None:
                hooks.insert(0, settings.place_policy)
            content.pre_deserialize_hooks = [
                *(content.pre_deserialize_hooks or []),
                *hooks,
            ]
            content.obj_hooks = [*(content.obj_hooks or []), keeper.imported]
            if rebuild is not None:
                rebuild.content_importer = content
        return ordered
