"""Types of official documents (loại văn bản), Decree 30/2020/NĐ-CP, Appendix III.

Tokens are ASCII slugs of the Vietnamese names (CONTRACT.md) and never
change; titles are translated; the abbreviation is the one written in the
document number (``KH`` in ``4391/KH-UBND``). Official letters (công văn)
and thư công have no abbreviation.
"""

from commune_portal import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# (token, abbreviation or None, title)
DOCUMENT_TYPES = (
    ("nghi-quyet", "NQ", _("Resolution")),
    ("quyet-dinh", "QĐ", _("Decision")),
    ("chi-thi", "CT", _("Directive")),
    ("quy-che", "QC", _("Rules")),
    ("quy-dinh", "QyĐ", _("Regulation")),
    ("thong-cao", "TC", _("Communiqué")),
    ("thong-bao", "TB", _("Notice")),
    ("huong-dan", "HD", _("Guidance")),
    ("chuong-trinh", "CTr", _("Programme")),
    ("ke-hoach", "KH", _("Plan")),
    ("phuong-an", "PA", _("Scheme")),
    ("de-an", "ĐA", _("Project proposal")),
    ("du-an", "DA", _("Project")),
    ("bao-cao", "BC", _("Report")),
    ("bien-ban", "BB", _("Minutes")),
    ("to-trinh", "TTr", _("Submission")),
    ("hop-dong", "HĐ", _("Contract")),
    ("cong-van", None, _("Official letter")),
    ("cong-dien", "CĐ", _("Official telegram")),
    ("ban-ghi-nho", "BGN", _("Memorandum of understanding")),
    ("ban-thoa-thuan", "BTT", _("Agreement")),
    ("giay-uy-quyen", "GUQ", _("Letter of authorisation")),
    ("giay-moi", "GM", _("Invitation")),
    ("giay-gioi-thieu", "GGT", _("Letter of introduction")),
    ("giay-nghi-phep", "GNP", _("Leave permit")),
    ("phieu-gui", "PG", _("Dispatch slip")),
    ("phieu-chuyen", "PC", _("Transfer slip")),
    ("phieu-bao", "PB", _("Notification slip")),
    ("thu-cong", None, _("Official correspondence")),
)

# Abbreviations of copies (bản sao): valid in a number, no document type.
COPY_ABBREVIATIONS = ("SY", "TrS", "SL")

TITLES = {token: title for token, _abbreviation, title in DOCUMENT_TYPES}

# casefolded abbreviation -> token; QyĐ/QĐ, CT/CTr, DA/ĐA stay distinct.
TYPE_BY_ABBREVIATION = {
    abbreviation.casefold(): token
    for token, abbreviation, _title in DOCUMENT_TYPES
    if abbreviation
}

ABBREVIATION_BY_TYPE = {
    token: abbreviation for token, abbreviation, _title in DOCUMENT_TYPES
}


@provider(IVocabularyFactory)
def document_types(context):
    """Vocabulary ``commune_portal.vocabularies.DocumentTypes``."""
    return SimpleVocabulary(
        [
            SimpleTerm(token, token, title)
            for token, _abbreviation, title in DOCUMENT_TYPES
        ]
    )
