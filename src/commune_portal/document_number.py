"""Number and symbol (số ký hiệu) of official documents.

A Vietnamese official document is identified by its number and symbol
(Decree 30/2020/NĐ-CP, Appendix III), written in one of these forms:

- administrative: ``4391/KH-UBND``, ``123/QĐ-UBND-VP``;
- legal (normative) documents, with the year: ``81/2016/NQ-HĐND``;
- official letters (công văn), without type abbreviation, with the issuer
  and the drafting unit: ``3481/UBND-VP``;
- Party documents: ``11-NQ/TU``;
- copies (sao y, trích sao, sao lục): ``05/SY-UBND``.

``parse`` cleans the text the way editors type or paste it and splits it;
``check_type`` tells whether the number agrees with the document type chosen.
"""

from commune_portal import _
from commune_portal.text import normalize as normalize_text
from commune_portal.vocabularies.document_types import ABBREVIATION_BY_TYPE
from commune_portal.vocabularies.document_types import COPY_ABBREVIATIONS
from commune_portal.vocabularies.document_types import TITLES
from commune_portal.vocabularies.document_types import TYPE_BY_ABBREVIATION
from typing import NamedTuple
from zope.i18n import interpolate
from zope.schema import ValidationError
import re


ADMINISTRATIVE = "administrative"
LEGAL = "legal"
OFFICIAL_LETTER = "official_letter"
PARTY = "party"
COPY = "copy"

# Types whose numbers carry no type abbreviation.
LETTER_TYPES = ("cong-van", "thu-cong")

# In the Party form "CV" is written for công văn, which has no abbreviation
# in the state form (and so none in the vocabulary).
PARTY_TYPES = {"cv": "cong-van"}

_COPY_ABBREVIATIONS = {abbreviation.casefold() for abbreviation in COPY_ABBREVIATIONS}

# Printed forms start with "Số:"; pasted numbers often keep it.
_PREFIX = re.compile(r"^số\s*:?\s*", re.IGNORECASE)
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]")
_SPACED_SEPARATOR = re.compile(r"\s*([/-])\s*")

# Any Unicode letter (Đ, ư ...), but neither digit nor underscore.
_LETTER = r"[^\W\d_]"
_TYPE = rf"{_LETTER}+"
# Issuers and units may contain digits (e.g. "CT1"), never first.
_PART = rf"{_LETTER}(?:{_LETTER}|[0-9])*"
# ASCII digits only: \d would accept other scripts' digits.
_NUMBER = r"[0-9]{1,6}"

_PARTY = re.compile(
    rf"(?P<number>{_NUMBER})-(?P<abbreviation>{_TYPE})/(?P<parts>{_PART}(?:-{_PART})*)"
)
_LEGAL = re.compile(
    rf"(?P<number>{_NUMBER})/(?P<year>[0-9]{{4}})/(?P<abbreviation>{_TYPE})-(?P<parts>{_PART}(?:-{_PART})*)"
)
# Administrative, copy and official letter: told apart by the first part.
_STATE = re.compile(rf"(?P<number>{_NUMBER})/(?P<parts>{_PART}(?:-{_PART})*)")

MIN_YEAR = 1945
MAX_YEAR = 2100


class DocumentNumber(NamedTuple):
    """A parsed number and symbol (số ký hiệu)."""

    text: str  # normalised as stored and shown: "05/KH-UBND"
    number: str  # as written: "05"
    serial: int  # 5
    year: int | None  # legal form only: 2016 in 81/2016/NQ-HĐND
    abbreviation: str | None  # as written: "QyĐ"; None for official letters
    document_type: str | None  # vocabulary token, "cong-van" for letters
    issuer: str  # "UBND", "HĐND", "TTg", "TU"
    unit: str | None  # the rest after the issuer: "VP" in 3481/UBND-VP
    form: str  # ADMINISTRATIVE, LEGAL, OFFICIAL_LETTER, PARTY or COPY
    key: str  # comparison key: "5/kh-ubnd", "81/2016/nq-hđnd"


class InvalidDocumentNumber(ValidationError):
    """The text is not a document number."""

    def __init__(self, number):
        self.number = "" if number is None else str(number)
        super().__init__(self.number)

    def doc(self):
        """The message shown to the editor."""
        return _(
            '"${number}" is not a document number. Expected forms: 4391/KH-UBND (administrative), 01/2024/NQ-HĐND (legal, with year), 3481/UBND-VP (official letter), 11-NQ/TU (Party).',
            mapping={"number": self.number},
        )

    def __str__(self):
        return _english(self.doc())


class DocumentTypeMismatch(ValidationError):
    """The number does not agree with the document type chosen."""

    def __init__(self, number, abbreviation, document_type):
        self.number = number
        self.abbreviation = abbreviation
        self.document_type = document_type
        super().__init__(number, abbreviation, document_type)

    def doc(self):
        """The message shown to the editor; the type is its translated title."""
        mapping = {
            "number": self.number,
            "abbreviation": self.abbreviation,
            "type": TITLES.get(self.document_type, self.document_type),
        }
        if self.abbreviation is None:
            return _(
                "The number ${number} has no type abbreviation, which is the form of an official letter (công văn), but the document type chosen is ${type}.",
                mapping=mapping,
            )
        return _(
            'The number ${number} is of type "${abbreviation}", but the document type chosen is ${type}.',
            mapping=mapping,
        )

    def __str__(self):
        return _english(self.doc())


