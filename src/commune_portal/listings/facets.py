"""Facet counts over a whole catalog result, without loading any brain.

The result's record ids are intersected with the postings of an index,
the way ZCatalog itself combines indexes.
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection  # noqa: F401 (used by listings)


def result_ids(results):
    """The record ids of an unsorted, unbatched catalog result: ZCatalog
    returns it as a LazyMap over its id set, read here without waking a
    brain. Any other result falls back to the brains' ids."""
    sequence = getattr(results, "_seq", None)
    if isinstance(sequence, (IISet, IITreeSet)):
        return sequence
    if sequence is not None:
        try:
            return IISet(sequence)
        except TypeError:
            pass
    return IISet([brain.getRID() for brain in results])


def _postings(value):
    return IISet([value]) if isinstance(value, int) else value


def counts(catalog, index_name, rids):
    """``{value: count}`` over ``rids`` for a FieldIndex or KeywordIndex."""
    index = catalog._catalog.getIndex(index_name)
    found = {}
    for value, postings in index._index.items():
        count = len(intersection(rids, _postings(postings)))
        if count:
            found[value] = count
    return found


def matching(catalog, index_name, query):
    """The record ids an index answers for ``query`` (a range query, for
    example), as an id set."""
    index = catalog._catalog.getIndex(index_name)
    result = index._apply_index({index_name: query})
    if result is None:
        return IISet()
    return result[0]
