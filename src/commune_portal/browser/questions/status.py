"""``@@question-status``: the person asking follows their question with its
tracking code and the e-mail address (or phone number) they gave
(``questions.lookup``, the same as ``POST @questions/status``). Posted,
so that codes and addresses stay out of addresses and logs."""

from commune_portal import _
from commune_portal.browser.dates import format_date
from commune_portal.questions import lookup
from plone.protect.authenticator import check
from Products.Five.browser import BrowserView
from zExceptions import Forbidden
from zope.i18n import translate


NOT_FOUND = _(
    "No question matches this code and this e-mail address or phone number. "
    "Check both as you wrote them when you sent the question."
)
TOO_MANY = _(
    "Too many attempts from your network address in the last hour. Please "
    "try again later, or contact the commune office."
)
MISSING = _("Give the tracking code and the e-mail address or phone number.")
EXPIRED = _("The form has expired. Please send it again.")


class QuestionStatusForm(BrowserView):
    """``@@question-status`` of a questions section."""

    message = None
    info = None

    def __call__(self):
        if self.request.method == "POST":
            self.handle()
        return self.index()

    def handle(self):
        form = self.request.form
        try:
            check(self.request)
        except Forbidden:
            self.message = translate(EXPIRED, context=self.request)
            return
        code = form.get("code")
        contact = form.get("contact")
        if not isinstance(code, str) or not isinstance(contact, str):
            code = contact = ""
        if not code.strip() or not contact.strip():
            self.message = translate(MISSING, context=self.request)
            return
        found = lookup.lookup(self.context, self.request, code, contact)
        if found.status == "limited":
            self.request.response.setStatus(429)
            self.message = translate(TOO_MANY, context=self.request)
        elif found.status != "found":
            self.request.response.setStatus(404)
            self.message = translate(NOT_FOUND, context=self.request)
        else:
            self.info = found.info

    def value(self, name):
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) else ""

    def date(self, name):
        return format_date((self.info or {}).get(name))

    def ask_url(self):
        return f"{self.context.absolute_url()}/@@ask-question"
