"""Values several indexers of one object need, computed once per
``catalog_object`` call.

ZCatalog makes one indexable wrapper per ``catalog_object`` call and reads
every index and metadata column of the object from it. In the catalogs of
the add-on's sites (``ICommunePortalCatalog``) that wrapper is
``SharedValuesWrapper``, Plone's own with a small store: an indexer asks
``shared(obj, key, compute)`` and gets ``compute(obj)`` computed once for
the call. Official documents share their validity window (four indexers
ask the relation catalog for it), every item its current workflow (three
workflow indexers look it up through the placeful policies). The values
never outlive the call: a later reindex in the same transaction, after a
real change, gets a new wrapper. Another site's catalog gets Plone's
wrapper, as before.

It is registered for what Plone's is registered for, catalog-aware
content (``ICatalogAware``): the adapter registry prefers the more specific
interface of the object before that of the catalog, so a wrapper for any
object would lose to Plone's in a Zope. (In the test layers it would not:
there the add-on's registrations sit in a registry stacked on Plone's, and
the registry asked first wins; ``tests/indexers/test_shared.py`` checks the
choice in one registry, as a Zope has it.)
"""

from Acquisition import aq_base
from commune_portal.interfaces import ICommunePortalCatalog
from plone.indexer.interfaces import IIndexableObject
from plone.indexer.interfaces import IIndexer
from plone.indexer.wrapper import IndexableObjectWrapper
from Products.CMFCore.interfaces import ICatalogAware
from zope.component import adapter
from zope.component import getSiteManager
from zope.interface import implementer
from zope.interface import providedBy
import contextvars


# (object, values shared by the indexers) of the catalog_object call
# being indexed, while the catalog reads one attribute of its wrapper.
_indexing = contextvars.ContextVar("commune_portal_indexing", default=None)


@implementer(IIndexableObject)
@adapter(ICatalogAware, ICommunePortalCatalog)
class SharedValuesWrapper(IndexableObjectWrapper):
    """Plone's indexable wrapper, with the values its indexers share.

    It also finds the indexers as Plone's does (``queryMultiAdapter`` of the
    object and the catalog, by name) with the interfaces of both computed
    once per call, not once per index and column: a dexterity object's
    interfaces are computed anew at each ask (its schema and behaviors,
    ``FTIAwareSpecification``), and the catalog asks about 130 names per
    object (a tenth of the time of cataloguing a procedure,
    bench/procedures.py)."""

    def __init__(self, object, catalog):
        super().__init__(object, catalog)
        self._commune_portal_shared = {}
        self._commune_portal_specs = (providedBy(object), providedBy(catalog))

    def __getattr__(self, name):
        obj = self._getWrappedObject()
        token = _indexing.set((aq_base(obj), self._commune_portal_shared))
        try:
            factory = getSiteManager().adapters.lookup(
                self._commune_portal_specs, IIndexer, name
            )
            if factory is not None:
                indexer = factory(obj, self._IndexableObjectWrapper__catalog)
                if indexer is not None:
                    return indexer()
            return self._attribute(obj, name)
        finally:
            _indexing.reset(token)

    def _attribute(self, obj, name):
        """No indexer: as plone.indexer's wrapper goes on, a workflow
        variable, else the object's own attribute (an acquired one only if
        it is a Python Script, the way to add an indexer through the web)."""
        variables = self._IndexableObjectWrapper__vars
        if name in variables:
            return variables[name]
        value = getattr(obj, name)
        try:
            getattr(aq_base(obj), name)
        except AttributeError:
            if getattr(value, "meta_type", None) == "Script (Python)":
                return value
            raise
        return value


def shared(obj, key, compute):
    """``compute(obj)``, once per ``catalog_object`` call of ``obj``; each
    time when called outside one (an indexer called directly)."""
    current = _indexing.get()
    if current is None or current[0] is not aq_base(obj):
        return compute(obj)
    values = current[1]
    if key not in values:
        values[key] = compute(obj)
    return values[key]
