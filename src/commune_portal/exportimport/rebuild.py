"""After an import: what the add-on derives from the content, made true.

plone.exportimport sets an item's state by *replacing* its workflow
history (no transition: no role mappings, no reindex), its local roles
without an event, and the relations after all the content, straight into
the relation fields (no edit event). What the add-on derives from those
is then stale:

- the role mappings of each item, and their narrowing for classified items
  and roles bound to a kind of content (``workflows/security.py``): the
  anonymous view would follow the state the item had during the import,
  not its exported state; and the Owner role the import gives the
  importing user on every item it creates;
- the catalog's ``review_state`` and ``allowedRolesAndUsers``;
- the work lists (``workflow_actors``, ``last_review_action`` and the
  ``last_review`` metadata: ``indexers/workflow.py``), from the history and
  the local roles;
- the validity window of official documents (``legal_mode``,
  ``legal_start``, ``legal_end``, ``legal_window``: ``indexers/
  official_document.py``), which depends on the published documents that
  replace or repeal them, and the "ended by" marker each such document
  keeps (``behaviors/subscribers.py``) to reindex what it stops ending
  after a later edit; the procedures' ``legal_basis_end``, which depends on
  those windows;
- a classified item the export has in a disclosing state (a tampered or
  older export) is withdrawn (``workflows/classified.py``);
- what the add-on keeps beside the fields that the import of other items
  changes (``IItemState`` adapters with ``after_content``: a term's grants
  to its delegates, ``council.py``) is restored from the export;
- the catalog's metadata read from annotations restored after the item
  was catalogued (a closed vote's ``vote_result``) comes with the reindex;
- the numbering of citizens' questions continues after the highest code
  of the site's questions (``questions.py``).

``RebuildImporter`` runs last, over the items the content import created or
updated, in path order (containers first): first their states and
security, then their derived data and one reindex of those indexes each,
with progress in the log. Items whose values were completed after the
deserializer are catalogued whole. Nothing else of the site is touched.
"""

from commune_portal import confidentiality
from commune_portal.behaviors.official_document import IOfficialDocumentMarker
from commune_portal.behaviors.subscribers import LEGAL_INDEXES
from commune_portal.behaviors.subscribers import refresh_ended_documents
from commune_portal.exportimport.interfaces import IItemState
from commune_portal.exportimport.questions import highest_codes
from commune_portal.exportimport.questions import raise_sequence
from commune_portal.exportimport.report import ImportReport
from commune_portal.exportimport.report import logger
from commune_portal.exportimport.settings import site_path
from commune_portal.workflows.catalog import STATE_INDEXES
from commune_portal.workflows.catalog import WORKFLOW_INDEXES
from commune_portal.workflows.classified import IMPORTED
from commune_portal.workflows.classified import withdraw
from commune_portal.workflows.security import narrow
from plone import api
from plone.exportimport.importers.base import BaseDatalessImporter
from plone.exportimport.interfaces import IExportImportRequestMarker
from plone.exportimport.utils import request_provides
from plone.exportimport.utils.content import get_deserializer
from Products.CMFCore.indexing import processQueue
from zope.component import queryAdapter
import copy


# The catalog entries derived from what the import sets after an item is
# catalogued (the metadata columns come with any of them).
DERIVED_INDEXES = (
    *STATE_INDEXES,
    *WORKFLOW_INDEXES,
    *LEGAL_INDEXES,
    # Procedures: the first day their legal basis is no longer in force.
    "legal_basis_end",
)
PROGRESS_EVERY = 200


def update_security(obj):
    """Set the role mappings of ``obj`` from the state of each of its
    workflows, narrowed as the add-on's rules say (no reindex)."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow in workflow_tool.getWorkflowsFor(obj):
        workflow.updateRoleMappingsFor(obj)
    # With the technical roles of Reader and Editor given on the item.
    narrow(obj)


def own_roles_only(obj, importer_id, exported):
    """The importing user holds on ``obj`` the local roles the export gives
    them, no more: creating the item made them its Owner, which would let
    them edit every draft and count them as the author of every item (the
    four-eyes rule). ``exported``: the item's exported local roles."""
    held = obj.get_local_roles_for_userid(importer_id)
    wanted = (exported or {}).get(importer_id)
    if wanted:
        if sorted(held) != sorted(wanted):
            obj.manage_setLocalRoles(importer_id, list(wanted))
    elif held:
        obj.manage_delLocalRoles([importer_id])


