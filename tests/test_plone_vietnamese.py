"""Plone's own interface in Vietnamese, as the editors of a commune portal
meet it (docs/translations.md).

- Our catalogs of Plone's domains (``locales_plone/vi/LC_MESSAGES/<domain>.po``)
  only ADD Vietnamese: never a msgid that
  another Vietnamese catalog of the same domain translates (catalogs are
  process-wide: they serve every site of the Zope).
- The editor screens, rendered on a ``vi`` site as a site administrator,
  show no English string but the exceptions of ``ALLOWED``; the English
  rule is the one of scripts/measure_vietnamese_ui.py.
"""

from lxml import html
from pathlib import Path
from plone import api
from plone.app.testing import setRoles
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from plone.testing.zope import Browser
from scripts.measure_vietnamese_ui import english
from scripts.measure_vietnamese_ui import NOT_ENGLISH
from scripts.measure_vietnamese_ui import PNG
from tests.helpers import make_document
from tests.helpers import po_entries
from urllib.parse import quote
from zope.component import getUtility
from zope.i18n.interfaces import ITranslationDomain
import commune_portal
import json
import pytest
import re
import transaction


LOCALES = Path(commune_portal.__file__).parent / "locales_plone" / "vi" / "LC_MESSAGES"
DOMAINS = sorted(path.stem for path in LOCALES.glob("*.po"))

# English strings the screens may still show, each with its reason.
ALLOWED = {
    **NOT_ENGLISH,
    # Names and data, not messages.
    "Plone Foundation": "a name, which Plone's Vietnamese catalog keeps in English",
    "English": "the language's own name (language field of the forms)",
    "AuthenticatedUsers": "the id of Plone's virtual group (sharing, groups)",
    "Authenticated Users (Virtual Group)": "title of PlonePAS's virtual group",
    "Administrators": "title of a group Plone creates with the site",
    "Site Administrators": "title of a group Plone creates with the site",
    "Reviewers": "title of a group Plone creates with the site",
    "bientap": "the test user's id",
    "test-user": "the id of plone.app.testing's user",
    # Written in English by Plone's templates, without i18n.
    "Close": "aria-label in the theme's index.html (plonetheme.barceloneta)",
    "Global": "icon title (sharing.pt)",
    "Inherited": "icon title (sharing.pt)",
    "Group": "icon title (sharing.pt)",
    "Inherited from Group": "icon title (usergroups_*overview.pt)",
    "Error": "icon title of a form's errors (plone.app.z3cform macros.pt)",
    "PDF document": "alt of the file type icon (plone.formwidget.namedfile)",
    "PNG image": "alt of the file type icon (plone.formwidget.namedfile)",
    "private": "a state id as a tooltip (content_status_history.pt)",
    "Directive:": "a type id as a tooltip (content_status_history.pt)",
}
ALLOWED_PATTERNS = (
    # Tooltips written without i18n before a name or a title
    # (usergroups_usersoverview.pt, content_status_history.pt).
    re.compile(r"^(Reset password of user|Remove user|Select)( |$)"),
)
PASSWORD = "Mat-khau-thu-2026"
SKIP = {"script", "style", "noscript", "template", "textarea"}
ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


def texts(body):
    """The texts of a page a user sees or hears: text nodes (hidden ones
    too: closed menus, other tabs), tooltips, placeholders, labels for
    screen readers, button values."""
    tree = html.fromstring(body)
    found = set()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag not in SKIP and element.text:
            found.add(element.text)
        parent = element.getparent()
        if element.tail and parent is not None and parent.tag not in SKIP:
            found.add(element.tail)
        found.update(element.get(name) or "" for name in ATTRIBUTES)
        if element.tag == "input" and element.get("type") in ("submit", "button"):
            found.add(element.get("value") or "")
    return {" ".join(text.split()) for text in found} - {""}


def left_in_english(body):
    return sorted(
        text
        for text in texts(body)
        if english(text, ALLOWED)
        and not any(pattern.match(text) for pattern in ALLOWED_PATTERNS)
    )


# -- the catalogs ---------------------------------------------------------


