"""Vietnamese alphabetical order for the add-on's listings.

Plone's ``sortable_title`` orders by code point ("Đông" after "Zeta");
``sortable_title_vi`` holds ``commune_portal.text.sort_key`` of the title.
"""

from commune_portal.interfaces import ICommunePortalCatalog
from commune_portal.text import sort_key
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer


@indexer(IDexterityContent, ICommunePortalCatalog)
def sortable_title_vi(obj):
    return sort_key(obj.Title())
