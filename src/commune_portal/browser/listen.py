""" "Nghe bài viết": the main text of a document, a news item or a procedure
read aloud in Vietnamese (docs/accessibility.md).

The browser reads it with its own speech synthesis when it has a
Vietnamese voice (``listen.js``); otherwise it plays the audio this module
makes on the server with espeak-ng (``@@listen``), as MP3 when Debian's
``lame`` is installed, else as WAV. Without espeak-ng (or its Vietnamese
voice) the server offers no audio and the button shows only where the
browser can speak Vietnamese itself.

What is read comes from one place, the ``ISpokenText`` adapter of the item
(title, summary and the main fields, as plain text), for both ways.

The audio is cached in RAM per process, keyed by the item, its
modification date and the text itself: a request that only reads never
writes to the database (an annotation written on GET would trip
plone.protect and grow the ZODB by megabytes per item for data that
espeak-ng rebuilds in a fraction of a second), and a text that changes
without the item being modified (the legal status of a document changes
with the date) gets new audio.
"""

from collections import OrderedDict
from commune_portal import _
from commune_portal.behaviors.official_document import IOfficialDocumentMarker
from commune_portal.browser.document import DocumentView
from commune_portal.browser.procedure import ProcedureView
from commune_portal.content.procedure import IProcedure
from plone import api
from plone.app.contenttypes.interfaces import INewsItem
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser import BrowserView
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserRequest
import functools
import hashlib
import logging
import re
import shutil
import struct
import subprocess
import threading


logger = logging.getLogger("commune_portal")

VOICE = "vi"
# Words per minute: a little slower than espeak-ng's 175, for elderly
# listeners and a synthetic voice.
SPEED = "150"
# About ten minutes of speech; longer texts are cut (the page stays whole).
MAX_CHARACTERS = 12_000
# What the audio of all items may take in RAM, per process.
CACHE_BYTES = 64 * 1024 * 1024
TIMEOUT = 60

LISTEN_LABEL = _("Listen to this article")


class ISpokenText(Interface):
    """The text of an item as "Nghe bài viết" reads it: a multi-adapter of
    (item, request) called without arguments, returning paragraphs of
    plain text. Register one for another type to give it the button."""


def _plain(html):
    """Plain text of an HTML fragment, through Plone's transforms."""
    if not html:
        return ""
    transforms = api.portal.get_tool("portal_transforms")
    data = transforms.convertTo("text/plain", html, mimetype="text/html")
    return data.getData() if data is not None else ""