@pytest.mark.parametrize("domain", DOMAINS)
def test_our_catalog_only_adds(portal, domain):
    """No msgid of ours is translated by another Vietnamese catalog of the
    domain (plone.app.locales or any other package): ours only fills gaps.
    Compiled catalogs are what Zope uses: empty and fuzzy entries of a .po
    are not in them, so they count as missing."""
    ours = po_entries(LOCALES / f"{domain}.po")
    translation_domain = getUtility(ITranslationDomain, domain)
    names = translation_domain._catalogs.get("vi", [])
    mine = [name for name in names if name.startswith(str(LOCALES))]
    assert mine, f"locales_plone/vi/LC_MESSAGES/{domain}.mo is not registered"
    # Zope asks the catalogs of a domain in turn and keeps the first answer:
    # Plone's own (CMFPlone includes plone.app.locales before add-ons) would
    # win even if it translated a msgid of ours one day.
    assert names.index(mine[0]) == len(names) - 1
    overridden = {}
    for name in names:
        if name in mine:
            continue
        catalog = translation_domain._data[name]
        if catalog._catalog is None:
            catalog.reload()
        theirs = catalog._catalog._catalog
        overridden[name] = sorted(msgid for msgid in ours if theirs.get(msgid))
    assert overridden == dict.fromkeys(overridden, [])


@pytest.mark.parametrize("domain", DOMAINS)
def test_our_catalog_entries(domain):
    """Every entry is translated, not fuzzy, keeps the ${mappings} and the
    HTML tags of its msgid (or of its default, for an id)."""
    entries = po_entries(LOCALES / f"{domain}.po")
    assert entries
    for msgid, (msgstr, comments) in entries.items():
        assert msgstr and msgstr != msgid, msgid
        assert "fuzzy" not in comments, msgid
        default = re.search(r'^#\. Default: "(.*)"$', comments, re.M)
        source = default[1].replace('\\"', '"') if default else msgid
        for pattern in (r"\$\{\w+\}", r"</?\w+"):
            assert sorted(re.findall(pattern, source)) == sorted(
                re.findall(pattern, msgstr)
            ), msgid


# -- the screens ----------------------------------------------------------

SCREENS = {
    "toolbar and menus, on a section": "/van-ban",
    "a document, with its workflow menu": "/van-ban/kh-05-2026",
    "workflow: the 'Advanced…' state form": "/van-ban/kh-05-2026/content_status_history",
    "history": "/van-ban/kh-05-2026/@@historyview",
    "folder contents": "/van-ban/folder_contents",
    "sharing": "/van-ban/@@sharing",
    "add form: Directive": "/van-ban/++add++Directive",
    "edit form: Directive": "/van-ban/kh-05-2026/edit",
    "add form: Page": "/thu-tuc-hanh-chinh/++add++Document",
    "edit form: Page": "/thu-tuc-hanh-chinh/trang/edit",
    "add form: News Item": "/tin-tuc/++add++News Item",
    "edit form: News Item": "/tin-tuc/tin/edit",
    "add form: File": "/tin-tuc/++add++File",
    "edit form: File": "/tin-tuc/tep/edit",
    "add form: Image": "/tin-tuc/++add++Image",
    "edit form: Image": "/tin-tuc/anh/edit",
    "search with results": "/@@search?SearchableText=" + quote("kế hoạch"),
    "site setup": "/@@overview-controlpanel",
    "control panel: commune portal": "/@@commune-portal-settings",
    "control panel: users": "/@@usergroup-userprefs",
    "control panel: add a user": "/@@new-user",
    "control panel: groups": "/@@usergroup-groupprefs",
    "control panel: site": "/@@site-controlpanel",
    "control panel: navigation": "/@@navigation-controlpanel",
    "personal information": "/@@personal-information",
    "change password": "/@@change-password",
}


@pytest.fixture(scope="class")
def commune(functional_portal_class):
    """The standard sections, a draft document, a page, a news item, a file,
    an image and a site administrator, as a commune has them."""
    portal = functional_portal_class
    title = "Cổng thông tin điện tử xã Nghi Dương"
    api.portal.set_registry_record("plone.site_title", title)
    portal.title = title
    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile("profile-commune_portal:structure")
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            portal["thu-tuc-hanh-chinh"], "Document", id="trang", title="Trang"
        )
        api.content.create(portal["tin-tuc"], "News Item", id="tin", title="Tin")
        api.content.create(
            portal["tin-tuc"],
            "File",
            id="tep",
            title="Tệp",
            file=NamedBlobFile(data=b"%PDF-1.4", filename="tep.pdf"),
        )
        api.content.create(
            portal["tin-tuc"],
            "Image",
            id="anh",
            title="Ảnh",
            image=NamedBlobImage(data=PNG, filename="anh.png"),
        )
        api.user.create(
            email="bientap@xa-nghiduong.example.vn",
            username="bientap",
            password=PASSWORD,
            properties={"fullname": "Nguyễn Thị Biên"},
        )
    setRoles(portal, "bientap", ["Member", "Site Administrator"])
    make_document(
        portal["van-ban"],
        "kh-05-2026",
        "Kế hoạch chuyển đổi số năm 2026",
        document_number="05/KH-UBND",
        publish=False,
    )
    transaction.commit()
    return portal


