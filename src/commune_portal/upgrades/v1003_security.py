"""Upgrade 1002 -> 1003: what the workflows' role maps grant is narrowed
per item (``commune_portal.workflows.security``): classified items to
their creator, sharing, the board and the leader; the one-stop-shop
officer to procedures and the section of procedures.

Two catalog queries find the items concerned: the classified ones (index
``confidentiality``) and those the one-stop-shop officer may view now
(``allowedRolesAndUsers``), procedures left out. Each gets its role
mappings set again from its workflow and narrowed, then its security is
reindexed when they changed. Idempotent.
"""

from commune_portal import confidentiality
from commune_portal.upgrades import each_object
from commune_portal.workflows.security import PROCEDURE
from commune_portal.workflows.security import refresh
from plone import api


def narrow_existing(setup_tool):
    """Narrow the role mappings of the classified items and of the items
    the one-stop-shop officer may act on today."""
    catalog = api.portal.get_tool("portal_catalog")
    paths = set()
    brains = []
    queries = [{"allowedRolesAndUsers": ["ProcedureOfficer"]}]
    if confidentiality.FIELD in catalog.indexes():
        queries.insert(
            0, {confidentiality.FIELD: list(confidentiality.CLASSIFIED_LEVELS)}
        )
    for query in queries:
        for brain in catalog.unrestrictedSearchResults(**query):
            if brain.portal_type == PROCEDURE or brain.getPath() in paths:
                continue
            paths.add(brain.getPath())
            brains.append(brain)
    # Containers first, so that items acquiring a permission are indexed
    # with their container's.
    brains.sort(key=lambda brain: brain.getPath())
    for obj in each_object(brains, "items whose permissions are narrowed"):
        refresh(obj)
