"""Placeful workflow policies of the sections, and switching a folder from
one policy to another.

CMFPlacefulWorkflow only stores which policy applies in and below a folder.
Items whose workflow changes then fall back to the initial state of the new
workflow (published content would silently disappear) and the catalog keeps
their old ``review_state``. ``switch_policy`` moves every item below the
folder to the nearest state of its new workflow, keeps its workflow history
and brings security and the catalog up to date (docs/workflows.md).
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from Acquisition import aq_base
from commune_portal import _
from commune_portal import confidentiality
from commune_portal.interfaces import is_commune_catalog
from commune_portal.workflows.catalog import reindex_state
from commune_portal.workflows.classified import comment as classified_comment
from commune_portal.workflows.security import narrow
from commune_portal.workflows.security import refresh
from DateTime import DateTime
from persistent.mapping import PersistentMapping
from plone import api
from Products.CMFCore.utils import getToolByName
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id
from Products.CMFPlacefulWorkflow.WorkflowPolicyConfig import WorkflowPolicyConfig
from Products.DCWorkflow.utils import modifyRolesForPermission
from zope.i18n import translate
from zope.lifecycleevent.interfaces import IObjectAddedEvent
from zope.lifecycleevent.interfaces import IObjectRemovedEvent
import logging


logger = logging.getLogger("commune_portal")

POLICIES = (
    "commune_two_step",
    "commune_one_step",
    "council_materials",
    "voter_petitions",
    "citizen_questions",
)

# Shown under each policy in Plone's "Policy..." form (not translated there;
# the titles are, in the domain cmfplacefulworkflow). The policies themselves
# are in profiles/default/portal_placeful_workflow/.
POLICY_DESCRIPTIONS = {
    "commune_two_step": (
        "Items go to the editorial board (Reviewer), then to a leader "
        "(CommuneApprover) who approves their publication. Folders are "
        "published in one step."
    ),
    "commune_one_step": (
        "For small communes: one officer (Reviewer, CommuneApprover or "
        "ProcedureOfficer) reviews and publishes."
    ),
    "council_materials": (
        "The council secretary prepares the items, circulates them to the "
        "delegates, then publishes them."
    ),
    "voter_petitions": (
        "Petitions are received, forwarded to the responsible agency, answered, "
        "then published by the council secretary; folders and files follow the "
        "council materials workflow."
    ),
    "citizen_questions": (
        "Citizens' questions are submitted, assigned by the question moderator "
        "to the officer in charge, answered, then published or rejected; the "
        "person asking is never public. Pages, folders and files are "
        "published in one step."
    ),
}

# The ``action`` of the history entry a policy switch writes.
POLICY_SWITCH_ACTION = "commune_portal:policy_switch"

# Where an item goes when its new workflow does not have its state: the
# first of these states that the new workflow has, else its initial state.
# (An item keeps its state when the new workflow has a state of that id.)
STATE_FALLBACKS = {
    "pending_approval": ("pending_review", "pending", "private", "received"),
    "pending_review": ("pending", "private", "received"),
    # Plone's own workflows (simple publication) when a section gets ours,
    # or ours when commune_portal is uninstalled.
    "pending": ("pending_review", "private", "received"),
    "circulated": ("private", "received"),
    "private": ("received",),
    "received": ("private",),
    "forwarded": ("private",),
    "answered": ("pending_review", "pending", "private"),
    # Citizen questions keep their own workflow in every policy (global
    # chain); these only matter if an administrator binds them elsewhere.
    "submitted": ("pending_review", "pending", "private", "received"),
    "assigned": ("pending_review", "pending", "private", "received"),
    "rejected": ("private",),
}

LOG_EVERY = 200

# Why a classified item did not keep a disclosing state (history comment).
SWITCHED = _("workflow policy switch")
MOVED = _("moved into a section under another workflow policy")
# Set on an item while it is being moved: its workflows before the move.
_BEFORE_MOVE = "_v_commune_portal_workflows_before_move"


class UnknownPolicy(ValueError):
    """A policy id that ``portal_placeful_workflow`` does not have."""

    def __init__(self, parameter, policy):
        super().__init__(f"{parameter}: unknown workflow policy {policy!r}")
        self.parameter = parameter
        self.policy = policy


def policy_config(folder):
    """The placeful workflow configuration of ``folder`` itself, or None."""
    if getattr(aq_base(folder), WorkflowPolicyConfig_id, None) is None:
        return None
    return getattr(folder, WorkflowPolicyConfig_id)


def current_policies(folder):
    """``(policy_in, policy_below)`` set on ``folder``; empty strings when
    it has none (its items follow the policies above it)."""
    config = policy_config(folder)
    if config is None:
        return "", ""
    return config.getPolicyInId(), config.getPolicyBelowId()


def new_state_for(old_state, workflow):
    """The state of ``workflow`` an item in ``old_state`` moves to."""
    if old_state in workflow.states.objectIds():
        return old_state
    for candidate in STATE_FALLBACKS.get(old_state, ()):
        if candidate in workflow.states.objectIds():
            return candidate
    return workflow.initial_state


def switch_policy(folder, policy_in, policy_below):
    """Set the placeful workflow policies of ``folder`` (``""``: none, follow
    the policies above) and move every item in and below it to its new
    workflow.

    An item whose workflow changes gets the nearest state of the new
    workflow (``new_state_for``); an item that had no workflow is published
    if anonymous visitors could see it, else it gets the initial state. The
    new workflow's history starts with the entries of the old one and a
    ``commune_portal:policy_switch`` entry, so the audit trail survives
    switching back and forth. Security and the catalog (``review_state``,
    ``allowedRolesAndUsers``, metadata) are updated for every item below.

    Runs unrestricted: callers check the permission. Returns counts:
    ``{"policy_in", "policy_below", "items", "changed", "states"}``.
    """
    portal = api.portal.get()
    if aq_base(folder) is aq_base(portal):
        raise ValueError("Workflow policies apply to folders, not to the site root.")
    placeful = api.portal.get_tool("portal_placeful_workflow")
    for parameter, policy in (("policy_in", policy_in), ("policy_below", policy_below)):
        if policy and not placeful.isValidPolicyName(policy):
            raise UnknownPolicy(parameter, policy)

    catalog = api.portal.get_tool("portal_catalog")
    root = "/".join(folder.getPhysicalPath())
    # Sorted paths: containers come before their items, so that items
    # acquiring a permission are indexed with their container's new one.
    paths = sorted(
        {root} | {b.getPath() for b in catalog.unrestrictedSearchResults(path=root)}
    )

    before = {
        path: workflows_before(portal.unrestrictedTraverse(path)) for path in paths
    }
    set_policies(folder, policy_in, policy_below)

    changed = 0
    states = {}
    for count, path in enumerate(paths, start=1):
        obj = portal.unrestrictedTraverse(path)
        changed += follow_workflows(obj, *before[path])
        state = api.content.get_state(obj, default=None)
        if state:
            states[state] = states.get(state, 0) + 1
        if count % LOG_EVERY == 0:
            logger.info("Policy switch of %s: %d of %d items", root, count, len(paths))
    logger.info(
        "Policy switch of %s to %r / %r: %d items, %d moved to another workflow",
        root,
        policy_in,
        policy_below,
        len(paths),
        changed,
    )
    return {
        "policy_in": policy_in,
        "policy_below": policy_below,
        "items": len(paths),
        "changed": changed,
        "states": states,
    }


def workflows_before(obj):
    """What ``follow_workflows`` needs to know of ``obj`` before its
    workflows change: ``(chain, public)``, its workflow ids and, for an item
    without workflow, whether anonymous visitors can see it."""
    chain = tuple(api.portal.get_tool("portal_workflow").getChainFor(obj))
    public = not chain and "Anonymous" in rolesForPermissionOn("View", obj)
    return chain, public


def follow_workflows(obj, old_chain, public=False, cause=SWITCHED):
    """After the workflows of ``obj`` changed (policy, chain of its type,
    move to a section under another policy): give it the nearest state in
    each new workflow, keeping its history, then update its security and
    catalog entry. A classified item never gets a disclosing state: it gets
    the initial state, and the history comment says why (``cause``: the
    path, a message). Returns whether its workflows changed."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    new_chain = tuple(workflow_tool.getChainFor(obj))
    changed = new_chain != tuple(old_chain)
    if changed:
        _move(obj, tuple(old_chain), new_chain, public, workflow_tool, cause)
    for workflow_id in new_chain:
        workflow_tool.getWorkflowById(workflow_id).updateRoleMappingsFor(obj)
    narrow(obj)
    reindex_state(obj)
    return changed