@pytest.fixture
def browser(functional_app_class, commune):
    """A browser logged in as the site administrator ``bientap``."""
    browser = Browser(functional_app_class)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic bientap:{PASSWORD}")
    return browser


def in_english(found):
    return {name: strings for name, strings in found.items() if strings}


class TestScreens:
    def test_client_side_catalog_merges_ours(self, browser, commune):
        """@@plonejsi18n, from which mockup (folder contents, related items,
        upload, TinyMCE dialogs) takes its catalogs, merges every registered
        catalog of a domain: Plone's Vietnamese and ours."""
        browser.open(commune.absolute_url() + "/plonejsi18n?domain=widgets&language=vi")
        catalog = json.loads(browser.contents)
        assert catalog["Cancel"] == "Hủy"  # plone.app.locales
        assert catalog["Configure displayed columns"] == "Chọn các cột hiển thị"

    def test_editor_screens(self, browser, commune):
        url = commune.absolute_url()
        left = {}
        for screen, path in SCREENS.items():
            browser.open(url + path)
            if "@@confirm-action" in browser.url:
                # Plone asks once to confirm the users and groups panels.
                left["confirmation page"] = left_in_english(browser.contents)
                browser.getControl(name="form.button.confirm").click()
            left[screen] = left_in_english(browser.contents)
        assert in_english(left) == {}

    def test_folder_contents_settings(self, browser, commune):
        """Folder contents is drawn in the browser from the page's settings:
        column names, sort criteria, buttons and their dialogs."""
        browser.open(commune.absolute_url() + "/van-ban/folder_contents")
        settings = json.loads(
            html.fromstring(browser.contents)
            .xpath("//*[@data-pat-structure]")[0]
            .get("data-pat-structure")
        )
        found = {
            *settings["availableColumns"].values(),
            *settings["rearrange"]["properties"].values(),
        }
        for button in settings["buttons"]:
            found.add(button.get("tooltip") or "")
            form = button.get("form") or {}
            found.update(
                form.get(key) or "" for key in ("title", "submitText", "closeText")
            )
            template = re.sub(r"<%.*?%>", " ", form.get("template") or "", flags=re.S)
            found.update(texts(f"<div>{template}</div>"))
        assert sorted(text for text in found if text and english(text, ALLOWED)) == []

    def test_form_messages(self, browser, commune):
        """What editors read after a missing field, cancelling, saving."""
        url = commune.absolute_url()
        left = {}
        browser.open(url + "/van-ban/++add++Directive")
        browser.getControl(name="form.buttons.save").click()
        left["errors"] = left_in_english(browser.contents)
        browser.getControl(name="form.buttons.cancel").click()
        left["add cancelled"] = left_in_english(browser.contents)
        browser.open(url + "/tin-tuc/tin/edit")
        browser.getControl(name="form.buttons.save").click()
        left["saved"] = left_in_english(browser.contents)
        browser.open(url + "/tin-tuc/tin/edit")
        browser.getControl(name="form.buttons.cancel").click()
        left["edit cancelled"] = left_in_english(browser.contents)
        browser.open(url + "/tin-tuc/++add++News Item")
        browser.getControl(name="form.widgets.IDublinCore.title").value = "Tin mới"
        browser.getControl(name="form.buttons.save").click()
        left["created"] = left_in_english(browser.contents)
        assert in_english(left) == {}

    def test_login_screens(self, functional_app_class, commune):
        browser = Browser(functional_app_class)
        browser.handleErrors = False
        url = commune.absolute_url()
        left = {}
        browser.open(url + "/login")
        left["login"] = left_in_english(browser.contents)
        browser.getControl(name="__ac_name").value = "bientap"
        browser.getControl(name="__ac_password").value = "sai-mat-khau"
        browser.getControl(name="buttons.login").click()
        left["login failed"] = left_in_english(browser.contents)
        browser.open(url + "/@@login-help")
        left["login help"] = left_in_english(browser.contents)
        assert in_english(left) == {}
