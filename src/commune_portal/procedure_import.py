"""Import of administrative procedures from the national catalogue's fields
(docs/procedures.md, "Import format").

``import_procedures`` creates or updates procedures by code: an item whose
short code (``1.001612`` of ``1.001612.000.00.00.H48``) is already on the
site updates that procedure wherever it is, any other item creates one in
the given folder; a file names each procedure once (a second item with
the same short code is refused). Each item is checked whole against the
schema of ``Procedure`` (the same field rules and invariants as the forms
and REST) before anything of it is written (the sectors it adds to the
control panel are the one exception, put back on refusal): a refused
item changes nothing, the others land.

The import reads the site's procedures by code once per call and looks
legal-basis numbers up without flushing Products.CMFCore's indexing queue
(``_Lookups``): a flush per item would catalogue every new procedure and
its folder once per item instead of once, merged, at commit
(bench/procedures.py, docs/performance.md).

Used by ``POST @procedures-import`` and by the console script
``commune-portal-import-procedures`` (``main``).
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from commune_portal import _
from commune_portal.behaviors.uniqueness import number_key
from commune_portal.content.procedure import IProcedure
from commune_portal.content.procedure import normalize_code
from commune_portal.content.procedure import PORTAL_TYPE
from commune_portal.content.procedure import short_code
from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from commune_portal.text import normalize
from commune_portal.workflows.chains import chains_held
from datetime import date
from OFS.event import ObjectWillBeAddedEvent
from pathlib import Path
from plone import api
from plone.app.content.interfaces import INameFromTitle
from plone.app.content.namechooser import NormalizingNameChooser
from plone.app.uuid.utils import uuidToObject
from plone.restapi.services.content.utils import create
from plone.uuid.interfaces import IUUID
from Products.CMFCore.indexing import processQueue
from z3c.relationfield import RelationValue
from zExceptions import Unauthorized
from zope.component import getUtility
from zope.component.interfaces import IFactory
from zope.container.contained import notifyContainerModified
from zope.container.interfaces import INameChooser
from zope.event import notify
from zope.i18n import translate
from zope.interface import Invalid
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified
from zope.lifecycleevent import ObjectAddedEvent
from zope.lifecycleevent import ObjectCreatedEvent
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ValidationError
import argparse
import json
import logging
import time
import transaction


logger = logging.getLogger("commune_portal.procedure_import")

FORMAT = "commune_portal.procedures/1"
# Ten procedures of a commune (docs/procedures.md): demo content and tests.
FIXTURE = str(Path(__file__).parent / "fixtures" / "procedures.json")

# The fields an item may carry, besides those of the schema.
BASIC_FIELDS = ("title", "description")
SCHEMA_FIELDS = tuple(
    name
    for name, _field in getFieldsInOrder(IProcedure)
    if name != "legal_basis_documents"
)
ROW_FIELDS = {
    "channels": ("channel", "processing_time", "fee", "description"),
    "required_documents": ("case", "name", "form", "originals", "copies"),
    "legal_basis": ("document_number", "title", "issue_date", "issuing_body"),
}
ALLOWED = frozenset(("procedure_code", *BASIC_FIELDS, *SCHEMA_FIELDS))

LOG_EVERY = 100
IMPORT_PERMISSION = "commune_portal: Import procedures"


class ItemRefused(Exception):
    """An item that cannot be imported; ``errors`` are ``(field, message)``."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def load(source):
    """The items of an import file (a path or an open file): either
    ``{"format": ..., "procedures": [...]}`` or a bare list of items."""
    if isinstance(source, str):
        with open(source, encoding="utf-8") as stream:
            data = json.load(stream)
    else:
        data = json.load(source)
    return items_of(data)


def items_of(data):
    """The list of items of parsed import data; ``ValueError`` when it is
    not one of the two accepted shapes."""
    if isinstance(data, dict):
        given = data.get("format")
        if given not in (None, FORMAT):
            raise ValueError(f"unknown format {given!r}, expected {FORMAT!r}")
        data = data.get("procedures")
    if not isinstance(data, list):
        raise ValueError('expected a list of procedures, or {"procedures": [...]}')
    return data


