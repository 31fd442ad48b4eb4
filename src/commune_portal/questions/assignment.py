"""Who answers a question: the officer the moderator assigns it to.

The moderator names a Plone user (``assigned_to``). That user gets, on that
question only, the technical role ``QuestionOfficer``, to which
``citizen_question_workflow`` gives view and edit in the states
``assigned`` and ``answered``: they read the question and write the
answer, and nothing else. Plone's ``Editor`` would not do: given on the
section or site-wide for the site's editors, it would open every question,
personal data aside, to them. The role is never on the sharing page;
``sync_officer`` keeps it in step with ``assigned_to`` (on assignment, on
any edit of the field through the forms or REST).
"""

from Acquisition import aq_base
from plone import api
from Products.CMFCore.utils import getToolByName


OFFICER_ROLE = "QuestionOfficer"
TECHNICAL_ROLES = (OFFICER_ROLE,)
ASSIGN = "assign"


def sync_officer(question):
    """Give ``QuestionOfficer`` on ``question`` to its ``assigned_to`` user
    only. Returns whether the local roles changed (security reindexed)."""
    wanted = getattr(aq_base(question), "assigned_to", None) or None
    local = dict(getattr(aq_base(question), "__ac_local_roles__", None) or {})
    changed = False
    for principal, roles in local.items():
        if OFFICER_ROLE in roles and principal != wanted:
            kept = [role for role in roles if role != OFFICER_ROLE]
            if kept:
                question.manage_setLocalRoles(principal, kept)
            else:
                question.manage_delLocalRoles([principal])
            changed = True
    if wanted and OFFICER_ROLE not in local.get(wanted, ()):
        question.manage_addLocalRoles(wanted, [OFFICER_ROLE])
        changed = True
    if changed:
        question.reindexObjectSecurity()
    return changed


def officers(context):
    """The users a question can be assigned to: ``[(user_id, title)]``,
    titles "Full name (user id)", in Vietnamese order."""
    from commune_portal.text import sort_key

    found = []
    for user in api.user.get_users():
        user_id = user.getId()
        fullname = user.getProperty("fullname") or ""
        title = f"{fullname} ({user_id})" if fullname else user_id
        found.append((user_id, title))
    return sorted(found, key=lambda item: sort_key(item[1]))


def is_user(user_id):
    return bool(user_id) and api.user.get(userid=user_id) is not None


def assign(question, user_id, comment=""):
    """Assign ``question`` to the user ``user_id`` and take the ``assign``
    transition (the current user needs the right to). Raises
    ``ValueError`` for an unknown user."""
    if not is_user(user_id):
        raise ValueError(user_id)
    question.assigned_to = user_id
    sync_officer(question)
    workflow = getToolByName(question, "portal_workflow")
    workflow.doActionFor(question, ASSIGN, comment=comment)


def officer_name(user_id):
    """The full name of a user, or their id."""
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return user_id or ""
    return user.getProperty("fullname") or user_id
