"""Workflow guards: the rules that keep a transition from happening, each
with the reason it gives the user.

The workflow definitions call this module in the guard expressions of the
transitions that publish, approve or circulate, e.g.
``python:modules['commune_portal.workflows.guards'].allowed(object, 'approve')``
(a module function rather than a view, so that guards also hold where no
browser layer marks the request: scripts, upgrade steps, zconsole).

Each guard is a small function ``guard(obj, transition)`` taking the
DCWorkflow transition definition and returning a list of translatable
messages (empty: nothing to object). ``problems()`` asks them all; the
REST ``@workflow`` service and the Classic UI viewlet show the messages
through ``blocked_reasons()`` and ``blocked_transitions()``.

Which transition enters which state is read from the object's workflow
(``new_state_id``), so a site administrator who edits a workflow keeps the
rules attached to the states, not to transition names.
"""

from AccessControl.SecurityInfo import ModuleSecurityInfo
from AccessControl.SecurityManagement import getSecurityManager
from Acquisition import aq_base
from commune_portal import _
from commune_portal import confidentiality
from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.behaviors.official_document import IOfficialDocumentMarker
from commune_portal.controlpanels.settings import DEFAULT_PUBLICATION_REQUIREMENTS
from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from commune_portal.interfaces import is_commune_catalog
from commune_portal.questions.guards import question_rules
from commune_portal.vocabularies.council import UNNUMBERED_FIELDS
from commune_portal.vocabularies.council import UNNUMBERED_MATERIAL_KINDS
from commune_portal.workflows import history
from plone.app.contenttypes.interfaces import IFolder
from plone.app.workflow.interfaces import ILocalrolesModifiedEvent
from plone.registry.interfaces import IRegistry
from Products.CMFCore.utils import getToolByName
from Products.CMFCore.WorkflowTool import WorkflowTool
from Products.DCWorkflow.Guard import Guard
from Products.DCWorkflow.Transitions import TRIGGER_USER_ACTION
from zope.component import queryUtility
from zope.container.interfaces import IContainerModifiedEvent
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import provider
from zope.schema import Bool
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
import contextvars
import sys


security = ModuleSecurityInfo("commune_portal.workflows.guards")

PUBLISHED = confidentiality.PUBLISHED
# The editorial board checks completeness before it passes an item on to
# the leader, not only the leader when publishing.
BOARD_TRANSITIONS = ("review", "approve")
# The transitions that put an item out for the public on someone's word.
FOUR_EYES_TRANSITIONS = ("approve", "publish")
SUBMIT = "submit"


def setting(name, default=None):
    """A value of the commune settings; ``default`` on a site without them."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return default
    return registry.get(f"{REGISTRY_PREFIX}.{name}", default)


def translated(message):
    """``message`` in the language of the current request (the site's
    default language when there is no request)."""
    request = getRequest()
    if request is not None:
        return translate(message, context=request)
    registry = queryUtility(IRegistry)
    language = registry.get("plone.default_language") if registry is not None else None
    return translate(message, target_language=language)


# --- Which fields may be required before publication --------------------


def requirable_fields():
    """The official-document fields a site may require before publishing,
    in form order: those that can be empty (not the computed status, not
    the fields that always hold a value)."""
    return [
        (name, field)
        for name, field in getFieldsInOrder(IOfficialDocument)
        if not field.readonly and not field.required and not isinstance(field, Bool)
    ]


@provider(IVocabularyFactory)
def publication_requirement_fields(context):
    """Vocabulary ``commune_portal.vocabularies.PublicationRequirementFields``:
    field names of the official-document behavior, titled by the field
    titles."""
    return SimpleVocabulary(
        [SimpleTerm(name, name, field.title) for name, field in requirable_fields()]
    )


def _is_empty(value):
    if value is None or value in ("", [], (), set()):
        return True
    # An uploaded file without content is no signed document.
    return getattr(value, "size", 1) == 0


# --- The guards ---------------------------------------------------------


def classified(obj, transition):
    """A classified item never enters ``published`` or ``circulated``
    (the rule: ``commune_portal.confidentiality``)."""
    reason = confidentiality.refusal(
        confidentiality.level_of(obj), transition.new_state_id
    )
    return [reason] if reason is not None else []


def completeness(obj, transition):
    """An official document is published (or passed on by the board) only
    with what citizens need: the fields the control panel requires."""
    if transition.new_state_id != PUBLISHED and transition.id not in BOARD_TRANSITIONS:
        return []
    if not IOfficialDocumentMarker.providedBy(obj):
        return []
    required = setting("publication_requirements", DEFAULT_PUBLICATION_REQUIREMENTS)
    if getattr(obj, "material_kind", None) in UNNUMBERED_MATERIAL_KINDS:
        required = [name for name in required or () if name not in UNNUMBERED_FIELDS]
    document = IOfficialDocument(obj)
    missing = [
        translated(IOfficialDocument[name].title)
        for name in required or ()
        if name in IOfficialDocument and _is_empty(getattr(document, name, None))
    ]
    if not missing:
        return []
    return [
        _(
            "Still missing what citizens need: ${fields}.",
            mapping={"fields": ", ".join(missing)},
        )
    ]


# --- Four eyes -------------------------------------------------------------
#
# When the control panel's switch is on, an item reaches the public only
# after two people had it in hand: someone wrote and submitted it, someone
# else approves or publishes it. Whoever created the item, last changed it
# or submitted it in this round may not approve or publish it, and nothing
# is published straight from the draft state (it is submitted first), so
# that sending an item back and publishing it oneself does not get round
# the rule. Managers are not exempt: the rule is about people, not power.
# It holds in the workflows that have a review step (a ``submit``); council
# materials and petitions are the council secretary's own records, and
# folders only hold the items that are reviewed.

FOUR_EYES_SUBMIT_FIRST = _(
    "This site requires four eyes: the item is submitted first, then "
    "someone else publishes it. It cannot be published straight from "
    "the draft."
)
FOUR_EYES_SUBMITTER = _(
    "You submitted this item yourself: this site requires someone "
    "else to approve or publish it (four-eyes principle). This holds "
    "for managers too."
)
FOUR_EYES_CREATOR = _(
    "You created this item: this site requires someone else to "
    "approve or publish it (four-eyes principle). This holds for "
    "managers too."
)
FOUR_EYES_EDITOR = _(
    "You made the last change to this item: this site requires "
    "someone else to approve or publish it (four-eyes principle). "
    "This holds for managers too."
)

# Set on an item by ``remember_editor``: who last changed it.
LAST_EDITOR = "_commune_portal_last_editor"


def _four_eyes_applies(obj, transition):
    """Whether four eyes is on and ``transition`` makes ``obj`` public on
    someone's word in a workflow with a review step."""
    if transition.id not in FOUR_EYES_TRANSITIONS:
        return False
    if not setting("four_eyes", False):
        return False
    if IFolder.providedBy(obj):
        return False
    workflow = history.current_workflow(obj)
    transitions = getattr(workflow, "transitions", None)
    return transitions is not None and SUBMIT in transitions


