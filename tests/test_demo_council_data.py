"""Invariants of the demo council's data (``setuphandlers/demo_council_data.py``).

Plain data checks, no Plone site: the council's records must stay
realistic and agree with the demo documents (same registers of numbers,
same people in the same offices).
"""

from collections import Counter
from commune_portal.controlpanels.settings import DEFAULT_SECTORS
from commune_portal.controlpanels.settings import DEFAULT_SIGNER_POSITIONS
from commune_portal.document_number import check_type
from commune_portal.document_number import parse
from commune_portal.setuphandlers import demo_council_data as data
from commune_portal.setuphandlers.demo_documents import DOCUMENTS
from commune_portal.text import slugify
from commune_portal.vocabularies.council import COUNCIL_BODIES
from commune_portal.vocabularies.council import MATERIAL_KINDS
from commune_portal.voting.result import passes
from datetime import date
from datetime import datetime
from pathlib import Path
from tests.test_demo_documents_data import _demo_issuing_bodies
from tests.test_demo_documents_data import _register
from xml.etree import ElementTree
import commune_portal
import unicodedata


DEMO_DAY = date(2026, 12, 3)
COMMITTEES = {token for token, _title in COUNCIL_BODIES}
KINDS = {token for token, _title in MATERIAL_KINDS}
SESSION_ITEMS = [
    (session, item)
    for session in data.SESSIONS
    for item in (*session["materials"], *session["resolutions"])
]


def _day(value):
    return date.fromisoformat(value) if value else None


def _demo_signer_positions():
    registry = (
        Path(commune_portal.__file__).parent / "profiles" / "demo" / "registry.xml"
    )
    root = ElementTree.parse(registry).getroot()
    added = {
        element.text
        for record in root.iter("record")
        if record.get("name") == "commune_portal.signer_positions"
        for element in record.iter("element")
    }
    return set(DEFAULT_SIGNER_POSITIONS) | added


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


def test_text_is_nfc_and_clean():
    everything = (
        data.TERM,
        data.DELEGATES,
        data.SESSIONS,
        data.PETITIONS,
        data.SECRETARY,
    )
    for text in _texts(everything):
        assert unicodedata.is_normalized("NFC", text), text
        assert text == text.strip(), text
        assert "  " not in text, text


def test_the_term():
    assert data.TERM["khoa"] == "II"
    assert (data.TERM["start_year"], data.TERM["end_year"]) == (2026, 2031)
    assert data.TERM["seats"] == len(data.DELEGATES) == 25


def test_the_delegates():
    ids = [d["id"] for d in data.DELEGATES]
    assert ids == [slugify(d["title"]) for d in data.DELEGATES]
    assert len(set(ids)) == len(ids)
    emails = [d["email"] for d in data.DELEGATES]
    assert len(set(emails)) == len(emails)
    assert all(e.endswith("@" + data.EMAIL_DOMAIN) for e in emails)
    for delegate in data.DELEGATES:
        assert delegate["committee"] in COMMITTEES | {None}, delegate["id"]
        unit = delegate["constituency"].removeprefix("Đơn vị bầu cử số ")
        assert delegate["delegate_group"] == f"Tổ đại biểu số {unit}"
    units = Counter(d["constituency"] for d in data.DELEGATES)
    assert units == {f"Đơn vị bầu cử số {n}": 5 for n in range(1, 6)}
    positions = Counter(d["position"] for d in data.DELEGATES)
    for office in (
        "Chủ tịch HĐND xã",
        "Phó Chủ tịch HĐND xã",
        "Trưởng Ban Kinh tế - Ngân sách HĐND xã",
        "Trưởng Ban Văn hóa - Xã hội HĐND xã",
    ):
        assert positions[office] == 1, office
    # The committee follows the position.
    for delegate in data.DELEGATES:
        position, committee = delegate["position"], delegate["committee"]
        if "Kinh tế - Ngân sách" in position:
            assert committee == "economy_budget", delegate["id"]
        elif "Văn hóa - Xã hội" in position:
            assert committee == "culture_society", delegate["id"]
        elif "Chủ tịch HĐND" in position:
            assert committee == "standing", delegate["id"]
        else:
            assert (position, committee) == ("Đại biểu HĐND xã", None)


