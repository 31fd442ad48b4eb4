"""The catalog entries that follow an item's workflow state.

Shared by the code that sets states without a transition (policy switch,
moves, withdrawing a classified item) and by the indexers of the editorial
work lists (``commune_portal.indexers.workflow``), which build on it.
"""

from plone import api


# The "my work" indexes (``commune_portal.indexers.workflow``).
WORKFLOW_INDEXES = ("workflow_actors", "last_review_action")
# What a new state changes in the catalog: the state and who may view.
STATE_INDEXES = ("review_state", "allowedRolesAndUsers")


def reindex_state(obj):
    """Reindex what depends on the workflow state of ``obj`` (after its
    role mappings were updated): its state, who may view it and the "my
    work" indexes when the catalog has them (not while the add-on is being
    uninstalled)."""
    catalog = api.portal.get_tool("portal_catalog")
    known = set(catalog.indexes())
    work_indexes = [name for name in WORKFLOW_INDEXES if name in known]
    obj.reindexObject(idxs=[*STATE_INDEXES, *work_indexes])
