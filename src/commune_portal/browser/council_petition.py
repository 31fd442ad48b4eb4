"""``@@answer-petition``: the council secretary records the answer to a
voters' petition (its response and the date of the response), in any
state: a published petition stays published, and nothing else of it can
be changed here (``council/petitions.py``; ``POST @answer`` does the same
over REST). A petition still waiting for its answer moves to "answered".
"""

from commune_portal import _
from commune_portal.content.voter_petition import IVoterPetition
from commune_portal.council import petitions
from plone import api
from plone.app.event.base import localized_today
from z3c.form import button
from z3c.form import field
from z3c.form import form
from zope.i18n import translate


class AnswerPetitionForm(form.Form):
    """The answer's two fields, with the petition's current values."""

    fields = field.Fields(IVoterPetition).select(*petitions.ANSWER_FIELDS)
    ignoreContext = False
    label = _("Record the answer")
    description = _(
        "The answer of the responsible agency to this petition. A published "
        "petition stays published and shows the new answer at once."
    )

    def updateWidgets(self):
        super().updateWidgets()
        if not self.context.response_date and not self.request.form.get(
            self.widgets["response_date"].name
        ):
            self.widgets["response_date"].value = localized_today(
                self.context
            ).isoformat()

    def back(self):
        self.request.response.redirect(self.context.absolute_url())

    @button.buttonAndHandler(_("Save"), name="save")
    def handle_save(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            petitions.record_answer(
                self.context, data.get("response"), data.get("response_date")
            )
        except petitions.AnswerRefused as error:
            # Rules beyond one field (the schema's invariant) are said
            # above the form, as Plone's edit forms say them.
            self.status = translate(error.message, context=self.request)
            return
        api.portal.show_message(
            translate(_("The answer was recorded."), context=self.request),
            request=self.request,
        )
        self.back()

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.back()
