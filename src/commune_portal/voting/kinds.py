"""The three kinds of votes: what a ballot is, how ballots are counted and
what the result is. Everything else (opening, attendance, quorum, named and
secret ballots, closing, freezing) is ``voting.box``, once for all.

- resolution: one question, ``yes`` / ``no`` / ``abstain``; adopted with
  more than half (or at least two thirds) of the term's seats.
- election: choose up to ``seats_to_fill`` candidates; elected are the
  candidates chosen by more than half of the term's seats, most votes
  first; a tie for the last seat elects none of the tied (a new round).
- confidence: each official rated ``high`` / ``confidence`` / ``low``;
  counts and shares of the term's seats, flags from the thresholds.
"""

from commune_portal import _
from commune_portal.content.confidence_vote import DEFAULT_DISMISSAL_SHARE
from commune_portal.content.confidence_vote import DEFAULT_REVIEW_SHARE
from commune_portal.content.confidence_vote import IConfidenceVote
from commune_portal.content.election import IElection
from commune_portal.content.resolution import IResolution
from commune_portal.voting import result as frozen
from commune_portal.voting.errors import VoteRefused
from commune_portal.voting.interfaces import IVoteKind
from commune_portal.voting.shares import at_least
from commune_portal.voting.shares import InvalidShare
from commune_portal.voting.shares import more_than
from commune_portal.voting.shares import parse_share
from commune_portal.voting.shares import percent
from zope.component import adapter
from zope.interface import implementer


CHOICES = ("yes", "no", "abstain")
RATINGS = ("high", "confidence", "low")

# The words of the council's ballot (Tán thành / Không tán thành / Không
# biểu quyết), not the generic "Yes"/"No" (Có/Không) of other pages.
CHOICE_TITLES = {
    "yes": _("In favour"),
    "no": _("Against"),
    "abstain": _("Abstain"),
}
RATING_TITLES = {
    "high": _("High confidence"),
    "confidence": _("Confidence"),
    "low": _("Low confidence"),
}


def _count(value, name):
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise VoteRefused(
            400, _("The counts must be whole numbers, zero or more."), name
        )
    return value


def _ballots(data, seats):
    ballots = _count(data.get("ballots"), "ballots")
    if ballots > seats:
        raise VoteRefused(
            400,
            _(
                "There are more ballots (${ballots}) than delegates of the term "
                "(${seats}).",
                mapping={"ballots": ballots, "seats": seats},
            ),
            "ballots",
        )
    return ballots


def _rows(rows, fields):
    """Rows of a datagrid as options keyed ``1``, ``2`` … in their order
    when the vote opens (later edits do not touch a running vote)."""
    options = []
    for index, row in enumerate(rows or (), start=1):
        name = ((row or {}).get("name") or "").strip()
        if name:
            options.append(
                {"key": str(index), "name": name}
                | {field: (row.get(field) or "").strip() for field in fields}
            )
    return options


class _VoteKind:
    """What every kind of vote shares: its context, and freezing the
    result it computes (``voting.result.freeze_result``)."""

    kind = None

    def __init__(self, context):
        self.context = context

    def freeze(self, tally, ballots, seats, options, **frozen_kwargs):
        return frozen.freeze_result(
            self.context,
            self.result(tally, ballots, seats, options),
            **frozen_kwargs,
        )


