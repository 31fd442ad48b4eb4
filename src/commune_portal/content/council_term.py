"""``CouncilTerm``: one term (nhiệm kỳ) of the commune's People's Council,
with its khóa and number of seats. It holds the delegates elected for the
term, the term's sessions and the voters' petitions collected during it.

The number of seats is what the law counts a majority against (more than
half of *all* delegates, DOMAIN.md), not the delegates present or listed.
Of the add-on it imports only the message factory and ``FieldInvalid``.
"""

from commune_portal import _
from commune_portal.behaviors.official_document import FieldInvalid
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant
import re


PORTAL_TYPE = "CouncilTerm"

ROMAN_NUMERAL = re.compile(
    r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$", re.IGNORECASE
)


class NotARomanNumeral(schema.ValidationError):
    __doc__ = _("Write the khóa as a Roman numeral, for example XXI.")


def roman_numeral(value):
    """A khóa is written in Roman numerals (``I``, ``XXI``)."""
    if not value or not ROMAN_NUMERAL.match(value.strip()):
        raise NotARomanNumeral(value)
    return True


class ICouncilTerm(model.Schema):
    """Schema of ``CouncilTerm`` (title and summary come from
    ``plone.basic``)."""

    khoa = schema.TextLine(
        title=_("Khóa"),
        description=_("In Roman numerals, for example XXI."),
        required=False,
        constraint=roman_numeral,
    )

    start_year = schema.Int(
        title=_("First year of the term"),
        min=1946,
        max=2100,
        required=True,
    )

    end_year = schema.Int(
        title=_("Last year of the term"),
        min=1946,
        max=2100,
        required=True,
    )

    seats = schema.Int(
        title=_("Number of delegates"),
        description=_(
            "How many delegates the council has in this term, as elected. A "
            "resolution passes with more than half of this number."
        ),
        min=1,
        max=500,
        required=True,
    )

    @invariant
    def years_in_order(data):
        """A term ends after it begins."""
        start = getattr(data, "start_year", None)
        end = getattr(data, "end_year", None)
        if start and end and end <= start:
            raise FieldInvalid(
                _("The last year of the term must come after its first year."),
                "end_year",
            )


@implementer(ICouncilTerm)
class CouncilTerm(Container):
    """A term of the People's Council."""

    @property
    def years(self):
        """``2026-2031``, as the commune writes a term."""
        if not (self.start_year and self.end_year):
            return ""
        return f"{self.start_year}-{self.end_year}"
