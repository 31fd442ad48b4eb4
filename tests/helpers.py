"""Helpers shared by the tests."""

from plone.app.workflow.interfaces import ISharingPageRole
from plone.browserlayer.utils import registered_layers
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.factory import addPloneSite
from zope.component import getSiteManager
from zope.component import getUtilitiesFor
from zope.component import getUtility
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.interface import directlyProvidedBy
import re


def add_plain_site(app, site_id):
    """Add a Plone site as a province runs it without commune_portal:
    content types and plone.restapi, no demo content. The current site is
    left as it was."""
    current = getSite()
    try:
        return addPloneSite(
            app,
            site_id,
            extension_ids=("plone.app.contenttypes:default", "plone.restapi:default"),
            setup_content=False,
        )
    finally:
        setSite(current)


def footprint(site):
    """What an add-on can leave in a site, as comparable sets of names."""
    current = getSite()
    setSite(site)
    try:
        workflow = site.portal_workflow
        actions = site.portal_actions
        return {
            "types": set(site.portal_types.objectIds()),
            "indexes": set(site.portal_catalog.indexes()),
            "metadata": set(site.portal_catalog.schema()),
            "registry": set(getUtility(IRegistry).records.keys()),
            "layers": {layer.__identifier__ for layer in registered_layers()},
            "configlets": {a.id for a in site.portal_controlpanel.listActions()},
            "actions": {
                (category, action)
                for category in actions.objectIds()
                for action in actions[category].objectIds()
            },
            "workflows": set(workflow.objectIds()),
            "chains": {
                **dict(workflow.listChainOverrides()),
                "(default)": tuple(workflow.getDefaultChain()),
            },
            "roles": set(site.validRoles()),
            "user_roles": set(site.acl_users.portal_role_manager.listRoleIds()),
            "sharing_roles": {name for name, _ in getUtilitiesFor(ISharingPageRole)},
            "site_objects": set(site.objectIds()),
            "lexicon": {
                f"{type(element).__module__}.{type(element).__name__}"
                for element in site.portal_catalog.plone_lexicon._pipeline
            },
            "placeful_policies": (
                set(site["portal_placeful_workflow"].objectIds())
                if "portal_placeful_workflow" in site.objectIds()
                else set()
            ),
            "workflow_tool_markers": {
                iface.__identifier__ for iface in directlyProvidedBy(workflow)
            },
            "utilities": {
                (reg.provided.__identifier__, reg.name)
                for reg in getSiteManager(site).registeredUtilities()
            },
            "adapters": {
                (reg.provided.__identifier__, reg.name)
                for reg in getSiteManager(site).registeredAdapters()
            },
        }
    finally:
        setSite(current)


def make_document(
    container, doc_id, title, publish=True, portal_type="Directive", **fields
):
    """Create an official document with its behavior fields set through
    the behavior (as forms and REST do) and publish it.

    Relation fields take lists of target objects.
    """
    from commune_portal.behaviors.official_document import IOfficialDocument
    from commune_portal.behaviors.official_document import RELATIONS
    from plone import api
    from z3c.relationfield import RelationValue
    from zope.intid.interfaces import IIntIds
    from zope.lifecycleevent import modified

    with api.env.adopt_roles(["Manager"]):
        obj = api.content.create(
            container, portal_type, id=doc_id, title=title, safe_id=False
        )
        document = IOfficialDocument(obj)
        intids = getUtility(IIntIds)
        for name, value in fields.items():
            if name in RELATIONS:
                value = [RelationValue(intids.getId(target)) for target in value]
            setattr(document, name, value)
        modified(obj)
        if publish:
            reach_state(obj)
    return obj


def reach_state(obj, state="published"):
    """Move ``obj`` to ``state`` through the transitions of its workflow, as
    Manager, on a site that requires no field before publication: tests of
    listings use sparse documents (the publication rules have their own
    tests)."""
    from plone import api

    registry = getUtility(IRegistry)
    key = "commune_portal.publication_requirements"
    saved = registry.get(key) if key in registry.records else None
    if saved:
        registry[key] = []
    try:
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj, to_state=state)
    finally:
        if saved:
            registry[key] = saved


# One entry of a .po or .pot file: comments and flags, msgid, msgstr
# (possibly continued on the following lines).
PO_ENTRY = re.compile(
    r'^(?P<comments>(?:#.*\n)*)msgid "(?P<msgid>(?:[^"\\]|\\.)*)"\n'
    r'msgstr "(?P<msgstr>(?:[^"\\]|\\.)*)"(?P<more>(?:\n"(?:[^"\\]|\\.)*")*)',
    re.M,
)


def po_entries(path):
    """msgid -> (msgstr, comments) of a .po or .pot file, header left out;
    ``\\"`` unescaped. A fuzzy entry has "fuzzy" in its comments."""

    def unescape(text):
        return text.replace('\\"', '"')

    entries = {}
    for match in PO_ENTRY.finditer(path.read_text(encoding="utf-8")):
        if match["msgid"]:
            msgstr = match["msgstr"] + "".join(re.findall(r'"(.*)"', match["more"]))
            entries[unescape(match["msgid"])] = (unescape(msgstr), match["comments"])
    return entries


def validation_errors(response):
    """The field errors of a plone.restapi 400 on create or edit: a list of
    ``{"message", "field", "error"}`` (plone.restapi sends them as the text
    of a Python list)."""
    import ast

    return ast.literal_eval(response.json()["message"])


def record_calls(monkeypatch, owner, name, note=lambda *args, **kw: args[0]):
    """Replace ``owner.<name>`` (a module's function, an object's method)
    for the test by one that calls it and appends ``note(*args, **kw)`` to
    the list returned: what it was called with (its first argument by
    default)."""
    calls = []
    real = getattr(owner, name)

    def recording(*args, **kw):
        calls.append(note(*args, **kw))
        return real(*args, **kw)

    monkeypatch.setattr(owner, name, recording)
    return calls
