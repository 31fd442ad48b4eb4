"""The add-on's adapters that override one of another package (same
interface provided, same name) win in a Zope, not only in the tests.

The test layers stack component registries and ask the add-on's first; a
Zope has one registry, where the most specific interface of the first
object decides, then of the second (``docs/development.md``, "Adapters
that must win against Plone's"). An override registered for a less
specific interface than the adapter it overrides, on the first axis where
the two differ, loses in a Zope whatever the tests say."""

from zope.component import getGlobalSiteManager


def _registrations(registry):
    found = list(registry.registeredAdapters())
    for base in registry.__bases__:
        found += _registrations(base)
    return found


def _ours(registration):
    module = getattr(registration.factory, "__module__", None) or ""
    return module.startswith("commune_portal.")


def _loses_to(ours, other):
    """Whether ``other`` is chosen over ``ours`` for any object both apply
    to: on the first axis where they differ, ``other`` asks for a more
    specific interface."""
    for mine, theirs in zip(ours.required, other.required, strict=True):
        if mine is theirs:
            continue
        return theirs.isOrExtends(mine) and not mine.isOrExtends(theirs)
    return False


def test_no_override_of_ours_loses_in_one_registry():
    registrations = _registrations(getGlobalSiteManager())
    ours = [r for r in registrations if _ours(r)]
    others = [r for r in registrations if not _ours(r)]
    assert len(ours) > 100
    losing = [
        (r.provided.__identifier__, r.name, r.factory, o.factory)
        for r in ours
        for o in others
        if o.provided is r.provided
        and o.name == r.name
        and len(o.required) == len(r.required)
        and _loses_to(r, o)
    ]
    assert losing == []


def test_the_check_sees_a_losing_override():
    """The check itself: an override for any object loses to Plone's
    indexable wrapper for catalog-aware content."""
    from commune_portal.interfaces import ICommunePortalCatalog
    from plone.indexer.interfaces import IIndexableObject
    from zope.interface import Interface
    from zope.interface.registry import AdapterRegistration

    plone = next(
        r
        for r in _registrations(getGlobalSiteManager())
        if r.provided is IIndexableObject and not _ours(r)
    )
    broad = AdapterRegistration(
        None, (Interface, ICommunePortalCatalog), IIndexableObject, "", object, ""
    )
    assert _loses_to(broad, plone)