class _Data:
    """What the schema invariants read: the item's values, the object (or
    the folder of a new one) as ``__context__``."""

    def __init__(self, values, context):
        self.__dict__.update(values)
        self.__context__ = context

    def __getattr__(self, name):
        return None


def _t(message, request):
    # Without a request (console script, demo profile) the message is
    # still interpolated, in English.
    return translate(message, context=request)


def _text(value):
    return normalize(value) if isinstance(value, str) else value


def _row(name, row, position, errors, request):
    if not isinstance(row, dict):
        errors.append(
            (
                name,
                _t(
                    _("Row ${row}: expected an object.", mapping={"row": position}),
                    request,
                ),
            )
        )
        return None
    unknown = sorted(set(row) - set(ROW_FIELDS[name]))
    if unknown:
        errors.append(
            (
                name,
                _t(
                    _(
                        "Row ${row}: unknown keys ${keys}.",
                        mapping={"row": position, "keys": ", ".join(unknown)},
                    ),
                    request,
                ),
            )
        )
    values = {key: _text(row.get(key)) for key in ROW_FIELDS[name]}
    if name == "legal_basis" and isinstance(values["issue_date"], str):
        try:
            values["issue_date"] = date.fromisoformat(values["issue_date"])
        except ValueError:
            errors.append(
                (
                    name,
                    _t(
                        _(
                            "Row ${row}: the issue date is not a date written YYYY-MM-DD.",
                            mapping={"row": position},
                        ),
                        request,
                    ),
                )
            )
    for key in ("originals", "copies"):
        if (
            key in values
            and values[key] is not None
            and not isinstance(values[key], int)
        ):
            errors.append(
                (
                    name,
                    _t(
                        _(
                            "Row ${row}: ${key} is not a whole number.",
                            mapping={"row": position, "key": key},
                        ),
                        request,
                    ),
                )
            )
    return values


def _message(error, request):
    if isinstance(error, ValidationError):
        message = error.doc()
        if hasattr(error, "errors") and error.errors:  # a row's field
            inner = error.errors[0]
            inner = inner[1] if isinstance(inner, tuple) else inner
            if isinstance(inner, ValidationError):
                message = inner.doc()
    elif isinstance(error, Invalid):
        message = error.args[0] if error.args else str(error)
    else:
        message = str(error)
    return _t(message, request)


def bind_fields(context):
    """The fields of the schema that ``check`` validates, bound to
    ``context`` (their vocabularies built)."""
    return {name: IProcedure[name].bind(context) for name in SCHEMA_FIELDS}


def check(item, context, request=None, find_procedure=None, fields=None):
    """The values of ``item`` ready to store, checked against the schema
    bound to ``context`` (the procedure updated, or the folder of a new
    one). Raises ``ItemRefused`` with every problem found.
    ``find_procedure`` replaces the catalog search of the uniqueness
    invariant (``_Lookups.find_procedure``); ``fields`` are the fields
    already bound to ``context`` (``bind_fields``)."""
    if fields is None:
        fields = bind_fields(context)
    errors = []
    if not isinstance(item, dict):
        raise ItemRefused([("", _t(_("Expected an object."), request))])
    unknown = sorted(set(item) - ALLOWED)
    if unknown:
        errors.append(
            (
                "",
                _t(
                    _("Unknown keys: ${keys}.", mapping={"keys": ", ".join(unknown)}),
                    request,
                ),
            )
        )
    values = {}
    for name in BASIC_FIELDS:
        value = _text(item.get(name))
        if value is not None and not isinstance(value, str):
            errors.append((name, _t(_("Expected a text."), request)))
        values[name] = value or ""
    if not values["title"]:
        errors.append(
            ("title", _t(_("The name of the procedure is missing."), request))
        )
    for name in SCHEMA_FIELDS:
        field = fields[name]
        value = item.get(name, field.missing_value if name in ROW_FIELDS else None)
        if name == "procedure_code":
            value = normalize_code(value)
        if name in ROW_FIELDS:
            if value is None:
                value = []
            if not isinstance(value, list):
                errors.append((name, _t(_("Expected a list of rows."), request)))
                continue
            value = [
                _row(name, row, position, errors, request)
                for position, row in enumerate(value, 1)
            ]
        elif isinstance(value, list):
            value = [_text(v) for v in value]
        else:
            value = _text(value)
        if value is None and field.default is not None and name not in item:
            value = field.default
        try:
            field.validate(value)
        except (ValidationError, Invalid, ValueError, TypeError) as error:
            errors.append((name, _message(error, request)))
            continue
        values[name] = value
    if not errors:
        try:
            data = _Data(values, context)
            if find_procedure is not None:
                data.__find_procedure__ = find_procedure
            IProcedure.validateInvariants(data)
        except Invalid as error:
            errors.append(("", _message(error, request)))
    if errors:
        raise ItemRefused(errors)
    return values


