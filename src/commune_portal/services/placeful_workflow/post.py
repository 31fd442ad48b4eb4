"""``POST <folder>/@placeful-workflow`` with ``{"policy_in": ...,
"policy_below": ...}``: switch the folder's workflow policies, moving its
items to their new workflows (``switch_policy``)."""

from commune_portal import _
from commune_portal.listings.params import bad_request
from commune_portal.services.protection import check_write
from commune_portal.workflows.policies import switch_policy
from commune_portal.workflows.policies import UnknownPolicy
from plone.base.interfaces import IPloneSiteRoot
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service


PARAMETERS = ("policy_in", "policy_below")


class PlacefulWorkflowPost(Service):
    def reply(self):
        # A JSON body from the portal itself, or from a client that is not
        # a browser (services/protection.py); then plone.protect is off, as
        # for plone.restapi's own write services: the switch writes every
        # item of the folder, too many objects for its safeWrite.
        refused = check_write(self)
        if refused is not None:
            return refused
        data = json_body(self.request)
        if not isinstance(data, dict):
            return self._bad("policy_in", _("Send a JSON object."))
        for name in PARAMETERS:
            value = data.get(name)
            if value is None:
                return self._bad(name, _('Give the policy id, or "" for none.'))
            if not isinstance(value, str):
                return self._bad(name, _("Expected a policy id (text)."))
        if IPloneSiteRoot.providedBy(self.context):
            return self._bad(
                "policy_in",
                _("Workflow policies are set on folders, not on the site root."),
            )
        try:
            result = switch_policy(
                self.context, data["policy_in"], data["policy_below"]
            )
        except UnknownPolicy as error:
            return self._bad(
                error.parameter,
                _(
                    "Unknown workflow policy: ${policy}.",
                    mapping={"policy": error.policy},
                ),
            )
        return {
            "@id": f"{self.context.absolute_url()}/@placeful-workflow",
            **result,
        }

    def _bad(self, parameter, message):
        return bad_request(self.request, parameter, message)
