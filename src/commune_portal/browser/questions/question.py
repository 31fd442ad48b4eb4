"""The page of a citizen question: subject, question, sector, the answer
with its date and signature. The person asking and the attachments appear
only to those with the permissions of their fields (moderators; the
officer in charge sees the attachments), and the steps of the moderation
(assign, reject) only to moderators."""

from commune_portal.browser.dates import format_date
from commune_portal.browser.printing import print_stylesheet_url
from commune_portal.content.citizen_question import ASKER_FIELDS
from commune_portal.content.citizen_question import ATTACHMENT_FIELDS
from commune_portal.content.citizen_question import ICitizenQuestion
from commune_portal.questions.assignment import officer_name
from commune_portal.questions.codes import local_date
from commune_portal.workflows.guards import translated_title
from plone import api
from Products.Five.browser import BrowserView
from zope.schema import getFields


ACCESS_ASKER_DATA = "commune_portal: Access asker data"
VIEW_ATTACHMENTS = "commune_portal: View question attachments"
MODERATE = "commune_portal: Moderate questions"
FIELDS = getFields(ICitizenQuestion)


class QuestionView(BrowserView):
    """``@@view`` of a ``CitizenQuestion``."""

    def _can(self, permission):
        return api.user.has_permission(permission, obj=self.context)

    def print_css_url(self):
        return print_stylesheet_url()

    def paragraphs(self):
        """The question, one paragraph per block of lines."""
        text = self.context.question or ""
        return [block for block in text.split("\n\n") if block.strip()]

    def answer(self):
        answer = self.context.answer
        return answer.output_relative_to(self.context) if answer else None

    def dates(self):
        obj = self.context
        return {
            "submitted": format_date(local_date(obj.created())),
            "answered": format_date(local_date(obj.answered_date)),
            "published": format_date(local_date(obj.effective_date)),
        }

    def asker(self):
        """``[(label, value)]`` of the person asking; empty for whoever may
        not read it."""
        if not self._can(ACCESS_ASKER_DATA):
            return []
        rows = []
        for name in ASKER_FIELDS:
            value = getattr(self.context, name, None)
            if name == "asker_consent":
                continue
            if value:
                rows.append((FIELDS[name].title, value))
        return rows

    def attachments(self):
        """``[{"title", "url"}]`` for whoever may read them."""
        if not self._can(VIEW_ATTACHMENTS):
            return []
        found = []
        for name in ATTACHMENT_FIELDS:
            file = getattr(self.context, name, None)
            if file is not None:
                found.append(
                    {
                        "title": file.filename,
                        "url": f"{self.context.absolute_url()}/@@download/{name}",
                    }
                )
        return found

    def moderation(self):
        """What moderators see: state, code, officer, reason and the links
        of the steps the workflow menu cannot offer before a form is
        filled in; ``None`` for everyone else."""
        if not self._can(MODERATE):
            return None
        obj = self.context
        state = api.content.get_state(obj)
        workflow = api.portal.get_tool("portal_workflow").getWorkflowsFor(obj)[0]
        definition = workflow.states.get(state)
        url = obj.absolute_url()
        return {
            "state": state,
            "state_title": translated_title(
                definition.title if definition is not None else state,
                request=self.request,
            ),
            "code": obj.tracking_code,
            "officer": officer_name(obj.assigned_to) if obj.assigned_to else None,
            "reason": obj.rejection_reason if state == "rejected" else None,
            "assign_url": (
                f"{url}/@@assign-question"
                if state in ("submitted", "assigned")
                else None
            ),
            "reject_url": (
                f"{url}/@@reject-question"
                if state in ("submitted", "assigned", "answered")
                else None
            ),
            "edit_url": f"{url}/edit",
        }
