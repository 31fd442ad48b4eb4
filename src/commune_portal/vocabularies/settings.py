"""Vocabularies read from the lists of the commune settings.

The term's value is the entry as the site administrator wrote it (NFC),
so content keeps a readable value even if the list changes later; the token
is an ASCII slug of the entry, stable as long as the entry is, and safe in
URLs and REST queries.
"""

from Acquisition import aq_base
from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from commune_portal.text import normalize
from commune_portal.text import slugify
from functools import lru_cache
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def entries_vocabulary(entries):
    """Build a vocabulary from a list of entries: NFC, de-duplicated, with
    unique ASCII tokens (``ho-tich``, then ``ho-tich-2`` for a clash).

    Listings and forms ask for the same lists again and again: the
    vocabulary of a given list is built once per process (it is only read
    afterwards)."""
    return _vocabulary_of(tuple(entries or ()))


@lru_cache(maxsize=256)
def _vocabulary_of(entries):
    terms = []
    values = set()
    tokens = set()
    for entry in entries:
        value = normalize(entry)
        if not value or value in values:
            continue
        base = slugify(value) or "entry"
        token, n = base, 1
        while token in tokens:
            n += 1
            token = f"{base}-{n}"
        values.add(value)
        tokens.add(token)
        terms.append(SimpleTerm(value, token, value))
    return SimpleVocabulary(terms)


def _settings_list(name):
    """The list ``commune_portal.<name>`` of the current site's registry, or
    an empty list on a site without the add-on."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return []
    return list(registry.get(f"{REGISTRY_PREFIX}.{name}") or [])


def _current_values(context, attribute):
    """What a document being edited already holds, so that an entry the
    administrator removed from the list since can still be saved."""
    obj = getattr(context, "context", context)  # behavior adapters
    try:
        value = getattr(aq_base(obj), attribute, None)
    except TypeError:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value or () if isinstance(v, str)]


@provider(IVocabularyFactory)
def issuing_bodies(context):
    """Issuing bodies (cơ quan ban hành) set in the control panel."""
    return entries_vocabulary(
        _settings_list("issuing_bodies") + _current_values(context, "issuing_body")
    )


@provider(IVocabularyFactory)
def sectors(context):
    """Sectors (lĩnh vực) set in the control panel."""
    return entries_vocabulary(
        _settings_list("sectors") + _current_values(context, "sectors")
    )


@provider(IVocabularyFactory)
def signer_positions(context):
    """Signer positions (chức vụ người ký) set in the control panel."""
    return entries_vocabulary(
        _settings_list("signer_positions") + _current_values(context, "signer_position")
    )
