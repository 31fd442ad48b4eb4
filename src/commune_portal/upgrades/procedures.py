"""Upgrade of sites made before procedures had their own type: the datagrid
field's profile, and the section of procedures showing and taking them.
Idempotent; nothing is reindexed (the new indexes concern procedures only,
and a site has none before this step)."""

from commune_portal.setuphandlers.procedures import DATAGRIDFIELD
from commune_portal.setuphandlers.structure import offer_type
from plone import api
from plone.base.utils import get_installer
import logging


logger = logging.getLogger("commune_portal")

SECTION = "thu-tuc-hanh-chinh"
LAYOUT = "procedures-view"


def install_procedures(context):
    """Install the datagrid field when missing; let the standard section of
    procedures add ``Procedure`` and show the catalogue, unless an
    administrator gave it another view."""
    portal = api.portal.get()
    installer = get_installer(portal)
    if not installer.is_product_installed(DATAGRIDFIELD):
        installer.install_product(DATAGRIDFIELD)
    section = portal.get(SECTION)
    if section is None or section.portal_type != "Folder":
        logger.info("Procedures: no section /%s to update", SECTION)
        return
    offer_type(section, "Procedure")
    if section.getLayout() in ("listing_view", "folder_listing", None):
        section.setLayout(LAYOUT)
    logger.info("Procedures: /%s takes procedures and shows their catalogue", SECTION)
