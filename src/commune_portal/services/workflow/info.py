"""``GET @workflow`` (and ``?expand=workflow``) that explains itself.

plone.restapi's answer, plus:

- ``blocked_transitions``: ``[{"@id", "title", "reasons": [...]}]``, the
  transitions the caller could take but for our guards, with the reasons
  (translated);
- ``history`` for everyone who may read the item's audit trail
  (``commune_portal.workflows.history.may_read_trail``), where the
  workflow alone would show it only to reviewers.
"""

from commune_portal.interfaces import ICommunePortalLayer
from commune_portal.workflows import history
from commune_portal.workflows.guards import blocked_transitions
from commune_portal.workflows.guards import transition_title
from plone.restapi.interfaces import IExpandableElement
from plone.restapi.services.workflow import info
from plone.restapi.services.workflow.utils import elevated_privileges
from Products.CMFCore.interfaces import IWorkflowAware
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer


@implementer(IExpandableElement)
@adapter(IWorkflowAware, ICommunePortalLayer)
class WorkflowInfo(info.WorkflowInfo):
    def __call__(self, expand=False):
        result = super().__call__(expand=expand)
        workflow = result["workflow"]
        if not expand or "state" not in workflow:  # not expanded, or the site
            return result
        if (
            not workflow["history"]
            and history.may_read_trail(self.context)
            and not history.workflow_shows_trail(self.context)
        ):
            with elevated_privileges(self.context):
                workflow["history"] = super().__call__(expand=True)["workflow"][
                    "history"
                ]
        workflow["blocked_transitions"] = [
            {
                "@id": f"{self.context.absolute_url()}/@workflow/{transition.id}",
                "title": transition_title(transition, self.request),
                "reasons": [
                    translate(reason, context=self.request) for reason in reasons
                ],
            }
            for transition, reasons in blocked_transitions(self.context)
        ]
        return result


class WorkflowInfoService(info.WorkflowInfoService):
    def reply(self):
        return WorkflowInfo(self.context, self.request)(expand=True)["workflow"]
