"""``POST @workflow/<transition>`` that says why a transition is refused.

DCWorkflow only knows that no workflow offers the action ("No workflow
provides the '${action_id}' action", shown as such by plone.restapi);
before delegating to plone.restapi, this service asks why and answers
HTTP 400 with the reasons, changing nothing. When our guards object::

    {"error": {"type": "WorkflowGuard", "transition": "approve",
               "message": "...", "reasons": ["...", ...]}}

otherwise (the state does not offer it to the user) the same body with the
type ``WorkflowException`` and what the user can do instead.
"""

from commune_portal.services.protection import check_write
from commune_portal.workflows.guards import blocked_reasons
from commune_portal.workflows.refusals import refusal
from plone.restapi.services.workflow.transition import WorkflowTransition
from zope.i18n import translate


class GuardedWorkflowTransition(WorkflowTransition):
    def reply(self):
        refused = check_write(self)
        if refused is not None:
            return refused
        if self.transition is not None:
            reasons = [
                translate(reason, context=self.request)
                for reason in blocked_reasons(self.context, self.transition)
            ]
            kind = "WorkflowGuard"
            if not reasons:
                kind = "WorkflowException"
                reasons = [
                    translate(reason, context=self.request)
                    for reason in refusal(self.context, self.transition, self.request)
                ]
            if reasons:
                self.request.response.setStatus(400)
                return {
                    "error": {
                        "type": kind,
                        "transition": self.transition,
                        "message": " ".join(reasons),
                        "reasons": reasons,
                    }
                }
        return super().reply()
