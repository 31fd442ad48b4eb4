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
