"""Dates and ordinals as Vietnamese documents write them (DOMAIN.md)."""

from DateTime import DateTime
from plone import api
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
import contextlib


def format_date(value):
    """``date(2026, 1, 5)`` -> ``"05/01/2026"``; ``None`` -> ``""``."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def format_date_long(value):
    """The formal line of a document: ``"ngày 05 tháng 01 năm 2026"``;
    ``None`` -> ``""``.

    This is the wording printed on the document itself, so it is the same
    whatever the reader's language.
    """
    if value is None:
        return ""
    return f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"


def format_datetime(value):
    """A moment (``DateTime`` or ISO 8601) as ``05/01/2026 14:30`` in the
    site's time zone; ``""`` when there is none."""
    if not value:
        return ""
    moment = (value if isinstance(value, DateTime) else DateTime(value)).asdatetime()
    zone = api.portal.get_registry_record("plone.portal_timezone", default=None)
    if zone:
        # A zone Python does not know: keep the stored offset.
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            moment = moment.astimezone(ZoneInfo(zone))
    return moment.strftime("%d/%m/%Y %H:%M")


_UNITS = ("", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Ordinals that differ from the cardinal: "thứ nhất", "thứ tư".
_ORDINAL_WORDS = {1: "nhất", 4: "tư"}


def number_words(number):
    """``1``..``99`` in words as read aloud: ``21`` -> ``"hai mươi mốt"``,
    ``15`` -> ``"mười lăm"``, ``24`` -> ``"hai mươi tư"``."""
    tens, unit = divmod(number, 10)
    if not tens:
        return _UNITS[unit]
    head = "mười" if tens == 1 else f"{_UNITS[tens]} mươi"
    if not unit:
        return head
    if unit == 5:
        tail = "lăm"
    elif unit == 1 and tens > 1:
        tail = "mốt"
    elif unit == 4 and tens > 1:
        tail = "tư"
    else:
        tail = _UNITS[unit]
    return f"{head} {tail}"


def format_ordinal(number):
    """The ordinal of a session, a term or a plenary as official documents
    write it: ``4`` -> ``"thứ Tư"``, ``1`` -> ``"thứ Nhất"``, ``12`` ->
    ``"thứ Mười hai"``; from 100 in figures: ``"thứ 100"``.

    Like the formal date, it is the wording of the documents, the same in
    every interface language: "Kỳ họp thứ Tư".
    """
    if not isinstance(number, int) or number < 1:
        raise ValueError(f"an ordinal needs a positive whole number, not {number!r}")
    if number >= 100:
        return f"thứ {number}"
    words = _ORDINAL_WORDS.get(number) or number_words(number)
    return f"thứ {words[:1].upper()}{words[1:]}"


def format_number(number, language="vi"):
    """A count with the thousands separator of the reader's language:
    ``12345`` -> ``"12.345"`` in Vietnamese, ``"12,345"`` in English."""
    separator = "." if (language or "vi").startswith("vi") else ","
    return f"{number:,}".replace(",", separator)
