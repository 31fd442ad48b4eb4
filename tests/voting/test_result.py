"""The frozen result of a vote (``commune_portal.voting.result``)."""

from commune_portal.voting import result
from tests.council_helpers import council_section
from tests.council_helpers import make_resolution
from tests.council_helpers import make_session
from tests.council_helpers import make_term
import pytest


@pytest.mark.parametrize(
    "yes,seats,threshold,adopted",
    [
        (8, 15, "majority", True),
        (7, 15, "majority", False),  # not more than half
        (8, 16, "majority", False),  # exactly half is not more than half
        (9, 16, "majority", True),
        (10, 15, "two_thirds", True),  # exactly two thirds
        (9, 15, "two_thirds", False),
        (0, 0, "majority", False),
    ],
)
def test_passes(yes, seats, threshold, adopted):
    assert result.passes(yes, seats, threshold) is adopted


@pytest.fixture
def resolution(portal):
    term = make_term(council_section(portal))
    return make_resolution(make_session(term))


def test_freeze_and_read(resolution):
    assert result.result_of(resolution) is None
    frozen = result.freeze(resolution, yes=12, no=1, abstain=1, seats=15)
    assert frozen["not_voted"] == 1
    read = result.result_of(resolution)
    assert read["adopted"] is True
    assert read["threshold"] == "majority"
    assert (read["yes"], read["no"], read["abstain"]) == (12, 1, 1)
    result.clear(resolution)
    assert result.result_of(resolution) is None


def test_two_thirds_from_the_resolution(resolution):
    resolution.threshold = "two_thirds"
    frozen = result.freeze(resolution, yes=9, no=6, abstain=0, seats=15)
    assert frozen["threshold"] == "two_thirds"
    assert frozen["adopted"] is False


@pytest.mark.parametrize("counts", [(-1, 0, 0), (10, 4, 2), (1.5, 0, 0), (True, 0, 0)])
def test_impossible_counts_are_refused_and_nothing_is_stored(resolution, counts):
    yes, no, abstain = counts
    with pytest.raises(result.InvalidCounts):
        result.freeze(resolution, yes=yes, no=no, abstain=abstain, seats=15)
    assert result.result_of(resolution) is None
