"""Upgrade 1003 -> 1004, citizen questions: the type, its workflow and
placeful policy, the roles and permissions, the catalog entries and the
settings come from the profile's import steps (``upgrades/configure.zcml``);
here, what XML cannot say: the policy's description and the section
``/hoi-dap`` on a site that has the standard sections.

Idempotent: a site that has the section (or a folder of that name) keeps
it as it is; the settings an administrator set keep their values (the
registry step only adds the new records). A site of 1003 holds no
questions, so nothing is reindexed.
"""

from commune_portal.setuphandlers.structure import SECTIONS
from commune_portal.workflows.policies import current_policies
from commune_portal.workflows.policies import POLICY_DESCRIPTIONS
from commune_portal.workflows.policies import switch_policy
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
import logging


logger = logging.getLogger("commune_portal")

POLICY = "citizen_questions"
SECTION = "hoi-dap"
STRUCTURE = "commune_portal:structure"


def describe_policy(context):
    """The description shown under the policy in Plone's "Policy..." form
    (``setuphandlers.post_install`` does it at install)."""
    placeful = api.portal.get_tool("portal_placeful_workflow")
    policy = placeful.getWorkflowPolicyById(POLICY)
    if policy is not None:
        policy.setDescription(POLICY_DESCRIPTIONS[POLICY])


def _uses_standard_sections(portal, setup_tool):
    """Whether the site was given the standard sections (the structure
    profile, or one of its sections made by hand)."""
    if setup_tool.getLastVersionForProfile(STRUCTURE) != "unknown":
        return True
    top = {path for path, *_rest in SECTIONS if "/" not in path} - {SECTION}
    return any(name in portal.objectIds() for name in top)


def add_questions_section(context):
    """Create ``/hoi-dap`` as ``commune_portal:structure`` does, on a site
    with the standard sections and without it."""
    portal = api.portal.get()
    setup_tool = api.portal.get_tool("portal_setup")
    if SECTION in portal.objectIds():
        logger.info("Questions: /%s exists, kept as it is", SECTION)
        return
    if not _uses_standard_sections(portal, setup_tool):
        logger.info("Questions: no standard sections on this site, none added")
        return
    ((_path, title, description, addable, policy, layout),) = [
        entry for entry in SECTIONS if entry[0] == SECTION
    ]
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            portal, "Folder", id=SECTION, title=title, description=description
        )
        folder.setLayout(layout)
        constraints = ISelectableConstrainTypes(folder)
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(addable)
        constraints.setImmediatelyAddableTypes(addable)
        if current_policies(folder) == ("", ""):
            switch_policy(folder, policy, policy)
        api.content.transition(folder, to_state="published")
    logger.info("Questions: section /%s added", SECTION)
