"""Malformed query strings on commune sites answer 400, not 500.

Zope converts typed form fields (``?b_size:int=abc``, ``?q:date=x``,
``?year:float=x``) before it traverses to the site, and a conversion that
fails is a ``ValueError`` (or a ``DateTime`` syntax error) that Zope answers
with "500 Internal Server Error". The visitor made the mistake, not the
server: on a site with the add-on, such a request gets 400 with a message
naming the parameter, as the add-on's REST services do.

Exception views are looked up before traversal, so this one is registered
for the process; it takes over only when the failing parameter is in the
query string and the URL is inside a Plone site with the add-on installed.
Everywhere else the view Plone (or plone.rest) would have used answers.
"""

from Acquisition import aq_base
from commune_portal import _
from plone.browserlayer.interfaces import ILocalBrowserLayerType
from Products.CMFCore.interfaces import ISiteRoot
from urllib.parse import parse_qsl
from zExceptions import BadRequest
from zope.component import getSiteManager
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import implementedBy
from zope.interface import Interface
from zope.interface import providedBy
from ZPublisher.Converters import get_converter
import json


LAYER_NAME = "commune_portal"
VIEW_NAME = "index.html"


def failing_parameter(request):
    """``(name, type)`` of the first typed query-string field whose value
    Zope cannot convert, or ``None``."""
    for key, value in parse_qsl(request.get("QUERY_STRING", ""), True):
        name, _sep, flags = key.partition(":")
        for flag in flags.split(":") if flags else ():
            converter = get_converter(flag, None)
            if converter is None:
                continue
            try:
                converter(value)
            except Exception:
                return name, flag
    return None


def commune_site(request):
    """The Plone site of the requested URL when it has the add-on, else
    ``None``. Walks the path from the application root, as traversal would
    (virtual hosting segments skipped)."""
    parents = request.get("PARENTS") or []
    if not parents:
        return None
    obj = parents[0]
    names = [name for name in request.get("PATH_INFO", "").split("/") if name]
    if names[:1] == ["VirtualHostBase"]:
        names = names[3:]
    for name in names:
        if name == "VirtualHostRoot" or name.startswith("_vh_"):
            continue
        child = getattr(aq_base(obj), "_getOb", None) and obj._getOb(name, None)
        if child is None:
            return None
        obj = child
        if ISiteRoot.providedBy(obj):
            manager = obj.getSiteManager()
            installed = manager.queryUtility(ILocalBrowserLayerType, name=LAYER_NAME)
            return obj if installed is not None else None
    return None


def _next_view(exc, request):
    """The exception view Zope would have found without this one."""
    adapters = getSiteManager().adapters
    for base in type(exc).__mro__[1:]:
        factory = adapters.lookup(
            (implementedBy(base), providedBy(request)), Interface, name=VIEW_NAME
        )
        if factory is not None:
            return factory(exc, request)
    return None


class MalformedParameterView:
    """400 for a typed query-string field Zope could not convert."""

    def __init__(self, exc, request, site, parameter, kind):
        self.context = exc
        self.request = request
        self.site = site
        self.parameter = parameter
        self.kind = kind
        self.__parent__ = site

    def __call__(self):
        message = translate(
            _(
                "The value of the parameter “${name}” cannot be read as ${kind}.",
                mapping={"name": self.parameter, "kind": self.kind},
            ),
            # Not traversed yet: no language negotiated; the site's own.
            target_language=self.site.portal_registry.get("plone.default_language"),
        )
        response = self.request.response
        accept = self.request.getHeader("Accept", "") or ""
        if "text/html" in accept or "json" not in accept:
            # Plone's error page, as for any bad request.
            view = queryMultiAdapter(
                (BadRequest(message), self.request), name=VIEW_NAME
            )
            if view is not None:
                view.__parent__ = self.site
                try:
                    raise BadRequest(message)
                except BadRequest:
                    body = view()
                # Locked: Zope sets the status of the original error after us.
                response.setStatus(400, lock=True)
                return body
        response.setStatus(400, lock=True)
        response.setHeader("Content-Type", "application/json")
        return json.dumps(
            {
                "error": {
                    "type": "BadRequest",
                    "parameter": self.parameter,
                    "message": message,
                }
            }
        )


def malformed_parameter_view(exc, request):
    """Factory of the exception view for conversion errors: ours on commune
    sites, the usual one elsewhere."""
    failing = failing_parameter(request)
    site = commune_site(request) if failing else None
    if site is None:
        return _next_view(exc, request)
    return MalformedParameterView(exc, request, site, *failing)


class MalformedBodyView:
    """400 for a REST request body that is not a JSON object.

    plone.restapi's create service lets its ``DeserializationError`` reach
    the publisher (500), where its edit service answers 400. Registered for
    the add-on's browser layer: the request has been traversed to a commune
    site."""

    def __init__(self, exc, request):
        self.context = exc
        self.request = request

    def __call__(self):
        response = self.request.response
        response.setStatus(400, lock=True)
        response.setHeader("Content-Type", "application/json")
        message = _(
            "The request body must be a JSON object, for example "
            '{"@type": "Directive", "title": "…"}.'
        )
        return json.dumps(
            {
                "error": {
                    "type": "DeserializationError",
                    "message": translate(message, context=self.request),
                }
            }
        )
