"""Fixed vocabularies of the official-document metadata (CONTRACT.md tokens)."""

from commune_portal import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


LEGAL_STATUSES = (
    ("pending", _("Not yet in force")),
    ("in_force", _("In force")),
    ("partly_expired", _("Partly expired")),
    ("expired", _("Expired")),
    ("suspended", _("Suspended")),
)

CONFIDENTIALITY = (
    ("normal", _("Not classified")),
    ("confidential", _("Confidential (Mật)")),
    ("secret", _("Secret (Tối mật)")),
    ("top_secret", _("Top secret (Tuyệt mật)")),
)

URGENCY = (
    ("normal", _("Normal")),
    ("urgent", _("Urgent (Khẩn)")),
    ("very_urgent", _("Very urgent (Thượng khẩn)")),
    ("immediate", _("Immediate (Hỏa tốc)")),
)

# Thẩm quyền ký: the abbreviation written before the signer's position.
SIGNING_AUTHORITIES = (
    ("TM.", _("TM. (on behalf of the collective)")),
    ("KT.", _("KT. (signing for the head)")),
    ("Q.", _("Q. (acting head)")),
    ("TL.", _("TL. (by order of the head)")),
    ("TUQ.", _("TUQ. (by authorisation of the head)")),
)


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in items])


def _signing_vocabulary(items):
    # Values are written as in documents ("TM."); tokens must be plain ASCII.
    return SimpleVocabulary(
        [SimpleTerm(value, value.rstrip(".").lower(), title) for value, title in items]
    )


LEGAL_STATUS_VOCABULARY = _vocabulary(LEGAL_STATUSES)
CONFIDENTIALITY_VOCABULARY = _vocabulary(CONFIDENTIALITY)
URGENCY_VOCABULARY = _vocabulary(URGENCY)
SIGNING_AUTHORITY_VOCABULARY = _signing_vocabulary(SIGNING_AUTHORITIES)


@provider(IVocabularyFactory)
def legal_statuses(context):
    """``commune_portal.vocabularies.LegalStatuses``."""
    return LEGAL_STATUS_VOCABULARY


@provider(IVocabularyFactory)
def confidentiality_levels(context):
    """``commune_portal.vocabularies.Confidentiality``."""
    return CONFIDENTIALITY_VOCABULARY


@provider(IVocabularyFactory)
def urgency_levels(context):
    """``commune_portal.vocabularies.Urgency``."""
    return URGENCY_VOCABULARY


@provider(IVocabularyFactory)
def signing_authorities(context):
    """``commune_portal.vocabularies.SigningAuthorities``."""
    return SIGNING_AUTHORITY_VOCABULARY
