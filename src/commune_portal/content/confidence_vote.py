"""``ConfidenceVote``: a vote of confidence (lấy phiếu tín nhiệm) on the
officials the People's Council elected (Resolution 96/2023/QH15 of the
National Assembly). Each delegate rates each official "tín nhiệm cao",
"tín nhiệm" or "tín nhiệm thấp"; the result gives, per official, the
counts and their shares of *all* the term's delegates, and flags an
official rated low by more than ``review_share`` (may resign; otherwise
the standing committee puts a vote of no confidence to the council) or by
at least ``dismissal_share`` of the delegates. The shares are data
(defaults 1/2 and 2/3, docs/voting.md says what was verified).

The vote itself is the one machinery of ``commune_portal.voting``.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from commune_portal import _
from commune_portal.voting.interfaces import IVotable
from commune_portal.voting.shares import valid_share
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


PORTAL_TYPE = "ConfidenceVote"

DEFAULT_REVIEW_SHARE = "1/2"
DEFAULT_DISMISSAL_SHARE = "2/3"


class IOfficialRow(model.Schema):
    """One official the delegates rate."""

    name = schema.TextLine(
        title=_("Full name"),
        required=True,
    )
    position = schema.TextLine(
        title=_("Position"),
        description=_("For example Chủ tịch UBND xã."),
        required=False,
    )


class IConfidenceVote(model.Schema):
    """Schema of ``ConfidenceVote`` (title and summary from ``plone.basic``)."""

    model.fieldset(
        "rules",
        label=_("Thresholds"),
        fields=["review_share", "dismissal_share"],
    )

    officials = schema.List(
        title=_("Officials"),
        value_type=DictRow(title=_("Official"), schema=IOfficialRow),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget("officials", DataGridFieldFactory, auto_append=False)

    ballot = schema.Choice(
        title=_("Ballot"),
        description=_(
            "Votes of confidence are held by secret ballot. Counted by hand: "
            "the secretary enters the counts."
        ),
        vocabulary="commune_portal.vocabularies.Ballots",
        default="secret",
        required=True,
    )

    review_share = schema.TextLine(
        title=_("Low confidence: more than"),
        description=_(
            "Share of all the delegates. An official rated low by more than "
            "this may resign; otherwise the standing committee puts a vote of "
            "no confidence to the council."
        ),
        default=DEFAULT_REVIEW_SHARE,
        required=True,
        constraint=valid_share,
    )

    dismissal_share = schema.TextLine(
        title=_("Low confidence: at least"),
        description=_(
            "Share of all the delegates. For an official rated low by at "
            "least this, the body that nominated them proposes their "
            "dismissal."
        ),
        default=DEFAULT_DISMISSAL_SHARE,
        required=True,
        constraint=valid_share,
    )


@implementer(IConfidenceVote, IVotable)
class ConfidenceVote(Item):
    """A vote of confidence of the People's Council."""
