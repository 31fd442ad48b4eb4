"""The confidentiality rule: a classified item is never disclosed.

An item whose ``confidentiality`` (độ mật) is anything but ``normal``
(Mật, Tối mật, Tuyệt mật) is never in a *disclosing* state: ``published``
(the public) or ``circulated`` (the council delegates). This module states
the rule once; every path that could break it asks it:

- the workflow guard (``commune_portal.workflows.guards.classified``);
- the edit forms and REST (an invariant of the official-document schema);
- the paths that set a state without a transition (an edit that bypasses
  validation, the placeful policy switch, a move into a section under
  another policy, plone.exportimport, a profile import):
  ``commune_portal.workflows.classified`` withdraws the item.

It imports nothing of the add-on's content modules, so that the schema,
the guards and the workflow code can all depend on it.
"""

from commune_portal import _
from commune_portal.vocabularies.official_document import CONFIDENTIALITY_VOCABULARY
from plone.dexterity.interfaces import IDexterityContent
from plone.dexterity.utils import iterSchemata
from Products.CMFCore.utils import getToolByName


FIELD = "confidentiality"
NORMAL = "normal"
PUBLISHED = "published"
# The states in which an item is seen beyond its authors and the editorial
# board: the public (published) and the council delegates (circulated).
DISCLOSING_STATES = (PUBLISHED, "circulated")
# The classified levels, as catalog query values.
CLASSIFIED_LEVELS = tuple(
    term.value for term in CONFIDENTIALITY_VOCABULARY if term.value != NORMAL
)


def is_classified(level):
    """Whether the confidentiality ``level`` (a token) is classified."""
    return bool(level) and level != NORMAL


def level_of(obj):
    """The confidentiality of ``obj``: the value of the ``confidentiality``
    field of its schemata (the official-document behavior), or ``None``
    for content without one."""
    if not IDexterityContent.providedBy(obj):
        return None
    for schema in iterSchemata(obj):
        if FIELD in schema:
            return getattr(schema(obj, None), FIELD, None)
    return None


def state_of(obj):
    """The review state of ``obj`` in its current workflow, or ``None``."""
    workflow_tool = getToolByName(obj, "portal_workflow", None)
    if workflow_tool is None:
        return None
    for workflow in workflow_tool.getWorkflowsFor(obj):
        return workflow._getWorkflowStateOf(obj, id_only=True)
    return None


def forbidden(level, state):
    """The rule: whether an item of confidentiality ``level`` may not be in
    ``state``."""
    return is_classified(level) and state in DISCLOSING_STATES


def exposed(obj):
    """Whether ``obj`` breaks the rule now: classified and in a disclosing
    state."""
    level = level_of(obj)
    return is_classified(level) and forbidden(level, state_of(obj))


def level_title(level):
    """The title of a confidentiality level, a message translated with the
    message that names it (zope.i18n translates messages in mappings)."""
    try:
        return CONFIDENTIALITY_VOCABULARY.getTerm(level).title
    except LookupError:
        return level


def refusal(level, state):
    """Why an item of ``level`` may not be in ``state`` (a translatable
    message), or ``None`` when it may."""
    if not forbidden(level, state):
        return None
    mapping = {"level": level_title(level)}
    if state == PUBLISHED:
        return _(
            "A document classified “${level}” can never be published on the portal.",
            mapping=mapping,
        )
    return _(
        "A document classified “${level}” cannot be circulated through the portal.",
        mapping=mapping,
    )


def edit_refusal(level, state):
    """Why an item in ``state`` may not be given the confidentiality
    ``level`` by an edit (a translatable message), or ``None`` when it
    may."""
    if not forbidden(level, state):
        return None
    mapping = {"level": level_title(level)}
    if state == PUBLISHED:
        return _(
            "This document is published: it cannot be classified “${level}” "
            "while it is on the portal. Retract it first.",
            mapping=mapping,
        )
    return _(
        "This document is circulated to the delegates: it cannot be "
        "classified “${level}” while it is circulated. Retract it first.",
        mapping=mapping,
    )
