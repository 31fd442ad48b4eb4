"""The page of a voters' petition (``voter-petition-view``, also its
``@@view``): the meeting it was raised at, its constituency and sectors,
its content, who must answer and by when, whether the answer is overdue,
and the answer once published. Who raised it (``petitioner_*``) is never
shown: the council keeps it in the edit form."""

from AccessControl import getSecurityManager
from commune_portal import _
from commune_portal import legal_status
from commune_portal.browser.council import CouncilPage
from commune_portal.browser.council import state_badge
from commune_portal.browser.council import state_title
from commune_portal.browser.dates import localized_date
from commune_portal.council import petitions
from plone import api


# Until the agency answers, the deadline can pass.
WAITING_STATES = ("received", "forwarded")
PUBLISHED = "published"


class VoterPetitionView(CouncilPage):
    """``@@voter-petition-view`` of a ``VoterPetition``."""

    def state(self):
        return api.content.get_state(self.context, default=None)

    def facts(self):
        """``{"field", "label", "lines"}`` of the petition's details, empty
        ones left out."""
        petition = self.context
        rows = [
            ("source_meeting", _("Meeting with voters"), [petition.source_meeting]),
            (
                "meeting_date",
                _("Date of the meeting"),
                [localized_date(petition.meeting_date, self.request)],
            ),
            ("constituency", _("Constituency"), [petition.constituency]),
            ("sectors", _("Sectors"), list(petition.sectors or ())),
            (
                "responsible_agency",
                _("Responsible agency"),
                [petition.responsible_agency],
            ),
            (
                "deadline",
                _("Answer due by"),
                [localized_date(petition.deadline, self.request)],
            ),
        ]
        return [
            {"field": field, "label": self.translate(label), "lines": lines}
            for field, label, lines in rows
            if any(lines)
        ]

    def paragraphs(self):
        """The content of the petition, paragraph by paragraph (plain
        text)."""
        text = self.context.content or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def overdue(self):
        """Whether the deadline has passed without an answer."""
        deadline = self.context.deadline
        return bool(
            deadline
            and deadline < legal_status.today()
            and self.state() in WAITING_STATES
        )

    def status(self):
        state = self.state()
        return {
            "token": state,
            "title": state_title(state, self.context.portal_type, self.request),
            "badge": state_badge(state),
        }

    def may_answer(self):
        """Whether the reader may record the answer (``@@answer-petition``:
        the council secretary, in any state)."""
        return petitions.may_answer(self.context)

    def response(self):
        """``{"html", "date", "published"}`` of the answer, once published;
        before that only for who may edit the petition (to read it over),
        ``None`` otherwise or without an answer."""
        published = self.state() == PUBLISHED
        if not published and not getSecurityManager().checkPermission(
            "Modify portal content", self.context
        ):
            return None
        response = self.context.response
        html = response.output_relative_to(self.context) if response else ""
        if not html and not self.context.response_date:
            return None
        return {
            "html": html,
            "date": localized_date(self.context.response_date, self.request),
            "published": published,
        }
