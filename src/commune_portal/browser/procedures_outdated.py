"""A panel of "Việc của tôi": procedures whose legal basis is no longer in
force (replaced, repealed or expired), for the officers who keep the
catalogue (who may import procedures on the site or in the section of
procedures). Rendered inside ``@@my-work``; empty for everybody else."""

from commune_portal.content.procedure import PORTAL_TYPE
from commune_portal.legal_status import day_number
from commune_portal.legal_status import today
from commune_portal.procedure_import import IMPORT_PERMISSION
from plone import api
from Products.Five.browser import BrowserView


SECTION = "thu-tuc-hanh-chinh"


class OutdatedProceduresPanel(BrowserView):
    """``@@my-work-procedures``: from catalog brains and metadata only."""

    def keeps_procedures(self):
        portal = api.portal.get()
        places = [portal, portal.get(SECTION)]
        return any(
            place is not None and api.user.has_permission(IMPORT_PERMISSION, obj=place)
            for place in places
        )

    def rows(self):
        if not self.keeps_procedures():
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.searchResults(
            portal_type=PORTAL_TYPE,
            legal_basis_end={"query": day_number(today()), "range": "max"},
            sort_on="sortable_title_vi",
        )
        return [
            {"url": brain.getURL(), "title": brain.Title, "code": brain.procedure_code}
            for brain in brains
        ]
