"""Invariants of the demo documents (``setuphandlers/demo_documents.py``).

Plain data checks, no Plone site: the demo content must stay realistic and
cover what the portal's tests rely on (every legal status, every relation).
"""

from collections import Counter
from commune_portal.controlpanels.settings import DEFAULT_SECTORS
from commune_portal.controlpanels.settings import DEFAULT_SIGNER_POSITIONS
from commune_portal.setuphandlers.demo_documents import DOCUMENTS
from commune_portal.setuphandlers.demo_documents import minimal_pdf
from commune_portal.vocabularies.document_types import ABBREVIATION_BY_TYPE
from commune_portal.vocabularies.document_types import DOCUMENT_TYPES
from datetime import date
from pathlib import Path
from xml.etree import ElementTree
import commune_portal
import pytest
import re
import unicodedata


TODAY = date(2026, 11, 23)
FIRST_DAY = date(2024, 1, 1)
LAST_DAY = date(2026, 11, 20)

RELATIONS = ("based_on", "amends", "replaces", "repeals", "corrects", "guides")
ENDING = ("replaces", "repeals")
FIELDS = {
    "id",
    "title",
    "description",
    "document_number",
    "document_type",
    "issuing_body",
    "signer",
    "signer_position",
    "signing_authority",
    "issue_date",
    "effective_date",
    "expiry_date",
    "sectors",
    "is_legal_normative",
    "confidentiality",
    "urgency",
    *RELATIONS,
    "published",
    "body",
}
OUTSIDE_BODIES = {"Ủy ban nhân dân thành phố Hải Phòng", "Thủ tướng Chính phủ"}
TYPE_TOKENS = {token for token, _abbreviation, _title in DOCUMENT_TYPES}
AUTHORITIES = {"", "TM.", "KT.", "Q.", "TL.", "TUQ."}
URGENCIES = {"normal", "urgent", "very_urgent", "immediate"}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# <number>[/<year>]/<rest>, numbers below 10 with a leading zero.
NUMBER = re.compile(
    r"^(?P<serial>0[1-9]|[1-9][0-9]+)(?:/(?P<year>[0-9]{4}))?/(?P<rest>\S+)$"
)
BY_ID = {document["id"]: document for document in DOCUMENTS}


def _date(value):
    return None if value is None else date.fromisoformat(value)


def _demo_issuing_bodies():
    registry = (
        Path(commune_portal.__file__).parent / "profiles" / "demo" / "registry.xml"
    )
    root = ElementTree.parse(registry).getroot()
    for record in root.iter("record"):
        if record.get("name") == "commune_portal.issuing_bodies":
            return {element.text for element in record.iter("element")}
    raise AssertionError("the demo registry names no issuing bodies")


def _ended_on(document):
    """The earliest day a published later document replacing or repealing
    ``document`` takes effect, or ``None``."""
    days = [
        _date(later["effective_date"] or later["issue_date"])
        for later in DOCUMENTS
        if later["published"]
        and any(document["id"] in later[relation] for relation in ENDING)
    ]
    return min(days, default=None)


def _status(document, on=TODAY):
    start = _date(document["effective_date"] or document["issue_date"])
    ends = [d for d in (_date(document["expiry_date"]), _ended_on(document)) if d]
    if ends and min(ends) <= on:
        return "expired"
    if start > on:
        return "pending"
    return "in_force"


def _targets(relation):
    return {target for document in DOCUMENTS for target in document[relation]}


def _register(document):
    """The register a number is taken from: the Chủ tịch signs in the
    body's register; legal numbers have their own sequence."""
    body = document["issuing_body"]
    for prefix in ("Chủ tịch ", "Thường trực "):
        if body.startswith(prefix):
            body = body[len(prefix) :]
            body = body[0].upper() + body[1:]
    year = _date(document["issue_date"]).year
    return body, year, document["is_legal_normative"]


def test_enough_documents():
    assert len(DOCUMENTS) >= 30


def test_every_document_has_exactly_the_fields():
    for document in DOCUMENTS:
        assert set(document) == FIELDS, document["id"]


def test_ids_are_unique_ascii_slugs():
    ids = [document["id"] for document in DOCUMENTS]
    assert len(ids) == len(set(ids))
    assert all(SLUG.match(id_) for id_ in ids)


def test_text_is_nfc_and_clean():
    for document in DOCUMENTS:
        texts = [v for v in document.values() if isinstance(v, str)]
        texts += document["sectors"]
        for text in texts:
            assert unicodedata.is_normalized("NFC", text), (document["id"], text)
            assert text == text.strip(), (document["id"], text)
        assert document["title"], document["id"]
        assert 2 <= document["body"].count(". ") + 1 <= 4, document["id"]