def test_the_same_people_as_in_the_demo_documents():
    by_name = {d["title"]: d for d in data.DELEGATES}
    signed = {(doc["signer"], doc["signer_position"]) for doc in DOCUMENTS}
    # The council's chair and vice chair of 2026 sign the documents'
    # resolutions; the UBND's chair and vice chairs are delegates.
    assert ("Hoàng Văn Khải", "Chủ tịch Hội đồng nhân dân") in signed
    assert by_name["Hoàng Văn Khải"]["position"] == "Chủ tịch HĐND xã"
    assert ("Nguyễn Thị Mai", "Phó Chủ tịch Hội đồng nhân dân") in signed
    assert by_name["Nguyễn Thị Mai"]["position"] == "Phó Chủ tịch HĐND xã"
    for name in ("Nguyễn Văn An", "Trần Thị Thu Hà", "Phạm Đức Thắng"):
        assert name in by_name, name


def test_private_data_on_some_and_never_in_public_text():
    phones = [d["private_phone"] for d in data.DELEGATES if d["private_phone"]]
    assert 5 <= len(phones) < len(data.DELEGATES)
    petitioners = [p for p in data.PETITIONS if p["petitioner_name"]]
    assert 3 <= len(petitioners) < len(data.PETITIONS)
    private = set(phones)
    private |= {d["private_address"] for d in data.DELEGATES if d["private_address"]}
    for petition in petitioners:
        private |= {petition["petitioner_name"], petition["petitioner_phone"]}
    private.discard(None)
    public = " ".join(
        _texts(
            [
                {k: v for k, v in d.items() if not k.startswith("private_")}
                for d in data.DELEGATES
            ]
            + [
                {k: v for k, v in p.items() if not k.startswith("petitioner_")}
                for p in data.PETITIONS
            ]
            + list(data.SESSIONS)
        )
    )
    for value in private:
        if value.startswith("Thôn"):
            continue  # an address is a village's name, also in public text
        assert value not in public, value


def test_the_demo_accounts():
    assert data.SECRETARY["user_id"] == "thuky"
    linked = {d["user_id"]: d["title"] for d in data.DELEGATES if d["user_id"]}
    assert linked == {"hoant": "Nguyễn Thị Hoa", "tuantq": "Trần Quốc Tuấn"}
    assert [u["user_id"] for u in data.DELEGATE_USERS] == ["hoant", "tuantq"]
    states = {d["id"]: d["state"] for d in data.DELEGATES}
    assert {d["state"] for d in data.DELEGATES if d["user_id"]} == {"published"}
    assert Counter(states.values()) == {"published": 24, "private": 1}


def test_materials_and_resolutions_are_real_papers():
    bodies = _demo_issuing_bodies()
    positions = _demo_signer_positions()
    for session, item in SESSION_ITEMS:
        assert item["issuing_body"] in bodies, item["id"]
        assert item.get("material_kind", "resolution") in KINDS | {"resolution"}
        assert set(item["sectors"]) <= set(DEFAULT_SECTORS), item["id"]
        assert 1 <= len(item["sectors"]) <= 3, item["id"]
        if item.get("material_kind") == "draft_resolution":
            # A draft has no number, no signature, no date of its own.
            assert not item["document_number"] and not item["signer"], item["id"]
            assert item["issue_date"] is None
            continue
        assert item["signer_position"] in positions, item["id"]
        if item["signing_authority"] == "KT.":
            assert item["signer_position"].startswith("Phó "), item["id"]
        parsed = parse(item["document_number"])
        check_type(parsed, item["document_type"])
        assert parsed.document_type == item["document_type"], item["id"]
        issued = _day(item["issue_date"])
        assert issued.weekday() < 5, item["id"]
        start = datetime.fromisoformat(session["start"]).date()
        end = datetime.fromisoformat(session["end"]).date()
        if "vote" in item:
            assert issued == end, item["id"]
        else:
            assert issued <= start, item["id"]
            # Sent to the delegates once issued, before the session.
            assert issued <= _day(session["circulated"]) < start, item["id"]


