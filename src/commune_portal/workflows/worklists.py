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

Used by the ``@@my-work`` view and the ``@my-work`` REST endpoint.
"""

from commune_portal import _
from commune_portal.listings import params
from commune_portal.listings.batching import batching_links
from commune_portal.workflows import history
from commune_portal.workflows.guards import translated_title
from plone import api
from plone.restapi.serializer.converters import json_compatible
from Products.CMFCore.utils import getToolByName
from zope.i18n import translate


LISTS = {
    "to_review": _("Waiting for my review"),
    "to_approve": _("Waiting for my approval"),
    "rejected": _("My items sent back"),
}
DEFAULT_BATCH_SIZE = 25
MAX_BATCH_SIZE = 200


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

    def search(self, name, b_start=0, b_size=None):
        """``(brains, total)``: a page of the list, or all of it. The
        result is lazy: only the brains of the page are loaded."""
        brains = self.catalog.searchResults(self.query(name))
        total = len(brains)
        if b_size is not None:
            brains = brains[b_start : b_start + b_size]
        return list(brains), total

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

    def item(self, brain):
        """An item as JSON-friendly data, from the brain alone."""
        last = brain.last_review if isinstance(brain.last_review, dict) else {}
        return {
            "@id": brain.getURL(),
            "@type": brain.portal_type,
            "UID": brain.UID,
            "title": brain.Title,
            "description": brain.Description,
            "review_state": brain.review_state,
            "modified": json_compatible(brain.modified),
            "creator": brain.Creator,
            "last_action": {
                "action": last.get("action"),
                "title": self.action_title(brain.portal_type, last.get("action")),
                "actor": last.get("actor"),
                "actor_fullname": self.fullname(last.get("actor")),
                "time": last.get("time"),
                "comments": last.get("comments") or "",
            }
            if last
            else None,
        }


class MyWorkListing:
    """``@my-work`` (all lists) and ``@my-work/<list>`` (one) with
    plone.restapi batching."""

    def __init__(self, context, request, name=None):
        self.context = context
        self.request = request
        self.name = name
        self.work = MyWork(context, request)

    def parse(self):
        form = self.request.form
        self.b_start = params.integer(form, "b_start", 0, 0, 10**9)
        self.b_size = params.integer(
            form, "b_size", DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE
        )
        return self

    def base_url(self, name=None):
        url = f"{self.context.absolute_url()}/@my-work"
        return f"{url}/{name}" if name else url

    def one(self, name):
        brains, total = self.work.search(name, self.b_start, self.b_size)
        result = {
            "@id": self.base_url(name),
            "title": translate(LISTS[name], context=self.request),
            "items_total": total,
            "items": [self.work.item(brain) for brain in brains],
        }
        batching = batching_links(
            self.base_url(name), self.request.form, self.b_start, self.b_size, total
        )
        if batching:
            result["batching"] = batching
        return result

    def reply(self):
        if self.name:
            return self.one(self.name)
        return {"@id": self.base_url(), **{name: self.one(name) for name in LISTS}}
