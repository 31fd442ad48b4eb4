"""Vietnamese text helpers."""

from commune_portal.text import fold
from commune_portal.text import normalize
from commune_portal.text import slugify
import pytest
import unicodedata


@pytest.mark.parametrize(
    "text,folded",
    [
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("Uỷ ban nhân dân", "uy ban nhan dan"),
        ("ỦY BAN NHÂN DÂN", "uy ban nhan dan"),
        (unicodedata.normalize("NFD", "Ủy ban nhân dân"), "uy ban nhan dan"),
        ("hòa giải", "hoa giai"),
        ("hoà giải", "hoa giai"),
        ("Đảng ủy", "dang uy"),
        ("ổn định", "on dinh"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_normalize_composes_and_folds_spaces():
    decomposed = unicodedata.normalize("NFD", "  Xã   Nghi Dương ")
    assert normalize(decomposed) == "Xã Nghi Dương"
    assert unicodedata.is_normalized("NFC", normalize(decomposed))


@pytest.mark.parametrize(
    "text,slug",
    [
        ("Tư pháp - Hộ tịch", "tu-phap-ho-tich"),
        ("Văn hóa, thể thao và du lịch", "van-hoa-the-thao-va-du-lich"),
        ("Đất đai", "dat-dai"),
        ("Văn phòng HĐND và UBND", "van-phong-hdnd-va-ubnd"),
        ("---", ""),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug
