"""``Election``: an election (bầu cử) held by the People's Council at a
session, e.g. of its chair, vice chairs or committee heads. The secretary
lists the candidates and the number of seats to fill; each delegate
chooses up to that many. Elected are those with the most votes among the
candidates whom more than half of *all* the term's delegates chose
(``voting.kinds.ElectionVote``). Secret ballot by default.

The vote itself (open, close, ballots, result) is the one machinery of
``commune_portal.voting`` shared with resolutions and votes of confidence.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from commune_portal import _
from commune_portal.voting.interfaces import IVotable
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


PORTAL_TYPE = "Election"


class ICandidateRow(model.Schema):
    """One candidate."""

    name = schema.TextLine(
        title=_("Full name"),
        required=True,
    )
    details = schema.TextLine(
        title=_("Details"),
        description=_("For example year of birth, current position."),
        required=False,
    )


class IElection(model.Schema):
    """Schema of ``Election`` (title and summary from ``plone.basic``)."""

    seats_to_fill = schema.Int(
        title=_("Seats to fill"),
        description=_(
            "How many people are elected; each delegate chooses up to that many."
        ),
        default=1,
        min=1,
        max=50,
        required=True,
    )

    candidates = schema.List(
        title=_("Candidates"),
        value_type=DictRow(title=_("Candidate"), schema=ICandidateRow),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget("candidates", DataGridFieldFactory, auto_append=False)

    ballot = schema.Choice(
        title=_("Ballot"),
        description=_(
            "Elections are held by secret ballot. Counted by hand: the "
            "secretary enters the counts."
        ),
        vocabulary="commune_portal.vocabularies.Ballots",
        default="secret",
        required=True,
    )


@implementer(IElection, IVotable)
class Election(Item):
    """An election held by the People's Council."""
