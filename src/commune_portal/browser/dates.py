"""Dates and ordinals as Vietnamese documents write them (DOMAIN.md), and
the dates of lists and tables in Plone's localized formats: the one home of
date formatting for the add-on's views."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone import api
from plone.base.i18nl10n import ulocalized_time
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.globalrequest import getRequest
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


def _site_zone_moment(value):
    """``value`` (``DateTime``, ``datetime`` or ISO 8601) as a ``DateTime``
    holding the wall clock time of the site's time zone."""
    if isinstance(value, DateTime):
        moment = value.asdatetime()
    elif isinstance(value, datetime):
        moment = value
    else:
        moment = DateTime(value).asdatetime()
    zone = api.portal.get_registry_record("plone.portal_timezone", default=None)
    if zone and moment.tzinfo is not None:
        # A zone Python does not know: keep the stored offset.
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            moment = moment.astimezone(ZoneInfo(zone))
    # DateTime.strftime (which Plone's formatting uses) writes the time in
    # the server's zone: give it the wall clock time of the site's zone.
    return DateTime(
        moment.year, moment.month, moment.day, moment.hour, moment.minute, 0
    )


def site_day(value):
    """The day (``date``) of a moment (``DateTime``, ``datetime`` or ISO
    8601) in the site's time zone: a session starting at 00:30 in Hanoi is
    on that day, not on the day before in UTC. ``None`` for no moment."""
    if not value:
        return None
    moment = _site_zone_moment(value)
    return date(moment.year(), moment.month(), moment.day())


def localized_date(value, request=None):
    """A day in lists and tables, in Plone's short date format of the
    reader's language (``05/01/2026`` in Vietnamese, ``Jan 05, 2026`` in
    English; the site's own format when set in Plone's date and time
    settings); ``""`` for ``None``.

    Official documents print their dates as ``format_date`` does, whatever
    the reader's language."""
    if value is None:
        return ""
    request = request if request is not None else getRequest()
    day = DateTime(value.year, value.month, value.day)
    return ulocalized_time(day, False, context=api.portal.get(), request=request)


def format_datetime(value, request=None):
    """A moment (``DateTime``, ``datetime`` or ISO 8601) in the site's time
    zone, in Plone's long date format of the reader's language
    (``05/01/2026 14:30`` in Vietnamese); ``""`` when there is none."""
    if not value:
        return ""
    request = request if request is not None else getRequest()
    return ulocalized_time(
        _site_zone_moment(value), True, context=api.portal.get(), request=request
    )


def format_time(value, request=None):
    """The time of day of a moment in the site's time zone, in Plone's time
    format of the reader's language (``14:30``); ``""`` when there is
    none."""
    if not value:
        return ""
    request = request if request is not None else getRequest()
    return ulocalized_time(
        _site_zone_moment(value),
        time_only=True,
        context=api.portal.get(),
        request=request,
    )


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
