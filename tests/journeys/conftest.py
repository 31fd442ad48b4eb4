"""The harness of the browser journeys (docs/development.md, "Journeys").

One demo commune (``commune_portal:structure`` and ``:demo``, a news item
and four officers with their roles on the sections) is built once per
session in the layer ``JOURNEYS_TESTING``, served by the WSGI server of the
test layers; one headless Chromium is started once per session; each test
gets fresh browser contexts (``new_page``) and its own stacked database, so
that what a journey adds or publishes is gone for the next one.

Where no Chromium (or no Playwright) can be had, every test that drives the
browser is skipped at collection with one message; the tests that read
pages over plain HTTP (Open Graph) still run.
"""

from commune_portal.setuphandlers.demo_documents import minimal_pdf
from pathlib import Path
from pytest_plone import fixtures_factory
from tests.journeys import browser as chromium
from tests.journeys.layer import JOURNEYS_TESTING
from tests.journeys.layer import PASSWORD
from urllib.parse import urlsplit
import os
import pytest
import re


REPOSITORY = Path(__file__).resolve().parents[2]
ARTIFACTS = REPOSITORY / "test-artifacts" / "journeys"

globals().update(fixtures_factory(((JOURNEYS_TESTING, "journeys"),)))


# -- collection ---------------------------------------------------------------

BROWSER_FIXTURES = {"browser", "new_page", "reader_pages"}


def pytest_collection_modifyitems(config, items):
    """Skip the tests that drive the browser, with one reason, where none
    can be driven; run the journeys last (after every other layer's tests:
    they are the slowest and leave nothing behind)."""
    reason = chromium.unavailable()
    here = Path(__file__).parent
    journeys, others = [], []
    for item in items:
        (journeys if Path(item.fspath).is_relative_to(here) else others).append(item)
        if reason and BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.skip(reason=f"browser journeys: {reason}"))
    items[:] = others + journeys


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep the outcome on the item, so that ``new_page`` saves a picture
    of each page of a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


# -- the server ---------------------------------------------------------------


@pytest.fixture
def site_url(journeys):
    """The demo site's address. ``localhost``: Plone leaves 127.0.0.1
    unthemed."""
    return f"http://localhost:{journeys['port']}/plone"


@pytest.fixture
def demo_paths(journeys):
    """Paths (from the site) of a published directive with its file, a
    procedure, the news items and a page of the demo."""
    return journeys["demo_paths"]


# -- the browser --------------------------------------------------------------

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (Debian's)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        started = chromium.launch_chromium(playwright, offline=True)
        yield started
        started.close()


def _safe_name(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:120]


@pytest.fixture
def new_page(browser, site_url, request):
    """``new_page(user=None, viewport=DESKTOP, password=PASSWORD)``: a page
    in a fresh browser context (its own cookies), logged in through Plone's
    login form as ``user`` (an id of ``OFFICERS``, or the site owner with
    its password) or anonymous. Pages of a failed test
    are saved to test-artifacts/journeys/failed-*.png."""
    contexts = []

    def factory(user=None, viewport=DESKTOP, password=PASSWORD, **options):
        context = browser.new_context(
            viewport=viewport,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
            accept_downloads=True,
            **options,
        )
        context.set_default_timeout(30_000)
        contexts.append(context)
        page = context.new_page()
        if user:
            log_in(page, site_url, user, password)
        return page

    yield factory
    failed = getattr(request.node, "report_call", None)
    for number, context in enumerate(contexts):
        if failed is not None and failed.failed:
            for page in context.pages:
                save_screenshot(
                    page, f"failed-{_safe_name(request.node.name)}-{number}"
                )
        context.close()


@pytest.fixture(scope="session")
def reader_pages(browser):
    """``reader_pages(viewport)``: one anonymous page per window size for
    the whole session, for checks that only read public pages (its
    browser cache spares them downloading Plone's scripts again)."""
    pages = {}

    def page_for(viewport):
        key = (viewport["width"], viewport["height"])
        if key not in pages:
            context = browser.new_context(
                viewport=viewport, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
            )
            context.set_default_timeout(30_000)
            pages[key] = context.new_page()
        return pages[key]

    yield page_for
    for page in pages.values():
        page.context.close()


def log_in(page, site_url, user, password=PASSWORD):
    """Log ``user`` in through Plone's login form."""
    page.goto(f"{site_url}/login")
    page.fill("#__ac_name", user)
    page.fill("#__ac_password", password)
    page.click("button[name='buttons.login']")
    page.wait_for_load_state()
    assert page.locator("body.userrole-authenticated").count() == 1, page.url


def save_screenshot(page, name, full_page=False):
    """Save ``page`` as test-artifacts/journeys/``name``.png; return the
    path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


@pytest.fixture
def screenshot():
    """``screenshot(page, name)``: the picture of a journey's last step."""
    return save_screenshot


@pytest.fixture
def signed_pdf():
    """``signed_pdf(*lines)``: the bytes of a small, valid one-page PDF."""
    return lambda *lines: minimal_pdf(lines)


def is_local(url):
    """Whether ``url`` points to this machine (the test server)."""
    return urlsplit(url).hostname in ("localhost", "127.0.0.1", "::1")


@pytest.fixture
def outside_world(new_page):
    """Answer every request to another host with a stub page and record
    its address, for the pages a journey opens: ``outside_world(context)``
    returns the list of addresses requested."""

    def install(context):
        requested = []

        def answer(route):
            requested.append(route.request.url)
            route.fulfill(
                status=200,
                content_type="text/html; charset=utf-8",
                body="<!doctype html><title>Cổng Dịch vụ công quốc gia</title>"
                "<h1>Cổng Dịch vụ công quốc gia (stub)</h1>",
            )

        context.route(lambda url: not is_local(url), answer)
        return requested

    return install


def axe_script():
    """The path of axe-core's ``axe.min.js`` (installed by ``make test``
    with npm), or ``None``."""
    wanted = os.environ.get("AXE_CORE_JS")
    if wanted:
        return Path(wanted) if Path(wanted).is_file() else None
    found = sorted(
        REPOSITORY.glob(".cache/axe-core-*/node_modules/axe-core/axe.min.js")
    )
    return found[-1] if found else None


# Impacts that fail a page (axe-core's scale: minor, moderate, serious,
# critical); the others are listed in docs/accessibility.md.
FAILING_IMPACTS = ("serious", "critical")


@pytest.fixture
def axe():
    """``axe(page)``: the violations axe-core finds on the page as it is
    now (its default rules: WCAG 2.0, 2.1, 2.2 A and AA and best
    practices), each ``{"id", "impact", "help", "nodes": [(target,
    summary)]}``."""
    script = axe_script()
    if script is None:
        pytest.skip(
            "axe-core is not installed: `make test` installs it with npm "
            "(or set AXE_CORE_JS=/path/to/axe.min.js)"
        )

    def run(page):
        page.add_script_tag(path=str(script))
        return page.evaluate(
            """async () => (await axe.run(document)).violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => [n.target.join(" "),
                                         (n.failureSummary || "").slice(0, 300)]),
            }))"""
        )

    return run


def failing(violations):
    """The violations that fail a page, as readable lines."""
    return [
        f"{v['impact']} {v['id']} ({v['help']}): "
        + "; ".join(f"{target} -> {summary}" for target, summary in v["nodes"][:5])
        for v in violations
        if v["impact"] in FAILING_IMPACTS
    ]
