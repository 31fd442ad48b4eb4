"""Cross-site request forgery protection of the add-on's REST writes.

plone.restapi's write services switch plone.protect off (REST clients send
no form authenticator), and so did ours. A browser that is logged in to the
portal (session cookie, or Basic credentials it remembers) would then carry
out a write that another web site makes it send: an HTML form can post
``text/plain`` to any address, with the visitor's credentials. Our write
services therefore accept only:

- a JSON body (``Content-Type: application/json``): browsers send that
  cross-site only after a CORS preflight, which the portal does not grant;
- and, when the request carries an ``Origin`` (or, failing that, a
  ``Referer``) header, one of the portal's own address.

A valid plone.protect token (``X-CSRF-TOKEN`` header or ``_authenticator``)
passes as well. Clients that are not browsers (curl, integrations) send no
``Origin`` and are not concerned. ``check_write`` is called first thing by
each write service; only then do they switch plone.protect off.
"""

from commune_portal import _
from plone import api
from plone.protect.authenticator import check as check_token
from plone.protect.interfaces import IDisableCSRFProtection
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zope.i18n import translate
from zope.interface import alsoProvides


def _origin(url):
    parts = urlsplit(url or "")
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _has_valid_token(request):
    try:
        check_token(request)  # raises Forbidden when absent or wrong
    except Forbidden:
        return False
    return True


def refusal(request, portal_url):
    """``(status, error)`` when the request must be refused, else ``None``."""
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip()
    if content_type.lower() != "application/json" and not _has_valid_token(request):
        return 415, {
            "type": "UnsupportedMediaType",
            "message": _(
                "Send the request body as JSON (Content-Type: application/json)."
            ),
        }
    sender = request.getHeader("Origin") or request.getHeader("Referer")
    if sender and sender != "null":
        sender = _origin(sender)
    if sender and sender != _origin(portal_url) and not _has_valid_token(request):
        return 403, {
            "type": "Forbidden",
            "message": _(
                "This request was sent from another web site (${origin}) and "
                "has been refused to protect your account.",
                mapping={"origin": sender},
            ),
        }
    return None


def check_write(service):
    """For a write ``Service``: the error body to return when the request is
    refused (status set), else ``None`` with plone.protect's automatic
    check switched off for this request, as plone.restapi does."""
    refused = refusal(service.request, api.portal.get().absolute_url())
    if refused is not None:
        status, error = refused
        service.request.response.setStatus(status)
        error["message"] = translate(error["message"], context=service.request)
        return {"error": error}
    alsoProvides(service.request, IDisableCSRFProtection)
    return None