def test_vocabulary_values():
    bodies = _demo_issuing_bodies() | OUTSIDE_BODIES
    for document in DOCUMENTS:
        assert document["document_type"] in TYPE_TOKENS, document["id"]
        assert document["issuing_body"] in bodies, document["id"]
        assert document["signer_position"] in DEFAULT_SIGNER_POSITIONS, document["id"]
        assert document["signing_authority"] in AUTHORITIES, document["id"]
        assert 1 <= len(document["sectors"]) <= 3, document["id"]
        assert len(set(document["sectors"])) == len(document["sectors"])
        assert set(document["sectors"]) <= set(DEFAULT_SECTORS), document["id"]
        assert document["confidentiality"] == "normal", document["id"]
        assert document["urgency"] in URGENCIES, document["id"]
        assert isinstance(document["is_legal_normative"], bool)
        assert isinstance(document["published"], bool)


def test_signing_authority_agrees_with_signer():
    for document in DOCUMENTS:
        authority = document["signing_authority"]
        position = document["signer_position"]
        if authority == "KT.":
            assert position.startswith("Phó "), document["id"]
        if authority == "TL.":
            assert position.startswith("Chánh Văn phòng"), document["id"]
        if document["issuing_body"].startswith("Chủ tịch "):
            # The chair decides in person: never "on behalf of" the body.
            assert authority in ("", "KT."), document["id"]


def test_official_letters_start_with_v_v():
    for document in DOCUMENTS:
        is_letter = document["document_type"] == "cong-van"
        assert document["title"].startswith("V/v ") == is_letter, document["id"]


def test_dates():
    for document in DOCUMENTS:
        issued = _date(document["issue_date"])
        effective = _date(document["effective_date"])
        expiry = _date(document["expiry_date"])
        assert FIRST_DAY <= issued <= LAST_DAY, document["id"]
        assert issued.weekday() < 5, document["id"]
        if effective:
            assert effective >= issued, document["id"]
        if expiry:
            assert expiry > (effective or issued), document["id"]


def test_numbers_are_written_in_the_communes_style():
    for document in DOCUMENTS:
        match = NUMBER.match(document["document_number"])
        assert match, document["id"]
        year = _date(document["issue_date"]).year
        assert bool(match["year"]) == document["is_legal_normative"], document["id"]
        if match["year"]:
            assert int(match["year"]) == year, document["id"]
        abbreviation = ABBREVIATION_BY_TYPE[document["document_type"]]
        if abbreviation:
            assert match["rest"].startswith(abbreviation + "-"), document["id"]
        else:
            assert match["rest"].split("-")[0] == "UBND", document["id"]


def _key(document):
    """Comparison form of the number (DOMAIN.md): no leading zero, case folded."""
    number = unicodedata.normalize("NFC", document["document_number"])
    serial, rest = number.split("/", 1)
    return f"{int(serial)}/{rest}".casefold()


def test_number_issuer_and_year_are_unique():
    keys = Counter(
        (_key(d), d["issuing_body"], _date(d["issue_date"]).year) for d in DOCUMENTS
    )
    assert [key for key, count in keys.items() if count > 1] == []


def test_numbers_increase_with_the_date_in_each_register():
    registers = {}
    for document in DOCUMENTS:
        serial = int(document["document_number"].split("/")[0])
        registers.setdefault(_register(document), []).append(
            (document["issue_date"], serial, document["id"])
        )
    for register, entries in registers.items():
        entries.sort()
        serials = [serial for _day, serial, _id in entries]
        assert serials == sorted(set(serials)), (register, entries)


def test_numbers_parse_and_agree_with_the_type():
    document_number = pytest.importorskip("commune_portal.document_number")
    keys = set()
    for document in DOCUMENTS:
        parsed = document_number.parse(document["document_number"])
        document_number.check_type(parsed, document["document_type"])
        assert parsed.document_type == document["document_type"], document["id"]
        assert parsed.key == _key(document), document["id"]
        keys.add((parsed.key, document["issuing_body"], document["issue_date"][:4]))
    assert len(keys) == len(DOCUMENTS)


def test_relations_point_to_earlier_documents():
    for document in DOCUMENTS:
        issued = _date(document["issue_date"])
        for relation in RELATIONS:
            targets = document[relation]
            assert len(targets) == len(set(targets)), (document["id"], relation)
            for target in targets:
                assert target in BY_ID, (document["id"], relation, target)
                assert target != document["id"]
                assert _date(BY_ID[target]["issue_date"]) <= issued, (
                    document["id"],
                    relation,
                    target,
                )
                if relation != "based_on":
                    # Amending, replacing ... needs a later act.
                    assert _date(BY_ID[target]["issue_date"]) < issued


