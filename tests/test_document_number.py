"""Number and symbol (số ký hiệu) of official documents."""

from commune_portal.document_number import check_type
from commune_portal.document_number import DocumentTypeMismatch
from commune_portal.document_number import InvalidDocumentNumber
from commune_portal.document_number import normalize
from commune_portal.document_number import parse
from commune_portal.document_number import propose_type
from commune_portal.document_number import validate_number
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.schema import TextLine
from zope.schema import ValidationError
import pytest
import unicodedata


NFD = unicodedata.normalize("NFD", "Số: 15/NQ-HĐND")
assert NFD != "Số: 15/NQ-HĐND"  # "ố" decomposes, so this is really NFD

# One row per number: a table reads better than the formatter's columns.
# fmt: off
VALID = [
    # input, text, serial, year, abbreviation, document_type, issuer, unit, form
    ("4391/KH-UBND", "4391/KH-UBND", 4391, None, "KH", "ke-hoach", "UBND", None, "administrative"),
    ("749/QĐ-TTg", "749/QĐ-TTg", 749, None, "QĐ", "quyet-dinh", "TTg", None, "administrative"),
    ("15/NQ-HĐND", "15/NQ-HĐND", 15, None, "NQ", "nghi-quyet", "HĐND", None, "administrative"),
    ("05/KH-UBND", "05/KH-UBND", 5, None, "KH", "ke-hoach", "UBND", None, "administrative"),
    ("123/QĐ-UBND-VP", "123/QĐ-UBND-VP", 123, None, "QĐ", "quyet-dinh", "UBND", "VP", "administrative"),
    ("12/QyĐ-UBND", "12/QyĐ-UBND", 12, None, "QyĐ", "quy-dinh", "UBND", None, "administrative"),
    ("07/CTr-UBND", "07/CTr-UBND", 7, None, "CTr", "chuong-trinh", "UBND", None, "administrative"),
    ("08/TTr-UBND", "08/TTr-UBND", 8, None, "TTr", "to-trinh", "UBND", None, "administrative"),
    ("21/CT-UBND", "21/CT-UBND", 21, None, "CT", "chi-thi", "UBND", None, "administrative"),
    ("36/ĐA-UBND", "36/ĐA-UBND", 36, None, "ĐA", "de-an", "UBND", None, "administrative"),
    ("112/TB-UBND", "112/TB-UBND", 112, None, "TB", "thong-bao", "UBND", None, "administrative"),
    ("201/BC-UBND", "201/BC-UBND", 201, None, "BC", "bao-cao", "UBND", None, "administrative"),
    ("4391/kh-ubnd", "4391/kh-ubnd", 4391, None, "kh", "ke-hoach", "ubnd", None, "administrative"),
    ("Số: 05/KH-UBND", "05/KH-UBND", 5, None, "KH", "ke-hoach", "UBND", None, "administrative"),
    ("Số 05 / KH – UBND", "05/KH-UBND", 5, None, "KH", "ke-hoach", "UBND", None, "administrative"),
    ("số:05/KH—UBND ", "05/KH-UBND", 5, None, "KH", "ke-hoach", "UBND", None, "administrative"),
    (NFD, "15/NQ-HĐND", 15, None, "NQ", "nghi-quyet", "HĐND", None, "administrative"),
    ("81/2016/NQ-HĐND", "81/2016/NQ-HĐND", 81, 2016, "NQ", "nghi-quyet", "HĐND", None, "legal"),
    ("01/2024/NQ-HĐND", "01/2024/NQ-HĐND", 1, 2024, "NQ", "nghi-quyet", "HĐND", None, "legal"),
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP", 30, 2020, "NĐ", None, "CP", None, "legal"),
    ("25/2023/QĐ-UBND", "25/2023/QĐ-UBND", 25, 2023, "QĐ", "quyet-dinh", "UBND", None, "legal"),
    ("01/2011/TTLT-BTP-BNV", "01/2011/TTLT-BTP-BNV", 1, 2011, "TTLT", None, "BTP", "BNV", "legal"),
    ("3481/UBND-VP", "3481/UBND-VP", 3481, None, None, "cong-van", "UBND", "VP", "official_letter"),
    ("2942/UBND-VP", "2942/UBND-VP", 2942, None, None, "cong-van", "UBND", "VP", "official_letter"),
    ("3570/BTTTT-THH", "3570/BTTTT-THH", 3570, None, None, "cong-van", "BTTTT", "THH", "official_letter"),
    ("1021/UBND-KT-HT", "1021/UBND-KT-HT", 1021, None, None, "cong-van", "UBND", "KT-HT", "official_letter"),
    ("88/UBND-CT1", "88/UBND-CT1", 88, None, None, "cong-van", "UBND", "CT1", "official_letter"),
    ("11-NQ/TU", "11-NQ/TU", 11, None, "NQ", "nghi-quyet", "TU", None, "party"),
    ("1397-BC/BCSĐ", "1397-BC/BCSĐ", 1397, None, "BC", "bao-cao", "BCSĐ", None, "party"),
    ("2112-CV/HU", "2112-CV/HU", 2112, None, "CV", "cong-van", "HU", None, "party"),
    ("05-KL/ĐU", "05-KL/ĐU", 5, None, "KL", None, "ĐU", None, "party"),
    ("45-QĐ/TU-VPTU", "45-QĐ/TU-VPTU", 45, None, "QĐ", "quyet-dinh", "TU", "VPTU", "party"),
    ("05/SY-UBND", "05/SY-UBND", 5, None, "SY", None, "UBND", None, "copy"),
    ("12/TrS-UBND", "12/TrS-UBND", 12, None, "TrS", None, "UBND", None, "copy"),
    ("03/SL-VP", "03/SL-VP", 3, None, "SL", None, "VP", None, "copy"),
]
# fmt: on

