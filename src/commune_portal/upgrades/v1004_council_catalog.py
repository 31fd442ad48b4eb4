"""Upgrade 1003 -> 1004, the council listings: the indexes and metadata of
the council records (the ``catalog`` step, upgrades/configure.zcml) filled
for the council types only, the kỷ yếu section ``/hdnd/ky-yeu`` and the
petitions listing as the view of ``/hdnd/kien-nghi-cu-tri``.

Idempotent, targeted: a site of 1003 has no council records (the types came
with 1004), so the reindexing concerns the records made since the new code
started, if any; sections keep what an administrator set on them.
"""

from commune_portal.indexers.council import INDEX_NAMES
from commune_portal.setuphandlers.structure import create_sections
from commune_portal.upgrades import reindex
from plone import api
import logging


logger = logging.getLogger("commune_portal")

COUNCIL_TYPES = (
    "CouncilTerm",
    "Delegate",
    "CouncilSession",
    "SessionDocument",
    "Resolution",
    "VoterPetition",
)
COUNCIL_SECTION = "hdnd"
PROCEEDINGS = f"{COUNCIL_SECTION}/ky-yeu"
PETITIONS = f"{COUNCIL_SECTION}/kien-nghi-cu-tri"
PETITIONS_VIEW = "petitions-view"
# Plone's own views of a folder: replaced; any other was chosen and stays.
DEFAULT_VIEWS = ("listing_view", "folder_listing", None)


def index_council_records(context):
    """Fill the council indexes, the full text and the metadata of the
    council records (the metadata comes with the indexes)."""
    catalog = api.portal.get_tool("portal_catalog")
    reindex(
        catalog,
        [*INDEX_NAMES, "sectors", "SearchableText"],
        "council records",
        portal_type=list(COUNCIL_TYPES),
    )


def add_council_sections(context):
    """``/hdnd/ky-yeu`` (the kỷ yếu) on a site whose council section has
    none; ``/hdnd/kien-nghi-cu-tri`` shows the petitions listing when it
    still has Plone's default view."""
    portal = api.portal.get()
    section = portal.get(COUNCIL_SECTION)
    if section is None or section.portal_type != "Folder":
        logger.info("Council listings: no section /%s to update", COUNCIL_SECTION)
        return
    with api.env.adopt_roles(["Manager"]):
        create_sections(portal, only=(PROCEEDINGS,))
    petitions = section.get(PETITIONS.rpartition("/")[2])
    if petitions is not None and petitions.getLayout() in DEFAULT_VIEWS:
        petitions.setLayout(PETITIONS_VIEW)
        logger.info("Council listings: /%s shows the petitions listing", PETITIONS)
