"""The permission matrix of the editorial workflows: for each workflow,
state and role, whether a user with the role can view and edit an item and
which transitions the workflow offers.

``compute()`` measures it on a live site, the way a site administrator
grants roles: one user per role, the role given on a section through the
sharing page (local role) besides ``Member``; ``Anonymous`` is a visitor who
is not logged in. ``render()`` writes it, with the states, transitions and
permission maps read from the workflow definitions, as ``docs/permissions.md``
(``tests/workflows/test_matrix.py`` keeps that file up to date).
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from commune_portal.workflows.policies import set_policies
from commune_portal.workflows.security import narrow
from contextlib import contextmanager
from dataclasses import dataclass
from DateTime import DateTime
from plone import api
import transaction


# Each workflow, measured in a folder with the policy that uses it for
# Plone's pages (Document).
WORKFLOW_POLICIES = {
    "commune_editorial_workflow": "commune_two_step",
    "commune_simple_workflow": "commune_one_step",
    "council_material_workflow": "council_materials",
    "voter_petition_workflow": "voter_petitions",
}

# Roles bound to a kind of content (``workflows/security.py``) act only on
# it: each workflow is measured again on that content, keyed
# ``"<workflow>:<portal_type>"``.
BOUND_TYPES = {"commune_simple_workflow": ("Procedure",)}

ROLES = (
    "Anonymous",
    "Member",
    "Contributor",
    "Editor",
    "Reviewer",
    "CommuneApprover",
    "CouncilSecretary",
    "CouncilDelegate",
    "ProcedureOfficer",
    "Site Administrator",
    "Owner",
)

PERMISSIONS = (
    "View",
    "Access contents information",
    "Modify portal content",
    "Change portal events",
    "Review portal content",
    "Request review",
)

PASSWORD = "Ma-tran-quyen-2026"


@dataclass(frozen=True)
class Cell:
    """What one role can do with an item in one state."""

    view: bool
    edit: bool
    transitions: tuple

    def __str__(self):
        can = ", ".join(
            name for name, yes in (("view", self.view), ("edit", self.edit)) if yes
        )
        if self.transitions:
            return f"{can}; {', '.join(self.transitions)}"
        return can or "—"


def compute(portal):
    """``{workflow_id: {state_id: {role: Cell}}}`` measured on ``portal``.

    Works in a savepoint that it rolls back: the site is left as it was.
    """
    savepoint = transaction.savepoint()
    try:
        with api.env.adopt_roles(["Manager"]):
            users = _users(portal)
            area = api.content.create(
                portal, "Folder", id="permission-matrix", title="Permission matrix"
            )
            for role, user_id in users.items():
                if role != "Member":
                    area.manage_setLocalRoles(user_id, [role])
            items = _items(area)
        acl_users = portal.acl_users
        people = {"Anonymous": nobody}
        for role, user_id in users.items():
            people[role] = acl_users.getUserById(user_id).__of__(acl_users)
        workflow_tool = api.portal.get_tool("portal_workflow")
        result = {}
        for (workflow_id, state), obj in items.items():
            row = result.setdefault(workflow_id, {}).setdefault(state, {})
            for role in ROLES:
                with _as(people[role]):
                    security = getSecurityManager()
                    row[role] = Cell(
                        view=bool(security.checkPermission("View", obj)),
                        edit=bool(
                            security.checkPermission("Modify portal content", obj)
                        ),
                        transitions=tuple(
                            t["id"] for t in workflow_tool.getTransitionsFor(obj)
                        ),
                    )
        return result
    finally:
        savepoint.rollback()


def _users(portal):
    users = {}
    for role in ROLES[1:]:
        user_id = "matrix-" + role.lower().replace(" ", "-")
        if api.user.get(userid=user_id) is None:
            api.user.create(
                email=f"{user_id}@example.invalid",
                username=user_id,
                password=PASSWORD,
                roles=("Member",),
            )
        users[role] = user_id
    return users


def _items(area):
    """One page per workflow and state, put in the state as Manager (the
    guards are not asked: the matrix shows who may act, not whether an item
    is ready)."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    items = {}
    for workflow_id, policy in WORKFLOW_POLICIES.items():
        folder = api.content.create(area, "Folder", id=policy, title=policy)
        set_policies(folder, policy, policy)
        workflow = workflow_tool.getWorkflowById(workflow_id)
        for portal_type in ("Document", *BOUND_TYPES.get(workflow_id, ())):
            key = (
                workflow_id
                if portal_type == "Document"
                else f"{workflow_id}:{portal_type}"
            )
            for state in workflow.states.objectIds():
                obj = api.content.create(
                    folder,
                    portal_type,
                    id=f"{portal_type.lower()}-{state}",
                    title=f"{portal_type} ở trạng thái {state}",
                    description="Mục dùng để đo quyền theo trạng thái.",
                )
                assert workflow_tool.getChainFor(obj) == (workflow_id,), workflow_id
                workflow_tool.setStatusOf(
                    workflow_id,
                    obj,
                    {
                        workflow.state_var: state,
                        "action": None,
                        "actor": api.user.get_current().getId(),
                        "comments": "",
                        "time": DateTime(),
                    },
                )
                workflow.updateRoleMappingsFor(obj)
                narrow(obj)
                items[(key, state)] = obj
    return items