INVALID = [
    "",
    "   ",
    "Số:",
    "Số",
    "abc",
    "4391",
    "4391/",
    "/KH-UBND",
    "KH-UBND/4391",
    "0/QĐ-UBND",
    "00/QĐ-UBND",
    "4391/KH-",
    "4391/KH",
    # An official letter without its drafting unit (Decree 30/2020).
    "45/UBND",
    "15/XYZ",
    "4391//KH-UBND",
    "4391/KH--UBND",
    "81/16/NQ-HĐND",
    "81/1800/NQ-HĐND",
    "81/2101/NQ-HĐND",
    "81/2016/NQ",
    "81/2016/N2-HĐND",
    "11-/TU",
    "11-NQ/",
    "1234567/QĐ-UBND",
    "4391/KH UBND",
    "4391/KH-1UBND",
    "4391/KH-UB_ND",
    "4391a/KH-UBND",
    "-5/KH-UBND",
    "٥/KH-UBND",
    "Số: Kế hoạch",
]


@pytest.mark.parametrize(
    "value,text,serial,year,abbreviation,document_type,issuer,unit,form", VALID
)
def test_parse_valid(
    value, text, serial, year, abbreviation, document_type, issuer, unit, form
):
    parsed = parse(value)
    assert parsed.text == text
    assert parsed.number == text.split("/")[0].split("-")[0]
    assert parsed.serial == serial
    assert parsed.year == year
    assert parsed.abbreviation == abbreviation
    assert parsed.document_type == document_type
    assert parsed.issuer == issuer
    assert parsed.unit == unit
    assert parsed.form == form
    assert parsed.key == parsed.key.casefold()
    assert parse(parsed.text) == parsed


