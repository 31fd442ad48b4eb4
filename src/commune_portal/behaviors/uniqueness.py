"""Finding another document with the same number, issuer and year."""

from commune_portal import document_number
from commune_portal.text import fold
from plone.uuid.interfaces import IUUID
from Products.CMFCore.utils import getToolByName


def number_key(number):
    """The catalog key of a number (``05/qđ-ubnd`` and ``5/QĐ-UBND`` share
    it), or ``None`` when it does not parse."""
    try:
        return document_number.parse(number).key
    except document_number.InvalidDocumentNumber:
        return None


def document_year(number, issue_date):
    """The year numbering restarts in: the issue date's, else the year
    written in a legal document's number."""
    if issue_date is not None:
        return issue_date.year
    try:
        return document_number.parse(number).year
    except document_number.InvalidDocumentNumber:
        return None


def find_duplicate(data):
    """The brain of another document with the same number, issuing body and
    year as the invariant ``data``, or ``None``. Searches every document,
    also those the editor cannot see."""
    from commune_portal.behaviors.official_document import value_of

    number = value_of(data, "document_number")
    key = number_key(number) if number else None
    year = document_year(number, value_of(data, "issue_date")) if key else None
    if key is None or year is None:
        return None
    context = getattr(data, "__context__", None)
    catalog = getToolByName(context, "portal_catalog", None)
    if catalog is None:
        return None
    own_uid = IUUID(context, None)
    issuer = fold(value_of(data, "issuing_body") or "")
    for brain in catalog.unrestrictedSearchResults(
        document_number_key=key, issue_year=year
    ):
        if own_uid != brain.UID and fold(brain.issuing_body or "") == issuer:
            return brain
    return None