def _current_user_id():
    return getSecurityManager().getUser().getId()


def creators(obj):
    """Who created ``obj``: its owner, the users holding the Owner role on
    it and its Dublin Core creators."""
    people = set()
    owner = obj.getOwnerTuple() if hasattr(aq_base(obj), "getOwnerTuple") else None
    if owner:
        people.add(owner[1])
    for user_id, roles in (
        getattr(aq_base(obj), "__ac_local_roles__", None) or {}
    ).items():
        if "Owner" in roles:
            people.add(user_id)
    if hasattr(aq_base(obj), "Creators"):
        people.update(obj.Creators())
    return people


def last_editor(obj):
    """The user who last changed ``obj`` (``remember_editor``), or ``None``."""
    return getattr(aq_base(obj), LAST_EDITOR, None)


def four_eyes_submitted_first(obj, transition):
    """Four eyes: nothing goes public straight from the draft state; it is
    submitted first, so that someone else has it in hand."""
    if not _four_eyes_applies(obj, transition):
        return []
    workflow = history.current_workflow(obj)
    if workflow._getWorkflowStateOf(obj, id_only=True) != workflow.initial_state:
        return []
    return [FOUR_EYES_SUBMIT_FIRST]


def four_eyes(obj, transition):
    """Four eyes: whoever submitted the item in this round does not
    approve or publish it too."""
    if not _four_eyes_applies(obj, transition):
        return []
    submitted = history.last_action_in_round(obj, SUBMIT)
    user_id = _current_user_id()
    if submitted is None or user_id is None or submitted.get("actor") != user_id:
        return []
    return [FOUR_EYES_SUBMITTER]


def four_eyes_author(obj, transition):
    """Four eyes: whoever created the item (owner, creator) does not
    approve or publish it."""
    if not _four_eyes_applies(obj, transition):
        return []
    user_id = _current_user_id()
    if user_id is None or user_id not in creators(obj):
        return []
    return [FOUR_EYES_CREATOR]


def four_eyes_editor(obj, transition):
    """Four eyes: whoever last changed the item does not approve or
    publish what they wrote."""
    if not _four_eyes_applies(obj, transition):
        return []
    user_id = _current_user_id()
    if user_id is None or last_editor(obj) != user_id:
        return []
    return [FOUR_EYES_EDITOR]


def remember_editor(obj, event):
    """Subscriber of ``IObjectModifiedEvent``: remember who last changed
    the item (for ``four_eyes_editor``); not for changes of its sharing or
    of what a folder contains. Only on sites with commune_portal."""
    # Whatever changed, a guard's kept answer is asked again (``allowed``).
    forget_answer()
    if ILocalrolesModifiedEvent.providedBy(event) or IContainerModifiedEvent.providedBy(
        event
    ):
        return
    if not is_commune_catalog(getToolByName(obj, "portal_catalog", None)):
        return
    user_id = _current_user_id()
    if user_id is not None and last_editor(obj) != user_id:
        setattr(obj, LAST_EDITOR, user_id)


