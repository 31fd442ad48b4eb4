"""Recording the answer to a voters' petition, in whatever state it is.

The agency's answer often comes weeks after the petition was taken up, and
a published petition may get a later or corrected answer. The council
secretary records it (``response``, ``response_date``) without retracting
the petition: whoever may take the workflow's ``answer`` transition (*Review
portal content*, which ``voter_petition_workflow`` gives in every state to
Manager, Site Administrator and CouncilSecretary; never to a delegate or
the public) may record the answer. Everything else of a published petition
stays as the workflow intends: only editors and site administrators edit
it. A petition still ``received`` or ``forwarded`` moves to ``answered``.

The Classic UI form ``@@answer-petition`` (``browser/council_petition.py``)
and ``POST <petition>/@answer`` (``services/petition_answer``) call
``record_answer``. The schema's rules hold (the response is not dated
before the meeting with voters); a refused answer stores nothing.
"""

from commune_portal import _
from commune_portal.content.voter_petition import IVoterPetition
from plone import api
from plone.app.event.base import localized_today
from Products.CMFCore.permissions import ReviewPortalContent
from zExceptions import Unauthorized
from zope.event import notify
from zope.interface import Invalid
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import ValidationError
import logging
import types


logger = logging.getLogger("commune_portal")

ANSWER_FIELDS = ("response", "response_date")
# Where recording the answer also takes the ``answer`` transition.
WAITING_STATES = ("received", "forwarded")
ANSWER = "answer"


class AnswerRefused(ValueError):
    """The answer breaks a rule of the petition: ``field`` names the field,
    ``message`` says why (a translatable message)."""

    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message


def may_answer(petition):
    """Whether the current user may record the answer to ``petition``."""
    return bool(api.user.has_permission(ReviewPortalContent, obj=petition))


def _is_empty(response):
    if response is None:
        return True
    raw = getattr(response, "raw", response) or ""
    return not str(raw).strip()


def check_answer(petition, response, response_date):
    """Raise ``AnswerRefused`` when ``response`` and ``response_date``
    break the petition's rules (the schema's fields and invariant)."""
    if _is_empty(response):
        raise AnswerRefused("response", _("Write the answer."))
    for name, value in (("response", response), ("response_date", response_date)):
        try:
            IVoterPetition[name].bind(petition).validate(value)
        except ValidationError as error:
            raise AnswerRefused(name, error.doc()) from error
    data = types.SimpleNamespace(
        **{name: getattr(petition, name, None) for name in IVoterPetition},
    )
    data.response = response
    data.response_date = response_date
    try:
        IVoterPetition.validateInvariants(data)
    except Invalid as error:
        field = getattr(error, "field", None) or "response_date"
        raise AnswerRefused(field, error.args[0]) from error


def record_answer(petition, response, response_date=None):
    """Record the answer to ``petition`` (``response``: a
    ``RichTextValue``; ``response_date`` a date, today when ``None``).

    ``Unauthorized`` for whoever may not answer, ``AnswerRefused`` when a
    rule is broken: then nothing is stored. A petition still waiting for
    its answer moves to ``answered``; a published one stays published."""
    if not may_answer(petition):
        raise Unauthorized("Only the council secretary records the answer.")
    if response_date is None:
        response_date = localized_today(petition)
    check_answer(petition, response, response_date)
    petition.response = response
    petition.response_date = response_date
    notify(ObjectModifiedEvent(petition, Attributes(IVoterPetition, *ANSWER_FIELDS)))
    # The listings show the answer's date and its beginning (metadata).
    petition.reindexObject()
    if api.content.get_state(petition, default=None) in WAITING_STATES:
        api.content.transition(petition, transition=ANSWER)
    logger.info(
        "Council: answer recorded on %s (%s)",
        "/".join(petition.getPhysicalPath()),
        api.content.get_state(petition, default=None),
    )
    return petition
