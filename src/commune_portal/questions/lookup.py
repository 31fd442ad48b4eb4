"""The person asking follows their question with its code and the e-mail
address (or phone number) they gave, and nothing else.

The right pair gives the state, the dates and, once answered, the answer
(or the reason of a rejection). A wrong address and an unknown code give
the same refusal, so that nobody learns whether a code exists. Wrong pairs
count against the client address (``questions/ratelimit.py``): after the
control panel's number of them in an hour, that address is refused until
the hour is over, right pair or not.
"""

from commune_portal.content.citizen_question import normalize_phone
from commune_portal.content.citizen_question import same_email
from commune_portal.questions import codes
from commune_portal.questions import ratelimit
from commune_portal.questions.mail import section_of
from commune_portal.questions.settings import lookup_limit
from commune_portal.workflows.guards import translated_title
from dataclasses import dataclass
from Products.CMFCore.utils import getToolByName
import hmac


ANSWER_STATES = ("answered", "published")


@dataclass
class Lookup:
    status: str  # found, not_found, limited
    info: dict | None = None


def matches(question, contact):
    """Whether ``contact`` is the e-mail address or the phone number the
    person gave with ``question``."""
    contact = (contact or "").strip()
    if not contact:
        return False
    if "@" in contact:
        return same_email(getattr(question, "asker_email", None), contact)
    given = normalize_phone(contact)
    stored = getattr(question, "asker_phone", None)
    return bool(given and stored) and hmac.compare_digest(given, stored)


def lookup(context, request, code, contact):
    """Look the question ``code`` up in ``context`` for the person who
    gives ``contact``. Returns a ``Lookup``."""
    key = ratelimit.request_key(context, request, "lookup")
    if ratelimit.exceeded(key, lookup_limit()):
        return Lookup("limited")
    brain = codes.find_question(context, code)
    question = brain._unrestrictedGetObject() if brain is not None else None
    if question is None or not matches(question, contact):
        ratelimit.hit(key)
        return Lookup("not_found")
    return Lookup("found", status_of(question, request))


def status_of(question, request):
    """What the person asking may read of their question."""
    workflow_tool = getToolByName(question, "portal_workflow")
    state = workflow_tool.getInfoFor(question, "review_state", None)
    workflow = workflow_tool.getWorkflowsFor(question)
    definition = workflow[0].states.get(state) if workflow else None
    created = question.created()
    effective = question.effective_date if state == "published" else None
    answered = getattr(question, "answered_date", None)
    answer = None
    if state in ANSWER_STATES and getattr(question, "answer", None) is not None:
        answer = question.answer.output_relative_to(question)
    return {
        "code": question.tracking_code,
        "title": question.title,
        "review_state": state,
        "state_title": translated_title(
            definition.title if definition is not None else state, request=request
        ),
        "submitted": codes.local_date(created),
        "answered": codes.local_date(answered) if state in ANSWER_STATES else None,
        "published": codes.local_date(effective),
        "answer": answer,
        "answering_officer": (
            question.answering_officer if state in ANSWER_STATES else None
        ),
        "rejection_reason": (
            question.rejection_reason if state == "rejected" else None
        ),
        "url": question.absolute_url() if state == "published" else None,
        "section_url": section_of(question).absolute_url(),
    }
