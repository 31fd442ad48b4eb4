"""E-mail the people who can act when an item starts waiting for them.

When a transition leaves an item in ``pending_review`` (the editorial
board) or ``pending_approval`` (the leader), every user who can now review
it gets one plain-text e-mail, in the site's language, with a link to the
item and to their "my work" page.

Who can act: the users holding, globally or locally (on the item or the
folders above it, honouring blocked inheritance), a role that has *Review
portal content* on the item in its new state: ``Reviewer`` in
``pending_review``, ``CommuneApprover`` in ``pending_approval`` with the
commune workflows. Administrators (Manager, Site Administrator) can act
everywhere and are left out, unless they also hold the acting role. The
user who did the transition is never mailed.

Mail is sent only when the control panel switch ``notify_reviewers`` is on
and the site has a sender address (``plone.email_from_address``). It is
queued with the transaction, so an aborted transition sends nothing; a
failure to compose or queue is logged and never stops the transition.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from Acquisition import aq_base
from commune_portal import _
from commune_portal import mail
from commune_portal.workflows import history
from commune_portal.workflows.guards import setting
from commune_portal.workflows.guards import translated_title
from plone import api
from Products.CMFCore.permissions import ReviewPortalContent
from Products.CMFCore.utils import getToolByName
from zope.i18n import translate
import logging


logger = logging.getLogger(__name__)

SUBJECTS = {
    "pending_review": _("Waiting for your review: ${title}"),
    "pending_approval": _("Waiting for your approval: ${title}"),
}
# They can act everywhere; mailing them about every item is noise.
ADMINISTRATOR_ROLES = ("Manager", "Site Administrator", "Owner")


def acting_roles(obj):
    """The roles that have *Review portal content* on ``obj`` now, but the
    administrators'."""
    return set(rolesForPermissionOn(ReviewPortalContent, obj)) - set(
        ADMINISTRATOR_ROLES
    )


def _principal_ids(obj, roles):
    """Users and groups holding one of ``roles`` on the whole site or on
    ``obj`` and its parents."""
    acl_users = getToolByName(obj, "acl_users")
    principals = set()
    role_manager = getattr(acl_users, "portal_role_manager", None)
    if role_manager is not None:
        for role in roles:
            try:
                assigned = role_manager.listAssignedPrincipals(role)
            except KeyError:  # a role nobody has ever been given
                continue
            principals.update(principal_id for principal_id, _title in assigned)
    for principal_id, local_roles in acl_users._getAllLocalRoles(obj).items():
        if roles.intersection(local_roles):
            principals.add(principal_id)
    return principals


def actors(obj):
    """The users (``MemberData``) who can review ``obj`` in its current
    state through an acting role, each once."""
    roles = acting_roles(obj)
    if not roles:
        return []
    found = {}
    for principal_id in sorted(_principal_ids(obj, roles)):
        group = api.group.get(groupname=principal_id)
        if group is not None:
            members = api.user.get_users(group=group)
        else:
            member = api.user.get(userid=principal_id)
            members = [member] if member is not None else []
        for member in members:
            member_id = member.getId()
            if member_id in found:
                continue
            # The authoritative check: blocked inheritance and the like.
            if roles.intersection(member.getRolesInContext(obj)):
                found[member_id] = member
    return [found[member_id] for member_id in sorted(found)]


def compose(obj, state, recipient, entry, language):
    """``(subject, body)`` of the e-mail to ``recipient``."""
    portal = api.portal.get()
    workflow = history.current_workflow(obj)
    state_definition = workflow.states.get(state) if workflow else None
    state_title = translated_title(
        state_definition.title if state_definition is not None else state,
        target_language=language,
    )
    mapping = {
        "title": obj.Title(),
        "name": recipient.getProperty("fullname") or recipient.getId(),
        "actor": history.fullname(entry.get("actor")),
        "state": state_title,
        "url": obj.absolute_url(),
        "my_work_url": f"{portal.absolute_url()}/@@my-work",
        "comment": entry.get("comments") or "",
    }
    subject = translate(
        _(SUBJECTS[state], mapping=mapping),
        target_language=language,
    )
    paragraphs = [
        _("Hello ${name},", mapping=mapping),
        _(
            "${actor} has sent “${title}” on; it is now at the step "
            "“${state}” and waits for you.",
            mapping=mapping,
        ),
    ]
    if mapping["comment"]:
        paragraphs.append(_("Their comment: ${comment}", mapping=mapping))
    paragraphs += [
        _("Open the item: ${url}", mapping=mapping),
        _("Everything waiting for you: ${my_work_url}", mapping=mapping),
        _(
            "This message was sent automatically by the commune portal; you "
            "receive it because you can review or approve this item."
        ),
    ]
    body = "\n\n".join(
        translate(paragraph, target_language=language) for paragraph in paragraphs
    )
    return subject, body


def notify_actors(obj, event):
    """Subscriber of ``IActionSucceededEvent``: mail who can act next."""
    if not setting("notify_reviewers", False):
        return  # switched off, or a site without commune_portal
    transitions = getattr(getattr(event, "workflow", None), "transitions", None)
    transition = transitions.get(event.action) if transitions is not None else None
    if transition is not None and transition.new_state_id not in SUBJECTS:
        return  # nobody waits on this state: no history to read
    try:
        _notify(obj, getattr(event, "workflow", None))
    except Exception:
        # A notification never stops a transition.
        logger.exception(
            "Could not notify the reviewers of %s", "/".join(obj.getPhysicalPath())
        )


def _last_entry(obj, workflow):
    """The entry the transition of ``workflow`` has just written (read
    without looking the object's workflows up again), else the latest of
    its current workflow."""
    workflow_id = getattr(workflow, "getId", None)
    if workflow_id is not None:
        entries = (getattr(aq_base(obj), "workflow_history", None) or {}).get(
            workflow_id()
        )
        if entries:
            return entries[-1]
    return history.last_entry(obj)


def _notify(obj, workflow=None):
    entry = _last_entry(obj, workflow)
    if entry is None:
        return
    state = entry.get("review_state")
    if state not in SUBJECTS:
        return
    mfrom = mail.sender()
    mailhost = mail.mailhost(obj)
    if not mfrom or mailhost is None:
        logger.info("No sender address or MailHost: reviewers not notified.")
        return
    language = mail.site_language()
    actor = entry.get("actor")
    for recipient in actors(obj):
        address = recipient.getProperty("email")
        if not address or recipient.getId() == actor:
            continue
        subject, body = compose(obj, state, recipient, entry, language)
        mail.queue(mailhost, address, mfrom, subject, body)
