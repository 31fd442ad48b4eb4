"""Upgrade 1003 -> 1004, the People's Council pages: folders may show the
council page (``council-view``, Display menu), and the council section
``/hdnd`` shows it unless an administrator chose another view. The council
types get their own pages from their type information (the council block's
``typeinfo`` step). Idempotent; nothing is reindexed."""

from Acquisition import aq_base
from plone import api
import logging


logger = logging.getLogger("commune_portal")

SECTION = "hdnd"
LAYOUT = "council-view"


def offer_council_view(portal):
    """Folders list the council page among their views (as
    ``types/Folder.xml`` says). Returns whether the type changed."""
    fti = api.portal.get_tool("portal_types").get("Folder")
    if fti is None:
        return False
    methods = tuple(fti.getProperty("view_methods") or ())
    if LAYOUT in methods:
        return False
    fti.manage_changeProperties(view_methods=(*methods, LAYOUT))
    return True


def has_default_view(folder):
    """Whether ``folder`` shows what Plone shows a folder by default: no
    layout of its own, or the type's default view."""
    layout = getattr(aq_base(folder), "layout", None)
    if not layout:
        return True
    fti = folder.getTypeInfo()
    return fti is not None and layout == fti.getProperty("default_view")


def show_council_page(context):
    """The council section made by an earlier version shows the council
    page, when it still has Plone's default view."""
    portal = api.portal.get()
    if offer_council_view(portal):
        logger.info("Council pages: folders may show %s", LAYOUT)
    section = portal.get(SECTION)
    if section is None or section.portal_type != "Folder":
        logger.info("Council pages: no section /%s to update", SECTION)
        return
    if not has_default_view(section):
        logger.info(
            "Council pages: /%s keeps the view %s", SECTION, section.getLayout()
        )
        return
    section.setLayout(LAYOUT)
    logger.info("Council pages: /%s shows %s", SECTION, LAYOUT)
