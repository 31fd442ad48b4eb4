"""Sites for the plone.exportimport tests: the source commune, a fresh
target, the export and the import as plone-exporter and plone-importer do
them, and what is compared item by item."""

from AccessControl.PermissionRole import rolesForPermissionOn
from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from AccessControl.users import system
from Acquisition import aq_base
from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.workflows.policies import current_policies
from commune_portal.workflows.policies import POLICIES
from commune_portal.workflows.policies import switch_policy
from commune_portal.workflows.security import narrow
from contextlib import contextmanager
from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone import api
from plone.app.testing import setRoles
from plone.app.textfield.value import RichTextValue
from plone.app.workflow.events import LocalrolesModifiedEvent
from plone.base.utils import unrestricted_construct_instance
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import iterSchemata
from plone.exportimport.exporters import get_exporter
from plone.exportimport.importers import get_importer
from plone.namedfile.file import NamedBlobFile
from plone.registry.interfaces import IRegistry
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.factory import addPloneSite
from z3c.relationfield.interfaces import IRelationValue
from zope.component import getUtility
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.event import notify
from zope.schema import getFields
import json
import shutil


# The workflows of the add-on: an item in each of their states.
WORKFLOWS = (
    "commune_editorial_workflow",
    "commune_simple_workflow",
    "council_material_workflow",
    "voter_petition_workflow",
)
# Tried first for the items in each state: content any policy takes.
PREFERRED_TYPES = ("Document", "News Item", "File")

# Not in the lists of the demo commune's control panel.
OUTSIDE_BODY = "Ban Chỉ huy Quân sự xã Nghi Dương"
OUTSIDE_SECTOR = "Thủy lợi"
# Not in the fixed list of document types.
OUTSIDE_TYPE = "thong-tu"

PASSWORD = "Mat-khau-thu-2026"

# Dublin Core dates, which Plone stores to the minute.
MINUTE_FIELDS = ("effective", "expires")


@contextmanager
def as_system():
    """Run as plone-exporter and plone-importer do: Zope's system user."""
    before = getSecurityManager()
    newSecurityManager(None, system)
    try:
        yield
    finally:
        setSecurityManager(before)


@contextmanager
def as_anonymous():
    before = getSecurityManager()
    newSecurityManager(None, nobody)
    try:
        yield
    finally:
        setSecurityManager(before)


@contextmanager
def on_site(site):
    """``site`` as the current site; what it queued for its catalog is
    catalogued before another site is current again (Plone's indexing
    queue finds the catalog of the current site)."""
    before = getSite()
    setSite(site)
    try:
        yield site
    finally:
        if site is not None:
            processQueue()
        setSite(before)


def add_commune_site(app, site_id, structure=False):
    """A fresh Plone site with commune_portal:default, set up as the test
    layer's (Vietnamese, Asia/Ho_Chi_Minh): what an administrator prepares
    before importing; with the standard sections when ``structure``."""
    with on_site(None):
        site = addPloneSite(
            app,
            site_id,
            extension_ids=(
                "plone.app.contenttypes:default",
                "plone.restapi:default",
            ),
            setup_content=False,
        )
        setSite(site)
        registry = getUtility(IRegistry)
        registry["plone.default_language"] = "vi"
        registry["plone.available_languages"] = ["vi", "en"]
        registry["plone.portal_timezone"] = "Asia/Ho_Chi_Minh"
        site.portal_setup.runAllImportStepsFromProfile("profile-commune_portal:default")
        if structure:
            with as_system():
                site.portal_setup.runAllImportStepsFromProfile(
                    "profile-commune_portal:structure"
                )
    return site


