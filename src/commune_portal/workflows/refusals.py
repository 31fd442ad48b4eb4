"""Why a transition the user asked for does not happen, in words.

DCWorkflow only says "No workflow provides the '${action_id}' action."
(plone.restapi shows it with the placeholder; Plone's status form even
says "Item state changed."). ``refusal`` gives the guards' reasons when
they are what stands in the way, otherwise what the item's state offers
the user. Used by ``POST @workflow`` and by the Classic UI status form.
"""

from commune_portal import _
from commune_portal.workflows import history
from commune_portal.workflows.guards import blocked_reasons
from commune_portal.workflows.guards import transition_title
from commune_portal.workflows.guards import translated_title
from plone import api


def available_transitions(obj):
    """The ids of the transitions the current user may take now."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    return [t["id"] for t in workflow_tool.getTransitionsFor(obj)]


def refusal(obj, transition_id, request=None):
    """The reasons (translatable messages) why ``transition_id`` cannot be
    taken on ``obj`` by the current user now; empty when it can."""
    available = available_transitions(obj)  # asks every guard: once
    if transition_id in available:
        return []
    reasons = blocked_reasons(obj, transition_id)
    if reasons:
        return reasons
    workflow = history.current_workflow(obj)
    state_id = api.content.get_state(obj, default=None)
    state = workflow.states.get(state_id) if workflow is not None else None
    state_title = (
        translated_title(state.title, request=request) if state is not None else ""
    )
    offered = [
        transition_title(workflow.transitions[t], request)
        for t in available
        if workflow is not None and t in workflow.transitions
    ]
    transition = workflow.transitions.get(transition_id) if workflow else None
    name = transition_title(transition, request) if transition else transition_id
    if offered:
        return [
            _(
                "“${transition}” is not possible for you on this item in the "
                "state “${state}”. What you can do now: ${offered}.",
                mapping={
                    "transition": name,
                    "state": state_title,
                    "offered": ", ".join(offered),
                },
            )
        ]
    return [
        _(
            "“${transition}” is not possible for you on this item in the "
            "state “${state}”, and no other step is open to you now.",
            mapping={"transition": name, "state": state_title},
        )
    ]
