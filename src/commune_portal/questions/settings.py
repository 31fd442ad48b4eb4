"""The control panel's settings of citizen questions: defaults, the rule of
the code prefix, the vocabulary of the e-mails, and reading them.

A leaf (the control panel's schema imports it): of the add-on it imports
only the message factory.
"""

from commune_portal import _
from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import queryUtility
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
import re


PREFIX = "commune_portal"

DEFAULT_CODE_PREFIX = "XA-HD"
# Working days from submission to answer. The seeds give no deadline and
# the national texts differ by kind of request (docs/questions.md): a
# commune sets its own rule here.
DEFAULT_ANSWER_DEADLINE = 15
# Per client address and hour.
DEFAULT_RATE_LIMIT = 5
DEFAULT_LOOKUP_LIMIT = 10

# When the person asking is e-mailed (and the officer, on assignment).
NOTIFICATIONS = (
    ("submitted", _("The question is received (with its tracking code)")),
    ("assigned", _("The question is assigned to an officer")),
    ("answered", _("The answer is recorded")),
    ("published", _("The question and its answer are published")),
    ("rejected", _("The question is rejected (with the reason)")),
    ("officer_assigned", _("E-mail the officer a question is assigned to")),
)
DEFAULT_NOTIFICATIONS = [token for token, _title in NOTIFICATIONS]
NOTIFICATIONS_VOCABULARY_NAME = "commune_portal.vocabularies.QuestionNotifications"

_CODE_PREFIX = re.compile(r"^[A-Z0-9]{1,10}(-[A-Z0-9]{1,10}){0,3}$")


class InvalidCodePrefix(schema.ValidationError):
    __doc__ = _(
        "Write the prefix in capital letters without tone marks and digits, "
        "parts joined by hyphens, for example XA-HD or PND-HD."
    )


def valid_code_prefix(value):
    """Constraint of ``question_code_prefix``: ASCII capitals and digits,
    parts joined by hyphens (the code is read out on the phone)."""
    if not _CODE_PREFIX.match(value or ""):
        raise InvalidCodePrefix(value)
    return True


@provider(IVocabularyFactory)
def notifications_vocabulary(context):
    """Vocabulary ``commune_portal.vocabularies.QuestionNotifications``:
    the e-mails about questions a site may switch on (registered by name so
    that the registry can store the setting)."""
    return SimpleVocabulary(
        [SimpleTerm(token, token, title) for token, title in NOTIFICATIONS]
    )


def setting(name, default=None):
    """``commune_portal.<name>`` of the current site; ``default`` when the
    site has no such record (a site without the add-on, or not upgraded)."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return default
    value = registry.get(f"{PREFIX}.{name}", None)
    return default if value is None else value


def code_prefix():
    return setting("question_code_prefix", DEFAULT_CODE_PREFIX)


def answer_deadline():
    return setting("question_answer_deadline", DEFAULT_ANSWER_DEADLINE)


def rate_limit():
    return setting("question_rate_limit", DEFAULT_RATE_LIMIT)


def lookup_limit():
    return setting("question_lookup_limit", DEFAULT_LOOKUP_LIMIT)


def notifies(kind):
    """Whether the e-mail ``kind`` (``NOTIFICATIONS``) is switched on."""
    return kind in setting("question_notifications", DEFAULT_NOTIFICATIONS)
