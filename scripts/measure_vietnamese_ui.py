"""Count the English strings left on the screens a commune editor meets.

Drives Debian's chromium (``apt-get install chromium``) with Playwright for
Python over a running demo site (``make start PORT=8092``), in Vietnamese,
logged in as the site's administrator, visits the screens of
docs/translations.md, collects the visible text and the texts of attributes
(title, placeholder, aria-label, alt, button values) and reports, per
screen, how many distinct strings it shows and which of them are English.

    make ui-coverage                        # http://localhost:8092/Plone
    .venv/bin/python scripts/measure_vietnamese_ui.py --label after \\
        --base http://localhost:8092/Plone --user admin --password admin

Use ``localhost``: Plone leaves ``127.0.0.1`` unthemed. The script adds a
page, a news item, a file and an image in /tin-tuc (ids ``ui-coverage-*``)
to show their edit forms, and deletes them at the end. It writes
``bench/results/vietnamese-ui-<label>.json`` and ``.md`` and prints the
markdown.

The counting rule (``english()``, also used by tests/test_plone_vietnamese.py)
works on each distinct string of a screen:

- a string with no letter outside ASCII (Vietnamese text almost always has
  a tone mark or ư, ơ, ă, â, đ) is English when it is the English text of a
  message of Plone's .pot files, or when one of its words cannot be a
  Vietnamese syllable written without marks ("Save", "of", "Select"; not
  "Xem", "Trang sau");
- a Vietnamese string is English when it starts with an English word of
  Plone's messages ("Add Văn bản": an untranslated "Add ${name}") or ends
  with three ASCII words or more, one of them English ("Tiêu đề: Activate
  to sort");
- words in capitals (UBND, URL), with digits (02/CTr-UBND, 12:30), MIME
  types, URLs, file names and ids with "_" are codes, never English;
  ``NOT_ENGLISH`` lists the ASCII words that are not English here (names,
  loanwords, Vietnamese abbreviations), each with its reason.
"""

from pathlib import Path
import argparse
import base64
import functools
import importlib.util
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


# ASCII words that are not English on a Vietnamese screen.
NOT_ENGLISH = {
    "Plone": "the product's name",
    "Zope": "the product's name",
    "TinyMCE": "the name of the rich-text editor",
    "Python": "a software name (site setup, versions)",
    "Pillow": "a software name (site setup, versions)",
    "waitress": "a software name (site setup, versions)",
    "admin": "the demo administrator's user id",
    "thg": "Vietnamese abbreviation of 'tháng' (month) in dates",
    "In": "Vietnamese for 'Print' (commune_portal's print action)",
    "Logo": "a loanword in Vietnamese",
    "Portlet": "a loanword of Plone's own Vietnamese catalog",
    "Cookie": "a loanword of Plone's own Vietnamese catalog",
    "px": "a unit",
}
# A Vietnamese syllable written without its marks: an initial consonant,
# one to three vowels, a final consonant. English words mostly are not.
SYLLABLE = re.compile(
    r"(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?"
    r"[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?",
    re.I,
)
# Messages of the browser itself (HTML form validation, which mockup shows
# under a field): in the browser's language, not the site's. Debian's
# chromium without chromium-l10n has only English; they are listed apart.
BROWSER = {
    "Please fill out this field.",
    "Please select an item in the list.",
    "Please enter a URL.",
    "Please enter an email address.",
}
LETTERS = re.compile(r"[^\W\d_]", re.U)
# Codes: with a digit, in capitals, MIME types, URLs, file and host names.
CODE = re.compile(
    r".*\d|[A-Z]{2,}$|[a-z]+/[a-z0-9.+*-]+$|[a-z]+://|[\w.-]+\.[a-z]{2,4}$|\w*_"
)
WORD = re.compile(r"[A-Za-z]+")
PUNCTUATION = ".,:;!?()[]{}\"'«»…—–-"