def release_folders(portal):
    """Switch every folder that uses one of our policies back to no policy
    (before commune_portal is uninstalled): items move to Plone's own
    workflows in the nearest state, published items stay published.
    Returns the paths of the folders released."""
    catalog = api.portal.get_tool("portal_catalog")
    released = []
    # Outermost first: switching a folder also moves what is below it.
    paths = sorted(
        brain.getPath()
        for brain in catalog.unrestrictedSearchResults(is_folderish=True)
    )
    for path in paths:
        folder = portal.unrestrictedTraverse(path)
        policy_in, policy_below = current_policies(folder)
        if policy_in in POLICIES or policy_below in POLICIES:
            switch_policy(
                folder,
                "" if policy_in in POLICIES else policy_in,
                "" if policy_below in POLICIES else policy_below,
            )
            released.append(path)
    return released


def set_policies(folder, policy_in, policy_below):
    """Only store the policies of ``folder`` (CMFPlacefulWorkflow's own
    behaviour): its items are not moved. Use ``switch_policy`` on folders
    with content."""
    config = policy_config(folder)
    if config is None:
        # As portal_placeful_workflow's own "add configuration" does.
        folder._setObject(
            WorkflowPolicyConfig_id, WorkflowPolicyConfig(policy_in, policy_below)
        )
    else:
        config.setPolicyIn(policy_in)
        config.setPolicyBelow(policy_below)


