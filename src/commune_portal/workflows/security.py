"""What a workflow's role maps grant, narrowed for one item.

A DCWorkflow state gives its permissions to roles, the same for every item
in that state. Two rules need more than that, and are stated here once:

- **Classified items** (``commune_portal.confidentiality``) are seen and
  changed only by their creator (Owner), the people given a role on the
  item itself through sharing (Reader, Editor: through the technical
  roles ClassifiedReader, ClassifiedEditor; given on the section or
  site-wide they do not reach classified items), the editorial board and
  the leader (Reviewer, CommuneApprover), the council secretary for council
  items, Site Administrator and Manager, and only when the state's map
  gives it to them: not by the other contributors of the section, nor by
  the council delegates.
- **Roles bound to a kind of content**: the one-stop-shop officer
  (``ProcedureOfficer``) acts on procedures, and on the folders and files
  of the section of procedures, in whatever workflow or placeful policy;
  on anything else the role grants nothing beyond what everyone has.

``narrow(obj)`` removes these roles from the object's workflow-managed
permissions, on top of the state's map. It runs wherever a workflow sets an
item's role mappings: after every transition and at creation
(``IAfterTransitionEvent``), after an edit of an official document (its
level may have changed: ``refresh``), when a classified item is withdrawn,
on a placeful policy switch and on a move. ``portal_workflow``'s "Update
security settings" (ZMI) sets the state's maps again without it: upgrade
1003 (``upgrades/v1003_security.py``) narrows again what needs it.
"""

from AccessControl.Permission import pname
from Acquisition import aq_base
from Acquisition import aq_chain
from Acquisition import aq_inner
from commune_portal import confidentiality
from commune_portal.interfaces import is_commune_catalog
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from Products.CMFCore.interfaces import ISiteRoot
from Products.CMFCore.utils import getToolByName
from Products.DCWorkflow.utils import modifyRolesForPermission


PROCEDURE = "Procedure"
# Besides procedures, what the one-stop-shop officer handles in the section
# of procedures (the folders that hold them, their forms and annexes).
PROCEDURE_SECTION_TYPES = ("Folder", "File")

# The permissions a classification narrows: seeing and changing the item.
CLASSIFIED_PERMISSIONS = (
    "View",
    "Access contents information",
    "Modify portal content",
    "Change portal events",
)
# Who keeps those permissions on a classified item, when the state's map
# gives them: everyone else (Contributor, CouncilDelegate, the one-stop-shop
# officer, Member, Authenticated, Anonymous) loses them.
CLASSIFIED_ROLES = frozenset(
    {
        "Manager",
        "Site Administrator",
        "Owner",
        "Reviewer",
        "CommuneApprover",
        "CouncilSecretary",
    }
)
# Reader and Editor, given on a section or site-wide, would reach every
# classified item there. On a classified item they count only when given
# on the item itself (sharing): its holders get, locally, a technical role
# that the item grants what the state gives the role it stands for
# (``sync_shared``). The technical roles are never on the sharing page.
SHARED_ROLES = {"Reader": "ClassifiedReader", "Editor": "ClassifiedEditor"}
TECHNICAL_ROLES = tuple(SHARED_ROLES.values())


def in_procedures_section(obj):
    """Whether ``obj`` is in (or is) a section of procedures: a folder that
    lets its users add procedures (its addable types are set and include
    ``Procedure``)."""
    for item in aq_chain(aq_inner(obj)):
        if ISiteRoot.providedBy(item):
            return False
        constraints = ISelectableConstrainTypes(item, None)
        if constraints is None:
            continue
        try:
            if constraints.getConstrainTypesMode() == ENABLED and (
                PROCEDURE in constraints.getLocallyAllowedTypes()
            ):
                return True
        except AttributeError:
            continue
    return False


def procedure_scope(obj):
    """Whether the one-stop-shop officer may act on ``obj``."""
    portal_type = getattr(aq_base(obj), "portal_type", None)
    if portal_type == PROCEDURE:
        return True
    return portal_type in PROCEDURE_SECTION_TYPES and in_procedures_section(obj)


# Each role bound to a kind of content, with the test of that kind.
ROLE_SCOPES = {"ProcedureOfficer": procedure_scope}


def excluded_roles(obj, scopes=True, classification=True):
    """``{permission: roles}`` that ``obj`` does not grant, whatever its
    state's map says; ``"*"`` for every permission of its workflows.
    ``scopes`` and ``classification`` say which of the two rules to ask
    (both by default)."""
    excluded = {}
    out_of_scope = (
        {role for role, scope in ROLE_SCOPES.items() if not scope(obj)}
        if scopes
        else ()
    )
    if out_of_scope:
        excluded["*"] = out_of_scope
    if classification and confidentiality.is_classified(confidentiality.level_of(obj)):
        for permission in CLASSIFIED_PERMISSIONS:
            excluded[permission] = {"classified"}
    return excluded


def _allowed(role, permission, excluded):
    if role in excluded.get("*", ()):
        return False
    if "classified" in excluded.get(permission, ()):
        return role in CLASSIFIED_ROLES
    return True