@implementer(IVoteKind)
@adapter(IResolution)
class ResolutionVote(_VoteKind):
    """Yes, no or abstain on a resolution."""

    kind = "resolution"

    def options(self):
        return {
            "choices": list(CHOICES),
            "threshold": getattr(self.context, "threshold", None) or "majority",
        }

    def ready(self, options):
        """Nothing is missing to open a vote on a resolution."""
        return None

    def validate(self, value, options):
        if value not in CHOICES:
            raise VoteRefused(
                400,
                _(
                    'Unknown vote. Vote "yes", "no" or "abstain".',
                ),
                "vote",
            )
        return value

    def count(self, ballots, options):
        tally = dict.fromkeys(CHOICES, 0)
        for ballot in ballots:
            tally[ballot] += 1
        return tally

    def parse_tally(self, data, options, seats):
        counts = {name: _count(data.get(name), name) for name in CHOICES}
        if sum(counts.values()) > seats:
            raise VoteRefused(
                400,
                _(
                    "There are more votes (${votes}) than delegates of the term "
                    "(${seats}).",
                    mapping={"votes": sum(counts.values()), "seats": seats},
                ),
                "yes",
            )
        return counts, sum(counts.values())

    def result(self, tally, ballots, seats, options):
        threshold = options.get("threshold", "majority")
        return {
            **tally,
            "not_voted": max(seats - ballots, 0),
            "total_delegates": seats,
            "threshold": threshold,
            "adopted": frozen.passes(tally["yes"], seats, threshold),
        }

    def freeze(self, tally, ballots, seats, options, **frozen_kwargs):
        """Freeze through ``result.freeze``: the keys others read."""
        return dict(
            frozen.freeze(
                self.context,
                yes=tally["yes"],
                no=tally["no"],
                abstain=tally["abstain"],
                seats=seats,
                threshold=options.get("threshold"),
                **frozen_kwargs,
            )
        )


@implementer(IVoteKind)
@adapter(IElection)
class ElectionVote(_VoteKind):
    """Up to ``seats_to_fill`` candidates on a ballot."""

    kind = "election"

    def options(self):
        return {
            "candidates": _rows(
                getattr(self.context, "candidates", None), ("details",)
            ),
            "seats_to_fill": getattr(self.context, "seats_to_fill", None) or 1,
        }

    def ready(self, options):
        if not options["candidates"]:
            return _("Add the candidates before opening the vote.")
        return None

    def validate(self, value, options):
        keys = {c["key"] for c in options["candidates"]}
        if (
            not isinstance(value, list)
            or not all(isinstance(k, str) for k in value)
            or len(set(value)) != len(value)
            or not set(value) <= keys
        ):
            raise VoteRefused(
                400,
                _("Choose candidates of this election, each at most once."),
                "vote",
            )
        if len(value) > options["seats_to_fill"]:
            raise VoteRefused(
                400,
                _(
                    "Choose at most ${seats} candidates.",
                    mapping={"seats": options["seats_to_fill"]},
                ),
                "vote",
            )
        return tuple(sorted(value, key=int))

    def count(self, ballots, options):
        tally = {c["key"]: 0 for c in options["candidates"]}
        for ballot in ballots:
            for key in ballot:
                tally[key] += 1
        return tally

    def parse_tally(self, data, options, seats):
        ballots = _ballots(data, seats)
        given = data.get("candidates")
        keys = [c["key"] for c in options["candidates"]]
        if not isinstance(given, dict) or set(given) != set(keys):
            raise VoteRefused(
                400,
                _('Give the votes of every candidate: {"1": 9, "2": 5, …}.'),
                "candidates",
            )
        tally = {}
        for key in keys:
            tally[key] = _count(given[key], "candidates")
            if tally[key] > ballots:
                raise VoteRefused(
                    400,
                    _("A candidate cannot have more votes than there are ballots."),
                    "candidates",
                )
        if sum(tally.values()) > ballots * options["seats_to_fill"]:
            raise VoteRefused(
                400,
                _("The votes add up to more than the ballots allow."),
                "candidates",
            )
        return tally, ballots

    def result(self, tally, ballots, seats, options):
        to_fill = options["seats_to_fill"]
        rows = [
            {
                "key": c["key"],
                "name": c["name"],
                "details": c.get("details", ""),
                "votes": tally.get(c["key"], 0),
                "share": percent(tally.get(c["key"], 0), seats),
                "above_half": frozen.passes(tally.get(c["key"], 0), seats),
                "elected": False,
                "tied": False,
            }
            for c in options["candidates"]
        ]
        eligible = sorted(
            (r for r in rows if r["above_half"]), key=lambda r: -r["votes"]
        )
        if len(eligible) <= to_fill:
            for row in eligible:
                row["elected"] = True
        else:
            cutoff = eligible[to_fill - 1]["votes"]
            above = [r for r in eligible if r["votes"] > cutoff]
            at_cutoff = [r for r in eligible if r["votes"] == cutoff]
            for row in above:
                row["elected"] = True
            if len(above) + len(at_cutoff) <= to_fill:
                for row in at_cutoff:
                    row["elected"] = True
            else:
                # More candidates tie for the last seats than there are
                # seats left: none of them is elected, a new round decides.
                for row in at_cutoff:
                    row["tied"] = True
        return {
            "candidates": rows,
            "seats_to_fill": to_fill,
            "elected": [r["name"] for r in rows if r["elected"]],
            "ballots": ballots,
            "not_voted": max(seats - ballots, 0),
            "total_delegates": seats,
        }


