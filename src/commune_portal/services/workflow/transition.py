"""``POST @workflow/<transition>`` that says why our guards refuse.

DCWorkflow only knows that a guard failed ("No workflow provides the
'...' action"); before delegating to plone.restapi, this service asks the
guards and, when they object, answers HTTP 400 with the reasons and
changes nothing::

    {"error": {"type": "WorkflowGuard", "transition": "approve",
               "message": "...", "reasons": ["...", ...]}}
"""

from commune_portal.workflows.guards import blocked_reasons
from plone.restapi.services.workflow.transition import WorkflowTransition
from zope.i18n import translate


class GuardedWorkflowTransition(WorkflowTransition):
    def reply(self):
        if self.transition is not None:
            reasons = [
                translate(reason, context=self.request)
                for reason in blocked_reasons(self.context, self.transition)
            ]
            if reasons:
                self.request.response.setStatus(400)
                return {
                    "error": {
                        "type": "WorkflowGuard",
                        "transition": self.transition,
                        "message": " ".join(reasons),
                        "reasons": reasons,
                    }
                }
        return super().reply()
