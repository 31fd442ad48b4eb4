"""Upgrade 1002 -> 1003: the add-on's catalog indexers work only in the
catalogs of its sites (``ICommunePortalCatalog``), so that other sites of
the same Zope index their own attributes under names such as ``sectors``.

Until this step marks the site's catalog, the new code indexes the site's
items as any other site's: the items catalogued in that time (edited after
the restart) lack our values. They are found by the title sort key, which
the add-on gives every Dexterity item, and by the validity window that
every official document has in its metadata, and are catalogued again;
nothing else is touched.
"""

from commune_portal import setuphandlers
from commune_portal.upgrades import each_object
from plone import api
from plone.dexterity.interfaces import IDexterityFTI


SORT_INDEX = "sortable_title_vi"


def mark_catalog(setup_tool):
    """Mark the site's catalog, then catalog again the items indexed
    without our indexers. Idempotent; also run first by the steps of older
    versions, whose reindexing needs the indexers."""
    catalog = api.portal.get_tool("portal_catalog")
    setuphandlers.mark_catalog(catalog)
    if SORT_INDEX not in catalog.indexes():
        return  # a site before 1002: the step that adds it indexes everything
    for obj in each_object(unindexed(catalog), "items indexed without the add-on"):
        catalog.catalog_object(obj, "/".join(obj.getPhysicalPath()))


def unindexed(catalog):
    """Brains of the Dexterity items missing from ``sortable_title_vi``
    (catalogued whole), and of the official documents without their
    ``legal_window`` metadata (any partial reindex refreshes metadata)."""
    from commune_portal.behaviors.official_document import OFFICIAL_DOCUMENT_TYPES

    types = [
        fti.getId()
        for fti in api.portal.get_tool("portal_types").objectValues()
        if IDexterityFTI.providedBy(fti)
    ]
    known = catalog._catalog.getIndex(SORT_INDEX)._unindex
    return [
        brain
        for brain in catalog.unrestrictedSearchResults(portal_type=types)
        if brain.getRID() not in known
        or (
            brain.portal_type in OFFICIAL_DOCUMENT_TYPES
            and not getattr(brain, "legal_window", None)
        )
    ]
