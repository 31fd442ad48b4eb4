"""The add-on's settings in the export: ``commune_portal.json``.

- ``registry``: every record ``commune_portal.*`` (the control panel:
  commune name, council term, the lists of issuing bodies, sectors and
  signer positions, the workflow settings ...), as JSON;
- ``policies``: the placeful workflow policies of every folder that has
  some (CMFPlacefulWorkflow's ``.wf_policy_config``, which is no content
  and is not exported with it), by UID and path;
- ``question_sequence``: the last number of each year's tracking codes of
  citizens' questions (``questions.py``), so that the new site never gives
  a code again.

On import the records are applied before the content, so that the content
is checked against the source site's lists and workflow settings. The
policies are applied to the folders that exist already, and to each new
folder as soon as the content import creates it, before its items: every
item then starts in the workflow it had, and its exported state and
history are those of that workflow.
"""

from Acquisition import aq_base
from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from commune_portal.exportimport.questions import exported_sequence
from commune_portal.exportimport.questions import raise_sequence
from commune_portal.exportimport.report import ImportReport
from commune_portal.exportimport.report import logger
from commune_portal.workflows.policies import current_policies
from commune_portal.workflows.policies import policy_config
from commune_portal.workflows.policies import set_policies
from commune_portal.workflows.policies import switch_policy
from datetime import date
from datetime import datetime
from plone import api
from plone.exportimport import interfaces
from plone.exportimport.exporters.base import BaseExporter
from plone.exportimport.importers.base import BaseImporter
from plone.exportimport.settings import SITE_ROOT_UID
from plone.exportimport.utils import content as content_utils
from plone.registry.interfaces import IRegistry
from plone.restapi.serializer.converters import json_compatible
from plone.uuid.interfaces import IUUID
from zope.component import getUtility
from zope.dottedname.resolve import resolve
from zope.interface import implementer
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import ValidationError


FILENAME = "commune_portal"  # commune_portal.json
FORMAT_VERSION = 1


def registry_records():
    """``{name: JSON value}`` of the add-on's registry records."""
    registry = getUtility(IRegistry)
    prefix = f"{REGISTRY_PREFIX}."
    return {
        name: json_compatible(registry[name])
        for name in sorted(registry.records.keys())
        if name.startswith(prefix)
    }


def site_path(obj):
    """The path of ``obj`` inside its site, ``/`` for the site root."""
    return content_utils.get_obj_path(obj, relative_to_site_root=True) or "/"


def folder_policies(uids=None):
    """The placeful policies of the site root and of every folder that has
    some: ``[{"uid", "path", "policy_in", "policy_below"}]`` (only the
    folders of ``uids`` when given: a partial export)."""
    portal = api.portal.get()
    found = []
    if uids is None and policy_config(portal) is not None:
        found.append(_policy_entry(portal, SITE_ROOT_UID))
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(is_folderish=True, sort_on="path"):
        if uids is not None and brain.UID not in uids:
            continue
        folder = brain._unrestrictedGetObject()
        if policy_config(folder) is not None:
            found.append(_policy_entry(folder, brain.UID))
    return found


def _policy_entry(folder, uid):
    policy_in, policy_below = current_policies(folder)
    return {
        "uid": uid,
        "path": site_path(folder),
        "policy_in": policy_in,
        "policy_below": policy_below,
    }


@implementer(interfaces.INamedExporter)
class SettingsExporter(BaseExporter):
    """``commune_portal.json``: the registry records and the policies."""

    name = FILENAME

    def dump(self):
        content = self.exported_content()
        data = {
            "version": FORMAT_VERSION,
            "registry": registry_records(),
            "policies": folder_policies(set(content) if content is not None else None),
            "question_sequence": exported_sequence(),
        }
        filepath = self._dump(data, self.filepath)
        logger.info(
            "Exported %d settings and the workflow policies of %d folders to %s",
            len(data["registry"]),
            len(data["policies"]),
            filepath,
        )
        return [filepath]


