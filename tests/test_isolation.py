"""One Zope, two Plone sites, commune_portal installed in one only."""

from commune_portal.indexers.workflow import refresh_after_sharing
from commune_portal.interfaces import ICommunePortalCatalog
from datetime import date
from plone import api
from plone.base.utils import get_installer
from plone.indexer.interfaces import IIndexer
from Products.ZCatalog.interfaces import IZCatalog
from tests.helpers import add_plain_site
from tests.helpers import footprint
from tests.helpers import make_document
from zope.component import getGlobalSiteManager
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


def our_indexers():
    """Every catalog indexer the add-on registers, by name."""
    return {
        registration.name: registration
        for registration in getGlobalSiteManager().registeredAdapters()
        if registration.provided is IIndexer
        and registration.factory.__module__.startswith("commune_portal.")
    }


def test_every_indexer_is_for_our_catalogs_only():
    registrations = our_indexers()
    assert {"sectors", "document_type", "workflow_actors", "sortable_title_vi"} <= set(
        registrations
    )
    for name, registration in registrations.items():
        catalog = registration.required[1]
        assert catalog is ICommunePortalCatalog, name
        assert catalog is not IZCatalog


class TestCatalogOfAnotherSite:
    """A site of the same Zope without the add-on, whose catalog has its own
    indexes and metadata under the names of ours, indexes its content's
    attributes: our indexers (and their "no value" for everything but
    official documents) are not consulted there."""

    @pytest.fixture
    def other(self, app, portal):
        site = add_plain_site(app, "other")
        catalog = site.portal_catalog
        catalog.addIndex("sectors", "KeywordIndex")
        catalog.addIndex("document_type", "FieldIndex")
        catalog.addIndex("confidentiality", "FieldIndex")
        catalog.addIndex("workflow_actors", "KeywordIndex")
        for column in ("sectors", "document_type", "confidentiality"):
            catalog.addColumn(column)
        setSite(site)
        yield site
        setSite(portal)

    def _page(self, site, **attributes):
        with api.env.adopt_roles(["Manager"]):
            page = api.content.create(
                site, "Document", id="ke-hoach-vu-dong", title="Kế hoạch vụ đông"
            )
        for name, value in attributes.items():
            setattr(page, name, value)
        page.reindexObject()
        return page

    def test_plone_wrapper_there_ours_here(self, other, portal):
        """Our indexable wrapper (values shared by the indexers of one
        reindex) wraps objects for our catalog only."""
        from commune_portal.indexers.shared import SharedValuesWrapper
        from plone.indexer.interfaces import IIndexableObject
        from plone.indexer.wrapper import IndexableObjectWrapper
        from zope.component import getMultiAdapter

        page = self._page(other)
        theirs = getMultiAdapter((page, other.portal_catalog), IIndexableObject)
        assert type(theirs) is IndexableObjectWrapper
        ours = getMultiAdapter((portal, portal.portal_catalog), IIndexableObject)
        assert type(ours) is SharedValuesWrapper

    def test_its_indexes_hold_its_attributes(self, other):
        page = self._page(
            other,
            sectors=["Nông nghiệp", "Thủy lợi"],
            document_type="ke-hoach",
            confidentiality="noi-bo",
            workflow_actors=["to-khuyen-nong"],
        )
        catalog = other.portal_catalog
        assert not ICommunePortalCatalog.providedBy(catalog)
        path = "/".join(page.getPhysicalPath())
        for query in (
            {"sectors": "Nông nghiệp"},
            {"sectors": "Thủy lợi"},
            {"document_type": "ke-hoach"},
            {"confidentiality": "noi-bo"},
            {"workflow_actors": "to-khuyen-nong"},
        ):
            brains = catalog.unrestrictedSearchResults(**query)
            assert [brain.getPath() for brain in brains] == [path], query
        (brain,) = catalog.unrestrictedSearchResults(UID=page.UID())
        assert brain.sectors == ["Nông nghiệp", "Thủy lợi"]
        assert brain.document_type == "ke-hoach"
        assert brain.confidentiality == "noi-bo"

    def test_its_workflow_leaves_its_values(self, other):
        page = self._page(other, workflow_actors=["to-khuyen-nong"])
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(page, "publish")
        catalog = other.portal_catalog
        assert catalog.unrestrictedSearchResults(
            workflow_actors="to-khuyen-nong", review_state="published"
        )
        # Our refresh after a sharing change does not touch its catalog.
        before = catalog.getCounter()
        refresh_after_sharing(page, None)
        assert catalog.getCounter() == before

    def test_every_name_of_ours(self, other):
        """An index and a column of the other site for each of our indexer
        names: each holds the page's own attribute."""
        catalog = other.portal_catalog
        # Not Plone's own columns either (``getObjSize``: computed by
        # Plone's indexer there, never read from an attribute).
        names = sorted(
            set(our_indexers()) - set(catalog.indexes()) - set(catalog.schema())
        )
        for name in names:
            catalog.addIndex(name, "FieldIndex")
            catalog.addColumn(name)
        page = self._page(other, **{name: f"own {name}" for name in names})
        (brain,) = catalog.unrestrictedSearchResults(UID=page.UID())
        for name in names:
            assert catalog.unrestrictedSearchResults(**{name: f"own {name}"}), name
            assert getattr(brain, name) == f"own {name}", name

    def test_our_site_still_indexes_ours(self, other, portal):
        setSite(portal)
        doc = make_document(
            portal,
            "kh-01",
            "Kế hoạch sản xuất vụ đông",
            document_number="01/KH-UBND",
            document_type="ke-hoach",
            issue_date=date(2026, 9, 1),
            sectors=["Nông nghiệp"],
        )
        catalog = portal.portal_catalog
        assert ICommunePortalCatalog.providedBy(catalog)
        (brain,) = catalog.unrestrictedSearchResults(
            sectors="Nông nghiệp", document_type="ke-hoach"
        )
        assert doc.UID() == brain.UID
        assert brain.document_number == "01/KH-UBND"
        assert brain.legal_window[1] > 0
        # Anything else of our site: no value, never an acquired one.
        with api.env.adopt_roles(["Manager"]):
            annex = api.content.create(doc, "File", id="phu-luc", title="Phụ lục")
        (brain,) = catalog.unrestrictedSearchResults(UID=annex.UID())
        assert not catalog.unrestrictedSearchResults(
            UID=annex.UID(), document_type="ke-hoach"
        )
        assert not brain.document_number


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
