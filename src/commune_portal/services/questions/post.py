"""``POST <section>/@questions``: a citizen sends a question; ``POST
<section>/@questions/status``: they follow it with its code and their
e-mail address (or phone number). Both work for anonymous visitors.

Submission (JSON)::

    {"title": "...", "question": "...", "sector": "ho-tich",
     "asker_name": "...", "asker_address": "...", "asker_phone": "...",
     "asker_email": "...", "consent": true,
     "attachments": [{"filename": "don.pdf", "data": "<base64>"}]}

201 with the tracking code; 400 with ``errors``, one ``{"field",
"message"}`` per invalid field, nothing stored; 429 when the client
address sent too many questions this hour; 404 when the folder takes no
questions. Look-up: ``{"code": "...", "email": "..."}`` (or ``"phone"``):
200 with the state and, once answered, the answer; the same 404 for an
unknown code and a wrong address; 429 after too many wrong pairs.
"""

from commune_portal import _
from commune_portal.listings.params import bad_request
from commune_portal.questions import lookup
from commune_portal.questions import submission
from commune_portal.services.listing import iso
from commune_portal.services.protection import check_write
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse
from zope.publisher.interfaces import NotFound
import base64
import binascii


STATUS = "status"
BODY_FIELDS = (*submission.FIELDS, submission.HONEYPOT)
LOOKUP_FIELDS = ("code", "email", "phone")

NOT_A_SECTION = _("This folder does not take questions.")
TOO_MANY = _(
    "Too many requests from your network address in the last hour. Please "
    "try again later, or contact the commune office."
)
NOT_FOUND = _(
    "No question matches this code and this e-mail address or phone number. "
    "Check both as you wrote them when you sent the question."
)
RECEIVED = _(
    "Your question has been received. Keep its tracking code: with it and "
    "your e-mail address or phone number you can follow it and read the "
    "answer."
)
INVALID = _("Some fields need correcting: see each field's message.")
UNREADABLE_FILE = _(
    'A file could not be read: send each one as {"filename": ..., '
    '"data": <its content in base64>}.'
)


def error(request, status, kind, message, **extra):
    request.response.setStatus(status)
    return {
        "error": {
            "type": kind,
            "message": translate(message, context=request),
            **extra,
        }
    }


def attachments_of(value):
    """``submission.Attachment`` from the JSON list; ``ValueError`` when
    it is not a list of files."""
    if value in (None, []):
        return []
    if not isinstance(value, list):
        raise ValueError("attachments")
    found = []
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("data"), str):
            raise ValueError("attachments")
        try:
            data = base64.b64decode(entry["data"], validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("attachments") from None
        filename = entry.get("filename")
        found.append(
            submission.Attachment(
                filename=filename if isinstance(filename, str) else "", data=data
            )
        )
    return found


@implementer(IPublishTraverse)
class QuestionsPost(Service):
    def __init__(self, context, request):
        super().__init__(context, request)
        self.action = None

    def publishTraverse(self, request, name):
        if self.action is None and name == STATUS:
            self.action = name
            return self
        raise NotFound(self, name, request)

    def reply(self):
        refused = check_write(self)
        if refused is not None:
            return refused
        data = json_body(self.request)
        if not isinstance(data, dict):
            return bad_request(self.request, "body", _("Send a JSON object."))
        if self.action == STATUS:
            return self.status(data)
        return self.submit(data)

    def _unknown(self, data, allowed):
        for name in data:
            if name not in allowed:
                return bad_request(
                    self.request,
                    name,
                    _(
                        'Unknown parameter "${name}". Allowed: ${allowed}.',
                        mapping={"name": name, "allowed": ", ".join(allowed)},
                    ),
                )
        return None

    def submit(self, data):
        if not submission.is_questions_section(self.context):
            return error(self.request, 404, "NotFound", NOT_A_SECTION)
        unknown = self._unknown(data, BODY_FIELDS)
        if unknown is not None:
            return unknown
        try:
            files = attachments_of(data.get("attachments"))
        except ValueError:
            return error(
                self.request,
                400,
                "BadRequest",
                INVALID,
                errors=[
                    {
                        "field": "attachments",
                        "message": translate(UNREADABLE_FILE, context=self.request),
                    }
                ],
            )
        result = submission.submit(self.context, self.request, data, files)
        if result.status == "limited":
            self.request.response.setHeader("Retry-After", "3600")
            return error(self.request, 429, "TooManyRequests", TOO_MANY)
        if result.status == "invalid":
            return error(
                self.request,
                400,
                "BadRequest",
                INVALID,
                errors=[
                    {"field": name, "message": translate(message, context=self.request)}
                    for name, message in sorted(
                        result.errors.items(), key=lambda item: _order(item[0])
                    )
                ],
            )
        # Created, or the honeypot (which must look the same).
        self.request.response.setStatus(201)
        return {
            "code": result.code,
            "review_state": "submitted",
            "message": translate(RECEIVED, context=self.request),
            "status_url": f"{self.context.absolute_url()}/@@question-status",
        }

    def status(self, data):
        unknown = self._unknown(data, LOOKUP_FIELDS)
        if unknown is not None:
            return unknown
        code = data.get("code")
        contact = data.get("email") or data.get("phone")
        if not isinstance(code, str) or not code.strip():
            return bad_request(
                self.request, "code", _("Give the tracking code of your question.")
            )
        if not isinstance(contact, str) or not contact.strip():
            return bad_request(
                self.request,
                "email",
                _(
                    "Give the e-mail address (or the phone number) you wrote "
                    "with your question."
                ),
            )
        found = lookup.lookup(self.context, self.request, code, contact)
        if found.status == "limited":
            self.request.response.setHeader("Retry-After", "3600")
            return error(self.request, 429, "TooManyRequests", TOO_MANY)
        if found.status != "found":
            return error(self.request, 404, "NotFound", NOT_FOUND)
        info = dict(found.info)
        for name in ("submitted", "answered", "published"):
            info[name] = iso(info[name])
        return {"@id": f"{self.context.absolute_url()}/@questions/status", **info}


def _order(name):
    order = [*submission.FIELDS, *(f"attachment_{n}" for n in range(1, 4))]
    return order.index(name) if name in order else len(order)
