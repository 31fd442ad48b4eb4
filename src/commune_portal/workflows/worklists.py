"""The editorial work lists of the current user ("my work").

- ``to_review``: items in ``pending_review`` the user may review,
- ``to_approve``: items in ``pending_approval`` the user may approve,
- ``rejected``: items the user created whose last workflow action is
  ``reject``, with who rejected them, when and why.

"May review / approve" means having *Review portal content* on the item
through a role held globally, through a group, or locally on the item or a
folder above it; the catalog index ``workflow_actors`` answers it (see
``commune_portal.indexers.workflow``). Administrators can act everywhere
and so see every waiting item. Everything comes from catalog brains and
metadata: no object is woken.

This is the query layer of the ``@@my-work`` view and of the ``@my-work``
REST endpoint: brains and plain values (``DateTime`` moments); each of them
formats them.
"""

from commune_portal import _
from commune_portal.workflows import history
from commune_portal.workflows.guards import translated_title
from DateTime import DateTime
from DateTime.interfaces import DateTimeError
from plone import api
from Products.CMFCore.utils import getToolByName


LISTS = {
    "to_review": _("Waiting for my review"),
    "to_approve": _("Waiting for my approval"),
    "rejected": _("My items sent back"),
}


class MyWork:
    """The three lists for the current user, within ``context``."""

    def __init__(self, context, request):
        self.context = context
        self.request = request
        self.catalog = getToolByName(context, "portal_catalog")
        self.user = api.user.get_current()
        self._fullnames = {}
        self._action_titles = {}

    def query(self, name):
        """The catalog query of the list ``name``."""
        query = {
            "path": "/".join(self.context.getPhysicalPath()),
            "sort_on": "modified",
            "sort_order": "descending",
        }
        if name == "rejected":
            query.update(Creator=self.user.getId(), last_review_action="reject")
        else:
            state = {"to_review": "pending_review", "to_approve": "pending_approval"}
            query.update(
                review_state=state[name],
                workflow_actors=self.catalog._listAllowedRolesAndUsers(self.user),
            )
        return query

    def search(self, name):
        """The list ``name``, newest change first, as a lazy catalog result
        (its ``len`` is the count; brains are loaded as they are read)."""
        return self.catalog.searchResults(self.query(name))

    def fullname(self, user_id):
        if user_id not in self._fullnames:
            self._fullnames[user_id] = history.fullname(user_id)
        return self._fullnames[user_id]

    def action_title(self, portal_type, action):
        """The translated title of the transition ``action``, looked up by
        the type's workflow chain, then among all workflows (sections may
        follow a placeful policy)."""
        if not action:
            return ""
        key = (portal_type, action)
        if key not in self._action_titles:
            wftool = getToolByName(self.context, "portal_workflow")
            title = wftool.getTitleForTransitionOnType(action, portal_type)
            if title == action:
                for workflow in wftool.objectValues():
                    transitions = getattr(workflow, "transitions", None)
                    if transitions is not None and action in transitions:
                        transition = transitions[action]
                        title = transition.actbox_name or transition.title or action
                        break
            self._action_titles[key] = translated_title(title, request=self.request)
        return self._action_titles[key]

    def entry(self, brain):
        """An item of a list as plain values, from the brain alone:
        ``{"url", "portal_type", "uid", "title", "description",
        "review_state", "modified", "creator", "last_action"}``, where
        ``last_action`` is ``None`` or ``{"action", "title", "actor",
        "actor_fullname", "time", "comments"}``; moments are ``DateTime``."""
        last = brain.last_review if isinstance(brain.last_review, dict) else {}
        return {
            "url": brain.getURL(),
            "portal_type": brain.portal_type,
            "uid": brain.UID,
            "title": brain.Title,
            "description": brain.Description,
            "review_state": brain.review_state,
            "modified": brain.modified,
            "creator": brain.Creator,
            "last_action": {
                "action": last.get("action"),
                "title": self.action_title(brain.portal_type, last.get("action")),
                "actor": last.get("actor"),
                "actor_fullname": self.fullname(last.get("actor")),
                "time": _moment(last.get("time")),
                "comments": last.get("comments") or "",
            }
            if last
            else None,
        }


def _moment(value):
    """The ISO 8601 time of the ``last_review`` metadata as a ``DateTime``."""
    if not value:
        return None
    try:
        return DateTime(value)
    except (DateTimeError, ValueError):
        return None