@functools.cache
def plone_english():
    """The English texts (msgids and defaults) of the .pot files of Plone's
    packages, and their words in lower case."""
    texts = set()
    for package in ("plone.app.locales", "z3c.form", "plone.z3cform"):
        spec = importlib.util.find_spec(package)
        if spec is None:
            continue
        folder = Path(next(iter(spec.submodule_search_locations)))
        for pot in sorted(folder.glob("locales/*.pot")):
            text = pot.read_text(encoding="utf-8")
            for match in re.finditer(
                r'^(?:#\. Default: "(.*)"|msgid "(.*)")$', text, re.M
            ):
                value = (match[1] or match[2] or "").replace('\\"', '"')
                value = " ".join(value.split())
                if value and not value.startswith("${"):
                    texts.add(value)
    words = {word.lower() for text in texts for word in WORD.findall(text)}
    return texts, words


def words_of(text, allowed):
    """The words of ``text`` that may be English: ASCII letters only, two
    or more, not all capitals, not in a code, not allowed."""
    words = []
    for token in text.split():
        token = token.strip(PUNCTUATION)
        if not token or token in allowed or CODE.match(token):
            continue
        words += [
            word
            for word in re.findall(r"\w+", token)
            if word.isascii()
            and word.isalpha()
            and len(word) > 1
            and not word.isupper()
            and word not in allowed
        ]
    return words


def english(text, allowed=NOT_ENGLISH):
    """Whether ``text`` reads as English, or as Vietnamese around an English
    message (see the module's docstring)."""
    text = " ".join(text.split())
    if not text or text in allowed:
        return False
    texts, vocabulary = plone_english()
    if any(ord(char) > 127 for char in LETTERS.findall(text)):
        return partly_english(text, allowed, vocabulary)
    words = words_of(text, allowed)
    if not words:
        return False
    return text in texts or not all(SYLLABLE.fullmatch(word) for word in words)


def partly_english(text, allowed, vocabulary):
    """Vietnamese text that starts with an English word ("Add Văn bản",
    "Select <title>") or ends with three ASCII words or more, one of them
    English ("Tiêu đề: Activate to sort"): an untranslated message around
    Vietnamese data. Names (capitalised words) inside the text do not count
    ("bão Yagi", "Google, Yahoo, Microsoft")."""

    def is_english(token, names_too):
        return any(
            word.lower() in vocabulary and not SYLLABLE.fullmatch(word)
            for word in words_of(token, allowed)
            if names_too or not word[0].isupper()
        )

    tokens = [token.strip(PUNCTUATION) for token in text.split()]
    tokens = [token for token in tokens if token]
    if tokens and tokens[0].isascii() and is_english(tokens[0], names_too=True):
        return True
    tail = []
    for token in reversed(tokens):
        if not token.isascii():
            break
        tail.append(token)
    return len(tail) >= 3 and any(is_english(token, False) for token in tail)


# What the browser collects: visible text nodes, and the texts of attributes
# a user sees or hears (tooltips, placeholders, screen readers, buttons).
COLLECT = """() => {
  // A textarea holds a value (robots.txt, a description), not interface.
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
  const out = [];
  const visible = (el) => el.checkVisibility({visibilityProperty: true});
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || skip.has(parent.tagName) || !visible(parent)) continue;
    const text = node.nodeValue.replace(/\\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  const selector = '[title], [placeholder], [aria-label], img[alt], ' +
    'input[type=submit], input[type=button], input[type=reset]';
  for (const el of document.body.querySelectorAll(selector)) {
    if (!visible(el)) continue;
    for (const name of ['title', 'placeholder', 'aria-label', 'alt']) {
      const value = (el.getAttribute(name) || '').trim();
      if (value) out.push(value);
    }
    if (el.tagName === 'INPUT' && /submit|button|reset/.test(el.type) && el.value)
      out.push(el.value.trim());
  }
  for (const el of document.querySelectorAll('select')) {
    if (!visible(el)) continue;
    for (const option of el.options) {
      const text = option.text.replace(/\\s+/g, ' ').trim();
      if (text) out.push(text);
    }
  }
  out.push(document.title);
  return out;
}"""

