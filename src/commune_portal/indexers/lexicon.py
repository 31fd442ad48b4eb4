"""Full-text search that ignores Vietnamese tone marks, for the whole site.

Plone's ``plone_lexicon`` (used by ``SearchableText``, ``Title`` and
``Description``) strips accents only from words whose first letter is below
U+0250, so "uy ban" does not find "Ủy ban" and "Uỷ" does not find "Ủy". On
sites with the add-on, the lexicon's case normalizer is replaced by
``VietnameseNormalizer``:

- a document is indexed under the folded form of each word (no tone marks,
  ``đ`` as ``d``, lower case) in the order of the text, so that phrases
  keep working; the words whose exact form differs (lower case, NFC, tone
  in the traditional place) follow after the last folded word;
- a single query word finds its folded form and its exact form: documents
  spelled as asked get both scores and rank first (Okapi BM25 adds them);
- phrases and globs (Plone adds ``*`` to the last word of a search) are
  matched on the folded forms only.

The lexicon is a persistent object of each site's catalog: other sites of
the same Zope keep Plone's. ``use_vietnamese_lexicon`` and
``use_plone_lexicon`` switch a site's lexicon and empty the text indexes
that use it; ``reindex`` fills them again, with progress in the log.
"""

from commune_portal.text import canonical_tones
from commune_portal.text import fold
from Products.ZCatalog.ProgressHandler import ZLogHandler
from Products.ZCTextIndex.PipelineFactory import element_factory
import contextlib
import functools
import logging


logger = logging.getLogger(__name__)

LEXICON_ID = "plone_lexicon"
GROUP = "Case Normalizer"
NAME = "Vietnamese Accent Folding Normalizer"
PLONE_PIPELINE = (
    ("Word Splitter", "Unicode Whitespace splitter"),
    ("Case Normalizer", "Unicode Ignoring Accents Case Normalizer"),
)
VIETNAMESE_PIPELINE = (
    ("Word Splitter", "Unicode Whitespace splitter"),
    (GROUP, NAME),
)
PROGRESS_EVERY = 1000
# Words whose forms are remembered (``_forms``): some 100 bytes each.
WORD_CACHE_SIZE = 50_000


def _text(word):
    # Plone's splitter hands words over as UTF-8 bytes.
    return word.decode("utf-8") if isinstance(word, bytes) else word


def exact_form(word):
    """The form under which a word is matched exactly: lower case, NFC,
    tone mark in the traditional place (``Uỷ`` -> ``ủy``)."""
    return canonical_tones(_text(word)).lower()


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _forms(word):
    """``(exact form, folded form)`` of a word as the splitter gives it.
    Texts repeat their words (Vietnamese has a few thousand syllables), and
    both forms depend on the word alone: each is computed once per process
    and word, not once per occurrence (a third of the lexicon's time when
    procedures are imported, bench/procedures.py)."""
    exact = exact_form(word)
    return exact, fold(exact)


def _is_glob(word):
    return "*" in word or "?" in word


class VietnameseNormalizer:
    """Lexicon pipeline element, after Plone's word splitter."""

    def process(self, words):
        """Indexing: the folded words in order, then the exact forms that
        differ from their folded form."""
        folded, exact = [], []
        for word in words:
            word, plain = _forms(word)
            folded.append(plain)
            if word != plain:
                exact.append(word)
        return folded + exact

    def processGlob(self, words):
        """Query parsing: one word per word, so that the parser keeps single
        words apart from phrases; globs are folded (they are matched against
        the lexicon's words by prefix)."""
        return [
            fold(_text(word)) if _is_glob(_text(word)) else exact_form(word)
            for word in words
        ]

    def process_post_glob(self, words):
        """Query words to word ids: a single word is looked up folded and as
        written; the words of a phrase are looked up folded, in order."""
        if len(words) == 1:
            word = exact_form(words[0])
            plain = fold(word)
            return [plain] if plain == word else [plain, word]
        return [fold(_text(word)) for word in words]


# ValueError: already registered (module reloaded).
with contextlib.suppress(ValueError):
    element_factory.registerFactory(GROUP, NAME, VietnameseNormalizer)


def pipeline_names(lexicon):
    """The lexicon's pipeline as (group, name) pairs."""
    names = []
    for element in lexicon._pipeline:
        for group in element_factory.getFactoryGroups():
            for name in element_factory.getFactoryNames(group):
                if element_factory._groups[group][name] is element.__class__:
                    names.append((group, name))
    return tuple(names)


def uses_vietnamese_lexicon(catalog):
    return pipeline_names(catalog[LEXICON_ID]) == VIETNAMESE_PIPELINE


def use_vietnamese_lexicon(catalog):
    """Give the site's lexicon the Vietnamese normalizer. Returns the ids of
    the text indexes emptied, to reindex; none if it was in place."""
    return _switch(catalog, VIETNAMESE_PIPELINE)


def use_plone_lexicon(catalog):
    """Give the site's lexicon Plone's own pipeline back. Returns the ids of
    the text indexes emptied, to reindex."""
    return _switch(catalog, PLONE_PIPELINE)


def _switch(catalog, pipeline):
    lexicon = catalog[LEXICON_ID]
    if pipeline_names(lexicon) == pipeline:
        return []
    logger.info("Lexicon of %s: %s", catalog.absolute_url(1), pipeline[-1][1])
    lexicon._pipeline = tuple(element_factory.instantiate(*pair) for pair in pipeline)
    # Words of the former pipeline would stay in the lexicon forever.
    lexicon.clear()
    indexes = text_indexes(catalog)
    for index in indexes:
        index.clear()  # a new index on the (same, emptied) lexicon
    return [index.getId() for index in indexes]


def text_indexes(catalog):
    """The ZCTextIndexes of the catalog that use the site's lexicon."""
    indexes = [catalog._catalog.getIndex(name) for name in catalog.indexes()]
    return [
        index
        for index in indexes
        if index.meta_type == "ZCTextIndex"
        and getattr(index, "lexicon_id", None) == LEXICON_ID
    ]


def reindex(catalog, index_ids):
    """Reindex ``index_ids`` for every catalogued object (metadata is left
    alone), with ZCatalog's progress in the log every 1,000 items."""
    if not index_ids:
        return
    logger.info("Reindexing %s for %d items", ", ".join(index_ids), len(catalog))
    catalog.reindexIndex(
        list(index_ids), catalog.REQUEST, pghandler=ZLogHandler(PROGRESS_EVERY)
    )
    logger.info("Text indexes reindexed (%d items)", len(catalog))
