"""Facet counts over a whole catalog result, without loading any brain.

The result is a set of record ids. A small result is counted by reading
each record's value from the index (``_unindex``); a large one by
intersecting it with the postings of each value, the way ZCatalog itself
combines indexes. Both are done in the indexes' BTrees, no object is woken.

The facets of a query are kept in a small per-process cache (``cached``),
keyed by what decides them: the site's catalog and its change counter, the
day (legal statuses change at midnight), the query and what the user may
see (the tokens Plone's catalog adds, whether inactive items show and, if
not, the next moment an item's publication window opens or closes).
"""

from AccessControl.SecurityManagement import getSecurityManager
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from collections import Counter
from collections import OrderedDict
from DateTime import DateTime
import threading


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
    # An index may answer more than ``resultset`` (a range or a list of
    # values over 200 records, or read from the request's cache):
    # ZCatalog intersects after it, so do we.
    return result[0] if rids is None else intersection(rids, result[0])


# -- the facet cache ------------------------------------------------------

# Queries whose counts are kept, per process (a handful of filters are
# asked again and again; each entry holds four small dicts).
CACHE_SIZE = 512
_cache = OrderedDict()
_lock = threading.Lock()


def _frozen(value):
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(_frozen(item) for item in value)
    return value


def _next_change(catalog):
    """Until when the items shown to a user without *Access inactive
    portal content* stay the same: the next start or end, after now, of a
    publication window in ``effectiveRange`` (``None`` without the index)."""
    index = catalog._catalog.indexes.get("effectiveRange")
    if index is None or not hasattr(index, "_convertDateTime"):
        return None
    now = index._convertDateTime(DateTime())
    if now is None:
        return None
    found = []
    # An item shows from its start (since <= now) to its end (now <= until).
    for tree, first in (
        (index._since, now + 1),
        (index._since_only, now + 1),
        (index._until, now),
        (index._until_only, now),
    ):
        try:
            found.append(tree.minKey(first))
        except ValueError:  # none left
            found.append(None)
    return tuple(found)


def cache_key(catalog, query, day, extra=()):
    """What the facet counts of ``query`` depend on, as Plone's
    ``portal_catalog.searchResults`` completes it for the current user;
    ``None`` when the catalog holds changes not yet committed (another
    transaction may then reach the same counter with other changes)."""
    counter = getattr(catalog, "_counter", None)
    if getattr(catalog, "_p_changed", False) or getattr(counter, "_p_changed", False):
        return None
    user = getSecurityManager().getUser()
    visible = tuple(catalog._listAllowedRolesAndUsers(user))
    inactive = bool(catalog.allow_inactive(query))
    return (
        "/".join(catalog.getPhysicalPath()),
        catalog.getCounter(),
        day,
        _frozen(query),
        visible,
        inactive,
        None if inactive else _next_change(catalog),
        extra,
    )


def cached(catalog, query, day, compute, extra=()):
    """``compute()`` (the facets of ``query``), from the cache when the
    catalog, the day, the user's view of it and ``extra`` (what else the
    result depends on: language, settings) have not changed since."""
    key = cache_key(catalog, query, day, extra)
    if key is None:
        return compute()
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    found = compute()
    with _lock:
        _cache[key] = found
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def clear_cache():
    """Forget every cached count (tests, or after rebuilding an index
    outside ``catalog_object``, which leaves the change counter alone)."""
    with _lock:
        _cache.clear()
