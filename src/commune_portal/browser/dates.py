"""Dates as Vietnamese documents write them (DOMAIN.md)."""


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
