"""Every value of a list-backed field survives the move.

A field whose values come from a vocabulary (``issuing_body``, ``sectors``,
``signer_position``, ``document_type`` ...) refuses on import a value its
vocabulary lacks, and plone.restapi's deserializer then drops it ("Constraint
not satisfied"). An item can hold such a value lawfully: the control
panel's list changed after it was saved (the add-on's vocabularies accept
what an item already holds), or code set it. So, for every field of every
item (all its schemata, whatever its type):

- on export, plone.exportimport writes the values as they are, whether
  the vocabulary has them or not;
- on import (``ValueKeeper.keep_values``, before the deserializer): a value
  missing from one of the control panel's lists (``REGISTRY_LISTS``) is
  added to that list, which is what an administrator would do; a value
  missing from a fixed list is kept as the item's own value (set after the
  deserializer, which would refuse it). The report says which value, which
  item, and what was done.

What the add-on keeps on an item beside its fields (the item's last
editor, ``state.py``; the council's votes, attendance and grants,
``council.py``) travels in the item's data, through ``IItemState``
adapters (``export_item_state``, a data hook of the content exporter; the
object hook ``ValueKeeper.imported``). And the item's state comes from its
exported history alone (``state_from_history``).
"""

from Acquisition import aq_base
from commune_portal import confidentiality
from commune_portal.exportimport.interfaces import IItemState
from commune_portal.exportimport.report import ImportReport
from commune_portal.exportimport.settings import settings_field
from commune_portal.exportimport.settings import site_path
from plone import api
from plone.dexterity.utils import iterSchemata
from plone.registry.interfaces import IRegistry
from plone.restapi.serializer.converters import json_compatible
from z3c.relationfield.interfaces import IRelation
from z3c.relationfield.interfaces import IRelationList
from zope.component import getAdapters
from zope.component import getUtility
from zope.schema import getFields
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IVocabularyTokenized
from zope.schema.interfaces import ValidationError
import copy


# The vocabularies read from a list of the control panel
# (``commune_portal.vocabularies.settings``) and the registry record of
# that list: a missing entry is added there.
REGISTRY_LISTS = {
    "commune_portal.vocabularies.IssuingBodies": "commune_portal.issuing_bodies",
    "commune_portal.vocabularies.Sectors": "commune_portal.sectors",
    "commune_portal.vocabularies.SignerPositions": "commune_portal.signer_positions",
}

# The key of the add-on's extra data in an exported item.
ITEM_KEY = "commune_portal"


def list_fields(obj):
    """``(schema, name, field, choice, multiple)`` of every field of ``obj``
    whose values come from a vocabulary: a ``Choice``, or a collection of
    them."""
    for schema in iterSchemata(obj):
        for name, field in getFields(schema).items():
            if field.readonly or IRelation.providedBy(field):
                continue  # relations travel in relations.json
            if IRelationList.providedBy(field):
                continue
            if IChoice.providedBy(field):
                yield schema, name, field, field, False
            elif ICollection.providedBy(field) and IChoice.providedBy(
                getattr(field, "value_type", None)
            ):
                yield schema, name, field, field.value_type, True


def _vocabulary(choice, obj):
    vocabulary = choice.bind(obj).vocabulary
    return vocabulary if IVocabularyTokenized.providedBy(vocabulary) else None


def _term(vocabulary, value):
    try:
        return vocabulary.getTerm(value)
    except (LookupError, TypeError):  # TypeError: not a value (a list ...)
        return None


def export_item_state(data, obj, config):
    """Data hook of the content exporter: what the add-on keeps on the item
    beside its fields (``IItemState`` adapters), under ``ITEM_KEY``."""
    state = {}
    for name, carrier in getAdapters((obj,), IItemState):
        value = carrier.export()
        if value is not None:
            state[name] = value
    if state:
        data[ITEM_KEY] = json_compatible(state)
    return data


def state_from_history(item, obj):
    """The item's state comes from its exported workflow history alone.

    plone.exportimport first moves a new item to its exported
    ``review_state`` with transitions, then replaces its history with the
    exported one, which sets the state anyway. Those transitions are not
    the item's history: they would mail reviewers, set a publication date
    the item did not have, and be refused by the guards (four eyes,
    completeness, classified). When the exported history has an entry for
    each workflow the item has here, the transitions are left out."""
    history = item.get("workflow_history") or {}
    if not item.get("review_state") or not isinstance(history, dict):
        return
    chain = api.portal.get_tool("portal_workflow").getChainFor(obj)
    if chain and all(
        any(entry.get("review_state") for entry in history.get(workflow_id) or ())
        for workflow_id in chain
    ):
        del item["review_state"]


def add_entry(name, entry):
    """Add ``entry`` to the control panel's list ``name`` (a registry
    record); whether it is there now. The list's rules hold: it refuses an
    entry equal to another but for tone marks or case."""
    registry = getUtility(IRegistry)
    record = registry.records.get(name)
    if record is None:
        return False
    entries = list(registry[name] or [])
    if entry in entries:
        return True
    entries.append(entry)
    try:
        settings_field(record).bind(record).validate(entries)
        registry[name] = entries
    except (ValidationError, ValueError, TypeError):
        return False
    return True


class ValueKeeper:
    """The content importer's hooks that keep every value of list fields."""

    def __init__(self, report=None, content_importer=None):
        self.report = report if report is not None else ImportReport()
        # plone.exportimport's content importer: the fields it could not set.
        self.content_importer = content_importer
        # id(obj) -> [(schema, name, value)] to set after the deserializer
        self.kept = {}

    def keep_values(self, item, obj):
        """Pre-deserialize hook: make every value of the item's list fields
        acceptable to the deserializer, or set it aside to keep it."""
        path = site_path(obj)
        state_from_history(item, obj)
        for schema, name, field, choice, multiple in list_fields(obj):
            raw = item.get(name)
            if raw is None or (multiple and not isinstance(raw, list)):
                continue
            vocabulary = _vocabulary(choice, obj)
            if vocabulary is None:
                continue
            record = REGISTRY_LISTS.get(choice.vocabularyName)
            accepted, values, kept = [], [], False
            for element in raw if multiple else [raw]:
                value = self._value(element, record)
                term = self._known(vocabulary, element)
                if term is None and record is not None:
                    term, vocabulary = self._added(choice, obj, path, record, value)
                if term is not None:
                    accepted.append({"token": term.token})
                    values.append(term.value)
                    continue
                if value is None:
                    continue
                kept = True
                values.append(value)
                self.report.kept_value(path, name, value)
            if not kept:
                if multiple:
                    item[name] = accepted
                elif accepted:
                    item[name] = accepted[0]
                continue
            # The deserializer gets what it accepts; the whole value is set
            # after it.
            if multiple:
                item[name] = accepted
                value = field._type(values) if field._type is not None else values
            else:
                item.pop(name, None)
                value = values[0]
            self.kept.setdefault(id(aq_base(obj)), []).append((schema, name, value))
        return item, obj

    def _failed_fields(self, item):
        """The fields of ``item`` the content importer could not set."""
        incomplete = getattr(self.content_importer, "incomplete", None) or {}
        return incomplete.get(item.get("@id")) or ()

    @staticmethod
    def _value(element, record):
        """The value an exported element stands for: plone.exportimport
        exports values as they are; an element as plone.restapi serializes
        it (``{"token", "title"}``) stands for its title in the control
        panel's lists (entry = title), for its token in fixed lists."""
        if not isinstance(element, dict):
            return element
        if record is not None and element.get("title") is not None:
            return element["title"]
        return element.get("token")

    @staticmethod
    def _known(vocabulary, element):
        """The term of ``vocabulary`` an exported element stands for: a
        value is looked up as a value first, an element with a token by its
        token first."""
        if isinstance(element, dict):
            tokens, values = [element.get("token")], [element.get("title")]
        else:
            tokens, values = [element], [element]
        for value in values:
            if value is not None and (term := _term(vocabulary, value)) is not None:
                return term
        for token in tokens:
            if token is None:
                continue
            try:
                return vocabulary.getTermByToken(str(token))
            except LookupError:
                pass
        return None

    def _added(self, choice, obj, path, record, entry):
        """Add ``entry`` to the control panel's list ``record``:
        ``(term, vocabulary)`` afterwards (no term when the list refuses
        it)."""
        if not isinstance(entry, str) or not entry.strip():
            return None, _vocabulary(choice, obj)
        if not add_entry(record, entry):
            return None, _vocabulary(choice, obj)
        vocabulary = _vocabulary(choice, obj)
        term = _term(vocabulary, entry)
        if term is not None:
            self.report.added_entry(record, entry, path)
        return term, vocabulary

    def imported(self, item, obj):
        """Object hook, after the deserializer and plone.exportimport's
        updaters: set the kept values and the state beside the fields, and
        remember the item for the rebuild (with the fields the deserializer
        refused, to try again once all the content is there)."""
        path = site_path(obj)
        failed = self._failed_fields(item)
        if failed:
            self.report.deferred[path] = {
                name: copy.deepcopy(item[name]) for name in failed if name in item
            }
        for schema, name, value in self.kept.pop(id(aq_base(obj)), ()):
            setattr(schema(obj), name, value)
        state = item.get(ITEM_KEY)
        state = state if isinstance(state, dict) else {}
        for name, carrier in getAdapters((obj,), IItemState):
            if getattr(carrier, "after_content", False):
                if state.get(name) is not None:
                    self.report.later.setdefault(path, {})[name] = state[name]
                continue
            data = state.get(name)
            field = getattr(carrier, "exported_field", None)
            if data is None and field:
                # An older export: the field's value as plone.exportimport
                # wrote it (a read-only field the deserializer leaves out).
                data = item.get(field)
            carrier.restore(data)
        self.report.imported.append(path)
        if confidentiality.exposed(obj):
            self.report.exposed.add(path)
        return obj