class _Lookups:
    """What one call of ``import_procedures`` looks up in the catalog, kept
    without flushing the indexing queue per item.

    The queue is processed once, when the call begins, and the site's
    procedures are read once then, by short code (``by_code``): one catalog
    search per call instead of one per item. From then on the catalog knows
    every procedure except those this call creates (they are catalogued at
    commit), which ``created`` holds by short code. An update keeps the
    short code it was found by, so the keys stay right. Legal-basis numbers
    are looked up once per distinct number: the import changes no official
    document.
    """

    def __init__(self, container, seen):
        processQueue()
        self.catalog = api.portal.get_tool("portal_catalog")
        self.intids = getUtility(IIntIds)
        self.by_code = {}  # short code -> brains of the site's procedures
        for brain in self.catalog._unrestrictedSearchResults(portal_type=PORTAL_TYPE):
            # What the index procedure_code_key holds (indexers/procedures.py).
            key = short_code(brain.procedure_code)
            if key is not None:
                self.by_code.setdefault(key, []).append(brain)
        self.created = {}  # short code -> the procedure created by this call
        # short code -> position of the item of this file that landed
        self.seen = seen
        self.cited = {}  # number key -> intids of the documents
        self.container = container
        self._fields = (None, None)  # (sectors listed, fields bound to container)
        self._last = (None, None)  # (short code, its procedures): item and invariant
        self._addable = False  # the folder took a procedure in this call

    def fields_for_new(self):
        """The schema's fields bound to the folder, for new procedures: built
        again only when the control panel's sectors change (an item may add
        some), as their vocabulary reads them."""
        listed = tuple(
            api.portal.get_registry_record(f"{REGISTRY_PREFIX}.sectors") or ()
        )
        if self._fields[0] != listed:
            self._fields = (listed, bind_fields(self.container))
        return self._fields[1]

    def procedures(self, key):
        """The procedures of the site with the short code ``key``."""
        if key is None:
            return []
        if self._last[0] == key:
            return list(self._last[1])
        found = [self.created[key]] if key in self.created else []
        for brain in self.by_code.get(key, ()):
            try:
                obj = brain._unrestrictedGetObject()
            except (AttributeError, KeyError):
                continue  # a stale catalog entry is no procedure
            if not any(aq_base(obj) is aq_base(other) for other in found):
                found.append(obj)
        self._last = (key, found)
        return list(found)

    def new_procedure(self, title):
        """A new ``Procedure``, not yet added to the folder. The first one of
        a call is made by plone.restapi's ``create`` with all its checks
        (the type exists, the user may add it, the folder takes it: its
        addable types and their constraints); the folder's addable types do
        not change within a call, so the next ones are made by the type's
        factory after the per-user check only (``Unauthorized`` as there)."""
        if not self._addable:
            obj = create(self.container, PORTAL_TYPE, title=title)
            self._addable = True
            return obj
        type_info = api.portal.get_tool("portal_types").getTypeInfo(PORTAL_TYPE)
        if not type_info.isConstructionAllowed(self.container):
            raise Unauthorized(f"Cannot create {type_info.getId()}")
        # As ``create`` makes it; ``_add`` names it from the title.
        obj = getUtility(IFactory, type_info.factory)(None, title=title)
        obj._setPortalTypeName(type_info.getId())
        return obj

    def add_created(self, key, obj):
        """Remember the procedure this call created with short code ``key``."""
        self.created[key] = obj
        self._last = (None, None)

    def find_procedure(self, context, code):
        """``content.procedure.find_procedure`` for the schema's invariant:
        another procedure than ``context`` with the short code of ``code``."""
        own = aq_base(context) if context is not None else None
        for obj in self.procedures(short_code(code)):
            if aq_base(obj) is not own:
                return obj
        return None

    def documents_cited(self, values):
        """Relations to the official documents of the site whose number is
        in the legal basis of ``values``."""
        relations = []
        seen = set()
        for row in values.get("legal_basis") or []:
            key = number_key(row.get("document_number") or "")
            if key is None:
                continue
            if key not in self.cited:
                self.cited[key] = [
                    self.intids.getId(brain._unrestrictedGetObject())
                    for brain in self.catalog._unrestrictedSearchResults(
                        document_number_key=key,
                        portal_type=["Directive", "Resolution"],
                    )
                ]
            for intid in self.cited[key]:
                if intid not in seen:
                    seen.add(intid)
                    relations.append(RelationValue(intid))
        return relations


