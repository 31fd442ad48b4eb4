"""Vietnamese text helpers."""

from commune_portal.text import canonical_tones
from commune_portal.text import fold
from commune_portal.text import normalize
from commune_portal.text import slugify
from commune_portal.text import sort_key
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


@pytest.mark.parametrize(
    "text,canonical",
    [
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("Ủy ban nhân dân", "Ủy ban nhân dân"),
        ("UỶ BAN", "ỦY BAN"),
        ("hoà giải", "hòa giải"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("thuỷ lợi", "thủy lợi"),
        ("Thuý", "Thúy"),
        ("hoạ sĩ", "họa sĩ"),
        (unicodedata.normalize("NFD", "hoà"), "hòa"),
        # no other placement: left as written
        ("quý", "quý"),
        ("quỹ đất", "quỹ đất"),
        ("hoàng", "hoàng"),
        ("thuyết", "thuyết"),
        ("khoản", "khoản"),
        ("thuế", "thuế"),
        ("hoài", "hoài"),
    ],
)
def test_canonical_tones(text, canonical):
    assert canonical_tones(text) == canonical


# Each list is in Vietnamese dictionary order.
ORDERS = [
    # the alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
    ["an", "ăn", "ân", "bán", "dân", "đan", "en", "ên", "ít", "ong", "ôn", "ơn"],
    ["ung", "ưng", "vân", "xanh", "yên"],
    # letters first, then the tone: none, huyền, hỏi, ngã, sắc, nặng
    ["ba", "bà", "bả", "bã", "bá", "bạ", "bác", "bạc"],
    # word by word: all of "ba ..." before "bà ..."
    ["ba", "ba lô", "bà", "bà ba"],
    # code point order would put Đ, Ư, Ấ, Ủ after Z
    ["Ấp Bình An", "Bản Mồng", "Dương Nội", "Đông Hòa", "Ủy ban", "Ưu đãi", "Zeta"],
    # case and tone placement do not matter
    ["hoa", "Hòa An", "hoà bình", "HÒA HẢO"],
    # numbers by value
    ["Quyết định 2", "Quyết định 15", "Quyết định 120"],
    ["Kỳ họp thứ 2", "Kỳ họp thứ 10", "Kỳ họp thứ Ba"],
    # surnames of delegates
    ["Bùi", "Đặng", "Đỗ", "Hồ", "Lê", "Lý", "Ngô", "Nguyễn", "Phạm", "Trần", "Vũ"],
]


@pytest.mark.parametrize("ordered", ORDERS)
def test_sort_key_orders_vietnamese(ordered):
    shuffled = list(reversed(ordered))
    assert sorted(shuffled, key=sort_key) == ordered


def test_sort_key_equal_spellings():
    assert sort_key("Uỷ ban") == sort_key("Ủy ban") == sort_key("ỦY BAN")
    assert sort_key(unicodedata.normalize("NFD", "Đông")) == sort_key("Đông")
    assert sort_key("") == ""
