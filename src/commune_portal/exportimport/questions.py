"""The numbering of citizens' questions through a move.

The last number of each year's tracking codes is kept in the site's
annotations (``questions.codes``), which plone.exportimport does not
export. It travels in ``commune_portal.json`` (``question_sequence``,
``settings.py``) and is applied before the content; after the content
(``rebuild.py``) each year's number is raised to at least the highest code
of the site's questions, which holds for exports made before the numbering
travelled too. A number is never lowered: a new question never gets a code
that a question of either site had, even one deleted since.

A question's own code (``tracking_code``, read-only, which plone.restapi's
deserializer leaves out) travels with ``TrackingCode`` (from the field
itself in an older export): creating the
question on the new site gave it the next code, as for a question added by
hand; it gets its exported code back, and the number taken is given back.
"""

from Acquisition import aq_base
from commune_portal.exportimport.interfaces import IItemState
from commune_portal.exportimport.report import logger
from commune_portal.questions import codes
from plone import api
from zope.interface import implementer
import re


# ``<prefix>-<year>-<number>``: the prefix has hyphens of its own.
_CODE = re.compile(r"-(\d{4})-(\d+)$")


def exported_sequence():
    """``{"2026": 123}``: the last number of each year (JSON keys)."""
    sequences = codes.sequences_of(api.portal.get())
    return {str(year): int(number) for year, number in sorted(sequences.items())}


def raise_sequence(numbers):
    """Raise each year's last number to at least ``numbers`` (``{year:
    number}``, years as ints or strings); returns ``{year: number}`` of the
    years raised."""
    sequences = codes.sequences_of(api.portal.get(), create=bool(numbers))
    raised = {}
    for year, number in sorted(numbers.items()):
        try:
            year, number = int(year), int(number)
        except (TypeError, ValueError):
            logger.warning("Question codes: %r: %r is not a number", year, number)
            continue
        if sequences.get(year, 0) < number:
            sequences[year] = number
            raised[year] = number
    for year, number in raised.items():
        logger.info("Question codes of %d continue after number %d", year, number)
    return raised


def highest_codes():
    """``{year: highest number}`` of the tracking codes of the site's
    questions (from the catalog's index of codes)."""
    catalog = api.portal.get_tool("portal_catalog")
    if codes.CODE_INDEX not in catalog.indexes():
        return {}
    highest = {}
    for code in catalog.uniqueValuesFor(codes.CODE_INDEX):
        year, number = _year_and_number(code)
        if year is None:
            continue
        highest[year] = max(highest.get(year, 0), number)
    return highest


def _year_and_number(code):
    match = _CODE.search(code or "")
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def give_back(code):
    """Give back the number of ``code`` when it is the last one taken."""
    year, number = _year_and_number(code)
    sequences = codes.sequences_of(api.portal.get())
    if year is not None and sequences.get(year) == number:
        sequences[year] = number - 1


@implementer(IItemState)
class TrackingCode:
    """The tracking code of a citizen's question (see the module's
    docstring)."""

    # plone.exportimport exports the field, read-only, as any other.
    exported_field = "tracking_code"

    def __init__(self, context):
        self.context = context

    def export(self):
        return getattr(aq_base(self.context), "tracking_code", None) or None

    def restore(self, data):
        if not data or not isinstance(data, str):
            return
        given = getattr(aq_base(self.context), "tracking_code", None)
        if given == data:
            return
        self.context.tracking_code = data
        if given:
            give_back(given)
        # The code index, its metadata and the searchable text.
        self.context.reindexObject()
