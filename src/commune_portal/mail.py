"""E-mail from the portal: the sender, the language of the messages and one
plain-text message queued with the transaction.

Shared by the add-on's notifications (the reviewers:
``workflows/notifications.py``; the council delegates:
``council/mail.py``). Messages go through the site's MailHost with
``immediate=False``: they leave only when the transaction commits, so a
refused or failed action sends nothing.
"""

from email.mime.text import MIMEText
from email.utils import formataddr
from plone import api
from Products.CMFCore.utils import getToolByName


def site_language():
    """The site's language, in which the portal writes its e-mails (the
    recipients are not the person whose request sends them)."""
    return api.portal.get_registry_record("plone.default_language", default="vi")


def sender():
    """The ``From`` of the portal's e-mails (``"Name <address>"`` when the
    site has a sender name), or ``None`` when the site has no sender
    address: then the portal sends nothing."""
    address = api.portal.get_registry_record("plone.email_from_address", default="")
    if not address:
        return None
    name = api.portal.get_registry_record("plone.email_from_name", default="")
    return formataddr((name, address)) if name else address


def mailhost(context):
    """The site's MailHost, or ``None``."""
    return getToolByName(context, "MailHost", None)


def queue(host, mto, mfrom, subject, body):
    """Queue one plain-text UTF-8 message with the current transaction."""
    host.send(
        MIMEText(body, "plain", "utf-8"),
        mto=mto,
        mfrom=mfrom,
        subject=subject,
        charset="utf-8",
        immediate=False,
    )
