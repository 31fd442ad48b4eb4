"""``GET <folder>/@placeful-workflow``: the policies set on the folder and
the policies there are."""

from commune_portal.workflows.policies import current_policies
from plone import api
from plone.restapi.services import Service
from zope.i18n import translate


class PlacefulWorkflowGet(Service):
    def reply(self):
        placeful = api.portal.get_tool("portal_placeful_workflow")
        policy_in, policy_below = current_policies(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@placeful-workflow",
            "policy_in": policy_in,
            "policy_below": policy_below,
            "policies": [
                {
                    "id": policy.getId(),
                    "title": translate(
                        policy.title_or_id(),
                        domain="cmfplacefulworkflow",
                        context=self.request,
                    ),
                    "description": policy.getDescription(),
                }
                for policy in placeful.getWorkflowPolicies()
            ],
        }