def _english(message):
    # Logs want the message with its values, without a request to translate.
    return interpolate(str(message), message.mapping)


def normalize(text: str | None) -> str:
    """Return ``text`` cleaned as typed or pasted, without validating it.

    NFC, leading ``Số:`` removed, dash variants as ``-``, no spaces around
    ``/`` and ``-``, outer spaces stripped; the case is kept as written
    (``QyĐ``, ``TTg`` are mixed case). ``None`` gives ``""``.
    """
    text = _PREFIX.sub("", normalize_text(text))
    text = _DASHES.sub("-", text)
    return _SPACED_SEPARATOR.sub(r"\1", text).strip()


def parse(text: str | None) -> DocumentNumber:
    """Return the :class:`DocumentNumber` written in ``text``.

    Raise :class:`InvalidDocumentNumber` if it is in none of the forms.
    """
    cleaned = normalize(text)
    match = (
        _PARTY.fullmatch(cleaned)
        or _LEGAL.fullmatch(cleaned)
        or _STATE.fullmatch(cleaned)
    )
    if match is None:
        raise InvalidDocumentNumber(text)
    number = match["number"]
    serial = int(number)
    if serial == 0:
        raise InvalidDocumentNumber(text)
    parts = match["parts"].split("-")
    groups = match.groupdict()
    year = None
    abbreviation = groups.get("abbreviation")

    if match.re is _PARTY:
        form = PARTY
        folded = abbreviation.casefold()
        document_type = TYPE_BY_ABBREVIATION.get(folded) or PARTY_TYPES.get(folded)
    elif match.re is _LEGAL:
        form = LEGAL
        year = int(match["year"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidDocumentNumber(text)
        # Government types (NĐ nghị định, TT thông tư) are outside the
        # vocabulary of a commune, but their numbers are valid.
        document_type = TYPE_BY_ABBREVIATION.get(abbreviation.casefold())
    else:
        first = parts[0].casefold()
        if first in TYPE_BY_ABBREVIATION or first in _COPY_ABBREVIATIONS:
            if len(parts) < 2:
                # "4391/KH": a type abbreviation without issuer.
                raise InvalidDocumentNumber(text)
            abbreviation = parts.pop(0)
            if first in _COPY_ABBREVIATIONS:
                form, document_type = COPY, None
            else:
                form, document_type = ADMINISTRATIVE, TYPE_BY_ABBREVIATION[first]
        else:
            # An official letter names its issuer and the drafting unit
            # (Decree 30/2020, Appendix III): "3481/UBND-VP". A lone part
            # ("15/XYZ") is no number.
            if len(parts) < 2:
                raise InvalidDocumentNumber(text)
            form, document_type = OFFICIAL_LETTER, "cong-van"

    # Leading zeros (05) are a writing convention, not part of the identity.
    key = (str(serial) + cleaned[len(number) :]).casefold()
    return DocumentNumber(
        text=cleaned,
        number=number,
        serial=serial,
        year=year,
        abbreviation=abbreviation,
        document_type=document_type,
        issuer=parts[0],
        unit="-".join(parts[1:]) or None,
        form=form,
        key=key,
    )


def check_type(parsed: DocumentNumber, document_type: str | None) -> None:
    """Raise :class:`DocumentTypeMismatch` if the number contradicts the
    ``document_type`` token chosen by the editor.

    Party numbers, copies, an empty choice, a legal number whose type is
    unknown to the vocabulary (``NĐ``) and a token unknown to the vocabulary
    (the vocabulary itself rejects it) are never a mismatch.
    """
    if not document_type or parsed.form in (PARTY, COPY):
        return
    if document_type not in ABBREVIATION_BY_TYPE:
        return
    if parsed.form == OFFICIAL_LETTER:
        if document_type not in LETTER_TYPES:
            raise DocumentTypeMismatch(parsed.text, None, document_type)
        return
    if parsed.document_type is None:
        return
    expected = ABBREVIATION_BY_TYPE[document_type]
    if expected is None or expected.casefold() != parsed.abbreviation.casefold():
        raise DocumentTypeMismatch(parsed.text, parsed.abbreviation, document_type)


def propose_type(parsed: DocumentNumber) -> str | None:
    """Return the document type token to fill in when the editor left it
    empty: the one the number tells, or ``None``."""
    return parsed.document_type


def validate_number(value: str | None) -> bool:
    """``zope.schema`` field constraint: ``True`` for an empty value or a
    valid number, else raise :class:`InvalidDocumentNumber`."""
    if not value or not value.strip():
        return True
    parse(value)
    return True
