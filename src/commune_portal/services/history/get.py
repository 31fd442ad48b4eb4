"""``GET @history`` with the audit trail for everyone who may read it.

plone.restapi lists the workflow entries (who submitted, reviewed,
approved or rejected, when, with which comment) only to users who may
request or do a review *in the item's current state*: an editor reading a
published or pending item would see its versions but not who approved it.
Whoever may read the history (the endpoint's own permission) gets the
workflow entries too, in plone.restapi's format.
"""

from commune_portal.workflows import history
from datetime import datetime
from plone.restapi.services.history import get
from plone.restapi.services.workflow.utils import elevated_privileges


def _moment(item):
    try:
        return datetime.fromisoformat(item["time"]).timestamp()
    except (KeyError, TypeError, ValueError):
        return 0


class HistoryGet(get.HistoryGet):
    def reply(self):
        entries = super().reply()
        if (
            self.version
            or not history.may_read_trail(self.context)
            or history.workflow_shows_trail(self.context)
        ):
            return entries
        # plone.restapi builds the workflow entries only for reviewers; run
        # it once more as the same user with all permissions and keep only
        # those (versions keep the caller's own permissions, e.g. reverting).
        with elevated_privileges(self.context):
            elevated = super().reply()
        trail = [item for item in elevated if item.get("type") == "workflow"]
        versions = [item for item in entries if item.get("type") != "workflow"]
        return sorted(versions + trail, key=_moment, reverse=True)
