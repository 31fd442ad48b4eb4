""" "Nghe bài viết" on the server: what is read, the audio, its cache, and
that nobody hears an item they may not see (plain HTTP, no browser)."""

from commune_portal.browser import listen
from plone import api
from tests.journeys.layer import PASSWORD
import pytest
import requests
import struct
import transaction


def get(url, user=None, **headers):
    auth = (user, PASSWORD) if user else None
    return requests.get(url, auth=auth, headers=headers, allow_redirects=False)


@pytest.fixture(autouse=True)
def empty_cache():
    listen.CACHE.clear()
    yield
    listen.CACHE.clear()


def test_the_text_of_each_type(site_url, demo_paths):
    news = get(f"{site_url}{demo_paths['news']}/@@listen-text")
    assert news.status_code == 200
    assert news.headers["Content-Type"] == "text/plain; charset=utf-8"
    lines = news.text.splitlines()
    assert lines[0].startswith("Xã Nghi Dương tổ chức Ngày hội Đại đoàn kết")
    # The summary, then the text of the news item without its markup; the
    # date written out.
    assert "Ngày 15 tháng 11 năm 2026, Ủy ban" in news.text
    assert "Chiều ngày 15 tháng 11 năm 2026" in news.text
    assert "trao 12 suất quà" in news.text
    assert "<p>" not in news.text

    document = get(f"{site_url}{demo_paths['directive']}/@@listen-text").text
    assert "126/BC-UBND" in document
    assert "Ủy ban nhân dân xã Nghi Dương" in document

    procedure = get(f"{site_url}{demo_paths['procedure']}/@@listen-text").text
    assert "1.004222" in procedure
    assert "Bước 1" in procedure


def test_other_items_have_no_text_and_no_audio(site_url, demo_paths):
    for path in (demo_paths["page"], "/van-ban"):
        assert get(f"{site_url}{path}/@@listen-text").status_code == 404
        assert get(f"{site_url}{path}/@@listen").status_code == 404


needs_espeak = pytest.mark.skipif(
    listen.engine() is None,
    reason="espeak-ng with its Vietnamese voice is not installed on this machine",
)


@needs_espeak
def test_the_audio_is_vietnamese_speech(site_url, demo_paths):
    response = get(f"{site_url}{demo_paths['procedure']}/@@listen")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"
    if listen.mp3_encoder():
        assert response.headers["Content-Type"] == "audio/mpeg"
        assert response.content[:3] == b"ID3" or response.content[0] == 0xFF
    else:
        assert response.headers["Content-Type"] == "audio/wav"
        assert response.content[:4] == b"RIFF"
    assert int(response.headers["Content-Length"]) == len(response.content)
    assert len(response.content) > 50_000


@needs_espeak
def test_the_audio_is_cached_per_item_and_modification(
    journeys, site_url, demo_paths, monkeypatch
):
    calls = []
    synthesize = listen.synthesize
    monkeypatch.setattr(
        listen, "synthesize", lambda text: calls.append(text) or synthesize(text)
    )
    url = f"{site_url}{demo_paths['news']}/@@listen"
    first = get(url)
    again = get(url)
    assert first.content == again.content
    assert first.headers["ETag"] == again.headers["ETag"]
    assert len(calls) == 1
    # The browser asks whether its copy is still good.
    unchanged = get(url, **{"If-None-Match": first.headers["ETag"]})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert len(calls) == 1

    # Edited: new text, new audio.
    news = journeys["portal"].unrestrictedTraverse(demo_paths["news"].lstrip("/"))
    with api.env.adopt_roles(["Manager"]):
        news.description = "Ngày hội được tổ chức tại cả 9 thôn của xã."
        news.reindexObject()
        news.setModificationDate()
    transaction.commit()
    changed = get(url, **{"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != first.headers["ETag"]
    assert len(calls) == 2
    assert "cả 9 thôn" in calls[1]


@pytest.mark.parametrize("view", ["@@listen", "@@listen-text"])
def test_nobody_hears_what_they_may_not_see(site_url, demo_paths, view):
    url = f"{site_url}{demo_paths['private_directive']}/{view}"
    anonymous = get(url)
    assert anonymous.status_code in (302, 401, 403)
    assert "require_login" in anonymous.headers.get("Location", "require_login")
    assert not anonymous.headers.get("Content-Type", "").startswith(
        ("audio", "text/plain")
    )
    # The officer of procedures does not see the section's drafts either.
    officer = get(url, user="motcua")
    assert officer.status_code in (302, 401, 403)
    # A contributor of the section does.
    clerk = get(url, user="canbo")
    assert clerk.status_code == 200


def test_without_espeak_there_is_no_audio(site_url, demo_paths, monkeypatch):
    monkeypatch.setattr(listen, "engine", lambda: None)
    response = get(f"{site_url}{demo_paths['news']}/@@listen")
    assert response.status_code == 404
    # The text stays for the browser's own voice.
    assert get(f"{site_url}{demo_paths['news']}/@@listen-text").status_code == 200


def test_wav_sizes_are_written():
    streamed = (
        b"RIFF"
        + struct.pack("<I", 0x7FFFF024)
        + b"WAVEfmt "
        + bytes(20)
        + b"data"
        + struct.pack("<I", 0x7FFFF000)
        + b"\x01\x00" * 100
    )
    fixed = listen._fixed_wav(streamed)
    assert struct.unpack("<I", fixed[4:8])[0] == len(streamed) - 8
    assert struct.unpack("<I", fixed[40:44])[0] == 200
    assert fixed[44:] == streamed[44:]
    assert listen._fixed_wav(b"ID3 not a wav") == b"ID3 not a wav"


def test_the_cache_keeps_the_most_recent_within_its_size():
    cache = listen.AudioCache(limit=10)
    cache.put("a", (b"12345", "audio/wav"))
    cache.put("b", (b"12345", "audio/wav"))
    assert cache.get("a") is not None  # a is now the most recent
    cache.put("c", (b"12345", "audio/wav"))
    assert cache.get("b") is None
    assert cache.get("a") and cache.get("c")
    cache.put("big", (b"x" * 11, "audio/wav"))
    assert cache.get("big") is None
    assert cache.size == 10


def test_dates_are_said_in_words():
    assert listen.for_speech("Ngày ban hành: 05/01/2026.") == (
        "Ngày ban hành: ngày 05 tháng 01 năm 2026."
    )
    assert listen.for_speech("Chiều ngày 15/11/2026") == (
        "Chiều ngày 15 tháng 11 năm 2026"
    )
    # Numbers and symbols are not dates.
    assert listen.for_speech("01/2024/NQ-HĐND, 15/KH-UBND") == (
        "01/2024/NQ-HĐND, 15/KH-UBND"
    )
