"""The rules of ``citizen_question_workflow``, each with the reason it
gives (``commune_portal.workflows.guards`` asks them with its own, so that
the state menu, ``@workflow`` and the Classic UI say why a step is not
offered).

Which state a transition enters decides the rule, not its name:

- ``assigned``: an officer, an existing user, is named;
- ``answered`` and ``published``: the answer is written;
- ``rejected``: the reason is written (the person asking reads it).
"""

from commune_portal import _
from commune_portal.content.citizen_question import ICitizenQuestion
from commune_portal.questions.assignment import is_user
import re


_TAGS = re.compile(r"<[^>]*>|&nbsp;|\s")

NO_OFFICER = _(
    "Choose the officer who answers the question first (Assign to an officer)."
)
NO_ANSWER = _("Write the answer first (Answer tab of the edit form).")
NO_REASON = _("Write the reason for the rejection: the person asking will read it.")


def has_answer(question):
    """Whether the answer holds text (not only empty paragraphs)."""
    answer = getattr(question, "answer", None)
    raw = getattr(answer, "raw", None) or ""
    return bool(_TAGS.sub("", raw))


def question_rules(obj, transition):
    """Guard (``workflows.guards.GUARDS``): what a question needs to enter
    the transition's new state."""
    if not ICitizenQuestion.providedBy(obj):
        return []
    state = transition.new_state_id
    if state == "assigned" and not is_user(getattr(obj, "assigned_to", None)):
        return [NO_OFFICER]
    if state in ("answered", "published") and not has_answer(obj):
        return [NO_ANSWER]
    if (
        state == "rejected"
        and not (getattr(obj, "rejection_reason", None) or "").strip()
    ):
        return [NO_REASON]
    return []
