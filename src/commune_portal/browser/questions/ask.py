"""``@@ask-question``: the form citizens send a question with.

A plain form posted with the site's CSRF token (``_authenticator``), so
that it works without JavaScript and for anonymous visitors. Every check is
``questions.submission``'s (the same as ``POST @questions``); each error is
shown next to its field, in Vietnamese, and the form keeps what was typed
(files must be chosen again: browsers never refill a file input). Nothing
is stored until every field is right.
"""

from commune_portal import _
from commune_portal.content.citizen_question import ATTACHMENT_FIELDS
from commune_portal.content.citizen_question import MAX_ADDRESS
from commune_portal.content.citizen_question import MAX_NAME
from commune_portal.content.citizen_question import MAX_QUESTION
from commune_portal.content.citizen_question import MAX_TITLE
from commune_portal.questions import submission
from commune_portal.uploads import max_upload_size
from commune_portal.uploads import MEGABYTE
from plone.protect.authenticator import check
from Products.Five.browser import BrowserView
from zExceptions import Forbidden
from zExceptions import NotFound
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


EXPIRED = _("The form has expired. Please check your question and send it again.")
TOO_MANY = _(
    "Too many questions were sent from your network address in the last "
    "hour. Please try again later, or contact the commune office."
)


def read_upload(upload, limit):
    """A file input as ``(filename, data, size)``; ``None`` when no file was
    chosen. A file over ``limit`` is not read (its size says enough)."""
    filename = getattr(upload, "filename", None)
    if not filename:
        return None
    upload.seek(0, 2)
    size = upload.tell()
    upload.seek(0)
    if limit and size > limit:
        return filename, b"", size
    return filename, upload.read(), size


class AskQuestionForm(BrowserView):
    """``@@ask-question`` of a questions section."""

    errors = None
    result = None
    summary = None
    status = 200

    def __call__(self):
        if not submission.is_questions_section(self.context):
            raise NotFound(self.context, "ask-question", self.request)
        self.errors = {}
        if self.request.method == "POST":
            self.handle()
        if self.status != 200:
            self.request.response.setStatus(self.status)
        return self.index()

    def handle(self):
        form = self.request.form
        try:
            check(self.request)
        except Forbidden:
            self.summary = translate(EXPIRED, context=self.request)
            return
        limit = max_upload_size()
        attachments = []
        for name in ATTACHMENT_FIELDS:
            read = read_upload(form.get(name), limit)
            if read is not None:
                filename, data, size = read
                attachments.append(
                    submission.Attachment(filename, data, field=name, size=size)
                )
        data = {name: form.get(name) for name in submission.TEXT_FIELDS}
        data["consent"] = form.get("consent")
        data[submission.HONEYPOT] = form.get(submission.HONEYPOT)
        result = submission.submit(self.context, self.request, data, attachments)
        if result.status == "limited":
            self.status = 429
            self.summary = translate(TOO_MANY, context=self.request)
        elif result.status == "invalid":
            self.errors = {
                name: translate(message, context=self.request)
                for name, message in result.errors.items()
            }
            self.summary = translate(
                _("Some fields need correcting: see the messages below."),
                context=self.request,
            )
        else:
            self.result = result

    # -- for the template -------------------------------------------------

    def value(self, name):
        """What the visitor typed (kept when the form comes back)."""
        if self.result is not None:
            return ""
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) else ""

    def error(self, name):
        return (self.errors or {}).get(name)

    def field_class(self, name, base="form-control"):
        return f"{base} is-invalid" if self.error(name) else base

    def described_by(self, name, *more):
        ids = [*more]
        if self.error(name):
            ids.append(f"{name}-error")
        return " ".join(ids) or None

    def attachments_error(self):
        return self.error("attachments")

    def sectors(self):
        """``[(token, title, selected)]`` of the site's sectors."""
        vocabulary = getUtility(
            IVocabularyFactory, "commune_portal.vocabularies.Sectors"
        )(self.context)
        chosen = self.value("sector")
        return [
            (term.token, term.title or term.value, chosen in (term.token, term.value))
            for term in vocabulary
        ]

    def limits(self):
        return {
            "title": MAX_TITLE,
            "question": MAX_QUESTION,
            "name": MAX_NAME,
            "address": MAX_ADDRESS,
            "files": len(ATTACHMENT_FIELDS),
            "megabytes": (max_upload_size() or 0) // MEGABYTE,
        }

    def attachment_fields(self):
        return ATTACHMENT_FIELDS

    def status_url(self):
        return f"{self.context.absolute_url()}/@@question-status"