@implementer(IVoteKind)
@adapter(IConfidenceVote)
class ConfidenceVoteKind(_VoteKind):
    """Each official rated high, confidence or low."""

    kind = "confidence"

    def options(self):
        def share(name, default):
            try:
                parse_share(getattr(self.context, name, None) or default)
                return getattr(self.context, name, None) or default
            except InvalidShare:
                return default

        return {
            "officials": _rows(getattr(self.context, "officials", None), ("position",)),
            "ratings": list(RATINGS),
            "review_share": share("review_share", DEFAULT_REVIEW_SHARE),
            "dismissal_share": share("dismissal_share", DEFAULT_DISMISSAL_SHARE),
        }

    def ready(self, options):
        if not options["officials"]:
            return _("Add the officials before opening the vote.")
        return None

    def validate(self, value, options):
        keys = {o["key"] for o in options["officials"]}
        if (
            not isinstance(value, dict)
            or not set(value) <= keys
            or not all(rating in RATINGS for rating in value.values())
        ):
            raise VoteRefused(
                400,
                _(
                    'Rate officials of this vote "high", "confidence" or "low".',
                ),
                "vote",
            )
        # An official left unrated counts as a mark not made on paper.
        return tuple(sorted(value.items(), key=lambda item: int(item[0])))

    def count(self, ballots, options):
        tally = {o["key"]: dict.fromkeys(RATINGS, 0) for o in options["officials"]}
        for ballot in ballots:
            for key, rating in ballot:
                tally[key][rating] += 1
        return tally

    def parse_tally(self, data, options, seats):
        ballots = _ballots(data, seats)
        given = data.get("officials")
        keys = [o["key"] for o in options["officials"]]
        if not isinstance(given, dict) or set(given) != set(keys):
            raise VoteRefused(
                400,
                _(
                    'Give the ratings of every official: {"1": {"high": 5, '
                    '"confidence": 7, "low": 1}, …}.'
                ),
                "officials",
            )
        tally = {}
        for key in keys:
            counts = given[key]
            if not isinstance(counts, dict) or set(counts) != set(RATINGS):
                raise VoteRefused(
                    400,
                    _("Give the three counts high, confidence and low."),
                    "officials",
                )
            tally[key] = {r: _count(counts[r], "officials") for r in RATINGS}
            if sum(tally[key].values()) > ballots:
                raise VoteRefused(
                    400,
                    _("An official cannot have more ratings than there are ballots."),
                    "officials",
                )
        return tally, ballots

    def result(self, tally, ballots, seats, options):
        review = parse_share(options["review_share"])
        dismissal = parse_share(options["dismissal_share"])
        officials = []
        for official in options["officials"]:
            counts = tally.get(official["key"]) or dict.fromkeys(RATINGS, 0)
            officials.append(
                {
                    "key": official["key"],
                    "name": official["name"],
                    "position": official.get("position", ""),
                    **counts,
                    "shares": {r: percent(counts[r], seats) for r in RATINGS},
                    "low_more_than_review_share": more_than(
                        counts["low"], seats, review
                    ),
                    "low_at_least_dismissal_share": at_least(
                        counts["low"], seats, dismissal
                    ),
                }
            )
        return {
            "officials": officials,
            "review_share": options["review_share"],
            "dismissal_share": options["dismissal_share"],
            "ballots": ballots,
            "not_voted": max(seats - ballots, 0),
            "total_delegates": seats,
        }