class RebuildImporter(BaseDatalessImporter):
    """The last importer: the add-on's derived state of the imported items."""

    name = "commune_portal_rebuild"
    report = None
    # The content importer of the same import (``pipeline.py``): its list of
    # the items it could not fully deserialize.
    content_importer = None

    def __init__(self, site):
        super().__init__(site)
        self.report = ImportReport()

    def paths(self):
        """The imported items, containers first; every item of the site
        when the importer runs alone (without the content importer it
        follows: ``pipeline.py``)."""
        portal = api.portal.get()
        root = "/".join(portal.getPhysicalPath())
        if self.content_importer is None:
            catalog = api.portal.get_tool("portal_catalog")
            return sorted(
                brain.getPath()
                for brain in catalog.unrestrictedSearchResults(path=root)
                if brain.getPath().startswith(f"{root}/")
            )
        return sorted({f"{root}{path}" for path in self.report.imported if path != "/"})

    def objects(self, paths, what):
        portal = api.portal.get()
        total = len(paths)
        for number, path in enumerate(paths, start=1):
            obj = portal.unrestrictedTraverse(path, None)
            if obj is None:
                logger.warning("%s: not found, skipped", path)
                continue
            yield obj
            if number % PROGRESS_EVERY == 0 or number == total:
                logger.info("Commune portal, %s: %d of %d items", what, number, total)
            if not number % self.savepoint_after:
                self._savepoint()

    def do_import(self):
        self.complete_deferred()
        # Items of the import not catalogued yet would be indexed after us.
        processQueue()
        paths = self.paths()
        catalog = api.portal.get_tool("portal_catalog")
        known = set(catalog.indexes())
        idxs = [name for name in DERIVED_INDEXES if name in known]
        whole = self._catalogued_whole()

        # Only behind the content import: then its export says who holds
        # which local roles.
        importer_id = api.user.get_current().getId() if self.content_importer else None
        exported_roles = self._exported_local_roles()
        for obj in self.objects(paths, "security and state"):
            path = site_path(obj)
            self.restore_later(obj, self.report.later.get(path))
            if importer_id:
                own_roles_only(obj, importer_id, exported_roles.get(obj.UID()))
            update_security(obj)
            if confidentiality.exposed(obj):
                withdraw(obj, IMPORTED)
                self.report.exposed.add(path)
            if path in self.report.exposed and not confidentiality.exposed(obj):
                self.report.withdrew(path)

        count = 0
        for obj in self.objects(paths, "derived data and catalog"):
            if IOfficialDocumentMarker.providedBy(obj):
                # The marker of what it ends (its targets are reindexed).
                refresh_ended_documents(obj)
            if site_path(obj) in whole:
                obj.reindexObject()
            else:
                obj.reindexObject(idxs=idxs)
            count += 1
        processQueue()
        raise_sequence(highest_codes())
        self._commit(f"Commune portal: rebuilt {count} items")
        report = self.report.rebuild_lines(count)
        logger.info(report[0])
        return "\n".join(report)

    @staticmethod
    def restore_later(obj, state):
        """Restore the ``IItemState`` adapters of ``obj`` that wait for all
        the content (``after_content``) from their exported ``state``."""
        for name, data in sorted((state or {}).items()):
            carrier = queryAdapter(obj, IItemState, name=name)
            if carrier is not None:
                carrier.restore(data)

    def complete_deferred(self):
        """Deserialize again, now that all the content is there, the fields
        the content import refused (a field naming items imported after
        its own: an agenda naming the session's papers); those set are no
        longer listed as imported with errors."""
        if not self.report.deferred:
            return
        portal = api.portal.get()
        incomplete = getattr(self.content_importer, "incomplete", None)
        with request_provides(self.request, IExportImportRequestMarker):
            for path, data in sorted(self.report.deferred.items()):
                obj = portal.unrestrictedTraverse(path.lstrip("/"), None)
                if obj is None or not data:
                    continue
                try:
                    get_deserializer(obj, self.request)(
                        data=copy.deepcopy(data), validate_all=False
                    )
                except Exception as error:  # noqa: BLE001 - reported, not fatal
                    logger.warning(
                        "%s: %s still refused: %s", path, sorted(data), error
                    )
                    continue
                self.report.completed_after(path, data)
                if incomplete is not None:
                    incomplete.pop(path, None)

    def _exported_local_roles(self):
        """``{uid: {principal: roles}}`` of the export (plone.exportimport's
        content metadata)."""
        metadata = getattr(self.content_importer, "metadata", None)
        if metadata is None:
            return {}
        return {
            uid: (value or {}).get("local_roles") or {}
            for uid, value in (metadata.local_roles or {}).items()
        }

    def _catalogued_whole(self):
        """Paths of the items to catalog whole: completed after the
        deserializer, or imported with errors."""
        whole = set(self.report.completed)
        incomplete = getattr(self.content_importer, "incomplete", None) or {}
        whole.update(
            path if path.startswith("/") else f"/{path}" for path in incomplete
        )
        return whole
