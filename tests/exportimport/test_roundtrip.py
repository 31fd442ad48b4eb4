"""A commune site moved with plone.exportimport loses nothing.

The source is the demo commune with the standard sections, plus an item in
every state of every workflow of the add-on, local roles, a private annex
in a draft document, a classified draft, values outside the control
panel's lists and a folder whose policy differs in and below it. It is
exported with plone.exportimport's exporter, imported into a fresh site
with commune_portal:default (as plone-importer does, with its commits),
and compared item by item.

The same export, changed, shows that a classified item never ends
published or circulated; imported into a site without the add-on, that
nothing is committed; imported through ``@import`` (the add-on's browser
layer on the request), that the files arrive. One export serves every test
of the class."""

from commune_portal import legal_status
from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.exportimport.pipeline import CommuneImporter
from commune_portal.interfaces import ICommunePortalCatalog
from commune_portal.workflows.classified import WITHDRAW_ACTION
from commune_portal.workflows.guards import LAST_EDITOR
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.exportimport.exporters import Exporter
from plone.exportimport.exporters import get_exporter
from plone.exportimport.importers import get_importer
from plone.exportimport.importers import IMPORTER_NAMES
from plone.exportimport.interfaces import IExportImportRequestMarker
from plone.exportimport.utils.zip_utils import export_to_zip
from plone.registry.interfaces import IRegistry
from tests.exportimport import sites
from zope.component import getUtility
from zope.interface import noLongerProvides
import pytest
import requests
import transaction


TARGET = "xa-nghiduong-moi"


@pytest.fixture(scope="class")
def source(functional_portal_class):
    portal = functional_portal_class
    with sites.on_site(portal), sites.as_system():
        sites.build_source(portal)
        sites.items_in_every_state(portal)
        # The reference: the catalog as its indexers make it now (content
        # built by code may have skipped a reindex).
        for path in sites.content_paths(portal):
            portal.unrestrictedTraverse(path.lstrip("/")).reindexObject()
    transaction.commit()
    return portal


@pytest.fixture(scope="class")
def exported(source, tmp_path_factory):
    path = tmp_path_factory.mktemp("export")
    sites.export_site(source, path)
    return path


@pytest.fixture(scope="class")
def moved(functional_app_class, source, exported):
    """``(target site, importer, report lines)``."""
    target = sites.add_commune_site(functional_app_class, TARGET)
    transaction.commit()
    importer, lines = sites.import_site(target, exported)
    transaction.commit()
    return target, importer, lines


@pytest.fixture(scope="class")
def target(moved):
    return moved[0]


@pytest.fixture(scope="class")
def plain(functional_app_class, source):
    """A site of the same Zope without the add-on."""
    site = sites.add_site_without_addon(functional_app_class, "khong-co-cong-xa")
    transaction.commit()
    return site


def published_entry(workflow_id, state):
    """A history entry a tampered (or older) export could carry."""

    def change(data):
        history = data["workflow_history"]
        entries = history.pop(next(iter(history)))
        history[workflow_id] = [
            *entries,
            {
                "action": "publish",
                "actor": "bientap",
                "comments": "",
                "review_state": state,
                "time": "2026-02-01T09:00:00+07:00",
            },
        ]
        data["review_state"] = state
        return data

    return change


def moved_to(path, uid, number):
    """The data of an exported document as another document at ``path``."""

    def change(data):
        data.update(
            {
                "@id": path,
                "id": path.rsplit("/", 1)[-1],
                "UID": uid,
                "document_number": number,
                "title": "Tài liệu mật của kỳ họp",
            }
        )
        return published_entry("council_material_workflow", "circulated")(data)

    return change


@pytest.fixture(scope="class")
def tampered(functional_app_class, exported, tmp_path_factory):
    """An export whose classified draft says ``published``, with a
    classified document ``circulated`` to the council delegates, imported
    into a fresh site: ``(site, report lines)``."""
    path = sites.tamper(
        exported,
        tmp_path_factory.mktemp("tampered"),
        {
            "/van-ban/du-thao-mat": (
                "/van-ban/du-thao-mat",
                published_entry("commune_editorial_workflow", "published"),
            ),
            "/hdnd/tai-lieu-mat": (
                "/van-ban/du-thao-mat",
                moved_to("/hdnd/tai-lieu-mat", "f" * 32, "09/BC-HĐND"),
            ),
        },
    )
    site = sites.add_commune_site(functional_app_class, "xa-tu-ban-xuat-sua")
    transaction.commit()
    _importer, lines = sites.import_site(site, path)
    transaction.commit()
    return site, lines