def test_published_documents_rely_only_on_published_ones():
    for document in DOCUMENTS:
        if document["published"]:
            for relation in RELATIONS:
                for target in document[relation]:
                    assert BY_ID[target]["published"], (document["id"], target)


def test_no_document_is_both_amended_and_ended_or_replaced_twice():
    ended = Counter(t for d in DOCUMENTS for r in ENDING for t in d[r])
    assert max(ended.values()) == 1
    assert not _targets("amends") & set(ended)


def test_legal_status_coverage():
    statuses = {document["id"]: _status(document) for document in DOCUMENTS}
    pending = [i for i, status in statuses.items() if status == "pending"]
    assert len(pending) >= 3
    replaced = _targets("replaces")
    repealed = _targets("repeals")
    assert len(replaced) >= 3
    assert len(repealed) >= 1
    assert all(statuses[i] == "expired" for i in replaced | repealed)
    past_expiry = [
        d["id"]
        for d in DOCUMENTS
        if d["expiry_date"] and _date(d["expiry_date"]) <= TODAY
    ]
    assert any(_date(BY_ID[i]["expiry_date"]).year == 2025 for i in past_expiry)
    amended = _targets("amends")
    assert len(amended) >= 2
    assert all(statuses[i] == "in_force" for i in amended)
    assert _targets("corrects")
    assert _targets("guides")
    assert len([d for d in DOCUMENTS if d["based_on"]]) >= 3
    # Documents not yet in force end nothing: their targets stay in force.
    for document in DOCUMENTS:
        if statuses[document["id"]] == "pending":
            assert not any(document[relation] for relation in ENDING)


def test_legal_status_module_agrees():
    legal_status = pytest.importorskip("commune_portal.legal_status")
    for document in DOCUMENTS:
        mode, start, end = legal_status.window(
            _date(document["issue_date"]),
            _date(document["effective_date"]),
            _date(document["expiry_date"]),
            ended_on=_ended_on(document),
        )
        status = legal_status.status_on(mode, start, end, on=TODAY)
        assert status == _status(document), document["id"]


def test_drafts_urgency_and_kinds():
    assert len([d for d in DOCUMENTS if not d["published"]]) == 2
    assert 1 <= len([d for d in DOCUMENTS if d["urgency"] == "urgent"]) <= 2
    assert all(d["urgency"] in ("normal", "urgent") for d in DOCUMENTS)
    normative = [d for d in DOCUMENTS if d["is_legal_normative"]]
    assert len(normative) >= 2
    assert all(d["document_type"] == "nghi-quyet" for d in normative)
    types = Counter(d["document_type"] for d in DOCUMENTS)
    for token in (
        "ke-hoach",
        "quyet-dinh",
        "cong-van",
        "thong-bao",
        "bao-cao",
        "chuong-trinh",
        "chi-thi",
        "to-trinh",
        "huong-dan",
        "nghi-quyet",
    ):
        assert types[token], token
    assert any(d["issuing_body"] in OUTSIDE_BODIES for d in DOCUMENTS)


def test_minimal_pdf_is_well_formed():
    pdf = minimal_pdf(
        [
            "UY BAN NHAN DAN XA NGHI DUONG",
            "So: 15/KH-UBND (ke hoach) \\ thu",
            "Kế hoạch chuyển đổi số xã Nghi Dương năm 2026 " * 4,
        ]
    )
    assert pdf.startswith(b"%PDF-1.4\n")
    assert pdf.rstrip().endswith(b"%%EOF")
    pdf.decode("ascii")
    startxref = int(pdf.rsplit(b"startxref", 1)[1].split()[0])
    assert pdf[startxref:].startswith(b"xref\n")
    header, *entries = pdf[startxref:].split(b"trailer")[0].splitlines()[1:]
    first, count = map(int, header.split())
    assert (first, count) == (0, len(entries))
    assert entries[0] == b"0000000000 65535 f "
    for number, entry in enumerate(entries[1:], start=1):
        assert len(entry) == 19  # 20 bytes with the newline
        offset = int(entry[:10])
        assert pdf[offset:].startswith(b"%d 0 obj" % number)
    assert b"/Size %d" % count in pdf
    length = int(re.search(rb"/Length (\d+)", pdf)[1])
    stream = pdf.split(b"stream\n", 1)[1]
    assert stream[length:].startswith(b"\nendstream")
    # Vietnamese is shown without tone marks, case kept; parentheses escaped.
    assert b"(Ke hoach chuyen doi so xa Nghi Duong" in pdf
    assert b"\\(ke hoach\\) \\\\ thu" in pdf


def test_minimal_pdf_of_every_document():
    for document in DOCUMENTS:
        pdf = minimal_pdf(
            [
                document["issuing_body"],
                f"So: {document['document_number']}",
                document["title"],
                "",
                document["body"],
            ]
        )
        assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
