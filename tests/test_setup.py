"""Installing and uninstalling commune_portal."""

from commune_portal.interfaces import ICommunePortalLayer
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.base.utils import get_installer
from plone.testing.zope import Browser
from tests.helpers import add_plain_site
from tests.helpers import footprint
from xml.etree import ElementTree
from zope.component.hooks import setSite
import commune_portal
import pytest
import transaction


PROFILE = "commune_portal:default"
METADATA = (
    Path(commune_portal.__file__).parent / "profiles" / "default" / "metadata.xml"
)


class TestSetupInstall:
    def test_product_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_profile_version_is_the_code_version(
        self, setup_tool, profile_last_version
    ):
        expected = ElementTree.parse(METADATA).findtext("version")
        assert profile_last_version(PROFILE) == expected
        assert setup_tool.listUpgrades(PROFILE) == []

    def test_browserlayer(self, browser_layers):
        assert ICommunePortalLayer in browser_layers

    def test_controlpanel_configlet(self, controlpanel_actions):
        assert "commune-portal" in controlpanel_actions

    def test_registry_defaults(self, portal):
        sectors = api.portal.get_registry_record("commune_portal.sectors")
        assert "Hộ tịch" in sectors
        assert "Đất đai" in sectors
        assert api.portal.get_registry_record("commune_portal.current_term") == (
            "2026-2031"
        )
        assert api.portal.get_registry_record("commune_portal.national_portal_url") == (
            "https://dichvucong.gov.vn"
        )
        assert api.portal.get_registry_record("commune_portal.commune_name") == ""

    def test_directive_type_and_display_view(self, portal):
        types = portal.portal_types
        assert "Directive" in types.objectIds()
        assert "directives-view" in types["Folder"].view_methods
        assert "listing_view" in types["Folder"].view_methods

    @pytest.mark.parametrize(
        "role,allowed",
        [
            ("Manager", True),
            ("Site Administrator", True),
            ("Editor", False),
            ("Reviewer", False),
            ("Contributor", False),
            ("Member", False),
            ("Anonymous", False),
        ],
    )
    def test_manage_settings_permission(self, portal, role, allowed):
        roles = [
            r["name"]
            for r in portal.rolesOfPermission("commune_portal: Manage settings")
            if r["selected"]
        ]
        assert (role in roles) is allowed


class TestSetupUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer, package_name):
        installer.uninstall_product(package_name)

    def test_product_uninstalled(self, installer, package_name):
        assert installer.is_product_installed(package_name) is False

    def test_browserlayer_removed(self, browser_layers):
        assert ICommunePortalLayer not in browser_layers

    def test_controlpanel_configlet_removed(self, controlpanel_actions):
        assert "commune-portal" not in controlpanel_actions

    def test_registry_records_removed(self, portal):
        registry = portal.portal_registry
        assert [
            key for key in registry.records if key.startswith("commune_portal.")
        ] == []

    def test_folder_display_view_removed(self, portal):
        view_methods = portal.portal_types["Folder"].view_methods
        assert "directives-view" not in view_methods
        assert "listing_view" in view_methods

    def test_reinstall(self, installer, package_name, browser_layers):
        installer.install_product(package_name)
        assert installer.is_product_installed(package_name) is True
        assert (
            api.portal.get_registry_record("commune_portal.current_term") == "2026-2031"
        )


def test_uninstall_leaves_no_trace(app, portal):
    """Install then uninstall on a fresh site: the site is as it was."""
    fresh = add_plain_site(app, "fresh")
    before = footprint(fresh)
    setSite(fresh)
    try:
        installer = get_installer(fresh, fresh.REQUEST)
        installer.install_product("commune_portal")
        installed = footprint(fresh)
        installer.uninstall_product("commune_portal")
        after = footprint(fresh)
    finally:
        setSite(portal)
    # The install did change the site ...
    assert installed["registry"] - before["registry"]
    # ours, and Plone's "Workflow Policies" (CMFPlacefulWorkflow, a dependency)
    assert installed["configlets"] - before["configlets"] == {
        "commune-portal",
        "placefulworkflow",
    }
    assert "commune_portal.interfaces.ICommunePortalLayer" in installed["layers"]
    # ... and the uninstall took every change back.
    for kind in before:
        assert after[kind] == before[kind], kind


def test_site_works_after_uninstall(functional_app, functional_portal, request_factory):
    """Content made while the add-on was installed stays usable after it is
    removed: the front page, a folder that used the "Văn bản" listing, a
    published page, and Plone's own search (with Plone's lexicon again)."""
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            portal, "Folder", id="gioi-thieu", title="Giới thiệu"
        )
        folder.setLayout("directives-view")
        page = api.content.create(
            folder,
            "Document",
            id="lich-su",
            title="Lịch sử xã Nghi Dương",
            text=RichTextValue("<p>Xã Nghi Dương thành lập năm 1945.</p>"),
        )
        api.content.transition(folder, "publish")
        api.content.transition(page, "publish")
    get_installer(portal, portal.REQUEST).uninstall_product("commune_portal")
    transaction.commit()

    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.open(portal.absolute_url())
    assert browser.headers["status"].startswith("200")
    browser.open(f"{portal.absolute_url()}/gioi-thieu")
    assert "Lịch sử xã Nghi Dương" in browser.contents
    browser.open(f"{portal.absolute_url()}/gioi-thieu/lich-su")
    assert "thành lập năm 1945" in browser.contents
    api_anonymous = request_factory()
    api_anonymous.headers["Accept"] = "application/json"
    found = api_anonymous.get("/@search", params={"SearchableText": "Nghi Dương"})
    assert found.status_code == 200
    assert [item["title"] for item in found.json()["items"]] == [
        "Lịch sử xã Nghi Dương"
    ]
