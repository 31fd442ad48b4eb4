"""The materials of an agenda row, picked by title.

``CouncilSession.agenda`` rows store the UIDs of the session's materials
(``IAgendaRow.documents``, as REST reads and writes them); in the edit form
the secretary ticks them among the session's documents and resolutions,
named by title and number (the vocabulary
``commune_portal.vocabularies.SessionMaterials``).

A cell of collective.z3cform.datagridfield is rendered by a row widget (a
z3c.form ``ObjectWidget``) whose sub-widgets have no context (``None``):
the usual vocabulary lookup would find no session. The widget therefore
takes the content of the form that shows the grid: the session on its
edit form, the term on the add form (no materials yet: it says so).
"""

from commune_portal import _
from commune_portal.council.agenda import session_materials
from html import escape
from z3c.form.browser.checkbox import CheckBoxWidget
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import INPUT_MODE
from z3c.form.term import Terms
from z3c.form.widget import FieldWidget
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface


class ISessionMaterialsWidget(Interface):
    """Check boxes of the materials of the session being edited."""


class VocabularyTerms(Terms):
    """z3c.form terms over a vocabulary."""

    def __init__(self, vocabulary):
        self.terms = vocabulary


def form_context(widget):
    """The content of the form that shows ``widget``, a cell of a data
    grid row (whose own context is ``None``)."""
    row = getattr(widget, "form", None)
    form = getattr(row, "parentForm", None) or getattr(row, "form", None) or row
    context = getattr(form, "context", None)
    return context if context is not None else widget.context


@implementer(ISessionMaterialsWidget)
class SessionMaterialsWidget(CheckBoxWidget):
    """The session's materials as check boxes, by title and number."""

    klass = "checkbox-widget session-materials-widget"

    def updateTerms(self):
        if self.terms is None:
            self.terms = VocabularyTerms(session_materials(form_context(self)))
        return self.terms

    def render(self):
        if self.mode == INPUT_MODE and not len(self.updateTerms()):
            message = _(
                "This session has no materials yet: save the session, add "
                "its materials and resolutions, then choose them here."
            )
            return (
                '<span class="form-text session-materials-none">'
                f"{escape(translate(message, context=self.request))}</span>"
            )
        return super().render()


@implementer(IFieldWidget)
def SessionMaterialsFieldWidget(field, request):
    """Field widget factory of ``IAgendaRow.documents``."""
    return FieldWidget(field, SessionMaterialsWidget(request))
