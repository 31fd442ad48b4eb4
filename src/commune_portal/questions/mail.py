"""E-mail to the person asking at each step of their question, and to the
officer a question is assigned to.

Each e-mail is switched on or off in the control panel
(``question_notifications``). Mail goes through the site's MailHost, queued
with the transaction (``immediate=False``): a submission or transition that
fails sends nothing. Mail needs the site's sender address; without it, or
when the person gave no e-mail address, nothing is sent. A failure to
compose or queue is logged and never stops the submission or transition.
Messages are plain text, in the site's language.
"""

from commune_portal import _
from commune_portal import mail
from commune_portal.questions.settings import notifies
from plone import api
from Products.CMFCore.utils import getToolByName
from zope.i18n import translate
import logging


logger = logging.getLogger("commune_portal")

SUBJECTS = {
    "submitted": _("Your question has been received: ${code}"),
    "assigned": _("Your question ${code} is being handled"),
    "answered": _("Your question ${code} has been answered"),
    "published": _("The answer to your question ${code} is published"),
    "rejected": _("Your question ${code} was not accepted"),
    "officer_assigned": _("A citizen's question to answer: ${code}"),
}

BODIES = {
    "submitted": _(
        "The commune has received your question “${title}”. Its tracking "
        "code is ${code}: keep it. With this code and your e-mail address "
        "you can follow your question and read the answer at ${status_url}"
    ),
    "assigned": _(
        "Your question “${title}” (${code}) has been passed to the officer "
        "in charge, who is preparing the answer."
    ),
    "answered": _("Your question “${title}” (${code}) has been answered. The answer:"),
    "published": _(
        "The answer to your question “${title}” (${code}) is published on "
        "the portal: ${url}"
    ),
    "rejected": _(
        "Your question “${title}” (${code}) was not accepted, for this reason:"
    ),
    "officer_assigned": _(
        "You are in charge of answering the question “${title}” (${code}). "
        "Write the answer in the question's edit form, then choose "
        "“Record the answer” in its state menu: ${url}"
    ),
}

FOOTER = _(
    "This message was sent automatically by the commune portal; please do "
    "not reply to it."
)


def answer_text(question):
    """The answer as plain text (for e-mail)."""
    answer = getattr(question, "answer", None)
    if answer is None:
        return ""
    transforms = getToolByName(question, "portal_transforms", None)
    html = answer.output_relative_to(question) or ""
    if transforms is None:
        return html
    data = transforms.convertTo("text/plain", html, mimetype="text/html")
    return (data.getData() if data is not None else "").strip()


def section_of(question):
    """The folder the question was sent to."""
    return question.__parent__


def compose(question, kind, language):
    """``(subject, body)`` of the e-mail ``kind`` about ``question``."""
    section = section_of(question)
    mapping = {
        "code": question.tracking_code or "",
        "title": question.title or "",
        "url": question.absolute_url(),
        "status_url": f"{section.absolute_url()}/@@question-status",
    }
    subject = translate(_(SUBJECTS[kind], mapping=mapping), target_language=language)
    paragraphs = [translate(_(BODIES[kind], mapping=mapping), target_language=language)]
    if kind == "answered":
        paragraphs.append(answer_text(question))
    elif kind == "rejected":
        paragraphs.append(question.rejection_reason or "")
    if kind != "officer_assigned":
        paragraphs.append(
            translate(
                _(
                    "Follow your question: ${status_url}",
                    mapping=mapping,
                ),
                target_language=language,
            )
        )
    paragraphs.append(translate(FOOTER, target_language=language))
    return subject, "\n\n".join(p for p in paragraphs if p)


def _send(question, kind, recipient):
    sender = mail.sender()
    mailhost = mail.mailhost(question)
    if not sender or mailhost is None:
        logger.info("No sender address or MailHost: %s e-mail not sent.", kind)
        return False
    subject, body = compose(question, kind, mail.site_language())
    mail.queue(mailhost, recipient, sender, subject, body)
    return True


def notify_asker(question, kind):
    """E-mail the person asking about ``kind`` (``submitted``, ``assigned``,
    ``answered``, ``published``, ``rejected``) when the site wants it and
    they gave an address. Returns whether a message was queued."""
    try:
        recipient = getattr(question, "asker_email", None)
        if not recipient or not notifies(kind):
            return False
        return _send(question, kind, recipient)
    except Exception:
        # An e-mail never stops a submission or a transition.
        logger.exception("Could not e-mail the asker of %s", question.absolute_url(1))
        return False


def notify_officer(question, user_id):
    """E-mail the officer a question has just been assigned to."""
    try:
        if not notifies("officer_assigned"):
            return False
        user = api.user.get(userid=user_id)
        address = user.getProperty("email") if user is not None else None
        if not address:
            return False
        return _send(question, "officer_assigned", address)
    except Exception:
        logger.exception("Could not e-mail the officer of %s", question.absolute_url(1))
        return False
