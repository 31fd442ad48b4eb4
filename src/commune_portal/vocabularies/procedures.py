"""Fixed vocabularies of administrative procedures (CONTRACT.md tokens),
as the national public-service portal names them."""

from commune_portal import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# Decree 42/2022/NĐ-CP replaced the old "mức độ 3/4".
ONLINE_SERVICE_LEVELS = (
    ("full", _("Fully online public service")),
    ("partial", _("Partly online public service")),
    ("information_only", _("Information only")),
)

# Cách thức thực hiện.
CHANNELS = (
    ("direct", _("In person")),
    ("online", _("Online")),
    ("postal", _("By post")),
)

# Cấp thực hiện. District level was abolished on 1 July 2025; procedures
# imported from older catalogues may still name it.
IMPLEMENTATION_LEVELS = (
    ("commune", _("Commune level")),
    ("province", _("Province level")),
    ("central", _("Ministry level")),
    ("district", _("District level (until 30 June 2025)")),
    ("other", _("Other agencies")),
)


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in items])


ONLINE_SERVICE_VOCABULARY = _vocabulary(ONLINE_SERVICE_LEVELS)
CHANNEL_VOCABULARY = _vocabulary(CHANNELS)
IMPLEMENTATION_LEVEL_VOCABULARY = _vocabulary(IMPLEMENTATION_LEVELS)


@provider(IVocabularyFactory)
def online_service_levels(context):
    """Online-service levels of a procedure (``full``, ``partial``,
    ``information_only``)."""
    return ONLINE_SERVICE_VOCABULARY


@provider(IVocabularyFactory)
def channels(context):
    """Channels a procedure is filed through (``direct``, ``online``,
    ``postal``)."""
    return CHANNEL_VOCABULARY


@provider(IVocabularyFactory)
def implementation_levels(context):
    """Levels of government that carry out a procedure."""
    return IMPLEMENTATION_LEVEL_VOCABULARY
