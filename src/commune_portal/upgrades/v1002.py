"""Upgrade 1001 -> 1002: Vietnamese search and title order for the site.

The lexicon switch empties the text indexes (``SearchableText``, ``Title``,
``Description``, ``document_text``); they and the new ``sortable_title_vi``
are filled in one pass over the catalogued content, with progress in the
log. Metadata is not touched.
"""

from commune_portal.setuphandlers import vietnamese_search
from plone import api


def install_vietnamese_search(setup_tool):
    vietnamese_search(api.portal.get_tool("portal_catalog"))