def tamper(exported, path, changes):
    """A copy in ``path`` of the export ``exported``, with the items of
    ``changes`` (``{site path: (site path of the exported item, function(data)
    -> data)}``) written from the data of an exported item: the same item
    changed, or a new one (its function gives it its own ``@id`` and UID)."""
    shutil.copytree(exported, path, dirs_exist_ok=True)
    content = path / "content"
    metadata = json.loads((content / "__metadata__.json").read_text())
    files = {}
    for name in metadata["_data_files_"]:
        files[json.loads((content / name).read_text())["@id"]] = name
    for item_path, (source, change) in changes.items():
        data = change(json.loads((content / files[source]).read_text()))
        name = files.get(item_path) or f"{data['UID']}/data.json"
        (content / name).parent.mkdir(exist_ok=True)
        (content / name).write_text(json.dumps(data))
        if name not in metadata["_data_files_"]:
            metadata["_data_files_"].append(name)
    (content / "__metadata__.json").write_text(json.dumps(metadata))
    return path


def exported_item(exported, item_path):
    """The data of the item at ``item_path`` (inside the site) in the
    export ``exported``, and its text as written."""
    content = exported / "content"
    metadata = json.loads((content / "__metadata__.json").read_text())
    for name in metadata["_data_files_"]:
        text = (content / name).read_text()
        data = json.loads(text)
        if data["@id"] == item_path:
            return data, text
    raise KeyError(item_path)


def export_site(site, path):
    """``plone-exporter``: every exporter of the site into ``path``."""
    with on_site(site), as_system():
        return get_exporter(site).export_site(path)


def import_site(site, path):
    """``plone-importer``: every importer of the site from ``path``, with
    plone.exportimport's commits; returns the importer (its ``report``
    lines are returned by ``import_site``)."""
    with on_site(site), as_system():
        importer = get_importer(site)
        lines = importer.import_site(path)
    return importer, lines


# --- The source commune -------------------------------------------------


def add_user(user_id, *roles):
    api.user.create(
        email=f"{user_id}@xa-nghiduong.example.vn",
        username=user_id,
        password=PASSWORD,
    )
    setRoles(api.portal.get(), user_id, ["Member", *roles])


def share(obj, principal, *roles):
    """Give local roles as the sharing page does (with its event)."""
    obj.manage_setLocalRoles(principal, list(roles))
    notify(LocalrolesModifiedEvent(obj, None))
    obj.reindexObjectSecurity()


def put_in_state(obj, state):
    """Set ``obj`` in ``state`` of its workflow as a transition would leave
    it: history entry, role mappings, catalog."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    (workflow,) = workflow_tool.getWorkflowsFor(obj)
    workflow_tool.setStatusOf(
        workflow.getId(),
        obj,
        {
            "review_state": state,
            "action": "test",
            "actor": "bientap",
            "comments": f"Đặt trạng thái {state}",
            "time": DateTime(),
        },
    )
    workflow.updateRoleMappingsFor(obj)
    narrow(obj)
    obj.reindexObject()


def placement(workflow_id):
    """``(policy, portal_type)``: a policy that puts a content type under
    ``workflow_id``; Plone's page first, else any type of the site (the
    council's, the citizens' questions ...)."""
    placeful = api.portal.get_tool("portal_placeful_workflow")
    types = [
        fti.getId()
        for fti in api.portal.get_tool("portal_types").objectValues()
        if IDexterityFTI.providedBy(fti) and fti.getId() != "Plone Site"
    ]
    ordered = [t for t in PREFERRED_TYPES if t in types] + sorted(
        t for t in types if t not in PREFERRED_TYPES
    )
    for portal_type in ordered:
        for policy_id in POLICIES:
            policy = placeful.getWorkflowPolicyById(policy_id)
            chain = policy.getChainFor(portal_type) or ()
            if tuple(chain) == (workflow_id,):
                return policy_id, portal_type
    return None, None


def items_in_every_state(portal):
    """``/trang-thai/<policy>``: for each workflow of the add-on, an item in
    each of its states, under a policy that gives it that workflow. Returns
    ``{workflow: [paths]}``."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    root = api.content.create(portal, "Folder", id="trang-thai", title="Trạng thái")
    made = {}
    for workflow_id in WORKFLOWS:
        policy_id, portal_type = placement(workflow_id)
        if portal_type is None:
            continue
        folder = root.get(policy_id)
        if folder is None:
            folder = api.content.create(root, "Folder", id=policy_id, title=policy_id)
            switch_policy(folder, policy_id, policy_id)
        workflow = workflow_tool.getWorkflowById(workflow_id)
        for state in workflow.states.objectIds():
            obj = unrestricted_construct_instance(
                portal_type, folder, f"{workflow_id}-{state}"
            )
            obj.title = f"{portal_type} {state}"
            obj.reindexObject()
            put_in_state(obj, state)
            made.setdefault(workflow_id, []).append("/".join(obj.getPhysicalPath()))
    return made