def field_value(field, value):
    """The Python value of a registry ``field`` for its JSON ``value``."""
    if value is None:
        return field.missing_value
    if ICollection.providedBy(field):
        items = [field_value(field.value_type, item) for item in value]
        return field._type(items) if field._type is not None else items
    if IDatetime.providedBy(field) and isinstance(value, str):
        return datetime.fromisoformat(value)
    if IDate.providedBy(field) and isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value


def settings_field(record):
    """The field of the control panel's schema a registry record stores:
    its rules (the registry's copy of the field keeps no constraint)."""
    try:
        schema = resolve(record.interfaceName)
        return schema[record.fieldName]
    except (AttributeError, ImportError, KeyError, TypeError, ValueError):
        return record.field


def apply_registry(records, report):
    """Set the exported ``records`` whose names this site's registry has,
    when their values are valid for its fields."""
    registry = getUtility(IRegistry)
    for name, value in sorted(records.items()):
        record = registry.records.get(name)
        if record is None:
            report.setting(name, "unknown")
            continue
        try:
            converted = field_value(record.field, value)
            # The control panel's rules (the registry checks the type only).
            settings_field(record).bind(record).validate(converted)
            if registry[name] != converted:
                registry[name] = converted
        except (ValidationError, ValueError, TypeError, LookupError):
            # LookupError: a vocabulary of the field missing on this site.
            report.setting(name, "invalid")
            continue
        report.setting(name, "applied")


def apply_policies(folder, policy_in, policy_below):
    """Give ``folder`` these placeful policies. A folder with items moves
    them to their new workflows (``switch_policy``); an empty one (a folder
    the import has just created) only stores them, so that its items get
    the right workflow when they are created. Whether they changed."""
    if current_policies(folder) == (policy_in, policy_below):
        return False
    placeful = api.portal.get_tool("portal_placeful_workflow")
    for policy in (policy_in, policy_below):
        if policy and not placeful.isValidPolicyName(policy):
            logger.warning(
                "%s: no workflow policy %r on this site, the folder keeps its own",
                site_path(folder),
                policy,
            )
            return False
    portal = api.portal.get()
    if aq_base(folder) is not aq_base(portal) and folder.contentIds():
        switch_policy(folder, policy_in, policy_below)
    else:
        set_policies(folder, policy_in, policy_below)
    return True


class SettingsImporter(BaseImporter):
    """Apply ``commune_portal.json``: the registry records now, the policies
    of existing folders now and of new folders while the content import
    creates them (``place_policy``)."""

    name = FILENAME
    report = None

    def __init__(self, site):
        super().__init__(site)
        self.report = ImportReport()
        self.by_uid = {}
        self.by_path = {}

    def do_import(self):
        data = self._read()
        if data is None:
            return f"{self.__class__.__name__}: No data to import"
        apply_registry(data.get("registry") or {}, self.report)
        raise_sequence(data.get("question_sequence") or {})
        portal = api.portal.get()
        for entry in data.get("policies") or ():
            self.by_uid[entry.get("uid")] = entry
            self.by_path[entry.get("path")] = entry
            target = self._existing(portal, entry)
            if target is not None:
                self._apply(target, entry)
        return "\n".join(self.report.settings_lines(len(self.by_uid)))

    @staticmethod
    def _existing(portal, entry):
        """The folder of ``entry`` on this site before the content import,
        if any: the same item (UID), not another one at its path, which the
        import replaces."""
        if entry.get("uid") == SITE_ROOT_UID or entry.get("path") == "/":
            return portal
        target = portal.unrestrictedTraverse(entry["path"].lstrip("/"), None)
        if target is None or IUUID(target, None) != entry.get("uid"):
            return None
        return target

    def _apply(self, folder, entry):
        if apply_policies(folder, entry["policy_in"], entry["policy_below"]):
            self.report.policy(
                entry.get("path") or site_path(folder),
                entry["policy_in"],
                entry["policy_below"],
            )

    def place_policy(self, item, obj):
        """Pre-deserialize hook of the content import: a folder gets its
        exported policies as soon as it exists, before its items (which the
        import creates after it: items are imported in path order)."""
        entry = self.by_uid.get(item.get("UID")) or self.by_path.get(item.get("@id"))
        if entry is not None and aq_base(obj) is not aq_base(api.portal.get()):
            self._apply(obj, entry)
        return item, obj