def _missing_sectors(item):
    """Sectors of ``item`` that the control panel does not list yet."""
    listed = set(api.portal.get_registry_record(f"{REGISTRY_PREFIX}.sectors") or [])
    sectors = item.get("sectors") if isinstance(item, dict) else None
    if not isinstance(sectors, list):
        return []
    return [
        normalize(s)
        for s in sectors
        if isinstance(s, str) and normalize(s) and normalize(s) not in listed
    ]


def _store(obj, values):
    for name, value in values.items():
        setattr(obj, name, value)


def _import_one(container, item, publish, add_sectors, request, lookups):
    """Create or update one procedure; returns ``(status, obj, added sectors)``.

    Every refusal is raised before anything of the item is written, except
    for the sectors it adds to the control panel (the check reads them
    there): those are put back as they were on refusal. No savepoint: one
    per item would write every object changed since the previous one (the
    catalog's buckets) to a temporary file, 40 % of the import's time
    (bench/procedures.py); and a savepoint taken before the transaction's
    first write would not cover the connection, which joins the transaction
    only then (nothing would be rolled back).
    """
    added = _missing_sectors(item) if add_sectors else []
    if not added:
        return (*_create_or_update(container, item, publish, request, lookups), added)
    record = f"{REGISTRY_PREFIX}.sectors"
    listed = api.portal.get_registry_record(record)
    api.portal.set_registry_record(record, list(listed or []) + added)
    try:
        return (*_create_or_update(container, item, publish, request, lookups), added)
    except ItemRefused:
        api.portal.set_registry_record(record, listed)
        raise


def _refuse_held_names_first(chooser, container):
    """Let Plone's name chooser refuse a name the folder already holds by
    looking it up, before Plone's ``check_id`` (which would refuse it too,
    after testing it against the catalog's indexes, the tools, the method
    aliases …, 0.7 ms a name). Procedures of the same name are common (a
    procedure "có yếu tố nước ngoài" …): the chooser tries ``name``,
    ``name-1``, ``name-2`` … and the import would pay that for each."""
    plone_check = chooser._getCheckId

    def check_for(obj):
        check = plone_check(obj)

        def check_id(name, required):
            if name in container:
                return "taken"
            return check(name, required=required)

        return check_id

    chooser._getCheckId = check_for


def _add(container, obj):
    """Add ``obj`` to ``container`` as plone.restapi's ``add`` does (name
    from the title, ``ObjectWillBeAddedEvent``, ownership,
    ``ObjectAddedEvent``), but without the ``ContainerModifiedEvent``:
    ``import_procedures`` sends that once, after its items. Sent per item,
    it reindexes the folder, rereads its relations and links once per item
    (bench/procedures.py)."""
    chooser = INameChooser(container)
    if isinstance(chooser, NormalizingNameChooser):
        _refuse_held_names_first(chooser, container)
    suggestion = obj.Title() if INameFromTitle(obj, None) is None else None
    obj.id = chooser.chooseName(suggestion, obj)
    notify(ObjectWillBeAddedEvent(obj, container, obj.id))
    new_id = container._setObject(obj.id, obj, suppress_events=True)
    obj = container._getOb(new_id)
    notify(ObjectAddedEvent(obj, container, new_id))
    try:
        return container._getOb(new_id)
    except AttributeError:  # a content rule moved it
        return uuidToObject(IUUID(obj))


