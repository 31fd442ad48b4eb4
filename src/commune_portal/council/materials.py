"""The secretary's two actions on a session's materials (the
``SessionDocument`` and ``Resolution`` items of a ``CouncilSession``):

- ``circulate``: before the session, to the delegates of the term
  (``circulate``: ``private`` → ``circulated``), the session itself too
  while it is private, so that the delegates open the session page; the
  delegates are then e-mailed (``council/mail.py``);
- ``publish``: after the session, for the voters (``publish``), with the
  session, which enters the kỷ yếu: ``CouncilSession.proceedings_date`` is
  set the first time.

Who may: whoever has *Review portal content* on the session (the workflow
gives it to the council secretary, site administrators and managers).
Each item goes through Plone's workflow, so the guards hold (a classified
item is never circulated or published; what publication requires): a
refused item is reported with the guard's reason and changes nothing; an
item is moved with its annexes (a resolution's files in the same state) or
not at all. The Classic UI forms (``browser/council_materials.py``) and
the REST endpoints (``services/council_materials``) call these functions.
"""

from Acquisition import aq_base
from commune_portal import _
from commune_portal.content.council_session import MATERIAL_TYPES
from commune_portal.workflows.refusals import refusal
from dataclasses import dataclass
from dataclasses import field
from plone import api
from plone.app.event.base import localized_now
from Products.CMFCore.permissions import ReviewPortalContent
from Products.CMFCore.WorkflowCore import WorkflowException
from zExceptions import Unauthorized
from zope.i18n import translate
import logging
import transaction


logger = logging.getLogger("commune_portal")

CIRCULATE = "circulate"
PUBLISH = "publish"
PRIVATE = "private"
CIRCULATED = "circulated"
PUBLISHED = "published"


@dataclass
class Outcome:
    """What an action did: the items moved, the items refused with their
    reasons (translatable messages), and the session."""

    session: object
    done: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # (item, [reasons])
    session_moved: bool = False
    session_refused: list = field(default_factory=list)


def state_of(obj):
    return api.content.get_state(obj, default=None)


def may_act(session):
    """Whether the current user may circulate and publish the session's
    materials: *Review portal content* on the session, as the workflow
    gives it."""
    return bool(api.user.has_permission(ReviewPortalContent, obj=session))


def check(session):
    if not may_act(session):
        raise Unauthorized("Only the council secretary circulates and publishes.")


def materials_of(session):
    """The session's materials and resolutions, in the session's order."""
    return [
        item
        for item in session.objectValues()
        if getattr(aq_base(item), "portal_type", None) in MATERIAL_TYPES
    ]


def in_state(session, state):
    return [item for item in materials_of(session) if state_of(item) == state]


def to_circulate(session):
    """What ``circulate`` takes by default: the private materials."""
    return in_state(session, PRIVATE)


def to_publish(session):
    """What ``publish`` takes by default: the circulated materials."""
    return in_state(session, CIRCULATED)


def resolve(session, uids):
    """The materials of ``session`` named by ``uids`` (in the order given,
    each once); ``ValueError`` with the UIDs that name none."""
    by_uid = {item.UID(): item for item in materials_of(session)}
    unknown = [uid for uid in uids if uid not in by_uid]
    if unknown:
        raise ValueError(unknown)
    return [by_uid[uid] for uid in dict.fromkeys(uids)]


def _annexes(item, state):
    """What moves with ``item``: its contents in the same state (the
    annexes of a resolution)."""
    if not hasattr(aq_base(item), "objectValues"):
        return []
    return [child for child in item.objectValues() if state_of(child) == state]


def move(item, transition_id, with_annexes=True):
    """Take ``transition_id`` on ``item`` (and its annexes) through the
    workflow; return the reasons why not (translatable messages), empty
    when done. Nothing of the item changes when it is refused."""
    reasons = refusal(item, transition_id)
    if reasons:
        return reasons
    annexes = _annexes(item, state_of(item)) if with_annexes else []
    for annex in annexes:
        blocked = refusal(annex, transition_id)
        if blocked:
            return [
                _(
                    "Its annex “${annex}” cannot follow: ${reason}",
                    mapping={"annex": annex.Title(), "reason": reason},
                )
                for reason in blocked
            ]
    workflow = api.portal.get_tool("portal_workflow")
    savepoint = transaction.savepoint(optimistic=True)
    try:
        for obj in (item, *annexes):
            workflow.doActionFor(obj, transition_id)
    except WorkflowException as error:
        savepoint.rollback()
        logger.warning("Council: %s refused on %s: %s", transition_id, item, error)
        return [_("The workflow refused this step; nothing was changed.")]
    return []


def _move_all(outcome, items, transition_id):
    for item in items:
        reasons = move(item, transition_id)
        if reasons:
            outcome.refused.append((item, reasons))
        else:
            outcome.done.append(item)


def circulate(session, materials=None):
    """Circulate ``materials`` (default: the private ones) of ``session``
    to the delegates, and the session with them while it is private."""
    check(session)
    if materials is None:
        materials = to_circulate(session)
    outcome = Outcome(session)
    _move_all(outcome, materials, CIRCULATE)
    if outcome.done and state_of(session) == PRIVATE:
        outcome.session_refused = move(session, CIRCULATE, with_annexes=False)
        outcome.session_moved = not outcome.session_refused
    return outcome


def publish(session, materials=None):
    """Publish ``materials`` (default: the circulated ones) of ``session``
    and the session; the first time the session is published this way, it
    enters the kỷ yếu (``proceedings_date``). Publishing again publishes
    what was circulated since and keeps the first date."""
    check(session)
    if materials is None:
        materials = to_publish(session)
    outcome = Outcome(session)
    _move_all(outcome, materials, PUBLISH)
    if state_of(session) != PUBLISHED:
        outcome.session_refused = move(session, PUBLISH, with_annexes=False)
        outcome.session_moved = not outcome.session_refused
    if state_of(session) == PUBLISHED and session.proceedings_date is None:
        session.proceedings_date = localized_now(session)
        # The kỷ yếu lists the sessions by this date (catalog).
        session.reindexObject()
    return outcome


# --- The report (REST body; the forms' status messages) ---------------------


def item_summary(obj):
    """How the report names an item."""
    return {
        "@id": obj.absolute_url(),
        "UID": obj.UID(),
        "@type": obj.portal_type,
        "title": obj.Title(),
        "review_state": state_of(obj),
    }


def report(outcome, done_key, request, plan=None):
    """The JSON report of ``outcome``: the items moved under ``done_key``
    (``circulated``, ``published``), the refused ones with the reason in
    the user's language, the session, and with ``plan`` the e-mails
    (``mailed``, ``without_email``, ``mail``: the plan's status)."""

    def reason(messages):
        return " ".join(translate(message, context=request) for message in messages)

    refused = [
        {
            "@id": item.absolute_url(),
            "UID": item.UID(),
            "title": item.Title(),
            "reason": reason(reasons),
        }
        for item, reasons in outcome.refused
    ]
    session = outcome.session
    if outcome.session_refused:
        refused.append(
            {
                "@id": session.absolute_url(),
                "UID": session.UID(),
                "title": session.Title(),
                "reason": reason(outcome.session_refused),
            }
        )
    body = {
        done_key: [item_summary(item) for item in outcome.done],
        "refused": refused,
        "session": item_summary(session),
    }
    if plan is not None:
        body["mailed"] = len(plan.mailed)
        body["without_email"] = [
            {"@id": person.delegate.absolute_url(), "title": person.name}
            for person in plan.without_email
        ]
        body["mail"] = plan.status
    return body
