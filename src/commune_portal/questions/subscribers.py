"""What happens around a question's life: its code when it is added, the
officer's local role when it is assigned, the date and signature of the
answer, the publication date, and the e-mails of each step."""

from Acquisition import aq_base
from commune_portal.questions import assignment
from commune_portal.questions import codes
from commune_portal.questions import mail
from DateTime import DateTime
from plone import api
from plone.app.workflow.interfaces import ILocalrolesModifiedEvent
from zope.container.interfaces import IContainerModifiedEvent


# Transition -> the e-mail to the person asking.
MAILS = {
    "assign": "assigned",
    "answer": "answered",
    "publish": "published",
    "reject": "rejected",
}


def added(question, event):
    """``IObjectAddedEvent``: a question added by hand gets its code."""
    codes.ensure_code(question)


def modified(question, event):
    """``IObjectModifiedEvent``: the officer's role follows ``assigned_to``
    (forms, REST)."""
    if ILocalrolesModifiedEvent.providedBy(event) or IContainerModifiedEvent.providedBy(
        event
    ):
        return
    assignment.sync_officer(question)


def after_transition(question, event):
    """``IAfterTransitionEvent``: record the answer's date and signature,
    the publication date, and e-mail who needs to know."""
    transition = event.transition
    if transition is None:
        return  # the initial state of a new question
    action = transition.getId()
    if action == "answer":
        _record_answer(question)
    elif (
        action == "publish"
        and getattr(aq_base(question), "effective_date", None) is None
    ):
        question.setEffectiveDate(DateTime())
        question.reindexObject(idxs=["effective", "effectiveRange"])
    elif action == "assign":
        mail.notify_officer(question, getattr(question, "assigned_to", None))
    kind = MAILS.get(action)
    if kind is not None:
        mail.notify_asker(question, kind)


def _record_answer(question):
    if getattr(question, "answered_date", None) is None:
        question.answered_date = codes.now().replace(microsecond=0)
    if not getattr(question, "answering_officer", None):
        user = api.user.get_current()
        question.answering_officer = (
            user.getProperty("fullname", None) or user.getId() or ""
        )
    question.reindexObject()
