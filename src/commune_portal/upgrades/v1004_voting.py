"""Upgrade 1003 -> 1004, electronic voting: the control panel's quorum
(``council_quorum``, two thirds by default; a value the site already has is
kept), the types ``Election`` and ``ConfidenceVote`` offered in council
sessions with the council materials workflow in every policy, and the
permissions ``Manage votes`` and ``Cast vote``.

The council block of the same version imports the profile's types,
workflows and role map; this step checks what voting needs and imports a
step again only when something is missing (a site upgraded in another
order). Idempotent; nothing is reindexed (no item has a vote before)."""

from commune_portal.controlpanels.settings import ICommuneSettings
from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from plone import api
from plone.registry.interfaces import IPersistentField
from plone.registry.interfaces import IRegistry
from plone.registry.record import Record
from zope.component import getUtility
import logging


logger = logging.getLogger("commune_portal")

PROFILE = "profile-commune_portal:default"
TYPES = ("Election", "ConfidenceVote")
SESSION_TYPE = "CouncilSession"
# A role each permission has in the profile's rolemap.xml.
PERMISSIONS = {
    "commune_portal: Manage votes": "CouncilSecretary",
    "commune_portal: Cast vote": "CouncilDelegate",
}
SETTINGS = ("council_quorum",)
POLICIES = (
    "commune_two_step",
    "commune_one_step",
    "council_materials",
    "voter_petitions",
)


def add_quorum_setting():
    registry = getUtility(IRegistry)
    for name in SETTINGS:
        record_name = f"{REGISTRY_PREFIX}.{name}"
        if record_name in registry.records:
            logger.info("Voting: %s kept (%s)", record_name, registry[record_name])
            continue
        # As plone.registry's registerInterface makes it, for this field only.
        persistent = IPersistentField(ICommuneSettings[name])
        persistent.interfaceName = ICommuneSettings.__identifier__
        persistent.fieldName = name
        registry.records[record_name] = Record(persistent, persistent.default)
        logger.info("Voting: %s added (%s)", record_name, persistent.default)


def _import(step):
    logger.info("Voting: importing the %s step", step)
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        PROFILE, step, run_dependencies=False
    )


def _policies_bind_types():
    """Every policy that names ``Resolution`` names the voting types too."""
    tool = api.portal.get_tool("portal_placeful_workflow")
    for policy_id in POLICIES:
        policy = tool.getWorkflowPolicyById(policy_id)
        chains = getattr(policy, "_chains_by_type", None) or {}
        if "Resolution" in chains and any(t not in chains for t in TYPES):
            return False
    return True


def install_voting(context):
    """What electronic voting needs on a site of 1003."""
    add_quorum_setting()
    types = api.portal.get_tool("portal_types")
    if any(type_id not in types.objectIds() for type_id in TYPES):
        _import("typeinfo")
    session = types.get(SESSION_TYPE)
    if session is not None:
        allowed = list(session.allowed_content_types)
        missing = [type_id for type_id in TYPES if type_id not in allowed]
        if missing:
            session.allowed_content_types = tuple(allowed + missing)
            logger.info("Voting: council sessions now take %s", ", ".join(missing))
    workflows = api.portal.get_tool("portal_workflow")
    if any(not workflows.getChainForPortalType(type_id) for type_id in TYPES):
        _import("workflow")
    if not _policies_bind_types():
        _import("placeful_workflow")
    portal = api.portal.get()
    for permission, role in PERMISSIONS.items():
        selected = {
            r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]
        }
        if role not in selected:
            _import("rolemap")
            break
    logger.info("Voting: ready")
