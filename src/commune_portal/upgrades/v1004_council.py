"""Upgrade 1003 -> 1004, the People's Council records: the six council
types, their workflows in every placeful policy, the permissions to add
them and to see private contact details (profile steps, upgrades/
configure.zcml), and the council section taking terms. Idempotent; nothing
is reindexed (a site has no council records before this step)."""

from commune_portal.setuphandlers.structure import offer_type
from plone import api
import logging


logger = logging.getLogger("commune_portal")

SECTION = "hdnd"


def offer_council_terms(context):
    """The council section made by an earlier version takes terms."""
    section = api.portal.get().get(SECTION)
    if section is None or section.portal_type != "Folder":
        logger.info("Council: no section /%s to update", SECTION)
        return
    if offer_type(section, "CouncilTerm"):
        logger.info("Council: /%s now takes council terms", SECTION)
