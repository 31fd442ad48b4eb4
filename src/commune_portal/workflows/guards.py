"""Workflow guards: the rules that keep a transition from happening, each
with the reason it gives the user.

The workflow definitions call this module in the guard expressions of the
transitions that publish, approve or circulate, e.g.
``python:modules['commune_portal.workflows.guards'].allowed(object, 'approve')``
(a module function rather than a view, so that guards also hold where no
browser layer marks the request: scripts, upgrade steps, zconsole).
"""

from AccessControl.SecurityInfo import ModuleSecurityInfo


security = ModuleSecurityInfo("commune_portal.workflows.guards")


def problems(obj, transition_id):
    """The reasons, as translatable messages, why ``transition_id`` may not
    happen on ``obj`` now; empty when nothing stands in the way."""
    return []


security.declarePublic("allowed")


def allowed(obj, transition_id):
    """For guard expressions: whether no guard stands in the way."""
    return not problems(obj, transition_id)