@pytest.mark.parametrize("value", INVALID)
def test_parse_invalid(value):
    with pytest.raises(InvalidDocumentNumber) as info:
        parse(value)
    error = info.value
    assert isinstance(error, ValidationError)
    assert error.number == value
    message = error.doc()
    assert isinstance(message, Message)
    assert message.domain == "commune_portal"
    assert message.mapping == {"number": value}
    text = translate(message, target_language="en")
    assert f'"{value}"' in text
    for form in ("4391/KH-UBND", "01/2024/NQ-HĐND", "3481/UBND-VP", "11-NQ/TU"):
        assert form in text
    assert f'"{value}" is not a document number' in str(error)


def test_parse_none():
    with pytest.raises(InvalidDocumentNumber) as info:
        parse(None)
    assert info.value.number == ""


@pytest.mark.parametrize(
    "first,second",
    [
        ("5/QĐ-UBND", "05/qđ-ubnd"),
        ("Số 05 / KH – UBND", "05/KH-UBND"),
        ("05/KH-UBND", "5/kh-ubnd"),
        (NFD, "15/nq-hđnd"),
        ("81/2016/NQ-HĐND", "081/2016/nq-HĐND"),
        ("01-NQ/TU", "1-nq/tu"),
        ("3481/UBND-VP", "3481/ubnd-vp"),
        ("12/QyĐ-UBND", "12/QYĐ-UBND"),
    ],
)
def test_same_key(first, second):
    assert parse(first).key == parse(second).key


@pytest.mark.parametrize(
    "value,key",
    [
        ("05/KH-UBND", "5/kh-ubnd"),
        ("81/2016/NQ-HĐND", "81/2016/nq-hđnd"),
        ("05-KL/ĐU", "5-kl/đu"),
        ("045/UBND-VP", "45/ubnd-vp"),
    ],
)
def test_key(value, key):
    assert parse(value).key == key


@pytest.mark.parametrize(
    "first,second",
    [
        ("05/KH-UBND", "06/KH-UBND"),
        ("12/QyĐ-UBND", "12/QĐ-UBND"),  # quy định is not quyết định
        ("12/DA-UBND", "12/ĐA-UBND"),  # dự án is not đề án
        ("81/2016/NQ-HĐND", "81/2017/NQ-HĐND"),
        ("11-NQ/TU", "11/NQ-TU"),
    ],
)
def test_different_key(first, second):
    assert parse(first).key != parse(second).key


@pytest.mark.parametrize(
    "value,normalized",
    [
        (None, ""),
        ("", ""),
        ("  Số:  05 / KH – UBND  ", "05/KH-UBND"),
        ("SỐ: 05/KH-UBND", "05/KH-UBND"),
        ("05/KH\u2011UBND", "05/KH-UBND"),
        ("05/KH\u2010UBND", "05/KH-UBND"),
        ("05/KH\u2212UBND", "05/KH-UBND"),
        ("05/KH\u00a0-\u00a0UBND", "05/KH-UBND"),
        ("4391/KH UBND", "4391/KH UBND"),  # cleaned, not validated
        ("abc", "abc"),
    ],
)
def test_normalize(value, normalized):
    assert normalize(value) == normalized


@pytest.mark.parametrize(
    "value,document_type",
    [
        ("4391/KH-UBND", "ke-hoach"),
        ("4391/kh-ubnd", "ke-hoach"),
        ("12/QyĐ-UBND", "quy-dinh"),
        ("81/2016/NQ-HĐND", "nghi-quyet"),
        ("30/2020/NĐ-CP", "quyet-dinh"),  # NĐ is unknown to the vocabulary
        ("3481/UBND-VP", "cong-van"),
        ("3481/UBND-VP", "thu-cong"),
        ("45/UBND-VP", "cong-van"),
        ("11-NQ/TU", "ke-hoach"),  # Party numbers are not checked
        ("2112-CV/HU", "bao-cao"),
        ("05/SY-UBND", "quyet-dinh"),  # copies are not checked
        ("4391/KH-UBND", None),
        ("4391/KH-UBND", ""),
        ("3481/UBND-VP", None),
    ],
)
def test_check_type_agrees(value, document_type):
    assert check_type(parse(value), document_type) is None


