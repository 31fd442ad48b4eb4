"""Upgrade steps of commune_portal:default.

Each profile version that needs existing sites changed gets a function
here and a ``genericsetup:upgradeStep`` (or ``upgradeDepends``) in
``configure.zcml``. Steps must be idempotent, use targeted catalog queries
and log their progress (``each_object``, ``reindex``).
"""

import logging


logger = logging.getLogger(__name__)

PROGRESS_EVERY = 250


def each_object(brains, what):
    """The objects of ``brains`` (unrestricted), with progress in the log
    every 250 items; those that cannot be reached are logged and skipped.
    ``what`` names the items in the log ("official documents")."""
    total = len(brains)
    logger.info("%d %s to update", total, what)
    for number, brain in enumerate(brains, start=1):
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            logger.warning("Cannot reach %s, skipped", brain.getPath())
            continue
        yield obj
        if number % PROGRESS_EVERY == 0:
            logger.info("%d of %d %s updated", number, total, what)
    logger.info("%s updated (%d)", what.capitalize(), total)


def reindex(catalog, idxs, what, **query):
    """Reindex ``idxs`` (those the catalog has; the metadata comes with
    them) of the items ``query`` finds."""
    known = set(catalog.indexes())
    idxs = [name for name in idxs if name in known]
    if not idxs:
        return  # an empty list would reindex everything
    brains = catalog.unrestrictedSearchResults(**query)
    for obj in each_object(brains, what):
        obj.reindexObject(idxs=idxs)