@contextmanager
def _as(user):
    before = getSecurityManager()
    newSecurityManager(None, user)
    try:
        yield
    finally:
        setSecurityManager(before)


# --- The document --------------------------------------------------------


HEADER = """\
# Permissions of the editorial workflows

<!-- Generated by commune_portal.workflows.matrix: do not edit by hand.
     Regenerate: UPDATE_PERMISSIONS_DOC=1 .venv/bin/pytest tests/workflows/test_matrix.py
     (the test fails while this file differs from the workflows). -->

What a user can do with an item, by workflow, state and role. The role is
given on the section through the sharing page ("Chia sẻ"), as a site
administrator does; every logged-in user also has `Member`. *Anonymous* is a
visitor who is not logged in. *Owner* is the author of the item.

Each cell: `view` (can see the item), `edit` (can change it), then after
`;` the transitions the workflow offers to that user; `—`: nothing. The
guards of `commune_portal.workflows.guards` (classified documents,
completeness, four eyes) can still refuse an offered transition for a given
item. Manager can do everything and is not shown. Measured on pages
(`Document`); the one-stop-shop officer acts only on procedures and the
folders and files of the section of procedures, so the one-step workflow
is also measured on a `Procedure`. The permission maps are the workflows';
on a classified item and for roles bound to a kind of content, they are
narrowed (`commune_portal.workflows.security`, see workflows.md).

Design and reasons: [workflows.md](workflows.md).
"""


def render(portal, matrix):
    """``matrix`` (from ``compute``) as the Markdown of docs/permissions.md."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    out = [HEADER]
    for workflow_id, policy in WORKFLOW_POLICIES.items():
        workflow = workflow_tool.getWorkflowById(workflow_id)
        states = workflow.states.objectIds()
        out.append(f"## `{workflow_id}`: {workflow.title}\n")
        out.append(f"{workflow.description}\n")
        out.append(
            f"Initial state: `{workflow.initial_state}`. Used for pages by the "
            f"placeful policy `{policy}`.\n"
        )
        out.append("### What each role can do\n")
        out.append(_roles_table(workflow, matrix[workflow_id]))
        for portal_type in BOUND_TYPES.get(workflow_id, ()):
            out.append(f"### What each role can do with a `{portal_type}`\n")
            out.append(_roles_table(workflow, matrix[f"{workflow_id}:{portal_type}"]))
        out.append("### Transitions\n")
        rows = []
        for transition in workflow.transitions.objectValues():
            sources = [
                s
                for s in states
                if transition.getId() in workflow.states[s].transitions
            ]
            guard = transition.getGuard()
            rows.append(
                [
                    f"`{transition.getId()}`",
                    transition.actbox_name,
                    ", ".join(f"`{s}`" for s in sources),
                    f"`{transition.new_state_id}`",
                    "; ".join(guard.permissions or ()),
                    "guards" if guard.getExprText() else "",
                ]
            )
        out.append(
            _table(
                ["transition", "menu", "from", "to", "permission", "expression"],
                rows,
            )
        )
        out.append("### Permission maps\n")
        out.append(
            _table(
                ["permission", *(f"`{s}`" for s in states)],
                [
                    [
                        permission,
                        *(
                            ", ".join(
                                workflow.states[s]
                                .getPermissionInfo(permission)
                                .get("roles")
                                or ()
                            )
                            for s in states
                        ),
                    ]
                    for permission in PERMISSIONS
                    if permission in workflow.permissions
                ],
            )
        )
    return "\n".join(out).rstrip() + "\n"


def _roles_table(workflow, cells):
    states = workflow.states.objectIds()
    return _table(
        ["role", *(f"{workflow.states[s].title} (`{s}`)" for s in states)],
        [[role, *(str(cells[s][role]) for s in states)] for role in ROLES],
    )


def _table(header, rows):
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(" --- " for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