FOLDER = "/van-ban"
DIRECTIVE = "/van-ban/quyet-dinh-79-qd-ubnd-2024"
PRIVATE_DIRECTIVE = "/van-ban/bao-cao-357-bc-ubnd-2026"
NEWS = "/tin-tuc"
# portal_type: (container, id, title); /tin-tuc takes no pages.
TEMPORARY = {
    "Document": ("", "ui-coverage-trang", "Trang thử giao diện"),
    "News Item": (NEWS, "ui-coverage-tin", "Tin thử giao diện"),
    "File": (NEWS, "ui-coverage-tep", "Tệp thử giao diện"),
    "Image": (NEWS, "ui-coverage-anh", "Ảnh thử giao diện"),
}
# A 1x1 PNG and a short PDF for the temporary image and file.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def screens():
    """(key, title, path, action): the screens of docs/translations.md.

    ``action(page)`` opens what the screen is about (a menu, a tab, a
    form) once the page has loaded; it may return several snapshots."""
    screens = [
        ("toolbar", "Toolbar on a section", FOLDER, None),
        (
            "add-menu",
            "Add menu opened",
            FOLDER,
            menu("#plone-contentmenu-factories"),
        ),
        (
            "actions-menu",
            "Actions menu opened",
            DIRECTIVE,
            menu("#plone-contentmenu-actions"),
        ),
        (
            "display-menu",
            "Display menu opened",
            FOLDER,
            menu("#plone-contentmenu-display"),
        ),
        (
            "workflow-menu",
            "Workflow (state) menu opened, on a draft",
            PRIVATE_DIRECTIVE,
            menu("#plone-contentmenu-workflow"),
        ),
        (
            "workflow-advanced",
            "Workflow: the 'Advanced…' state form",
            PRIVATE_DIRECTIVE + "/content_status_history",
            None,
        ),
        (
            "workflow-message",
            "Workflow: message after a transition",
            "/".join(TEMPORARY["News Item"][:2]),
            transition,
        ),
        (
            "personal-bar",
            "Personal bar menu opened",
            FOLDER,
            menu(".personaltools-wrapper"),
        ),
        ("folder-contents", "Folder contents", FOLDER + "/folder_contents", contents),
        (
            "folder-contents-columns",
            "Folder contents: columns opened",
            FOLDER + "/folder_contents",
            contents_button("#btn-structure-columns"),
        ),
        (
            "folder-contents-rearrange",
            "Folder contents: rearrange opened",
            FOLDER + "/folder_contents",
            contents_button("#btn-structure-rearrange"),
        ),
        (
            "folder-contents-upload",
            "Folder contents: upload opened",
            FOLDER + "/folder_contents",
            contents_button("#btn-upload"),
        ),
        (
            "folder-contents-state",
            "Folder contents: state dialog for a selected item",
            FOLDER + "/folder_contents",
            contents_button("#btn-workflow", select=True),
        ),
        ("sharing", "Sharing", FOLDER + "/@@sharing", sharing),
        ("add-Directive", "Add form: Directive", FOLDER + "/++add++Directive", tabs),
        ("edit-Directive", "Edit form: Directive", DIRECTIVE + "/edit", tabs),
    ]
    for portal_type, (container, item, _) in TEMPORARY.items():
        key = portal_type.replace(" ", "")
        screens += [
            (
                f"add-{key}",
                f"Add form: {portal_type}",
                f"{container}/++add++{portal_type}",
                tabs,
            ),
            (
                f"edit-{key}",
                f"Edit form: {portal_type}",
                f"{container}/{item}/edit",
                tabs,
            ),
        ]
    screens += [
        (
            "tinymce-link",
            "Page editor: insert link dialog",
            "/++add++Document",
            editor_dialog("plonelink"),
        ),
        (
            "tinymce-image",
            "Page editor: insert image dialog",
            "/++add++Document",
            editor_dialog("ploneimage"),
        ),
        (
            "search",
            "Search page with results",
            "/@@search?SearchableText=kế+hoạch",
            wait,
        ),
        ("controlpanel", "Site setup", "/@@overview-controlpanel", None),
        (
            "commune-portal-settings",
            "Control panel: commune portal",
            "/@@commune-portal-settings",
            tabs,
        ),
        ("users", "Control panel: users", "/@@usergroup-userprefs", None),
        ("new-user", "Control panel: add a user", "/@@new-user", None),
        ("groups", "Control panel: groups", "/@@usergroup-groupprefs", confirm),
        (
            "confirm-action",
            "Plone's 'Confirm action' page (met on the groups panel)",
            "/@@usergroup-userprefs",
            confirm_page,
        ),
        ("site-settings", "Control panel: site", "/@@site-controlpanel", tabs),
        (
            "navigation-settings",
            "Control panel: navigation",
            "/@@navigation-controlpanel",
            tabs,
        ),
        ("preferences", "Personal preferences", "/@@personal-information", None),
        ("password", "Change password", "/@@change-password", None),
        ("login", "Login form (logged out)", "/login", None),
    ]
    return screens