def build_source(portal):
    """The demo commune, plus what a real site has beside it."""
    from tests.helpers import make_document

    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile("profile-commune_portal:structure")
    setup.runAllImportStepsFromProfile("profile-commune_portal:demo")
    api.portal.set_registry_record("commune_portal.four_eyes", True)
    with api.env.adopt_roles(["Manager"]):
        add_user("bientap", "Site Administrator")
        add_user("bbt")
        add_user("canbo")
        add_user("docmat")
        add_user("lanhdao", "CommuneApprover")
        folder = portal["van-ban"]
        share(folder, "bbt", "Reviewer")

        outside = make_document(
            folder,
            "qd-99-2026",
            "Quyết định thành lập Ban Chỉ huy phòng chống thiên tai",
            document_number="99/QĐ-UBND",
            issuing_body=OUTSIDE_BODY,
            sectors=["Nội vụ", OUTSIDE_SECTOR],
            issue_date=date(2026, 3, 2),
        )
        IOfficialDocument(outside).document_type = OUTSIDE_TYPE
        outside.reindexObject()
        share(outside, "canbo", "Editor")
        outside._commune_portal_last_editor = "canbo"

        draft = make_document(
            folder,
            "du-thao-mat",
            "Dự thảo phương án bảo vệ bí mật nhà nước",
            document_number="08/PA-UBND",
            confidentiality="secret",
            publish=False,
        )
        share(draft, "docmat", "Reader")

        with_annex = make_document(
            folder,
            "kh-phu-luc",
            "Dự thảo kế hoạch có phụ lục",
            document_number="09/KH-UBND",
            publish=False,
        )
        api.content.create(
            with_annex,
            "File",
            id="phu-luc",
            title="Phụ lục kèm theo",
            file=NamedBlobFile(data=b"%PDF-1.4 phu luc", filename="phu-luc.pdf"),
        )

        # An agenda naming a paper of its session: imported before the
        # paper, it can only be set once the paper is there.
        session = unrestricted_construct_instance(
            "CouncilSession", portal["hdnd"], "ky-hop-chuyen-de"
        )
        session.session_number = 9
        paper = unrestricted_construct_instance(
            "SessionDocument", session, "to-trinh-01"
        )
        paper.title = "Tờ trình về kế hoạch đầu tư công"
        session.agenda = [
            {
                "time": "08:00",
                "item": "Thảo luận tờ trình",
                "presenter": "Ủy ban nhân dân xã",
                "documents": [paper.UID()],
            }
        ]
        session.reindexObject()
        paper.reindexObject()

        year = api.content.create(folder, "Folder", id="nam-2025", title="Năm 2025")
        # Another policy in the folder than below it.
        switch_policy(year, "commune_one_step", "commune_two_step")
        api.content.transition(year, to_state="published")
        make_document(
            year,
            "tb-12-2025",
            "Thông báo lịch tiếp công dân năm 2025",
            document_number="12/TB-UBND",
            issue_date=date(2025, 1, 6),
        )
    return portal


# --- What is compared ---------------------------------------------------


def relative(site, path):
    root = "/".join(site.getPhysicalPath())
    return path[len(root) :] or "/"


def content_paths(site):
    """Paths (inside the site) of all the site's content, the root left out."""
    catalog = site.portal_catalog
    root = "/".join(site.getPhysicalPath())
    return sorted(
        relative(site, brain.getPath())
        for brain in catalog.unrestrictedSearchResults(path=root)
        if brain.getPath().startswith(f"{root}/")
    )


