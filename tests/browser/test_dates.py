"""Dates as Vietnamese documents write them."""

from commune_portal.browser.dates import format_date
from commune_portal.browser.dates import format_date_long
from commune_portal.browser.dates import format_number
from commune_portal.browser.dates import format_ordinal
from datetime import date
from datetime import datetime
import pytest


@pytest.mark.parametrize(
    "value,expected",
    [
        (date(2026, 1, 5), "05/01/2026"),
        (date(2025, 12, 31), "31/12/2025"),
        (datetime(2026, 3, 1, 8, 30), "01/03/2026"),
        (None, ""),
    ],
)
def test_format_date(value, expected):
    assert format_date(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (date(2025, 11, 20), "ngày 20 tháng 11 năm 2025"),
        (None, ""),
    ],
)
def test_format_date_long(value, expected):
    assert format_date_long(value) == expected


@pytest.mark.parametrize(
    "number,expected",
    [
        (1, "thứ Nhất"),
        (2, "thứ Hai"),
        (3, "thứ Ba"),
        (4, "thứ Tư"),
        (5, "thứ Năm"),
        (7, "thứ Bảy"),
        (10, "thứ Mười"),
        (11, "thứ Mười một"),
        (14, "thứ Mười bốn"),
        (15, "thứ Mười lăm"),
        (20, "thứ Hai mươi"),
        (21, "thứ Hai mươi mốt"),
        (24, "thứ Hai mươi tư"),
        (25, "thứ Hai mươi lăm"),
        (99, "thứ Chín mươi chín"),
        (100, "thứ 100"),
    ],
)
def test_format_ordinal(number, expected):
    assert format_ordinal(number) == expected


def test_session_title():
    assert f"Kỳ họp {format_ordinal(4)}" == "Kỳ họp thứ Tư"


@pytest.mark.parametrize("number", [0, -1, 2.5, "4", None])
def test_format_ordinal_refuses(number):
    with pytest.raises(ValueError):
        format_ordinal(number)


@pytest.mark.parametrize(
    "number,language,expected",
    [
        (7, "vi", "7"),
        (1234, "vi", "1.234"),
        (100000, "vi", "100.000"),
        (1234, "en", "1,234"),
        (1234, None, "1.234"),
    ],
)
def test_format_number(number, language, expected):
    assert format_number(number, language) == expected
