"""The print stylesheet of the portal's pages (DOMAIN.md: every page
printable), served from ``static/`` by the resource directory of
``configure.zcml``."""

from plone import api


PRINT_CSS = "++resource++commune_portal/print.css"


def print_stylesheet_url():
    """The address of the print stylesheet in the current site."""
    return f"{api.portal.get().absolute_url()}/{PRINT_CSS}"