GUARDS = (
    classified,
    completeness,
    four_eyes_submitted_first,
    four_eyes,
    four_eyes_author,
    four_eyes_editor,
    # Citizen questions: officer, answer, reason (questions/guards.py).
    question_rules,
)


# --- Asking the guards --------------------------------------------------


def find_transition(obj, transition_id):
    """The transition definition ``transition_id`` of the object's
    workflows, or ``None``."""
    wftool = getToolByName(obj, "portal_workflow", None)
    if wftool is None:
        return None
    for workflow in wftool.getWorkflowsFor(obj):
        transitions = getattr(workflow, "transitions", None)
        if transitions is not None and transition_id in transitions:
            return transitions[transition_id]
    return None


def problems(obj, transition_id):
    """The reasons, as translatable messages, why ``transition_id`` may not
    happen on ``obj`` now; empty when nothing stands in the way."""
    transition = find_transition(obj, transition_id)
    if transition is None:
        return []
    return [reason for guard in GUARDS for reason in guard(obj, transition)]


# DCWorkflow asks a transition's guard twice in one ``doActionFor`` of
# ``portal_workflow``: ``isActionSupported`` finds the workflow, then the
# workflow's ``doActionFor`` checks again; in between only the subscribers
# of ``IActionWillBeInvokedEvent`` run (none in Plone or the add-on). The
# answer of the first is kept for the rest of that one call, identified by
# its frame, and for nothing else: another call, a listing of the
# transitions, the toolbar or REST, always asks the guards again.
_DO_ACTION_FOR = WorkflowTool.doActionFor.__code__
# The guard expression sits some ten frames below ``doActionFor``.
_SEARCH_DEPTH = 24
# (frame of the doActionFor call, object, transition id, user id, answer)
_answer = contextvars.ContextVar("commune_portal_guards_answer", default=None)


def _workflow_call():
    """The frame of the ``portal_workflow.doActionFor`` call the guard is
    evaluated in, or ``None``."""
    frame = sys._getframe(2)
    for _depth in range(_SEARCH_DEPTH):
        if frame is None:
            return None
        if frame.f_code is _DO_ACTION_FOR:
            return frame
        frame = frame.f_back
    return None


def forget_answer():
    """Drop the kept answer (an item changed while a transition runs)."""
    _answer.set(None)


security.declarePublic("allowed")


def allowed(obj, transition_id):
    """For guard expressions: whether no guard stands in the way."""
    call = _workflow_call()
    if call is None:
        return not problems(obj, transition_id)
    base, user_id = aq_base(obj), _current_user_id()
    kept = _answer.get()
    if (
        kept is not None
        and kept[0] is call
        and kept[1] is base
        and kept[2:4] == (transition_id, user_id)
    ):
        return kept[4]
    answer = not problems(obj, transition_id)
    _answer.set((call, base, transition_id, user_id, answer))
    return answer


def _passes_but_for_expression(workflow, transition, obj):
    """Whether the current user passes the transition's guard once its
    expression (where our guards sit) is left out: permissions, roles and
    groups only."""
    guard = transition.guard
    if guard is None:
        return True
    bare = Guard()
    bare.permissions = guard.permissions
    bare.roles = guard.roles
    bare.groups = guard.groups
    return bool(bare.check(getSecurityManager(), workflow, obj))


def _exits(obj):
    """``(workflow, transition)`` for the user transitions leaving the
    object's current state."""
    workflow = history.current_workflow(obj)
    if workflow is None or not hasattr(workflow, "states"):
        return
    state = workflow._getWorkflowStateOf(obj)
    if state is None:
        return
    for transition_id in state.transitions:
        transition = workflow.transitions.get(transition_id)
        if transition is not None and (transition.trigger_type == TRIGGER_USER_ACTION):
            yield workflow, transition


def blocked_reasons(obj, transition_id):
    """The reasons that keep the current user from ``transition_id``, when
    nothing else does (the transition leaves the current state and the user
    has the permission and role it needs); otherwise empty, and the
    workflow refuses in its own words."""
    for workflow, transition in _exits(obj):
        if transition.id == transition_id:
            if _passes_but_for_expression(workflow, transition, obj):
                return problems(obj, transition_id)
            return []
    return []


def blocked_transitions(obj):
    """``(transition, reasons)`` for each transition the current user could
    take but for our guards."""
    blocked = []
    for workflow, transition in _exits(obj):
        if not _passes_but_for_expression(workflow, transition, obj):
            continue
        reasons = problems(obj, transition.id)
        if reasons:
            blocked.append((transition, reasons))
    return blocked


def translated_title(text, request=None, target_language=None):
    """A workflow title (of a state or transition) translated: in
    commune_portal's domain for our workflows, in Plone's for Plone's own."""
    if target_language is None and request is None:
        request = getRequest()
    options = {"context": request, "target_language": target_language}
    ours = translate(text, domain="commune_portal", default=None, **options)
    if ours and ours != text:
        return ours
    return translate(text, domain="plone", **options)


def transition_title(transition, request=None):
    """The translated title of a transition definition."""
    return translated_title(
        transition.actbox_name or transition.title or transition.id, request=request
    )
