"""Facet counts over a whole catalog result, without loading any brain.

The result is a set of record ids. A small result is counted by reading
each record's value from the index (``_unindex``); a large one by
intersecting it with the postings of each value, the way ZCatalog itself
combines indexes. Both are done in the indexes' BTrees, no object is woken.
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from collections import Counter


# Below this many records, reading values beats one intersection per value.
SMALL_RESULT = 3000


def result_ids(results):
    """The record ids of an unsorted, unbatched catalog result: ZCatalog
    returns it as a LazyMap over its id set (or, for a full-text query,
    over ``(score, id)`` pairs), read here without waking a brain."""
    sequence = getattr(results, "_seq", None)
    if isinstance(sequence, (IISet, IITreeSet)):
        return sequence
    if sequence is not None:
        try:
            return IISet(sequence)
        except TypeError:
            pass
        try:
            return IISet([rid for _score, rid in sequence])
        except (TypeError, ValueError):
            pass
    return IISet([brain.getRID() for brain in results])


def _postings(value):
    return IISet([value]) if isinstance(value, int) else value


def index_values(catalog, index_name, rids):
    """The value each record of ``rids`` has in a FieldIndex (``None`` when
    it has none)."""
    unindex = catalog._catalog.getIndex(index_name)._unindex
    return [unindex.get(rid) for rid in rids]


def counts(catalog, index_name, rids):
    """``{value: count}`` over ``rids`` for a FieldIndex or KeywordIndex."""
    index = catalog._catalog.getIndex(index_name)
    if len(rids) <= SMALL_RESULT:
        found = Counter()
        for rid in rids:
            value = index._unindex.get(rid)
            if value is None:
                continue
            if isinstance(value, (list, tuple, set, frozenset)) or hasattr(
                value, "keys"
            ):
                found.update(value)
            else:
                found[value] += 1
        return dict(found)
    found = {}
    for value, postings in index._index.items():
        count = len(intersection(rids, _postings(postings)))
        if count:
            found[value] = count
    return found


def matching(catalog, index_name, query, rids=None):
    """The record ids an index answers for ``query`` (a range query, for
    example), as an id set, narrowed to ``rids`` when given."""
    index = catalog._catalog.getIndex(index_name)
    result = index._apply_index({index_name: query}, resultset=rids)
    if result is None:
        return IISet()
    return result[0]