def _refused(message, request, field="procedure_code"):
    return ItemRefused([(field, _t(message, request))])


def _create_or_update(container, item, publish, request, lookups):
    """Check ``item`` whole, then store it; returns ``(status, obj)``.
    Raises ``ItemRefused`` before writing anything."""
    checker = getSecurityManager()
    code = (
        normalize_code(item.get("procedure_code")) if isinstance(item, dict) else None
    )
    key = short_code(code)
    if key in lookups.seen:
        raise _refused(
            _(
                "Item ${position} of this file already has this code: a file "
                "names each procedure once.",
                mapping={"position": lookups.seen[key]},
            ),
            request,
        )
    existing = lookups.procedures(key)
    if len(existing) > 1:
        raise _refused(_("Several procedures of the site have this code."), request)
    if existing:
        obj = existing[0]
        # Keeping published procedures in line with the national catalogue
        # is what the import is for: its permission is enough.
        if not (
            checker.checkPermission("Modify portal content", obj)
            or checker.checkPermission(IMPORT_PERMISSION, obj)
        ):
            raise _refused(
                _("You may not edit the procedure with this code."), request, ""
            )
        values = check(item, obj, request, lookups.find_procedure)
        _store(obj, values)
        obj.legal_basis_documents = lookups.documents_cited(values)
        modified(obj)
        return "updated", obj
    if not checker.checkPermission("commune_portal: Add Procedure", container):
        raise _refused(_("You may not add procedures in this folder."), request, "")
    values = check(
        item, container, request, lookups.find_procedure, lookups.fields_for_new()
    )
    title = values.pop("title")
    obj = lookups.new_procedure(title)
    obj = obj.__of__(container)  # vocabularies and relations need a place
    _store(obj, values)
    obj.title = title
    obj.legal_basis_documents = lookups.documents_cited(values)
    obj = aq_base(obj)
    notify(ObjectCreatedEvent(obj))
    obj = _add(container, obj)
    lookups.add_created(key, obj)
    if publish:
        api.content.transition(obj, to_state="published")
    return "created", obj


def _import_into(
    report, container, item, position, publish, add_sectors, request, lookups
):
    """Import ``item`` (at ``position`` in its file) and enter the outcome in
    ``report``."""
    code = item.get("procedure_code") if isinstance(item, dict) else None
    title = item.get("title") if isinstance(item, dict) else None
    entry = {"position": position, "procedure_code": code, "title": title}
    try:
        status, obj, added = _import_one(
            container, item, publish, add_sectors, request, lookups
        )
    except ItemRefused as refused:
        entry["status"] = "refused"
        entry["errors"] = [
            {"field": field or None, "message": message}
            for field, message in refused.errors
        ]
        report["refused"] += 1
    else:
        entry["status"] = status
        entry["@id"] = obj.absolute_url()
        report[status] += 1
        report["sectors_added"] += [
            s for s in added if s not in report["sectors_added"]
        ]
        lookups.seen[short_code(code)] = position
    report["items"].append(entry)


def _log_progress(report, done, total, elapsed):
    logger.info(
        "Procedures: %d/%d (%d created, %d updated, %d refused), %.0f items/s",
        done,
        total,
        report["created"],
        report["updated"],
        report["refused"],
        done / elapsed if elapsed else 0,
    )


