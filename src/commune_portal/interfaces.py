"""Marker interfaces of commune_portal."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICommunePortalLayer(IDefaultBrowserLayer):
    """Browser layer: marks requests to sites where commune_portal is installed.

    Every view, viewlet, REST service and adapter that changes what a site
    does is registered for this layer, so that sites of the same Zope
    without the add-on are untouched.
    """


class ICommunePortalCatalog(Interface):
    """Marks the ``portal_catalog`` of a site where commune_portal is
    installed (set by the install handler, removed by the uninstall one).

    Every catalog indexer of the add-on is registered for this catalog only,
    so that another site of the same Zope, with an index or a metadata
    column of the same name, indexes its own content's attributes. Scripts
    and subscribers that run without a request (no browser layer) check it
    too: ``is_commune_catalog``.
    """


def is_commune_catalog(catalog):
    """Whether ``catalog`` belongs to a site with commune_portal installed."""
    return catalog is not None and ICommunePortalCatalog.providedBy(catalog)