def test_numbers_continue_the_registers_of_the_demo_documents():
    """One number per issuer and year; in each register (the Thường trực
    HĐND numbers in the council's) they grow with the date, across the demo
    documents and the council's papers."""
    papers = list(DOCUMENTS) + [
        {**item, "is_legal_normative": False}
        for _session, item in SESSION_ITEMS
        if item["document_number"]
    ]
    keys = Counter(
        (parse(p["document_number"]).key, p["issuing_body"], p["issue_date"][:4])
        for p in papers
    )
    assert [key for key, count in keys.items() if count > 1] == []
    registers = {}
    for paper in papers:
        serial = int(paper["document_number"].split("/")[0])
        registers.setdefault(_register(paper), []).append(
            (paper["issue_date"], serial, paper["document_number"])
        )
    for register, entries in registers.items():
        entries.sort()
        serials = [serial for _day, serial, _number in entries]
        assert serials == sorted(set(serials)), (register, entries)


def test_agendas_name_every_paper_once():
    for session in data.SESSIONS:
        own = [i["id"] for i in (*session["materials"], *session["resolutions"])]
        named = [item_id for row in session["agenda"] for item_id in row[3]]
        assert sorted(named) == sorted(own), session["id"]
        times = [row[0] for row in session["agenda"]]
        assert times == sorted(times), session["id"]
        assert times[0] == session["start"][11:], session["id"]
        assert all(row[1] and row[2] for row in session["agenda"]), session["id"]


def test_the_votes():
    seats = data.TERM["seats"]
    delegate_ids = {d["id"] for d in data.DELEGATES}
    thresholds = Counter()
    for session in data.SESSIONS:
        assert set(session["absent"]) <= delegate_ids
        present = seats - len(session["absent"])
        closings = []
        for resolution in session["resolutions"]:
            yes, no, abstain, closed = resolution["vote"]
            assert yes + no + abstain <= present, resolution["id"]
            assert passes(yes, seats, resolution["threshold"]), resolution["id"]
            assert resolution["ballot"] in ("named", "secret", "manual")
            thresholds[resolution["threshold"]] += 1
            closings.append(closed)
        assert closings == sorted(closings), session["id"]
        assert session["start"][11:] < closings[0]
        assert closings[-1] < session["end"][11:]
    assert thresholds["two_thirds"] == 1
    # The delegate removed by two thirds was absent from that session.
    assert "luong-van-son" in data.FOURTH_SESSION["absent"]


def test_the_sessions():
    first, fourth = data.SESSIONS
    assert (first["session_number"], fourth["session_number"]) == (1, 4)
    assert first["state"] == "published" and first["proceedings_date"]
    assert fourth["state"] == "circulated" and fourth["proceedings_date"] is None
    assert datetime.fromisoformat(first["proceedings_date"]) > datetime.fromisoformat(
        first["end"]
    )
    # Both have been held by the day the demo is set on.
    assert datetime.fromisoformat(fourth["end"]).date() < DEMO_DAY


def test_the_petitions():
    ids = [p["id"] for p in data.PETITIONS]
    assert len(ids) == len(set(ids)) == 12
    states = Counter(p["state"] for p in data.PETITIONS)
    assert set(states) == {"received", "forwarded", "answered", "published"}
    units = {d["constituency"] for d in data.DELEGATES}
    overdue = 0
    for petition in data.PETITIONS:
        assert petition["constituency"] in units, petition["id"]
        assert petition["source_meeting"].endswith(petition["constituency"])
        assert set(petition["sectors"]) <= set(DEFAULT_SECTORS), petition["id"]
        met = _day(petition["meeting_date"])
        assert met < DEMO_DAY
        answered = petition["state"] in ("answered", "published")
        assert bool(petition["response"]) == answered, petition["id"]
        assert bool(petition["response_date"]) == answered, petition["id"]
        if answered:
            assert met <= _day(petition["response_date"]) <= DEMO_DAY
        if petition["state"] != "received":
            # Forwarded to someone, with a date to answer by.
            assert petition["responsible_agency"] and petition["deadline"]
        if petition["deadline"]:
            assert _day(petition["deadline"]) > met, petition["id"]
            overdue += not answered and _day(petition["deadline"]) < DEMO_DAY
    assert overdue >= 2
