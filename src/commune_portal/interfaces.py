"""Marker interfaces of commune_portal."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICommunePortalLayer(IDefaultBrowserLayer):
    """Browser layer: marks requests to sites where commune_portal is installed.

    Every view, viewlet, REST service and adapter that changes what a site
    does is registered for this layer, so that sites of the same Zope
    without the add-on are untouched.
    """
