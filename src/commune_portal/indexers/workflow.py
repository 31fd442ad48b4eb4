"""Catalog indexers for the editorial work lists ("my work").

- ``workflow_actors`` (KeywordIndex): the roles, and the ``user:<id>``
  tokens of users and groups holding such a role locally, that have
  *Review portal content* on the item, the way ``allowedRolesAndUsers``
  does it for viewing. Queried with the tokens of the current user
  (``portal_catalog._listAllowedRolesAndUsers``), it answers "may this
  user review or approve here?" without waking the objects.
- ``last_review_action`` (FieldIndex): the last transition of the item's
  current workflow (``reject`` ...).
- ``last_review`` (metadata): that last entry as a dict (``action``,
  ``actor``, ``comments``, ``review_state``, ``time`` in ISO 8601).

The workflow changes these on every transition, and sharing changes
``workflow_actors``; ``commune_portal.workflows.notifications`` reindexes
them then (``CMFCatalogAware.reindexObjectSecurity`` only refreshes
``allowedRolesAndUsers``).
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from commune_portal.indexers.shared import shared
from commune_portal.interfaces import ICommunePortalCatalog
from commune_portal.interfaces import is_commune_catalog
from commune_portal.workflows import history
from commune_portal.workflows.catalog import WORKFLOW_INDEXES
from plone.indexer import indexer
from Products.CMFCore.CatalogTool import _mergedLocalRoles
from Products.CMFCore.permissions import ReviewPortalContent
from Products.CMFCore.utils import getToolByName
from zope.interface import Interface


def _current_workflow(obj):
    """The object's current workflow, looked up once per ``catalog_object``
    for the three indexers here."""
    return shared(obj, "current_workflow", history.current_workflow)


def _last_entry(obj):
    """``history.last_entry``, once per ``catalog_object`` for the two
    indexers that read it."""
    return shared(obj, "last_entry", _read_last_entry)


def _read_last_entry(obj):
    workflow = _current_workflow(obj)
    if workflow is None:
        return None
    entries = getToolByName(obj, "portal_workflow").getHistoryOf(workflow.getId(), obj)
    return entries[-1] if entries else None


@indexer(Interface, ICommunePortalCatalog)
def workflow_actors(obj):
    if _current_workflow(obj) is None:
        raise AttributeError("no workflow")
    allowed = set(rolesForPermissionOn(ReviewPortalContent, obj))
    try:
        acl_users = getToolByName(obj, "acl_users", None)
        local_roles = acl_users._getAllLocalRoles(obj) if acl_users else {}
    except AttributeError:
        local_roles = _mergedLocalRoles(obj)
    for principal, roles in local_roles.items():
        if allowed.intersection(roles):
            allowed.add(f"user:{principal}")
    # Owner is only ever a local role: its holders are listed as users.
    allowed.discard("Owner")
    return sorted(allowed)


@indexer(Interface, ICommunePortalCatalog)
def last_review_action(obj):
    entry = _last_entry(obj)
    if entry is None:
        raise AttributeError("no workflow history")
    return entry.get("action") or ""


@indexer(Interface, ICommunePortalCatalog)
def last_review(obj):
    record = history.as_record(_last_entry(obj))
    if record is None:
        raise AttributeError("no workflow history")
    return record


def reindex_workflow_indexes(obj, below=False):
    """Refresh our workflow indexes and metadata of ``obj``; with ``below``,
    also ``workflow_actors`` of the items under it (local roles are
    inherited, as ``reindexObjectSecurity`` does for
    ``allowedRolesAndUsers``)."""
    catalog = getToolByName(obj, "portal_catalog", None)
    if not is_commune_catalog(catalog):
        return  # a site without the add-on: its indexes of these names are its own
    known = set(catalog.indexes())
    idxs = [name for name in WORKFLOW_INDEXES if name in known]
    if not idxs:
        return  # a site not upgraded yet
    obj.reindexObject(idxs=idxs)
    if not below or "workflow_actors" not in known:
        return
    if not getattr(obj, "isPrincipiaFolderish", 0):
        return
    path = "/".join(obj.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path=path):
        if brain.getPath() == path:
            continue
        try:
            item = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            continue
        # An index only: the items' metadata records stay as they are.
        catalog.reindexObject(item, idxs=["workflow_actors"], update_metadata=0)


def refresh_after_transition(obj, event):
    """Subscriber of ``IAfterTransitionEvent``: the new state changes who may
    review this item, and its last action. Only the item: our workflows
    never let *Review portal content* be acquired, so the items below do not
    depend on its state. Creation (no transition) is indexed whole anyway."""
    if event.transition is None:
        return
    reindex_workflow_indexes(obj)


def refresh_after_sharing(obj, event):
    """Subscriber of ``ILocalrolesModifiedEvent`` (the sharing page and
    plone.restapi's ``@sharing``): local roles, inherited by the items
    below, decide who may review."""
    reindex_workflow_indexes(obj, below=True)