def settle(page):
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def menu(selector):
    def open_menu(page):
        page.click(f"{selector} > a")
        page.wait_for_timeout(400)

    return open_menu


def wait(page):
    settle(page)


def contents(page):
    page.wait_for_selector(".pat-structure table tbody tr", timeout=15000)
    settle(page)


def contents_button(selector, select=False):
    """Open a button of the folder contents' toolbar (after selecting the
    first item if asked)."""

    def open_button(page):
        contents(page)
        if select:
            page.locator(
                ".pat-structure table tbody input[type=checkbox]"
            ).first.check()
            page.wait_for_timeout(300)
        page.click(selector)
        page.wait_for_timeout(800)
        settle(page)

    return open_button


def editor_dialog(button):
    """Open a dialog of Plone's TinyMCE plugins (link, image)."""

    def open_dialog(page):
        settle(page)
        page.click(f"button[data-mce-name='{button}']")
        page.wait_for_selector(".modal.show, .plone-modal-wrapper", timeout=10000)
        settle(page)

    return open_dialog


def sharing(page):
    settle(page)


def tabs(page):
    """Click every tab of a form, snapshotting after each."""
    settle(page)
    links = page.locator("nav.autotoc-nav a")
    snapshots = []
    for index in range(links.count()):
        links.nth(index).click()
        page.wait_for_timeout(250)
        snapshots.append(page.evaluate(COLLECT))
    return snapshots


def confirm(page):
    """Plone asks to confirm a GET that writes (the groups panel does):
    confirm, as the user would; the confirmation page is its own screen."""
    if "@@confirm-action" in page.url:
        page.click("input[name='form.button.confirm']")
        settle(page)


def confirm_page(page):
    """Show the confirmation page itself: the groups panel asks for it only
    until a first confirmation is saved."""
    token = page.get_attribute("input[name=_authenticator]", "value")
    base = page.url.split("/@@")[0]
    original = urllib.parse.quote(base + "/@@usergroup-groupprefs", safe="")
    page.goto(f"{base}/@@confirm-action?original_url={original}&_authenticator={token}")
    settle(page)


def transition(page):
    """Submit the temporary news item from the workflow menu: the next page
    shows Plone's status message."""
    page.click("#plone-contentmenu-workflow > a")
    page.wait_for_timeout(300)
    page.click("#workflow-transition-submit")
    settle(page)