_DATE = re.compile(r"\b(?:([Nn]gày)\s+)?(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _date_in_words(match):
    day_word, day, month, year = match.groups()
    return f"{day_word or 'ngày'} {day} tháng {month} năm {year}"


def for_speech(text):
    """``text`` with what a voice would misread written out: a date
    ``05/01/2026`` is said "ngày 05 tháng 01 năm 2026" (as documents write
    it) instead of three numbers and two slashes."""
    return _DATE.sub(_date_in_words, text)


class SpokenTextBase:
    """Title and summary; subclasses add their main fields."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def translate(self, message):
        return translate(message, context=self.request)

    def body(self):
        return []

    def __call__(self):
        parts = [self.context.Title(), self.context.Description(), *self.body()]
        return [" ".join(str(part).split()) for part in parts if part and part.strip()]


def _rows(rows):
    """``Label: value, value.`` per row of a view's table."""
    return [f"{row['label']}: {', '.join(row['lines'])}." for row in rows]


@implementer(ISpokenText)
@adapter(IOfficialDocumentMarker, IBrowserRequest)
class DocumentSpokenText(SpokenTextBase):
    """An official document: its summary, then its metadata table as the
    page shows it (number, type, issuing body, signer, dates, status)."""

    def body(self):
        return _rows(DocumentView(self.context, self.request).rows())


@implementer(ISpokenText)
@adapter(IProcedure, IBrowserRequest)
class ProcedureSpokenText(SpokenTextBase):
    """A procedure: its main facts, steps, channels, papers, result and
    conditions, in the order of the page."""

    def body(self):
        view = ProcedureView(self.context, self.request)
        context = self.context
        parts = _rows(view.facts())
        steps = view.paragraphs(context.steps)
        if steps:
            parts.append(self.translate(_("Steps")) + ":")
            parts.extend(steps)
        for row in view.channels():
            details = [row["processing_time"], row["fee"], row["description"]]
            parts.append(f"{row['channel']}: {', '.join(d for d in details if d)}.")
        for group in view.paper_groups():
            papers = ", ".join(paper["name"] for paper in group["papers"])
            heading = group["case"] or self.translate(_("Required papers"))
            parts.append(f"{heading}: {papers}.")
        for name, label in (
            ("result", _("Result")),
            ("conditions", _("Requirements and conditions")),
        ):
            lines = view.paragraphs(getattr(context, name, None))
            if lines:
                parts.append(f"{self.translate(label)}: {' '.join(lines)}")
        return parts


@implementer(ISpokenText)
@adapter(INewsItem, IBrowserRequest)
class RichTextSpokenText(SpokenTextBase):
    """A news item: its text, as plain text."""

    def body(self):
        text = getattr(self.context, "text", None)
        return _plain(getattr(text, "output", "")).splitlines()


def spoken_text(context, request):
    """The text read aloud for ``context``, or ``None`` when its type has
    no ``ISpokenText``."""
    adapted = queryMultiAdapter((context, request), ISpokenText)
    if adapted is None:
        return None
    text = for_speech("\n".join(adapted()))
    return text[:MAX_CHARACTERS]


# -- the speech engine --------------------------------------------------------


@functools.cache
def _engine():
    """The path of espeak-ng when it has a Vietnamese voice, else ``None``
    (asked once per process)."""
    binary = shutil.which("espeak-ng")
    if binary is None:
        return None
    try:
        voices = subprocess.run(
            [binary, f"--voices={VOICE}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        logger.warning("espeak-ng does not answer: no audio for 'Nghe bài viết'")
        return None
    if not re.search(rf"^\s*\d+\s+{VOICE}\s", voices, re.MULTILINE):
        logger.warning(
            "espeak-ng has no Vietnamese voice: no audio for 'Nghe bài viết'"
        )
        return None
    return binary


def engine():
    """espeak-ng's path when the server can speak Vietnamese, else ``None``."""
    return _engine()


def mp3_encoder():
    """Debian's ``lame`` when installed (MP3 is ten times smaller than the
    WAV), else ``None``."""
    return shutil.which("lame")


def _fixed_wav(data):
    """espeak-ng writing to a pipe cannot go back to fill in the sizes of
    its WAV header: write them, so that every player knows the length."""
    if data[:4] != b"RIFF" or data[36:40] != b"data":
        return data
    return (
        data[:4]
        + struct.pack("<I", len(data) - 8)
        + data[8:40]
        + struct.pack("<I", len(data) - 44)
        + data[44:]
    )


def synthesize(text):
    """``(bytes, content type)`` of ``text`` spoken in Vietnamese."""
    binary = engine()
    if binary is None:
        raise LookupError("espeak-ng with a Vietnamese voice is not installed")
    wav = subprocess.run(
        [binary, "-v", VOICE, "-s", SPEED, "-b", "1", "--stdout", "--stdin"],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=TIMEOUT,
        check=True,
    ).stdout
    wav = _fixed_wav(wav)
    lame = mp3_encoder()
    if lame:
        try:
            mp3 = subprocess.run(
                [lame, "--quiet", "-m", "m", "-b", "48", "-", "-"],
                input=wav,
                capture_output=True,
                timeout=TIMEOUT,
                check=True,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            logger.exception("lame could not encode the audio: WAV is served")
        else:
            if mp3:
                return mp3, "audio/mpeg"
    return wav, "audio/wav"


class AudioCache:
    """The most recently used audio, up to ``limit`` bytes (per process)."""

    def __init__(self, limit=CACHE_BYTES):
        self.limit = limit
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found

    def put(self, key, value):
        data = value[0]
        if len(data) > self.limit:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = value
            self.size += len(data)
            while self.size > self.limit:
                _, (old, _type) = self.entries.popitem(last=False)
                self.size -= len(old)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


CACHE = AudioCache()


def audio_key(context, text):
    """The cache key and ETag of the audio of ``context`` saying ``text``:
    the item, its modification date, the text and how it is spoken."""
    digest = hashlib.sha256()
    for part in (
        api.content.get_uuid(context) or "/".join(context.getPhysicalPath()),
        context.modified().ISO8601(),
        VOICE,
        SPEED,
        "mp3" if mp3_encoder() else "wav",
        text,
    ):
        digest.update(str(part).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


# -- views ----------------------------------------------------------------------


class ListenTextView(BrowserView):
    """``@@listen-text``: what the button reads, as plain text (for the
    browser's own speech synthesis). Needs View on the item."""

    def __call__(self):
        text = spoken_text(self.context, self.request)
        response = self.request.response
        if text is None:
            response.setStatus(404)
            return ""
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        response.setHeader("Cache-Control", "private, no-cache")
        response.setHeader("X-Robots-Tag", "noindex")
        return text


class ListenAudioView(BrowserView):
    """``@@listen``: the item read aloud by espeak-ng (MP3 or WAV). Needs
    View on the item; 404 when the server cannot speak Vietnamese."""

    def __call__(self):
        response = self.request.response
        text = spoken_text(self.context, self.request)
        if text is None or engine() is None:
            response.setStatus(404)
            return ""
        key = audio_key(self.context, text)
        etag = f'"{key[:32]}"'
        # The audio of an item someone may see only logged in must not be
        # kept by shared caches; browsers check it again each time.
        response.setHeader("Cache-Control", "private, no-cache")
        response.setHeader("ETag", etag)
        response.setHeader("X-Robots-Tag", "noindex")
        if self.request.getHeader("If-None-Match") == etag:
            response.setStatus(304)
            return b""
        found = CACHE.get(key)
        if found is None:
            try:
                found = synthesize(text)
            except (LookupError, OSError, subprocess.SubprocessError):
                logger.exception(
                    "espeak-ng failed for %s", "/".join(self.context.getPhysicalPath())
                )
                response.setStatus(503)
                return ""
            CACHE.put(key, found)
        data, content_type = found
        response.setHeader("Content-Type", content_type)
        response.setHeader("Content-Length", str(len(data)))
        response.setHeader("Accept-Ranges", "none")
        return data


class ListenViewlet(ViewletBase):
    """The "Nghe bài viết" button, on the main view of an item that has an
    ``ISpokenText``. It stays hidden until ``listen.js`` knows it can
    speak: with the browser's Vietnamese voice or the server's audio."""

    def available(self):
        if queryMultiAdapter((self.context, self.request), ISpokenText) is None:
            return False
        state = queryMultiAdapter(
            (self.context, self.request), name="plone_context_state"
        )
        return state is not None and state.is_view_template()

    def update(self):
        super().update()
        self.enabled = self.available()
        url = self.context.absolute_url()
        self.text_url = f"{url}/@@listen-text"
        self.audio_url = f"{url}/@@listen" if engine() is not None else None

    def label(self, message):
        return translate(message, context=self.request)

    def render(self):
        if not self.enabled:
            return ""
        return super().render()
