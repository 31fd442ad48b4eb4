"""The four workflows and the four placeful policies of CONTRACT.md, their
guards, chains and translated titles."""

from plone import api
from zope.i18n import translate
import pytest


GUARD = "python:modules['commune_portal.workflows.guards'].allowed(object, '{}')"
WORKFLOWS = {
    "commune_editorial_workflow": (
        "private",
        {"private", "pending_review", "pending_approval", "published"},
        {"submit", "review", "approve", "reject", "retract"},
        {"review", "approve"},
    ),
    "commune_simple_workflow": (
        "private",
        {"private", "pending_review", "published"},
        {"submit", "publish", "reject", "retract"},
        {"publish"},
    ),
    "council_material_workflow": (
        "private",
        {"private", "circulated", "published"},
        {"circulate", "publish", "retract"},
        {"circulate", "publish"},
    ),
    "voter_petition_workflow": (
        "received",
        {"received", "forwarded", "answered", "published"},
        {"forward", "answer", "publish", "retract"},
        {"publish"},
    ),
    "citizen_question_workflow": (
        "submitted",
        {"submitted", "assigned", "answered", "published", "rejected"},
        {"assign", "answer", "publish", "reject", "retract"},
        {"assign", "answer", "publish", "reject"},
    ),
}
POLICIES = {
    "commune_two_step": "commune_editorial_workflow",
    "commune_one_step": "commune_simple_workflow",
    "council_materials": "council_material_workflow",
    "voter_petitions": "voter_petition_workflow",
    # Pages and folders of the questions section; the questions have their
    # own workflow (tests/questions/test_definition.py).
    "citizen_questions": "commune_simple_workflow",
}
PLONE_TYPES = ("Document", "News Item", "Folder", "File", "Image", "Event", "Link")


def workflow(workflow_id):
    return api.portal.get_tool("portal_workflow")[workflow_id]


@pytest.mark.parametrize("workflow_id", sorted(WORKFLOWS))
def test_states_and_transitions(portal, workflow_id):
    initial, states, transitions, guarded = WORKFLOWS[workflow_id]
    definition = workflow(workflow_id)
    assert definition.initial_state == initial
    assert set(definition.states.objectIds()) == states
    assert set(definition.transitions.objectIds()) == transitions
    for transition in definition.transitions.objectValues():
        expression = transition.getGuard().getExprText()
        if transition.getId() in guarded:
            assert expression == GUARD.format(transition.getId())
        else:
            assert expression == ""
        # Every transition needs a permission besides the guards.
        assert transition.getGuard().permissions


@pytest.mark.parametrize("workflow_id", sorted(WORKFLOWS))
def test_what_enters_public_states_is_guarded(portal, workflow_id):
    definition = workflow(workflow_id)
    for transition in definition.transitions.objectValues():
        if transition.new_state_id in ("published", "circulated"):
            assert transition.getGuard().getExprText(), transition.getId()


@pytest.mark.parametrize("workflow_id", sorted(WORKFLOWS))
def test_titles_translated(portal, workflow_id):
    """Plone translates workflow titles in its domain "plone" (menus,
    @workflow, history): ours are there in Vietnamese."""
    definition = workflow(workflow_id)
    texts = [definition.title, definition.description]
    for state in definition.states.objectValues():
        texts += [state.title, state.description, state.getId()]
    for transition in definition.transitions.objectValues():
        texts += [
            transition.title,
            transition.actbox_name,
            transition.description,
            transition.getId(),
        ]
    untranslated = [
        text
        for text in texts
        if translate(text, domain="plone", target_language="vi") == text
    ]
    assert untranslated == []


def test_directive_chain_and_plone_untouched(portal):
    tool = api.portal.get_tool("portal_workflow")
    assert tool.getChainForPortalType("Directive") == ("commune_editorial_workflow",)
    assert tool.getDefaultChain() == ("simple_publication_workflow",)
    for portal_type in PLONE_TYPES:
        assert not any(
            wf in WORKFLOWS for wf in tool.getChainForPortalType(portal_type)
        ), portal_type


@pytest.mark.parametrize("policy_id", sorted(POLICIES))
def test_policies(portal, policy_id):
    placeful = api.portal.get_tool("portal_placeful_workflow")
    policy = placeful.getWorkflowPolicyById(policy_id)
    assert policy is not None
    assert policy.getDescription()
    assert (
        translate(policy.title, domain="cmfplacefulworkflow", target_language="vi")
        != policy.title
    )
    main = POLICIES[policy_id]
    assert policy.getDefaultChain("Document") == (main,)
    for portal_type in (*PLONE_TYPES, "Directive", "Collection"):
        # Every type is bound: nothing falls back to Plone's chains.
        chain = policy.getChainFor(portal_type)
        assert chain and all(wf in WORKFLOWS for wf in chain), portal_type


def test_only_our_policies(portal):
    """CMFPlacefulWorkflow's base profile: no sample policies to choose from."""
    placeful = api.portal.get_tool("portal_placeful_workflow")
    assert set(placeful.getWorkflowPolicyIds()) == set(POLICIES)