def import_procedures(
    container,
    items,
    publish=False,
    add_sectors=True,
    request=None,
    offset=0,
    seen=None,
):
    """Import ``items`` into ``container``; return the report:
    ``{"created", "updated", "refused", "sectors_added", "items": [...]}``,
    one entry per item in the order given.

    A file imported in several calls (the console script commits every
    500 items) passes the position of its first item less one (``offset``)
    and the same ``seen`` dictionary to each call, so that an item naming a
    procedure an earlier item of the file landed is refused there too."""
    report = {
        "created": 0,
        "updated": 0,
        "refused": 0,
        "sectors_added": [],
        "items": [],
    }
    lookups = _Lookups(container, {} if seen is None else seen)
    started = time.perf_counter()
    total = len(items)
    with chains_held():  # a procedure's chain looked up once, not 11 times
        for position, item in enumerate(items, offset + 1):
            _import_into(
                report,
                container,
                item,
                position,
                publish,
                add_sectors,
                request,
                lookups,
            )
            done = position - offset
            if done % LOG_EVERY == 0 or done == total:
                _log_progress(report, done, total, time.perf_counter() - started)
        # Catalogued now rather than at commit, while the chains are held:
        # the catalog's workflow indexes ask them once more per item.
        processQueue()
    if report["created"]:
        notifyContainerModified(container)  # once, not per item (``_add``)
    return report


# -- console script -----------------------------------------------------------


def main(argv=None):
    """``commune-portal-import-procedures -c zope.conf --site Plone file.json``."""
    parser = argparse.ArgumentParser(
        description="Create or update administrative procedures of a commune "
        "portal site from a JSON file (docs/procedures.md)."
    )
    parser.add_argument(
        "-c", "--config", required=True, help="the instance's zope.conf"
    )
    parser.add_argument("--site", required=True, help="id of the Plone site")
    parser.add_argument(
        "--folder",
        default="thu-tuc-hanh-chinh",
        help="path of the folder new procedures go to, in the site "
        "(default: thu-tuc-hanh-chinh)",
    )
    parser.add_argument("--publish", action="store_true", help="publish new procedures")
    parser.add_argument(
        "--no-new-sectors",
        action="store_true",
        help="refuse items with a sector the control panel does not list "
        "(by default such sectors are added to the list)",
    )
    parser.add_argument("--user", default="admin", help="the Zope user to act as")
    parser.add_argument(
        "--commit-every", type=int, default=500, help="commit after this many items"
    )
    parser.add_argument("--dry-run", action="store_true", help="check, change nothing")
    parser.add_argument("file", help="the JSON file")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    items = load(args.file)

    from AccessControl.SecurityManagement import newSecurityManager
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from Zope2.Startup.run import configure_wsgi
    import Zope2

    configure_wsgi(args.config)
    app = makerequest(Zope2.app())
    site = app[args.site]
    setSite(site)
    for users in (app.acl_users, site.acl_users):
        user = users.getUserById(args.user)
        if user is not None:
            newSecurityManager(None, user.__of__(users))
            break
    else:
        parser.error(f"no user {args.user!r} in the Zope root or the site")
    container = site.unrestrictedTraverse(args.folder)

    totals = {
        "created": 0,
        "updated": 0,
        "refused": 0,
        "sectors_added": [],
        "items": [],
    }
    seen = {}  # an item naming a procedure twice is refused in any batch
    for start in range(0, len(items), args.commit_every):
        part = import_procedures(
            container,
            items[start : start + args.commit_every],
            publish=args.publish,
            add_sectors=not args.no_new_sectors,
            offset=start,
            seen=seen,
        )
        for key in ("created", "updated", "refused"):
            totals[key] += part[key]
        totals["sectors_added"] += part["sectors_added"]
        totals["items"] += part["items"]
        if args.dry_run:
            transaction.abort()
        else:
            transaction.commit()
    for entry in totals["items"]:
        if entry["status"] == "refused":
            problems = "; ".join(
                f"{e['field'] or 'item'}: {e['message']}" for e in entry["errors"]
            )
            print(f"refused #{entry['position']} {entry['procedure_code']}: {problems}")
    print(
        f"{totals['created']} created, {totals['updated']} updated, "
        f"{totals['refused']} refused"
        + (" (dry run: nothing stored)" if args.dry_run else "")
    )
    if totals["sectors_added"]:
        print(
            "sectors added to the control panel: " + ", ".join(totals["sectors_added"])
        )
    return 1 if totals["refused"] else 0
