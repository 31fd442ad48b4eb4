"""Classic UI of the editorial workflows: why a transition is not offered
(viewlet above the content), the audit trail of an item (viewlet below the
content) and the "my work" page of the editorial board."""

from commune_portal.browser.dates import format_datetime
from commune_portal.workflows import history
from commune_portal.workflows.guards import blocked_transitions
from commune_portal.workflows.guards import transition_title
from commune_portal.workflows.guards import translated_title
from commune_portal.workflows.worklists import LISTS
from commune_portal.workflows.worklists import MyWork
from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized
from zope.i18n import translate


def lower_first(text):
    """ "Phê duyệt và đăng" -> "phê duyệt và đăng", for the middle of a
    sentence (only the first letter: names keep their capitals)."""
    return text[:1].lower() + text[1:]


class WorkflowGuardsViewlet(ViewletBase):
    """ "Chưa thể <transition>: <reasons>" for each transition the user
    could take but for the guards (the workflow menu lacks them)."""

    def update(self):
        super().update()
        self.blocked = [
            {
                "id": transition.id,
                "action": lower_first(transition_title(transition, self.request)),
                "reasons": [
                    translate(reason, context=self.request) for reason in reasons
                ],
            }
            for transition, reasons in blocked_transitions(self.context)
        ]

    def render(self):
        return self.index() if self.blocked else ""


class AuditTrailViewlet(ViewletBase):
    """The workflow history of the item (who submitted, reviewed, approved,
    rejected, when, with which comment), for the people who may read the
    item's history (``history.may_read_trail``); Plone's own history shows
    the workflow entries only to those who can review or request review."""

    def update(self):
        super().update()
        self.entries = []
        if not history.may_read_trail(self.context):
            return
        workflow = history.current_workflow(self.context)
        if workflow is None:
            return
        for entry in reversed(history.review_history(self.context)):
            action = entry.get("action")
            transition = workflow.transitions.get(action) if action else None
            state = workflow.states.get(entry.get("review_state") or "")
            self.entries.append(
                {
                    "action": action or "create",
                    "title": transition_title(transition, self.request)
                    if transition is not None
                    else translate(history.CREATED, context=self.request),
                    "actor": history.fullname(entry.get("actor")),
                    "time": format_datetime(entry.get("time"), self.request),
                    "state": translated_title(state.title, request=self.request)
                    if state is not None
                    else entry.get("review_state") or "",
                    "comments": entry.get("comments") or "",
                }
            )

    def render(self):
        return self.index() if self.entries else ""


class MyWorkView(BrowserView):
    """``@@my-work``: what waits for the current user, with counts."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your work.")
        return self.index()

    def lists(self):
        work = MyWork(self.context, self.request)
        result = []
        for name, title in LISTS.items():
            brains = work.search(name)
            entries = []
            for brain in brains:
                entry = work.entry(brain)
                last = entry["last_action"] or {}
                entry["when"] = format_datetime(last.get("time"), self.request)
                entry["who"] = last.get("actor_fullname") or ""
                entry["comments"] = last.get("comments") or ""
                entry["step"] = last.get("title") or ""
                entries.append(entry)
            result.append(
                {
                    "id": name,
                    "title": translate(title, context=self.request),
                    "count": len(brains),
                    "entries": entries,
                }
            )
        return result
