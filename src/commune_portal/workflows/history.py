"""The audit trail of an item: the ``review_history`` that DCWorkflow keeps
for the object's current workflow (who did which transition, when, with
which comment).

These helpers read the history unrestricted: the callers (guards, catalog
indexers, notifications) decide what a user gets to see. Plone's own
``@@historyview`` and plone.restapi's ``@history`` and ``@workflow`` show
the same entries to the people allowed to read them.
"""

from commune_portal import _
from plone import api
from Products.CMFCore.utils import _checkPermission
from Products.CMFCore.utils import getToolByName


# Who may read an item's audit trail: whoever may read its history
# (plone.restapi's ``@history`` asks the same permission). By default:
# Manager, Site Administrator, Owner, Editor, Reviewer, Contributor.
READ_TRAIL_PERMISSION = "CMFEditions: Access previous versions"
# What the workflow itself asks (the ``review_history`` variable's guard).
NATIVE_TRAIL_PERMISSIONS = ("Request review", "Review portal content")

CREATED = _("Created")


def current_workflow(obj):
    """The first workflow of the object's chain (placeful policies
    included), or ``None``."""
    wftool = getToolByName(obj, "portal_workflow", None)
    if wftool is None:
        return None
    chain = wftool.getWorkflowsFor(obj)
    return chain[0] if chain else None


def review_history(obj):
    """The entries of the current workflow, oldest first: dicts with
    ``action``, ``actor``, ``comments``, ``review_state`` and ``time``."""
    workflow = current_workflow(obj)
    if workflow is None:
        return ()
    wftool = getToolByName(obj, "portal_workflow")
    return tuple(wftool.getHistoryOf(workflow.getId(), obj) or ())


def current_round(obj):
    """The entries since the item last entered its workflow's initial state
    (created, rejected or retracted): what happened on its way up this
    time."""
    workflow = current_workflow(obj)
    entries = review_history(obj)
    if workflow is None:
        return entries
    initial = workflow.initial_state
    start = 0
    for index, entry in enumerate(entries):
        if entry.get("review_state") == initial:
            start = index + 1
    return entries[start:]


def last_entry(obj):
    """The latest entry of the current workflow, or ``None``."""
    entries = review_history(obj)
    return entries[-1] if entries else None


def last_action_in_round(obj, action):
    """The latest ``action`` entry (e.g. ``submit``) of the current round,
    or ``None``."""
    for entry in reversed(current_round(obj)):
        if entry.get("action") == action:
            return entry
    return None


def as_record(entry):
    """An entry as plain, JSON-friendly data (for catalog metadata):
    ``{"action", "actor", "comments", "review_state", "time"}``, the time
    as an ISO 8601 string."""
    if not entry:
        return None
    time = entry.get("time")
    return {
        "action": entry.get("action"),
        "actor": entry.get("actor"),
        "comments": entry.get("comments") or "",
        "review_state": entry.get("review_state"),
        "time": time.ISO8601() if hasattr(time, "ISO8601") else time,
    }


def may_read_trail(obj):
    """Whether the current user may read the audit trail of ``obj``."""
    return bool(_checkPermission(READ_TRAIL_PERMISSION, obj))


def workflow_shows_trail(obj):
    """Whether the workflow itself shows the trail to the current user
    (Plone's history viewlet and ``@workflow`` do only then)."""
    return any(_checkPermission(p, obj) for p in NATIVE_TRAIL_PERMISSIONS)


def fullname(user_id):
    """The full name of the user who did a transition, their id when they
    have none (or no longer exist)."""
    member = api.user.get(userid=user_id) if user_id else None
    if member is None:
        return user_id or ""
    return member.getProperty("fullname") or user_id