def add_site_without_addon(app, site_id):
    """``tests.helpers.add_plain_site``, while no other site is current."""
    from tests.helpers import add_plain_site

    with on_site(None):
        return add_plain_site(app, site_id)


def comparable(site, value):
    """A field value as it can be compared between two sites."""
    if IRelationValue.providedBy(value):
        target = value.to_object
        if target is None:
            return ("broken relation", value.to_id)
        return ("relation", relative(site, "/".join(target.getPhysicalPath())))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [comparable(site, item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        return {key: comparable(site, item) for key, item in value.items()}
    if isinstance(value, RichTextValue):
        return ("richtext", value.raw, value.mimeType, value.outputMimeType)
    if hasattr(value, "filename") and hasattr(value, "data"):
        return ("file", value.filename, value.contentType, value.data)
    return value


def field_values(site, obj):
    """``{schema.field: value}`` of every field of every schema of ``obj``
    (computed ones, such as the legal status, included)."""
    values = {}
    for schema in iterSchemata(obj):
        adapted = schema(obj, None)
        if adapted is None:
            continue
        for name in getFields(schema):
            try:
                value = getattr(adapted, name)
            except AttributeError:
                value = "<missing>"
            if isinstance(value, datetime) and name in MINUTE_FIELDS:
                value = value.replace(second=0, microsecond=0)
            values[f"{schema.__identifier__}.{name}"] = comparable(site, value)
    return values


def same_fields(source, before, target, after, ignore=()):
    """The differences between the fields of two items (but those named in
    ``ignore``), but for the rules of Plone that apply to every import: an
    item without language gets the site's (plone.exportimport), and
    publication dates are kept to the minute (plone.app.dexterity's
    setter)."""
    with on_site(source):
        expected = field_values(source, before)
    with on_site(target):
        found = field_values(target, after)
    for name, value in list(expected.items()):
        if name.endswith(".language") and not value:
            found[name] = value
    return {
        name: (value, found.get(name))
        for name, value in expected.items()
        if found.get(name) != value and name.rsplit(".", 1)[-1] not in ignore
    }


def relations(site, obj):
    """The relations from and to ``obj``: both directions."""
    out = {
        (relation.from_attribute, relative(site, relation.to_path))
        for relation in api.relation.get(source=obj, unrestricted=True)
    }
    into = {
        (relative(site, relation.from_path), relation.from_attribute)
        for relation in api.relation.get(target=obj, unrestricted=True)
    }
    return out, into


def local_roles(obj):
    return (
        sorted(
            (principal, tuple(sorted(roles)))
            for principal, roles in (
                getattr(aq_base(obj), "__ac_local_roles__", None) or {}
            ).items()
        ),
        bool(getattr(aq_base(obj), "__ac_local_roles_block__", False)),
    )


SECURITY_PERMISSIONS = (
    "View",
    "Access contents information",
    "Modify portal content",
    "Review portal content",
)


def security(obj):
    return {
        permission: sorted(rolesForPermissionOn(permission, obj))
        for permission in SECURITY_PERMISSIONS
    }


def anonymous_can_view(obj):
    with as_anonymous():
        return bool(getSecurityManager().checkPermission("View", obj))


def history_states(obj):
    return {
        workflow_id: [entry.get("review_state") for entry in entries]
        for workflow_id, entries in (
            getattr(aq_base(obj), "workflow_history", None) or {}
        ).items()
    }


def root_principals(*sites):
    """The ``user:`` tokens of the principals with local roles on the site
    roots: the sites' own, not the content's."""
    return {
        f"user:{principal}"
        for site in sites
        for principal in (getattr(aq_base(site), "__ac_local_roles__", None) or {})
    }


def anonymous_search(site, **query):
    """What an anonymous visitor finds in the site's catalog."""
    with on_site(site), as_anonymous():
        return sorted(
            relative(site, brain.getPath())
            for brain in site.portal_catalog.searchResults(**query)
        )


def policies(obj):
    return current_policies(obj)