class Rest:
    """Just enough plone.restapi to add and remove the temporary items."""

    def __init__(self, base, user, password):
        self.base = base
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.headers = {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": f"Basic {token}",
        }

    def call(self, method, path, body=None):
        request = urllib.request.Request(
            self.base + path,
            data=json.dumps(body).encode() if body is not None else None,
            headers=self.headers,
            method=method,
        )
        with urllib.request.urlopen(request) as response:
            data = response.read()
        return json.loads(data) if data else None

    def exists(self, path):
        try:
            self.call("GET", path)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return False
            raise
        return True

    def add_temporary(self):
        for portal_type, (container, item, title) in TEMPORARY.items():
            path = f"{container}/{item}"
            if self.exists(path):
                self.call("DELETE", path + "/@lock", {"force": True})
                self.call("DELETE", path)
            body = {"@type": portal_type, "id": item, "title": title}
            if portal_type == "Image":
                body["image"] = blob(PNG, "image/png", "anh.png")
            elif portal_type == "File":
                body["file"] = blob(PDF, "application/pdf", "tep.pdf")
            else:
                body["text"] = {
                    "data": "<p>Nội dung thử.</p>",
                    "content-type": "text/html",
                }
            self.call("POST", container, body)

    def remove_temporary(self):
        """Unlock what the edit forms locked (the browser leaves them without
        saving) and delete the temporary items."""
        self.call("DELETE", DIRECTIVE + "/@lock", {"force": True})
        for container, item, _ in TEMPORARY.values():
            path = f"{container}/{item}"
            if self.exists(path):
                self.call("DELETE", path + "/@lock", {"force": True})
                self.call("DELETE", path)


def blob(data, content_type, filename):
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "content-type": content_type,
        "filename": filename,
    }


def log_in(page, base, user, password):
    page.goto(base + "/login")
    page.fill("#__ac_name", user)
    page.fill("#__ac_password", password)
    page.click("button[name='buttons.login']")
    settle(page)


def measure(base, user, password):
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.journeys.browser import launch_chromium

    rest = Rest(base, user, password)
    rest.add_temporary()
    results = []
    try:
        with sync_playwright() as playwright:
            # Chromium's own messages in English: they are listed apart.
            browser = launch_chromium(playwright, vietnamese=False)
            editor = browser.new_context(locale="vi-VN")
            page = editor.new_page()
            log_in(page, base, user, password)
            anonymous = browser.new_context(locale="vi-VN").new_page()
            for key, title, path, action in screens():
                tab = anonymous if key == "login" else page
                started = time.monotonic()
                tab.goto(base + path)
                settle(tab)
                snapshots = (action(tab) if action else None) or []
                snapshots.append(tab.evaluate(COLLECT))
                seen = {" ".join(s.split()) for shot in snapshots for s in shot}
                browser_messages = sorted(seen & BROWSER)
                strings = sorted(seen - BROWSER - {""})
                left = [s for s in strings if english(s)]
                results.append(
                    {
                        "key": key,
                        "screen": title,
                        "path": path,
                        "strings": len(strings),
                        "english": len(left),
                        "english_strings": left,
                        "browser_messages": browser_messages,
                        "all_strings": strings,
                    }
                )
                print(
                    f"{key:26} {len(strings):4} strings, {len(left):3} English"
                    f" ({time.monotonic() - started:.1f} s)",
                    file=sys.stderr,
                )
            browser.close()
    finally:
        rest.remove_temporary()
    return results


def markdown(results, label):
    strings = sum(r["strings"] for r in results)
    left = sum(r["english"] for r in results)
    lines = [
        f"# English strings left on the editor screens ({label})",
        "",
        "| screen | strings | English | Vietnamese |",
        "| --- | ---: | ---: | ---: |",
    ]
    for r in results:
        share = (
            100 * (r["strings"] - r["english"]) / r["strings"] if r["strings"] else 0
        )
        lines.append(
            f"| {r['screen']} | {r['strings']} | {r['english']} | {share:.0f} % |"
        )
    share = 100 * (strings - left) / strings if strings else 0
    lines += [f"| **all screens** | {strings} | {left} | {share:.0f} % |", ""]
    for r in results:
        if r["english_strings"]:
            lines += [f"## {r['screen']}", ""]
            lines += [f"- `{s}`" for s in r["english_strings"]]
            lines.append("")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://localhost:8092/Plone")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--label", default="current")
    parser.add_argument("--out", default="bench/results")
    args = parser.parse_args(argv)
    results = measure(args.base.rstrip("/"), args.user, args.password)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"vietnamese-ui-{args.label}"
    stem.with_suffix(".json").write_text(
        json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    report = markdown(results, args.label)
    stem.with_suffix(".md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
