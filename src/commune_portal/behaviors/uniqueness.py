"""Finding another document with the same number, issuer and year."""

from AccessControl import getSecurityManager
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


def find_duplicate(context, number, issue_date, issuing_body):
    """The brain of another document than ``context`` with the same number,
    issuing body and year, or ``None``. Searches every document, also those
    the editor cannot see: say whether they may with ``may_view``."""
    key = number_key(number) if number else None
    year = document_year(number, issue_date) if key else None
    if key is None or year is None:
        return None
    catalog = getToolByName(context, "portal_catalog", None)
    if catalog is None:
        return None
    own_uid = IUUID(context, None)
    issuer = fold(issuing_body or "")
    for brain in catalog.unrestrictedSearchResults(
        document_number_key=key, issue_year=year
    ):
        if own_uid != brain.UID and fold(brain.issuing_body or "") == issuer:
            return brain
    return None


def may_view(brain):
    """Whether the current user may view the document of ``brain`` (found
    unrestricted): only then may a message name it."""
    try:
        obj = brain._unrestrictedGetObject()
    except (AttributeError, KeyError):
        return False
    return bool(getSecurityManager().checkPermission("View", obj))
