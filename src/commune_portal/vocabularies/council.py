"""Fixed vocabularies of the People's Council records (CONTRACT.md tokens).

The bodies of the council changed with the 2025 two-level local government
reform (DOMAIN.md): the committees of the current terms come first, those
of the older terms stay so that their delegates keep their committee.
"""

from commune_portal import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


SESSION_KINDS = (
    ("regular", _("Regular session")),
    ("thematic", _("Thematic session")),
    # Older texts say "bất thường".
    ("urgent", _("Session on urgent matters")),
)

COUNCIL_BODIES = (
    ("standing", _("Standing committee of the council")),
    ("economy_budget", _("Economy and budget committee")),
    ("culture_society", _("Culture and society committee")),
    # Older terms.
    ("legal", _("Legal affairs committee")),
    ("economy_society", _("Economy and society committee")),
)

# What the secretary sends to the delegates before a session.
MATERIAL_KINDS = (
    ("invitation", _("Invitation")),
    ("programme", _("Session programme")),
    ("submission", _("Submission")),
    ("report", _("Report")),
    ("review_report", _("Committee review report")),
    ("draft_resolution", _("Draft resolution")),
    ("minutes", _("Minutes")),
    ("other", _("Other material")),
)

# Kinds of material that have no number and no date of issue: a draft gets
# them only when it is adopted (as a ``Resolution``). Publication does not
# ask them of these (``workflows.guards.completeness``).
UNNUMBERED_MATERIAL_KINDS = frozenset({"draft_resolution"})
UNNUMBERED_FIELDS = frozenset({"document_number", "issue_date"})

BALLOTS = (
    ("named", _("Named vote")),
    ("secret", _("Secret ballot")),
    ("manual", _("Counted by hand")),
)

THRESHOLDS = (
    ("majority", _("More than half of the delegates")),
    ("two_thirds", _("At least two thirds of the delegates")),
)


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in items])


SESSION_KIND_VOCABULARY = _vocabulary(SESSION_KINDS)
COUNCIL_BODY_VOCABULARY = _vocabulary(COUNCIL_BODIES)
MATERIAL_KIND_VOCABULARY = _vocabulary(MATERIAL_KINDS)
BALLOT_VOCABULARY = _vocabulary(BALLOTS)
THRESHOLD_VOCABULARY = _vocabulary(THRESHOLDS)


@provider(IVocabularyFactory)
def session_kinds(context):
    """Kinds of council sessions (``regular``, ``thematic``, ``urgent``)."""
    return SESSION_KIND_VOCABULARY


@provider(IVocabularyFactory)
def council_bodies(context):
    """The standing committee and the committees of the council."""
    return COUNCIL_BODY_VOCABULARY


@provider(IVocabularyFactory)
def material_kinds(context):
    """Kinds of session materials (tờ trình, báo cáo thẩm tra …)."""
    return MATERIAL_KIND_VOCABULARY


@provider(IVocabularyFactory)
def ballots(context):
    """How a resolution is voted (``named``, ``secret``, ``manual``)."""
    return BALLOT_VOCABULARY


@provider(IVocabularyFactory)
def thresholds(context):
    """What a resolution needs to pass (``majority``, ``two_thirds``)."""
    return THRESHOLD_VOCABULARY
