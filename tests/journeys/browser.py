"""The one way this repository starts a browser: Debian's Chromium driven
by Playwright for Python (``apt-get install chromium chromium-l10n``,
``make playwright``). Playwright's own browser download does not work here
and is never used.

Used by the journeys (``tests/journeys``) and by the scripts that take
screenshots or measure the screens (``scripts/``), which import it as
``tests.journeys.browser``. Nothing here imports Playwright: the caller
passes the ``playwright`` object of its ``sync_playwright()`` block.
"""

from pathlib import Path
import os
import shutil


# Debian's package; ``CHROMIUM=/path/to/chromium`` names another build.
DEFAULT_CHROMIUM = "/usr/bin/chromium"

BROWSER_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # Without it Chromium keeps calling Google's hosts, which this
    # machine's closed network refuses, many at a time.
    "--disable-background-networking",
)

# Tests: no host but this machine resolves, so that no page of a test can
# reach the internet, whatever it links to (the national portal's pages
# are answered by ``page.route`` before any lookup).
OFFLINE_ARGS = ("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",)

# Date fields, the file button and Chromium's own messages in Vietnamese
# (needs chromium-l10n).
VIETNAMESE_ARGS = ("--lang=vi-VN",)


def chromium_path():
    """The Chromium executable to drive, or ``None`` when there is none."""
    wanted = os.environ.get("CHROMIUM")
    for candidate in (wanted, DEFAULT_CHROMIUM, shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def unavailable():
    """Why no browser can be driven here (a sentence), or ``None``."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return (
            "Playwright for Python is not installed in this environment: "
            "`make test` (or `make playwright`) installs it"
        )
    if chromium_path() is None:
        return (
            "No Chromium: `make test` installs Debian's chromium with apt-get "
            "where it can (as root), or set CHROMIUM=/path/to/chromium"
        )
    return None


def launch_chromium(playwright, *, offline=False, vietnamese=True, args=()):
    """Start headless Chromium with Playwright's ``playwright.chromium``.

    ``offline``: resolve no host but localhost (tests). ``vietnamese``:
    Chromium's own texts and form controls in Vietnamese. ``args``: more
    command-line switches.
    """
    switches = [*BROWSER_ARGS]
    env = dict(os.environ)
    if offline:
        switches.extend(OFFLINE_ARGS)
    if vietnamese:
        switches.extend(VIETNAMESE_ARGS)
        env["LANGUAGE"] = "vi"
    switches.extend(args)
    return playwright.chromium.launch(
        executable_path=chromium_path() or DEFAULT_CHROMIUM, args=switches, env=env
    )
