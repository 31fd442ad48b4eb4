"""The frozen result of a vote on a resolution.

When a vote closes (or the secretary enters the counts of a vote by hand)
its result is frozen on the resolution, in an annotation: counts, the
number of seats counted against, the threshold, whether it passed, when,
and who was present and who voted (delegate UIDs; for a secret ballot
*that* a delegate voted, never how). Views, REST and listings read it from
here; nothing recomputes a closed vote. Elections and votes of confidence
freeze their own counts the same way (``freeze_result``).

A resolution passes with more than half of *all* the term's seats, or with
at least two thirds of them when its ``threshold`` says so (DOMAIN.md).
"""

from commune_portal import _
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations
import datetime


RESULT_KEY = "commune_portal.vote_result"
FIELDS = ("yes", "no", "abstain")


def passes(yes, seats, threshold="majority"):
    """Whether ``yes`` votes out of ``seats`` pass ``threshold``
    (``majority``: more than half; ``two_thirds``: at least two thirds)."""
    if not seats:
        return False
    if threshold == "two_thirds":
        return 3 * yes >= 2 * seats
    return 2 * yes > seats


class InvalidCounts(ValueError):
    """Counts that cannot be: negative, or more votes than seats."""


def check_counts(yes, no, abstain, seats):
    """The counts of a vote, refused with a translated reason when they
    cannot be."""
    counts = (yes, no, abstain)
    if any(not isinstance(n, int) or isinstance(n, bool) or n < 0 for n in counts):
        raise InvalidCounts(_("The counts must be whole numbers, zero or more."))
    if sum(counts) > seats:
        raise InvalidCounts(
            _(
                "There are more votes (${votes}) than delegates of the term "
                "(${seats}).",
                mapping={"votes": sum(counts), "seats": seats},
            )
        )


def freeze(
    resolution,
    *,
    yes,
    no,
    abstain,
    seats,
    threshold=None,
    present=(),
    voted=(),
    closed=None,
    ballot=None,
):
    """Freeze the result of the vote on ``resolution`` and return it.

    ``present`` and ``voted`` are UIDs of ``Delegate`` items. ``closed``
    defaults to now (UTC). ``ballot`` (``named``, ``secret``, ``manual``)
    defaults to the resolution's."""
    check_counts(yes, no, abstain, seats)
    threshold = threshold or getattr(resolution, "threshold", None) or "majority"
    result = PersistentMapping(
        yes=yes,
        no=no,
        abstain=abstain,
        not_voted=max(seats - yes - no - abstain, 0),
        total_delegates=seats,
        threshold=threshold,
        adopted=passes(yes, seats, threshold),
        closed=closed or datetime.datetime.now(datetime.UTC),
        present=tuple(present),
        voted=tuple(voted),
        ballot=ballot or getattr(resolution, "ballot", None) or "named",
    )
    IAnnotations(resolution)[RESULT_KEY] = result
    resolution.reindexObject()  # the catalog's ``vote_result``
    return result


def freeze_result(item, data, *, present=(), voted=(), closed=None, ballot=None):
    """Freeze the result ``data`` (a JSON-able dict: the counts of an
    election or a vote of confidence, ``voting.kinds``) of the vote on
    ``item``, with when it closed, who was present and who voted, as
    ``freeze`` does for a resolution; return it as a dict."""
    result = PersistentMapping(
        data,
        closed=closed or datetime.datetime.now(datetime.UTC),
        present=tuple(present),
        voted=tuple(voted),
        ballot=ballot or getattr(item, "ballot", None) or "named",
    )
    IAnnotations(item)[RESULT_KEY] = result
    item.reindexObject()  # the catalog's ``vote_result``
    return dict(result)


def result_of(resolution):
    """The frozen result of ``resolution`` as a plain dict, or ``None``
    when its vote has not closed."""
    result = IAnnotations(resolution).get(RESULT_KEY)
    return dict(result) if result is not None else None


def clear(resolution):
    """Forget the frozen result (a vote reopened by the secretary)."""
    if IAnnotations(resolution).pop(RESULT_KEY, None) is not None:
        resolution.reindexObject()