def pairs(source, target):
    """``(path, object in source, object in target)`` of every item."""
    for path in sites.content_paths(source):
        yield (
            path,
            source.unrestrictedTraverse(path.lstrip("/")),
            target.unrestrictedTraverse(path.lstrip("/"), None),
        )


class TestRoundTrip:
    def test_sequence_on_a_commune_site(self, moved):
        _target, importer, _lines = moved
        assert isinstance(importer, CommuneImporter)
        names = list(importer.importers)
        assert names[:3] == [
            "plone.importer.principals",
            "commune_portal.importer.settings",
            "plone.importer.content",
        ]
        assert names[-2:] == ["plone.importer.final", "commune_portal.importer.rebuild"]

    def test_settings_file_exported(self, exported):
        assert (exported / "commune_portal.json").is_file()

    def test_every_item_arrives(self, source, target, moved):
        _target, importer, _lines = moved
        assert sites.content_paths(target) == sites.content_paths(source)
        assert importer.incomplete == {}
        # Refused at first: the agenda names a paper imported after it.
        assert ("/hdnd/ky-hop-chuyen-de", ["agenda"]) in (
            importer.report.completed_later
        )
        for path, before, after in pairs(source, target):
            assert after.UID() == before.UID(), path
            assert after.portal_type == before.portal_type, path

    def test_registry(self, source, target):
        with sites.on_site(source):
            expected = {
                name: api.portal.get_registry_record(name)
                for name in source.portal_registry.records
                if name.startswith("commune_portal.")
            }
        with sites.on_site(target):
            found = {name: api.portal.get_registry_record(name) for name in expected}
        # The lists, completed with the entries a document holds.
        for name, entry in (
            ("commune_portal.issuing_bodies", sites.OUTSIDE_BODY),
            ("commune_portal.sectors", sites.OUTSIDE_SECTOR),
        ):
            assert entry not in expected[name]
            expected[name] = [*expected[name], entry]
        assert found == expected
        assert found["commune_portal.commune_name"] == "Xã Nghi Dương"
        assert found["commune_portal.four_eyes"] is True

    def test_every_field(self, source, target):
        for path, before, after in pairs(source, target):
            assert sites.same_fields(source, before, target, after) == {}, path

    def test_states_and_histories(self, source, target):
        for path, before, after in pairs(source, target):
            with sites.on_site(source):
                state = api.content.get_state(before, default=None)
            with sites.on_site(target):
                assert api.content.get_state(after, default=None) == state, path
            assert sites.history_states(after) == sites.history_states(before), path

    def test_every_state_of_every_workflow(self, source, target):
        workflow_tool = target.portal_workflow
        for workflow_id in sites.WORKFLOWS:
            workflow = workflow_tool.getWorkflowById(workflow_id)
            states = set()
            for _path, _before, after in pairs(source, target):
                with sites.on_site(target):
                    for found in workflow_tool.getWorkflowsFor(after):
                        if found.getId() == workflow_id:
                            states.add(found._getWorkflowStateOf(after, id_only=True))
            if workflow_id == "voter_petition_workflow" and not states:
                continue  # no type of this tree is under it yet
            assert states == set(workflow.states.objectIds()), workflow_id

    def test_policies(self, source, target, moved):
        folders = 0
        for path, before, after in pairs(source, target):
            if not getattr(before, "isPrincipiaFolderish", False):
                continue
            assert sites.policies(after) == sites.policies(before), path
            folders += sites.policies(before) != ("", "")
        assert sites.policies(target["van-ban"]["nam-2025"]) == (
            "commune_one_step",
            "commune_two_step",
        )
        assert folders >= 6
        # Set while the content was imported, each folder before its items.
        assert len(moved[1].report.policies) == folders

    def test_local_roles(self, source, target):
        for path, before, after in pairs(source, target):
            assert sites.local_roles(after) == sites.local_roles(before), path

    def test_relations_both_ways(self, source, target):
        total = 0
        for path, before, after in pairs(source, target):
            with sites.on_site(source):
                expected = sites.relations(source, before)
            with sites.on_site(target):
                assert sites.relations(target, after) == expected, path
            total += len(expected[0])
        assert total >= 10

    def test_legal_status(self, source, target):
        checked = 0
        for path, before, after in pairs(source, target):
            document = IOfficialDocument(after, None)
            if document is None:
                continue
            with sites.on_site(source):
                (brain_before,) = source.portal_catalog.unrestrictedSearchResults(
                    UID=before.UID()
                )
                status = IOfficialDocument(before).legal_status
            with sites.on_site(target):
                (brain_after,) = target.portal_catalog.unrestrictedSearchResults(
                    UID=after.UID()
                )
                assert document.legal_status == status, path
            assert brain_after.legal_window == brain_before.legal_window, path
            assert legal_status.status_on(*brain_after.legal_window) == status, path
            # What it ends, for a later edit to reindex it.
            assert getattr(after, "_commune_portal_ended", ()) == getattr(
                before, "_commune_portal_ended", ()
            ), path
            checked += 1
        assert checked >= 35

    def test_catalog(self, source, target):
        columns = (
            "review_state",
            "legal_window",
            "last_review",
            "issuing_body",
            "sectors",
            "document_type",
            "legal_basis_end",
        )
        indexes = ("workflow_actors", "last_review_action", "allowedRolesAndUsers")
        own = sites.root_principals(source, target)
        for path, before, after in pairs(source, target):
            (brain_before,) = source.portal_catalog.unrestrictedSearchResults(
                UID=before.UID()
            )
            (brain_after,) = target.portal_catalog.unrestrictedSearchResults(
                UID=after.UID()
            )
            for column in columns:
                assert getattr(brain_after, column, None) == getattr(
                    brain_before, column, None
                ), (path, column)
            data_before = source.portal_catalog.getIndexDataForRID(
                brain_before.getRID()
            )
            data_after = target.portal_catalog.getIndexDataForRID(brain_after.getRID())
            for index in indexes:
                expected, found = data_before.get(index), data_after.get(index)
                if isinstance(expected, (list, tuple)):
                    expected, found = set(expected), set(found or ())
                if index == "allowedRolesAndUsers":
                    # Inherited from the site roots: each site's own.
                    expected, found = expected - own, found - own
                assert found == expected, (path, index)

    def test_search_ignoring_tone_marks(self, source, target):
        for words in ("uy ban", "nghi duong", "thuy loi", "ban chi huy quan su"):
            found = sites.anonymous_search(target, SearchableText=words)
            assert found == sites.anonymous_search(source, SearchableText=words), words
        assert "/van-ban/qd-99-2026" in sites.anonymous_search(
            target, SearchableText="ban chi huy quan su"
        )

    def test_anonymous_view(self, source, target):
        public = 0
        for path, before, after in pairs(source, target):
            with sites.on_site(source):
                security = sites.security(before)
                visible = sites.anonymous_can_view(before)
            with sites.on_site(target):
                assert sites.security(after) == security, path
                assert sites.anonymous_can_view(after) == visible, path
            public += visible
        assert public >= 20
        assert sites.anonymous_search(target) == sites.anonymous_search(source)
        # The private annex and the classified draft stay out of sight.
        for path in ("van-ban/kh-phu-luc/phu-luc", "van-ban/du-thao-mat"):
            assert not sites.anonymous_can_view(target.unrestrictedTraverse(path))

    def test_classified_draft(self, target):
        draft = target["van-ban"]["du-thao-mat"]
        assert IOfficialDocument(draft).confidentiality == "secret"
        with sites.on_site(target):
            assert api.content.get_state(draft) == "private"
        # Reader given on the item reaches it through the technical role.
        assert ("docmat", ("ClassifiedReader", "Reader")) in sites.local_roles(draft)[0]

    def test_values_outside_the_lists(self, target, moved):
        _target, _importer, lines = moved
        document = IOfficialDocument(target["van-ban"]["qd-99-2026"])
        assert document.issuing_body == sites.OUTSIDE_BODY
        assert document.sectors == ["Nội vụ", sites.OUTSIDE_SECTOR]
        assert document.document_type == sites.OUTSIDE_TYPE
        report = "\n".join(lines)
        assert sites.OUTSIDE_BODY in report
        assert sites.OUTSIDE_SECTOR in report
        assert "/van-ban/qd-99-2026" in report
        assert f"“{sites.OUTSIDE_TYPE}”" in report

    def test_last_editor(self, source, target):
        for path, before, after in pairs(source, target):
            assert getattr(after, LAST_EDITOR, None) == getattr(
                before, LAST_EDITOR, None
            ), path
        assert getattr(target["van-ban"]["qd-99-2026"], LAST_EDITOR) == "canbo"

    def test_target_is_a_commune_site(self, target):
        assert ICommunePortalCatalog.providedBy(target.portal_catalog)

    # A tampered export: whatever it says, a classified item ends in its
    # draft state.

    @pytest.mark.parametrize(
        "path, workflow_id, state",
        [
            ("van-ban/du-thao-mat", "commune_editorial_workflow", "published"),
            ("hdnd/tai-lieu-mat", "council_material_workflow", "circulated"),
        ],
    )
    def test_withdrawn(self, tampered, path, workflow_id, state):
        site, lines = tampered
        obj = site.unrestrictedTraverse(path)
        assert IOfficialDocument(obj).confidentiality == "secret"
        history = obj.workflow_history[workflow_id]
        # The export's state, then the rule took it back.
        assert history[-2]["review_state"] == state
        assert history[-1]["action"] == WITHDRAW_ACTION
        with sites.on_site(site):
            assert api.content.get_state(obj) == "private"
            (brain,) = site.portal_catalog.unrestrictedSearchResults(UID=obj.UID())
        assert brain.review_state == "private"
        assert not sites.anonymous_can_view(obj)
        assert f"/{path}" not in sites.anonymous_search(site)
        assert f"/{path}" in "\n".join(lines)

    # A site of the same Zope without the add-on.

    def test_plain_site_export_is_plone_exportimports(self, plain, tmp_path):
        with sites.on_site(plain):
            exporter = get_exporter(plain)
            assert list(exporter.exporters) == list(Exporter.all_exporters(exporter))
        assert "commune_portal.exporter" not in exporter.exporters
        paths = sites.export_site(plain, tmp_path)
        assert not (tmp_path / "commune_portal.json").exists()
        assert all("commune_portal" not in path.name for path in paths)

    def test_import_into_a_site_without_the_addon(self, source, plain, exported):
        """plone-importer stops at the first item of a type the site does
        not have, and nothing is committed: no content, no user, no
        setting."""
        with sites.on_site(plain):
            importer = get_importer(plain)
        assert list(importer.importers) == [
            name for name in IMPORTER_NAMES if name in importer.importers
        ]
        with pytest.raises(ValueError, match="^Invalid type ") as error:
            sites.import_site(plain, exported)
        transaction.abort()
        # plone.exportimport leaves its marker on the request after an error.
        noLongerProvides(plain.REQUEST, IExportImportRequestMarker)
        missing_type = str(error.value).removeprefix("Invalid type ")
        # A type of the add-on: the source has it, this site does not.
        assert missing_type in set(source.portal_types.objectIds()) - set(
            plain.portal_types.objectIds()
        )
        assert sites.content_paths(plain) == []
        assert plain.acl_users.getUserById("bientap") is None
        with sites.on_site(plain):
            registry = getUtility(IRegistry)
            assert not [
                name for name in registry.records if name.startswith("commune_portal")
            ]

    # plone.restapi's @import, where the request has the add-on's layer,
    # into a site with the standard sections already.

    def test_rest_import(self, source, exported, functional_app_class):
        site = sites.add_commune_site(
            functional_app_class, "xa-nhap-qua-rest", structure=True
        )
        transaction.commit()
        archive = export_to_zip(exported).getvalue()
        response = requests.post(
            f"{site.absolute_url()}/++api++/@import",
            files={"file": ("xa.zip", archive, "application/zip")},
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            headers={"Accept": "application/json"},
            timeout=300,
        )
        assert response.status_code == 200, response.text
        report = "\n".join(response.json()["report"])
        assert sites.OUTSIDE_BODY in report
        transaction.begin()
        assert sites.content_paths(site) == sites.content_paths(source)
        for path in sites.content_paths(source):
            before = source.unrestrictedTraverse(path.lstrip("/"))
            after = site.unrestrictedTraverse(path.lstrip("/"))
            # Files included: the add-on's file deserializer of the layer
            # hands them to plone.exportimport's. An import through the web
            # is an edit by the importing user, whom Plone adds to the
            # creators of the items the export gives none.
            differences = sites.same_fields(
                source, before, site, after, ignore=("creators",)
            )
            assert differences == {}, path
            assert sites.anonymous_can_view(after) == sites.anonymous_can_view(
                before
            ), path
            assert sites.policies(after) == sites.policies(before), path
            assert sites.local_roles(after) == sites.local_roles(before), path