def narrow(obj):
    """Narrow the permissions that the workflows of ``obj`` set from its
    state's map (see the module). Returns whether a setting changed; the
    caller reindexes security."""
    workflow_tool = getToolByName(obj, "portal_workflow", None)
    if workflow_tool is None:
        return False
    changed = sync_shared(obj)
    excluded = excluded_roles(obj)
    if not excluded:
        return changed
    for workflow in workflow_tool.getWorkflowsFor(obj):
        state = getattr(workflow, "states", None) and workflow._getWorkflowStateOf(obj)
        if state is None:
            continue
        if _narrow_state(obj, workflow, state, excluded):
            changed = True
    return changed


def sync_shared(obj):
    """On a classified item, give the holders of Reader or Editor on the
    item itself the technical role standing for it; take the technical
    roles back where they are no longer backed (the role was taken away, or
    the item is no longer classified). Whether a local role changed."""
    local = getattr(aq_base(obj), "__ac_local_roles__", None) or {}
    classified = confidentiality.is_classified(confidentiality.level_of(obj))
    changed = False
    for principal, roles in list(local.items()):
        wanted = (
            {SHARED_ROLES[role] for role in roles if role in SHARED_ROLES}
            if classified
            else set()
        )
        held = {role for role in roles if role in TECHNICAL_ROLES}
        if wanted == held:
            continue
        kept = [role for role in roles if role not in TECHNICAL_ROLES]
        if kept or wanted:
            obj.manage_setLocalRoles(principal, kept + sorted(wanted))
        else:
            obj.manage_delLocalRoles([principal])
        changed = True
    return changed


def _narrow_state(obj, workflow, state, excluded):
    """Narrow the permissions that ``state`` of ``workflow`` sets on
    ``obj``; whether a setting changed."""
    changed = False
    for permission in workflow.permissions:
        granted = state.getPermissionInfo(permission).get("roles") or ()
        roles = [role for role in granted if _allowed(role, permission, excluded)]
        if len(roles) == len(granted):
            continue
        if "classified" in excluded.get(permission, ()):
            roles += [SHARED_ROLES[r] for r in granted if r in SHARED_ROLES]
        # A narrowed permission is never acquired: the container would
        # give back what the item may not.
        if modifyRolesForPermission(obj, permission, tuple(roles)):
            changed = True
    return changed


def _rules_at_stake(workflow, state):
    """``(scopes, classification)``: whether the state's map gives a role
    bound to a kind of content anything, and whether it gives one of the
    permissions a classification narrows to a role that loses it. When
    neither, no item in that state has anything to narrow."""
    scoped = set(ROLE_SCOPES)
    scopes = classification = False
    for permission in workflow.permissions:
        granted = state.getPermissionInfo(permission).get("roles") or ()
        if not scopes and scoped.intersection(granted):
            scopes = True
        if (
            not classification
            and permission in CLASSIFIED_PERMISSIONS
            and not CLASSIFIED_ROLES.issuperset(granted)
        ):
            classification = True
    return scopes, classification


def _settings(obj, workflows):
    return {
        permission: getattr(aq_base(obj), pname(permission), None)
        for workflow in workflows
        for permission in workflow.permissions
    }


def refresh(obj):
    """Set the role mappings of ``obj`` again from its workflows' maps and
    narrow them (after an edit that may have changed its level, or a move
    that may have changed its section); reindex its security when they
    changed. Returns whether they changed."""
    workflow_tool = getToolByName(obj, "portal_workflow", None)
    if workflow_tool is None:
        return False
    workflows = workflow_tool.getWorkflowsFor(obj)
    before = _settings(obj, workflows)
    for workflow in workflows:
        workflow.updateRoleMappingsFor(obj)
    shared = sync_shared(obj)
    narrow(obj)
    if not shared and _settings(obj, workflows) == before:
        return False
    obj.reindexObjectSecurity()
    return True


def _on_commune_site(obj):
    return is_commune_catalog(getToolByName(obj, "portal_catalog", None))


def narrow_after_transition(obj, event):
    """Subscriber of ``IAfterTransitionEvent``: the workflow has just set
    the state's maps (a transition, or the initial state of a new item, a
    copy included); Plone reindexes security afterwards.

    Only the maps of the event's workflow were set again: those are
    narrowed, from the event's state, and only for the rules that state's
    map puts at stake (``_rules_at_stake``), without looking the object's
    workflows up again."""
    if not _on_commune_site(obj):
        return
    workflow, state = event.workflow, event.new_state
    if state is None or getattr(workflow, "permissions", None) is None:
        narrow(obj)
        return
    scopes, classification = _rules_at_stake(workflow, state)
    if not (scopes or classification):
        return
    excluded = excluded_roles(obj, scopes=scopes, classification=classification)
    if excluded:
        _narrow_state(obj, workflow, state, excluded)


def refresh_after_edit(obj, event):
    """Subscriber of ``IObjectModifiedEvent`` on official documents: the
    level may have changed (Classic UI, REST, code)."""
    if _on_commune_site(obj):
        refresh(obj)


def refresh_after_sharing(obj, event):
    """Subscriber of ``ILocalrolesModifiedEvent``: someone was given (or
    lost) Reader or Editor on a classified item through sharing."""
    if _on_commune_site(obj) and sync_shared(obj):
        obj.reindexObjectSecurity()
