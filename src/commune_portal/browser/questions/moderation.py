"""The moderators' pages: the questions of the section by state
(``@@questions-moderation``, from catalog brains), and the two steps that
need a form: assigning a question to an officer (``@@assign-question``)
and rejecting it with a reason (``@@reject-question``). Answering is the
edit form (Answer tab) and the state menu's "Record the answer";
publishing and withdrawing are in the state menu."""

from commune_portal import _
from commune_portal.browser.dates import format_date
from commune_portal.questions import assignment
from commune_portal.questions.codes import local_date
from commune_portal.questions.settings import answer_deadline
from commune_portal.questions.stats import OPEN_STATES
from commune_portal.questions.stats import today
from commune_portal.questions.stats import working_days
from commune_portal.workflows.guards import blocked_reasons
from commune_portal.workflows.guards import translated_title
from plone import api
from plone.protect.authenticator import check
from plone.protect.authenticator import createToken
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from zope.i18n import translate


# The order of the moderation page: what waits for someone first.
STATES = ("submitted", "assigned", "answered", "published", "rejected")
WORKFLOW = "citizen_question_workflow"


class ModerationView(BrowserView):
    """``@@questions-moderation`` of a questions section."""

    def __call__(self):
        self.deadline = answer_deadline()
        self.today = today()
        self.token = createToken()
        return self.index()

    def groups(self):
        """``[{"state", "title", "rows"}]``: every question the moderator
        may see, per state, oldest first (brains and metadata only)."""
        workflow = api.portal.get_tool("portal_workflow").getWorkflowById(WORKFLOW)
        catalog = api.portal.get_tool("portal_catalog")
        path = "/".join(self.context.getPhysicalPath())
        groups = []
        for state in STATES:
            brains = catalog.searchResults(
                portal_type="CitizenQuestion",
                path=path,
                review_state=state,
                sort_on="created",
            )
            rows = [self._row(brain, state) for brain in brains]
            groups.append(
                {
                    "state": state,
                    "title": translated_title(
                        workflow.states[state].title, request=self.request
                    ),
                    "rows": rows,
                }
            )
        return groups

    def _row(self, brain, state):
        submitted = local_date(brain.created)
        answered = brain.question_answered
        days = working_days(submitted, answered or self.today)
        url = brain.getURL()
        return {
            "url": url,
            "actions": self._actions(url, state),
            "code": brain.question_code,
            "title": brain.Title,
            "sector": (brain.sectors or [""])[0],
            "submitted": format_date(submitted),
            "days": days if state != "rejected" else None,
            "overdue": days > self.deadline
            and (state in OPEN_STATES or answered is not None),
        }

    def _actions(self, url, state):
        """``[(title, url)]`` of the steps of a question in ``state``."""
        actions = []
        if state in ("submitted", "assigned"):
            actions.append((_("Assign"), f"{url}/@@assign-question"))
        if state != "rejected":
            actions.append((_("Edit or answer"), f"{url}/edit"))
        if state == "answered":
            actions.append(
                (
                    _("Publish the answer"),
                    f"{url}/content_status_modify?workflow_action=publish"
                    f"&_authenticator={self.token}",
                )
            )
        if state in ("submitted", "assigned", "answered"):
            actions.append((_("Reject"), f"{url}/@@reject-question"))
        return [
            {"title": translate(title, context=self.request), "url": link}
            for title, link in actions
        ]

    def stats_url(self):
        return f"{self.context.absolute_url()}/@@questions-stats"


class _StepForm(BrowserView):
    """A form that records something on the question, then takes a
    transition; back to the question with the outcome."""

    transition = None
    error = None

    def __call__(self):
        if self.request.method == "POST" and "form.submitted" in self.request.form:
            check(self.request)
            if self.handle():
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def refused(self):
        """Why the transition cannot be taken (besides the form's field)."""
        return [
            translate(reason, context=self.request)
            for reason in blocked_reasons(self.context, self.transition)
        ]

    def _take(self, comment):
        try:
            api.content.transition(self.context, self.transition, comment=comment)
        except (WorkflowException, api.exc.InvalidParameterError):
            reasons = self.refused() or [
                translate(
                    _("This step is not possible in the question's current state."),
                    context=self.request,
                )
            ]
            self.error = " ".join(reasons)
            return False
        return True


class AssignForm(_StepForm):
    """``@@assign-question``: choose the officer who answers."""

    transition = "assign"

    def officers(self):
        chosen = self.request.form.get("officer") or self.context.assigned_to
        return [
            {"id": user_id, "title": title, "selected": user_id == chosen}
            for user_id, title in assignment.officers(self.context)
        ]

    def handle(self):
        user_id = self.request.form.get("officer")
        comment = (self.request.form.get("comment") or "").strip()
        if not isinstance(user_id, str) or not assignment.is_user(user_id):
            self.error = translate(
                _("Choose the officer who answers the question."),
                context=self.request,
            )
            return False
        previous = self.context.assigned_to
        self.context.assigned_to = user_id
        assignment.sync_officer(self.context)
        name = assignment.officer_name(user_id)
        note = translate(
            _("Assigned to ${name}.", mapping={"name": name}), context=self.request
        )
        if not self._take(f"{note} {comment}".strip()):
            self.context.assigned_to = previous
            assignment.sync_officer(self.context)
            return False
        api.portal.show_message(note, request=self.request)
        return True


class RejectForm(_StepForm):
    """``@@reject-question``: the reason, which the person asking reads."""

    transition = "reject"

    def reason(self):
        value = self.request.form.get("reason", self.context.rejection_reason or "")
        return value if isinstance(value, str) else ""

    def handle(self):
        reason = self.reason().strip()
        if not reason:
            self.error = translate(
                _(
                    "Write the reason for the rejection: the person asking will read it."
                ),
                context=self.request,
            )
            return False
        previous = self.context.rejection_reason
        self.context.rejection_reason = reason
        if not self._take(reason):
            self.context.rejection_reason = previous
            return False
        api.portal.show_message(
            translate(_("The question is rejected."), context=self.request),
            request=self.request,
        )
        return True
