"""Shares of the delegates written as fractions ("1/2", "2/3"), exact.

Two thirds is not a whole percentage: 66.67 % of 15 seats would ask for 11
delegates where the law means 10. Shares are kept as text a site
administrator or secretary can read and compared with integers only.
"""

from commune_portal import _
from fractions import Fraction
from zope import schema
import re


_SHARE = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$")


class InvalidShare(schema.ValidationError):
    __doc__ = _(
        "Write a share of the delegates as a fraction between 0 and 1, for "
        "example 1/2 or 2/3."
    )


def parse_share(value):
    """``"2/3"`` → ``Fraction(2, 3)``; ``InvalidShare`` unless 0 < share <= 1."""
    match = _SHARE.match(value or "")
    if not match or int(match.group(2)) == 0:
        raise InvalidShare(value)
    share = Fraction(int(match.group(1)), int(match.group(2)))
    if not 0 < share <= 1:
        raise InvalidShare(value)
    return share


def valid_share(value):
    """Schema constraint of a share."""
    parse_share(value)
    return True


def at_least(count, total, share):
    """``count`` is at least ``share`` of ``total``."""
    return count * share.denominator >= share.numerator * total


def more_than(count, total, share):
    """``count`` is more than ``share`` of ``total``."""
    return count * share.denominator > share.numerator * total


def needed_at_least(total, share):
    """The smallest count that is at least ``share`` of ``total``."""
    return -(-share.numerator * total // share.denominator)


def percent(count, total):
    """``count`` as a percentage of ``total``, two decimals (``None`` when
    there is no total)."""
    if not total:
        return None
    return round(100 * count / total, 2)
