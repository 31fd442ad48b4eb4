"""What the voting machinery needs from a content type."""

from zope.interface import Attribute
from zope.interface import Interface


class IVotable(Interface):
    """Marker: an item the delegates vote on (``Resolution``, ``Election``,
    ``ConfidenceVote``). It lives in a ``CouncilSession`` of a
    ``CouncilTerm``; its vote is kept by ``commune_portal.voting.box``."""


class IVoteKind(Interface):
    """What differs between a resolution, an election and a vote of
    confidence: the options, a valid ballot, the count, the result. Adapts
    the votable item; ``voting.box`` does all the rest once."""

    kind = Attribute("resolution, election or confidence")

    def options():
        """The options of the vote, snapshotted when it opens (JSON-able)."""

    def validate(value, options):
        """The ballot ``value`` (from JSON) as an immutable value, or raise
        ``VoteRefused`` (400) with a translated reason."""

    def count(ballots, options):
        """The tally (JSON-able counts) of an iterable of valid ballots."""

    def parse_tally(data, options, seats):
        """``(tally, ballots)`` from the counts a secretary entered by hand,
        or raise ``VoteRefused`` (400)."""

    def result(tally, ballots, seats, options):
        """The result (JSON-able) of a tally over ``ballots`` ballots with
        ``seats`` delegates in the term."""