@pytest.mark.parametrize(
    "value,document_type,abbreviation",
    [
        ("4391/KH-UBND", "quyet-dinh", "KH"),
        ("12/QyĐ-UBND", "quyet-dinh", "QyĐ"),
        ("12/QĐ-UBND", "quy-dinh", "QĐ"),
        ("07/CTr-UBND", "chi-thi", "CTr"),
        ("81/2016/NQ-HĐND", "quyet-dinh", "NQ"),
        ("4391/KH-UBND", "cong-van", "KH"),
        ("4391/KH-UBND", "thu-cong", "KH"),
        ("3481/UBND-VP", "ke-hoach", None),
        ("45/UBND-VP", "quyet-dinh", None),
    ],
)
def test_check_type_mismatch(value, document_type, abbreviation):
    parsed = parse(value)
    with pytest.raises(DocumentTypeMismatch) as info:
        check_type(parsed, document_type)
    error = info.value
    assert isinstance(error, ValidationError)
    assert error.number == parsed.text
    assert error.abbreviation == abbreviation
    assert error.document_type == document_type
    message = error.doc()
    assert message.domain == "commune_portal"
    assert isinstance(message.mapping["type"], Message)
    assert str(error) == translate(message, target_language="en")


def test_mismatch_message():
    with pytest.raises(DocumentTypeMismatch) as info:
        check_type(parse("4391/KH-UBND"), "quyet-dinh")
    text = translate(info.value.doc(), target_language="en")
    assert text == (
        'The number 4391/KH-UBND is of type "KH", but the document type chosen'
        " is Decision."
    )


def test_mismatch_message_official_letter():
    with pytest.raises(DocumentTypeMismatch) as info:
        check_type(parse("3481/UBND-VP"), "ke-hoach")
    text = translate(info.value.doc(), target_language="en")
    assert text == (
        "The number 3481/UBND-VP has no type abbreviation, which is the form of an"
        " official letter (công văn), but the document type chosen is Plan."
    )


def test_mismatch_message_letter_chosen():
    with pytest.raises(DocumentTypeMismatch) as info:
        check_type(parse("4391/KH-UBND"), "cong-van")
    text = translate(info.value.doc(), target_language="en")
    assert text == (
        'The number 4391/KH-UBND is of type "KH", but the document type chosen'
        " is Official letter."
    )


@pytest.mark.parametrize(
    "value,proposed",
    [
        ("4391/KH-UBND", "ke-hoach"),
        ("12/QyĐ-UBND", "quy-dinh"),
        ("81/2016/NQ-HĐND", "nghi-quyet"),
        ("30/2020/NĐ-CP", None),
        ("3481/UBND-VP", "cong-van"),
        ("11-NQ/TU", "nghi-quyet"),
        ("2112-CV/HU", "cong-van"),
        ("05-KL/ĐU", None),
        ("05/SY-UBND", None),
    ],
)
def test_propose_type(value, proposed):
    assert propose_type(parse(value)) == proposed


@pytest.mark.parametrize("value", [None, "", "  ", "4391/KH-UBND", "Số 05 / KH – UBND"])
def test_validate_number_accepts(value):
    assert validate_number(value) is True


@pytest.mark.parametrize("value", ["abc", "4391", "Số:", "0/QĐ-UBND"])
def test_validate_number_rejects(value):
    with pytest.raises(InvalidDocumentNumber):
        validate_number(value)


def test_validate_number_as_constraint():
    field = TextLine(__name__="number", constraint=validate_number, required=False)
    field.validate("4391/KH-UBND")
    field.validate(None)
    with pytest.raises(InvalidDocumentNumber) as info:
        field.validate("4391/KH UBND")
    assert info.value.field is field
    assert info.value.value == "4391/KH UBND"
