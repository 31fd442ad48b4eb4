""" "Nghe bài viết" in the browser: the server's audio where the browser has
no Vietnamese voice (headless Chromium has none at all), the browser's own
voice where it has one, and no button where neither is possible."""

from commune_portal import _
from commune_portal.browser import listen
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.journeys.conftest import DESKTOP
from zope.i18n import translate
import pytest


# A browser with a Vietnamese voice: speechSynthesis answers one voice
# (vi-VN) and records what it is asked to say instead of saying it (the
# utterances are plain objects, as the voice is).
VIETNAMESE_VOICE = """
(() => {
  const voice = {name: "Tiếng Việt (thử)", lang: "vi-VN", default: true,
                 localService: true, voiceURI: "vi-test"};
  window.__spoken = [];
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; }
  };
  speechSynthesis.getVoices = () => [voice];
  speechSynthesis.speak = (utterance) => {
    window.__spoken.push({text: utterance.text, lang: utterance.lang,
                          voice: utterance.voice && utterance.voice.name});
    setTimeout(() => utterance.onend && utterance.onend(), 0);
  };
})();
"""


def label(message):
    """The button's wording in the site's language (vi)."""
    return translate(message, target_language="vi")


def listen_requests(page):
    """The requests the page makes to the server's audio, as a list."""
    seen = []
    page.on(
        "request", lambda r: seen.append(r.url) if r.url.endswith("/@@listen") else None
    )
    return seen


# The server's voice: installed by `make test` (apt-get install espeak-ng).
needs_espeak = pytest.mark.skipif(
    listen.engine() is None,
    reason="espeak-ng with its Vietnamese voice is not installed on this machine",
)


@needs_espeak
def test_without_a_browser_voice_the_server_reads_it(new_page, site_url, demo_paths):
    page = new_page()
    audio = listen_requests(page)
    page.goto(f"{site_url}{demo_paths['news']}")
    assert page.evaluate("speechSynthesis.getVoices().length") == 0
    button = page.locator(".commune-listen-button")
    button.wait_for(state="visible")
    assert button.get_attribute("aria-label") == label(listen.LISTEN_LABEL)
    assert button.get_attribute("aria-pressed") == "false"

    button.click()
    page.wait_for_function(
        "() => document.querySelector('.commune-listen-status').textContent !== ''"
    )
    status = page.locator(".commune-listen-status").inner_text()
    assert status == label(_("Reading the article aloud."))
    assert button.get_attribute("aria-pressed") == "true"
    assert button.get_attribute("aria-label") == label(_("Stop reading"))
    url = f"{site_url}{demo_paths['news']}/@@listen"
    assert audio[:1] == [url]
    # What the player received: the news read aloud.
    response = page.request.get(url)
    assert response.status == 200
    expected = "audio/mpeg" if listen.mp3_encoder() else "audio/wav"
    assert response.headers["content-type"] == expected
    assert len(response.body()) > 10_000
    # The player took it: no error announced.
    page.wait_for_timeout(500)
    status = page.locator(".commune-listen-status").inner_text()
    assert status == label(_("Reading the article aloud."))

    # Pressed again, it stops and says so.
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    page.wait_for_function(
        "text => document.querySelector('.commune-listen-status').textContent === text",
        arg=label(_("Reading stopped.")),
    )


def test_a_browser_voice_reads_it_without_the_server(new_page, site_url, demo_paths):
    page = new_page()
    page.add_init_script(VIETNAMESE_VOICE)
    audio = listen_requests(page)
    page.goto(f"{site_url}{demo_paths['procedure']}")
    button = page.locator(".commune-listen-button")
    button.click()
    page.wait_for_function("() => window.__spoken.length > 2")
    spoken = page.evaluate("window.__spoken")
    text = " ".join(part["text"] for part in spoken)
    title = page.locator("h1").first.inner_text().strip()
    assert text.startswith(title)
    assert "1.004222" in text  # the procedure's code, from its facts
    assert {part["lang"] for part in spoken} == {"vi-VN"}
    assert {part["voice"] for part in spoken} == {"Tiếng Việt (thử)"}
    assert all(len(part["text"]) <= 400 for part in spoken)
    assert audio == []


@pytest.fixture
def no_speech_engine(monkeypatch):
    """The server as if espeak-ng (or its Vietnamese voice) were missing."""
    monkeypatch.setattr(listen, "engine", lambda: None)


def test_without_espeak_and_voice_there_is_no_button(
    no_speech_engine, new_page, site_url, demo_paths
):
    page = new_page(viewport=DESKTOP)
    page.goto(f"{site_url}{demo_paths['directive']}")
    listen_box = page.locator(".commune-listen")
    assert listen_box.count() == 1
    assert listen_box.get_attribute("data-audio-url") is None
    assert not page.locator(".commune-listen-button").is_visible()
    response = page.request.get(f"{site_url}{demo_paths['directive']}/@@listen")
    assert response.status == 404


def test_without_espeak_a_browser_voice_still_reads(
    no_speech_engine, new_page, site_url, demo_paths
):
    page = new_page()
    page.add_init_script(VIETNAMESE_VOICE)
    page.goto(f"{site_url}{demo_paths['directive']}")
    button = page.locator(".commune-listen-button")
    button.click()
    page.wait_for_function("() => window.__spoken.length > 0")
    text = " ".join(part["text"] for part in page.evaluate("window.__spoken"))
    # The metadata table, dates said in words.
    assert "Số ký hiệu" in text or "Number and symbol" in text
    assert "ngày " in text and " tháng " in text


def test_no_button_on_other_pages_and_forms(new_page, site_url, demo_paths):
    page = new_page(SITE_OWNER_NAME, password=SITE_OWNER_PASSWORD)
    page.goto(f"{site_url}{demo_paths['news']}")
    assert page.locator(".commune-listen").count() == 1
    for path in ("", "/van-ban", "/thu-tuc-hanh-chinh", f"{demo_paths['news']}/edit"):
        page.goto(f"{site_url}{path}")
        assert page.locator("#content").count() == 1, path
        assert page.locator(".commune-listen").count() == 0, path
    assert page.locator("#form-buttons-save").count() == 1
