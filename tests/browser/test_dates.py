"""Dates as Vietnamese documents write them."""

from commune_portal.browser.dates import format_date
from commune_portal.browser.dates import format_date_long
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
