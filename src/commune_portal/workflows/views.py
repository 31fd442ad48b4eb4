"""Plone's "Policy..." form of a folder, moving the folder's items along.

The form of CMFPlacefulWorkflow (``@@placeful-workflow-configuration``) only
stores the policies and updates role mappings: items whose workflow changes
fall back to its initial state and the catalog keeps their old state. This
override, for sites with commune_portal, shows the same form and calls
``switch_policy`` instead.
"""

from commune_portal import _
from commune_portal.workflows.policies import switch_policy
from plone import api
from Products.CMFPlacefulWorkflow import CMFPlacefulWorkflowMessageFactory as PWMF
from Products.CMFPlacefulWorkflow.browser import views
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
import os


class PlacefulWorkflowConfiguration(views.PlacefulWorkflowConfiguration):
    """``@@placeful-workflow-configuration`` of CMFPlacefulWorkflow, with
    ``switch_policy``."""

    index = ViewPageTemplateFile(
        "placeful_workflow_configuration.pt",
        _prefix=os.path.dirname(views.__file__),
    )

    def __call__(self):
        form = self.request.form
        if form.get("submit") in (None, "Cancel"):
            return super().__call__()
        placeful = api.portal.get_tool("portal_placeful_workflow")
        if not placeful.getWorkflowPolicyConfig(self.context):
            return super().__call__()
        policy_in = form.get("policy_in") or ""
        policy_below = form.get("policy_below") or ""
        for policy in (policy_in, policy_below):
            if policy and not placeful.isValidPolicyName(policy):
                # As the original form does.
                raise AttributeError(f"{policy} is not a valid policy id")
        result = switch_policy(self.context, policy_in, policy_below)
        api.portal.show_message(PWMF("Changed policies."), self.request)
        api.portal.show_message(
            _(
                "${changed} of ${items} items now follow the workflow of the "
                "new policy, in the nearest state.",
                mapping={"changed": result["changed"], "items": result["items"]},
            ),
            self.request,
        )
        return self.request.response.redirect(
            f"{self.context.absolute_url()}/@@placeful-workflow-configuration"
        )
