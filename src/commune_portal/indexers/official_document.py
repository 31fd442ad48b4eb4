"""Catalog indexers of official documents.

Registered for the behavior's marker, in the catalogs of the add-on's sites
only (``ICommunePortalCatalog``): another site of the same Zope with an
index of the same name indexes its own content's attributes. For every
other object of our sites, ``no_value`` stops Plone from acquiring the
values of a parent document (an annex File inside a Directive would
otherwise be indexed with its parent's number).

The validity window (``legal_mode``, ``legal_start``, ``legal_end`` and the
``legal_window`` metadata) asks the relation catalog which published
documents end this one: computed once per ``catalog_object`` call, for
all four (``indexers.shared``).
"""

from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.behaviors.official_document import IOfficialDocumentMarker
from commune_portal.behaviors.uniqueness import document_year
from commune_portal.behaviors.uniqueness import number_key
from commune_portal.behaviors.validity import validity_window
from commune_portal.document_number import InvalidDocumentNumber
from commune_portal.document_number import parse as parse_number
from commune_portal.indexers.shared import shared
from commune_portal.interfaces import ICommunePortalCatalog
from commune_portal.legal_status import day_number
from plone.indexer import indexer
from zope.component import subscribers
from zope.interface import Interface


INDEX_NAMES = (
    "document_number",
    "document_number_key",
    "document_type",
    "issuing_body",
    "issue_date",
    "issue_day",
    "number_sort",
    "issue_year",
    "document_effective_date",
    "issue_sort",
    "effective_sort",
    "legal_mode",
    "legal_start",
    "legal_end",
    "legal_window",
    "sectors",
    "is_legal_normative",
    "confidentiality",
    "document_file",
)


@indexer(Interface, ICommunePortalCatalog)
def no_value(obj):
    raise AttributeError("not an official document")


def _doc(obj):
    return IOfficialDocument(obj)


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def document_number(obj):
    return _doc(obj).document_number or None


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def document_number_key(obj):
    number = _doc(obj).document_number
    return number_key(number) if number else None


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def document_type(obj):
    return _doc(obj).document_type


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def issuing_body(obj):
    return _doc(obj).issuing_body


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def issue_date(obj):
    return _doc(obj).issue_date


# Sort indexes always get a value: ZCatalog drops from a sorted result the
# documents a sort index does not know (a draft without a date).


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def issue_day(obj):
    return day_number(_doc(obj).issue_date) or 0


def _serial(document):
    try:
        return parse_number(document.document_number).serial
    except InvalidDocumentNumber:
        return 0


# One index per sort order, holding the whole key: ZCatalog sorts a first
# page fast only on a single sort index (two indexes sort the whole result).


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def number_sort(obj):
    """Year, then serial: ``15/KH-UBND`` of 2026 sorts as 2026_0000015."""
    document = _doc(obj)
    year = document_year(document.document_number, document.issue_date) or 0
    return year * 10_000_000 + _serial(document)


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def issue_sort(obj):
    """Issue day, then serial: 20260115_0000015."""
    document = _doc(obj)
    return (day_number(document.issue_date) or 0) * 10_000_000 + _serial(document)


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def effective_sort(obj):
    """Effective (or issue) day, then serial."""
    document = _doc(obj)
    day = day_number(document.effective_date or document.issue_date) or 0
    return day * 10_000_000 + _serial(document)


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def issue_year(obj):
    document = _doc(obj)
    return document_year(document.document_number, document.issue_date)


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def document_effective_date(obj):
    return _doc(obj).effective_date


def _window(obj):
    return shared(obj, "validity_window", validity_window)


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def legal_window(obj):
    return _window(obj)


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def legal_mode(obj):
    return _window(obj)[0]


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def legal_start(obj):
    return _window(obj)[1]


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def legal_end(obj):
    return _window(obj)[2]


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def sectors(obj):
    return list(_doc(obj).sectors or [])


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def is_legal_normative(obj):
    return bool(_doc(obj).is_legal_normative)


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def confidentiality(obj):
    return _doc(obj).confidentiality


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def document_file(obj):
    file = _doc(obj).file
    return file.filename if file else None


class IMoreSearchableText(Interface):
    """Subscription adapters (factories returning a string, or ``None``)
    adding to ``SearchableText`` what a type with the behavior has of its
    own: a session material's kind (``indexers/council.py``)."""


@indexer(IOfficialDocumentMarker, ICommunePortalCatalog)
def searchable_text(obj):
    """``SearchableText`` of an official document: summary, description,
    number, issuer, signer and sectors, for the site's search and
    ``@directives?q=``; the site's lexicon folds tone marks and đ
    (``indexers/lexicon.py``), so "uy ban nhan dan", "Uỷ ban" and "Ủy ban"
    find each other."""
    document = _doc(obj)
    parts = [
        obj.Title(),
        obj.Description(),
        document.document_number,
        document.issuing_body,
        document.signer,
        *(document.sectors or []),
        *subscribers((obj,), IMoreSearchableText),
    ]
    return " ".join(part for part in parts if part)