def _switch_comment(old, old_state, new, state):
    """The history comment of a switch, in the site's language: it is stored
    as text and shown as it is by Plone's history."""
    language = api.portal.get_default_language()

    def title(workflow, state_id=None):
        if workflow is None:
            return translate(_("no workflow"), target_language=language)
        text = workflow.title
        if state_id is not None:
            state = workflow.states.get(state_id)
            text = state.title if state is not None else state_id
        return translate(text, domain="plone", target_language=language)

    return translate(
        _(
            "Workflow policy switch: ${old_workflow} (${old_state}) → "
            "${new_workflow} (${new_state})",
            mapping={
                "old_workflow": title(old),
                "old_state": title(old, old_state) if old_state else "-",
                "new_workflow": title(new),
                "new_state": title(new, state),
            },
        ),
        target_language=language,
    )


def _move(obj, old_chain, new_chain, public, workflow_tool, cause):
    """Give ``obj`` a state in each workflow of ``new_chain`` it was not in."""
    old = workflow_tool.getWorkflowById(old_chain[0]) if old_chain else None
    old_state = None
    if old is not None:
        status = workflow_tool.getStatusOf(old.getId(), obj) or {}
        old_state = status.get(old.state_var)
    history = getattr(aq_base(obj), "workflow_history", None)
    if history is None:
        history = obj.workflow_history = PersistentMapping()
    actor = api.user.get_current().getId()
    for workflow_id in new_chain:
        if workflow_id in old_chain:
            continue
        new = workflow_tool.getWorkflowById(workflow_id)
        if old is None:
            published = public and "published" in new.states.objectIds()
            state = "published" if published else new.initial_state
        else:
            state = new_state_for(old_state, new)
        why = None
        if confidentiality.forbidden(confidentiality.level_of(obj), state):
            why = classified_comment(obj, state, new, cause)
            state = new.initial_state
        comments = _switch_comment(old, old_state, new, state)
        history[workflow_id] = _merged_history(history, (workflow_id, *old_chain))
        workflow_tool.setStatusOf(
            workflow_id,
            obj,
            {
                new.state_var: state,
                "action": POLICY_SWITCH_ACTION,
                "actor": actor,
                "comments": f"{comments}. {why}" if why else comments,
                "time": DateTime(),
            },
        )
    if not new_chain and old is not None:
        # No workflow any more: the item follows its container again.
        for permission in old.permissions:
            modifyRolesForPermission(obj, permission, [])


def _merged_history(history, workflow_ids):
    """The entries of these workflows' histories, each once, oldest first."""
    seen = set()
    entries = []
    for workflow_id in workflow_ids:
        for entry in history.get(workflow_id, ()):
            key = tuple(sorted((name, repr(value)) for name, value in entry.items()))
            if key not in seen:
                seen.add(key)
                entries.append(entry)
    entries.sort(key=_time)
    return tuple(entries)


def _time(entry):
    time = entry.get("time")
    return time.timeTime() if isinstance(time, DateTime) else 0.0


def _is_move(event):
    """Whether a (will be) moved event is a move between two containers:
    not an addition, a removal or a rename."""
    return (
        event.oldParent is not None
        and event.newParent is not None
        and aq_base(event.oldParent) is not aq_base(event.newParent)
    )


def remember_workflows(obj, event):
    """Subscriber of ``IObjectWillBeMovedEvent`` (for the moved item and
    everything below it): its workflows before the move. Only on sites
    with commune_portal: elsewhere placeful policies behave as in Plone."""
    if not _is_move(event):
        return
    if not is_commune_catalog(getToolByName(obj, "portal_catalog", None)):
        return
    setattr(obj, _BEFORE_MOVE, workflows_before(obj))


def follow_workflows_after_move(obj, event):
    """Subscriber of ``IObjectMovedEvent``: an item moved into a section
    under another placeful policy follows its new workflows, state and
    security, as in a policy switch (plone.restapi's ``@move``, cut and
    paste, ``api.content.move``)."""
    if IObjectAddedEvent.providedBy(event) or IObjectRemovedEvent.providedBy(event):
        return
    before = getattr(obj, _BEFORE_MOVE, None)
    if before is None or not _is_move(event):
        return
    delattr(obj, _BEFORE_MOVE)
    chain, public = before
    workflow_tool = api.portal.get_tool("portal_workflow")
    if tuple(workflow_tool.getChainFor(obj)) != chain:
        follow_workflows(obj, chain, public, cause=MOVED)
    else:
        # Same workflows, another section: what a role bound to a kind of
        # content may do there can differ (the section of procedures).
        refresh(obj)
