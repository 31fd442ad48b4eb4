"""One Zope, two Plone sites, commune_portal installed in one only."""

from plone.base.utils import get_installer
from tests.helpers import add_plain_site
from tests.helpers import footprint
from zope.component.hooks import setSite
import pytest
import transaction


def _traces(print_):
    """The names in a footprint that belong to commune_portal."""
    found = set()
    for kind, names in print_.items():
        for name in names:
            if "commune_portal" in repr(name) or "commune-portal" in repr(name):
                found.add((kind, name))
    return found


def test_other_site_has_no_trace(app, portal):
    other = add_plain_site(app, "other")
    assert _traces(footprint(other)) == set()
    assert _traces(footprint(portal))  # the installed site has them


def test_work_on_one_site_leaves_the_other_alone(app, portal):
    other = add_plain_site(app, "other")
    before = footprint(other)
    installer = get_installer(portal, portal.REQUEST)
    installer.uninstall_product("commune_portal")
    installer.install_product("commune_portal")
    portal.portal_setup.runAllImportStepsFromProfile("profile-commune_portal:demo")
    setSite(portal)
    assert footprint(other) == before


class TestOverHttp:
    """What a visitor and an integrator see of the other site."""

    @pytest.fixture
    def sites(self, functional_app, functional_portal):
        add_plain_site(functional_app, "other")
        transaction.commit()
        return (
            functional_portal.absolute_url(),
            functional_app.absolute_url() + "/other",
        )

    @pytest.fixture
    def manager(self, request_factory, site_owner_name, site_owner_password):
        session = request_factory(basic_auth=(site_owner_name, site_owner_password))
        return session

    def test_settings_form_only_on_the_installed_site(self, sites, manager):
        ours, other = sites
        assert manager.get(f"{ours}/@@commune-portal-settings").status_code == 200
        assert manager.get(f"{other}/@@commune-portal-settings").status_code == 404

    def test_controlpanel_only_on_the_installed_site(self, sites, manager):
        ours, other = sites
        assert (
            manager.get(f"{ours}/++api++/@controlpanels/commune-portal").status_code
            == 200
        )
        assert (
            manager.get(f"{other}/++api++/@controlpanels/commune-portal").status_code
            == 404
        )
        listed = [
            p["@id"].rsplit("/", 1)[-1]
            for p in manager.get(f"{other}/++api++/@controlpanels").json()
        ]
        assert "commune-portal" not in listed

    def test_vocabularies_empty_on_the_other_site(self, sites, request_factory):
        ours, other = sites
        anonymous = request_factory()
        name = "@vocabularies/commune_portal.vocabularies.Sectors"
        assert anonymous.get(f"{ours}/++api++/{name}").json()["items_total"] > 0
        response = anonymous.get(f"{other}/++api++/{name}")
        assert response.status_code == 200
        assert response.json()["items_total"] == 0
