"""Vietnamese text helpers shared by the whole add-on.

Vietnamese input arrives composed (NFC) or decomposed (NFD), with the tone
mark placed the old way (``hoà``, ``Uỷ``) or the new way (``hòa``, ``Ủy``).
These helpers give one normal form for storing, one accent-free form for
matching, and ASCII slugs for stable vocabulary tokens.
"""

import re
import unicodedata


_SPACES = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def normalize(text):
    """Return ``text`` in NFC with outer spaces stripped and inner runs of
    white space folded to one space. ``None`` becomes ``""``."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text):
    """Return ``text`` without tone marks and other diacritics, ``đ`` as ``d``,
    lower case: the form in which Vietnamese words are matched.

    >>> fold("Ủy ban nhân dân") == fold("Uỷ ban nhân dân") == "uy ban nhan dan"
    True
    """
    decomposed = unicodedata.normalize("NFD", normalize(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d").replace("Đ", "D").casefold()


def slugify(text):
    """Return an ASCII token for ``text``: ``"Tư pháp - Hộ tịch"`` gives
    ``"tu-phap-ho-tich"``."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


# -- tone placement ------------------------------------------------------

# The five tone marks as combining characters (NFD).
_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_TONE_MARKS = _GRAVE + _HOOK + _TILDE + _ACUTE + _DOT
_MODIFIERS = "\u0306\u0302\u031b"  # breve (ă), circumflex (â ê ô), horn (ơ ư)
# "oa", "oe", "uy" closing a syllable carry the tone on the first vowel in
# the traditional placement (hòa, khỏe, Ủy) and on the second in the newer
# one (hoà, khoẻ, Uỷ). "qu" is a consonant: "quý" has one placement only.
_NEW_PLACEMENT = re.compile(
    rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONE_MARKS}])(?![\w{_MODIFIERS}{_TONE_MARKS}])"
)


def canonical_tones(text):
    """Return ``text`` in NFC with the tone marks in the traditional place,
    so that both spellings of a word are one: ``"Uỷ ban, hoà giải"`` gives
    ``"Ủy ban, hòa giải"``. Letters and case are kept."""
    decomposed = unicodedata.normalize("NFD", text or "")
    return unicodedata.normalize("NFC", _NEW_PLACEMENT.sub(r"\1\3\2", decomposed))


# -- Vietnamese alphabetical order ---------------------------------------

# The Vietnamese alphabet with the letters of foreign words (f j w z) where
# dictionaries put them.
ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
# No tone first, then huyền, hỏi, ngã, sắc, nặng (the dictionaries' order).
TONE_ORDER = ("", _GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)

# Sort key characters: words are separated by \x01, a word's tone follows
# its letters as \x02..\x07, digits are themselves (0x30..0x39) and letters
# start at "A" (0x41), so "ba" < "bà" < "bác" < "bạc" < "ba lô" is kept
# across words, and numbers come before letters.
_WORD_SEPARATOR = "\x01"
_LETTER_CODES = {letter: chr(0x41 + rank) for rank, letter in enumerate(ALPHABET)}
_TOKENS = re.compile(r"\d+|[^\W\d_]+")
_NUMBER_WIDTH = 12


def _word_key(word):
    if word.isdigit():
        return word.zfill(_NUMBER_WIDTH) + chr(2)
    tone = ""
    letters = []
    for char in unicodedata.normalize("NFD", word):
        if char in _TONE_MARKS:
            tone = char
        elif char in _MODIFIERS and letters:
            letters[-1] += char
        elif unicodedata.combining(char):
            continue  # other diacritics of foreign words
        else:
            letters.append(char)
    codes = []
    for letter in letters:
        letter = unicodedata.normalize("NFC", letter)
        # Letters outside the alphabet (all beyond ASCII) sort after it.
        codes.append(_LETTER_CODES.get(letter, letter))
    return "".join(codes) + chr(2 + TONE_ORDER.index(tone))


def sort_key(text):
    """Return an ASCII-comparable key that orders Vietnamese text the way
    Vietnamese dictionaries do: letter by letter in the order a ă â b c d đ
    e ê … y, then the tone (none, huyền, hỏi, ngã, sắc, nặng), word by word;
    case and the tone placement do not matter, numbers sort by value.

    >>> sorted(["Zeta", "Đông", "Dương"], key=sort_key)
    ['Dương', 'Đông', 'Zeta']
    """
    words = _TOKENS.findall(normalize(text).lower())
    return _WORD_SEPARATOR.join(_word_key(word) for word in words)
