"""A classified document is never public, whatever the path: each path
either refuses the change with the reason, or takes the item out of the
public (and circulated) states so that Anonymous cannot view it."""

from AccessControl.PermissionRole import rolesForPermissionOn
from commune_portal import confidentiality
from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.workflows.classified import WITHDRAW_ACTION
from commune_portal.workflows.policies import POLICY_SWITCH_ACTION
from commune_portal.workflows.policies import switch_policy
from datetime import date
from plone import api
from plone.testing.zope import Browser
from Products.GenericSetup.events import ProfileImportedEvent
from tests.helpers import make_document
from tests.helpers import reach_state
from zope.event import notify
from zope.globalrequest import setRequest
from zope.i18n import translate
from zope.lifecycleevent import modified
import json
import pytest
import transaction


SECRET = "Tối mật"  # the title of ``secret`` in Vietnamese, in every message


def vi(message):
    return translate(message, target_language="vi")


def classify_behind_the_back(obj, level="secret"):
    """Set the level as code that knows no rule would, without any event:
    how classified items got public before the rule held on every path."""
    IOfficialDocument(obj).confidentiality = level


def anonymous_can_view(obj):
    return "Anonymous" in rolesForPermissionOn("View", obj)


def catalog_entry(obj):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
    return brain


def catalog_viewers(obj):
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.getIndex("allowedRolesAndUsers")
    rid = catalog.getrid("/".join(obj.getPhysicalPath()))
    return set(index.getEntryForObject(rid))


def last_entry(obj):
    workflow = api.portal.get_tool("portal_workflow").getWorkflowsFor(obj)[0]
    return obj.workflow_history[workflow.getId()][-1]


def assert_withdrawn(obj, state="private"):
    """Out of the public states, for the object, its security and the
    catalog, with a history entry saying why."""
    assert api.content.get_state(obj) == state
    assert not anonymous_can_view(obj)
    assert catalog_entry(obj).review_state == state
    assert "Anonymous" not in catalog_viewers(obj)
    assert SECRET in last_entry(obj)["comments"]


def section(container, folder_id, policy):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container, "Folder", id=folder_id, title=folder_id)
    switch_policy(folder, policy, policy)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(folder, to_state="published")
    return folder


# --- The rule ---------------------------------------------------------------


class TestRule:
    @pytest.mark.parametrize(
        "level,state,forbidden",
        [
            ("secret", "published", True),
            ("confidential", "circulated", True),
            ("top_secret", "published", True),
            ("normal", "published", False),
            (None, "published", False),
            ("secret", "private", False),
            ("secret", "pending_approval", False),
        ],
    )
    def test_forbidden(self, level, state, forbidden):
        assert confidentiality.forbidden(level, state) is forbidden

    def test_exposed(self, portal):
        document = make_document(
            portal, "qd-1", "Quyết định", document_number="1/QĐ-UBND"
        )
        assert not confidentiality.exposed(document)
        classify_behind_the_back(document)
        assert confidentiality.exposed(document)

    def test_a_page_has_no_level(self, portal):
        with api.env.adopt_roles(["Manager"]):
            page = api.content.create(portal, "Document", id="trang", title="Trang")
        assert confidentiality.level_of(page) is None
        assert not confidentiality.exposed(page)


# --- Edit: refused, nothing stored ---------------------------------------------


@pytest.fixture
def manager(request_factory, site_owner_name, site_owner_password):
    return request_factory(basic_auth=(site_owner_name, site_owner_password))


@pytest.fixture
def published(functional_portal):
    document = make_document(
        functional_portal,
        "qd-12",
        "Quyết định ban hành Quy chế làm việc",
        document_number="12/QĐ-UBND",
        issue_date=date(2026, 2, 1),
    )
    transaction.commit()
    return document


class TestEditThroughRest:
    def test_published_cannot_be_classified(self, manager, published):
        response = manager.patch("qd-12", json={"confidentiality": "secret"})
        assert response.status_code == 400
        message = response.json()["message"]
        assert vi(confidentiality.edit_refusal("secret", "published")) in message
        assert SECRET in message
        transaction.begin()
        assert IOfficialDocument(published).confidentiality == "normal"
        assert api.content.get_state(published) == "published"

    def test_a_draft_can_be_classified(self, manager, functional_portal):
        make_document(functional_portal, "du-thao", "Dự thảo", publish=False)
        transaction.commit()
        response = manager.patch("du-thao", json={"confidentiality": "secret"})
        assert response.status_code == 204
        transaction.begin()
        draft = functional_portal["du-thao"]
        assert IOfficialDocument(draft).confidentiality == "secret"
        assert api.content.get_state(draft) == "private"

    def test_other_fields_of_a_published_document(self, manager, published):
        response = manager.patch("qd-12", json={"signer": "Nguyễn Văn An"})
        assert response.status_code == 204


class TestEditInClassicUI:
    def test_published_cannot_be_classified(
        self, functional_app, user_with_roles, published
    ):
        user, password = user_with_roles("bientap", "Editor")
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{password}")
        browser.open(f"{published.absolute_url()}/@@edit")
        browser.getControl(
            name="form.widgets.IOfficialDocument.confidentiality:list"
        ).value = ["secret"]
        browser.getControl(name="form.buttons.save").click()
        assert vi(confidentiality.edit_refusal("secret", "published")) in (
            browser.contents
        )
        transaction.begin()
        assert IOfficialDocument(published).confidentiality == "normal"
        assert api.content.get_state(published) == "published"


# --- Edit without validation: withdrawn ------------------------------------------


class TestEditWithoutValidation:
    def test_withdrawn(self, portal):
        document = make_document(
            portal, "qd-2", "Quyết định", document_number="2/QĐ-UBND"
        )
        assert anonymous_can_view(document)
        classify_behind_the_back(document)
        modified(document)
        assert_withdrawn(document)
        entry = last_entry(document)
        assert entry["action"] == WITHDRAW_ACTION
        assert "Đã phát hành" in entry["comments"] or "Published" in entry["comments"]

    def test_normal_edit_leaves_it_published(self, portal):
        document = make_document(
            portal, "qd-3", "Quyết định", document_number="3/QĐ-UBND"
        )
        IOfficialDocument(document).signer = "Trần Thị Bình"
        modified(document)
        assert api.content.get_state(document) == "published"
        assert anonymous_can_view(document)


# --- Placeful policy switch ------------------------------------------------------


class TestPolicySwitch:
    def test_classified_goes_to_the_initial_state(self, portal):
        folder = section(portal, "phong", "commune_two_step")
        secret = make_document(
            folder, "qd-4", "Quyết định mật", document_number="4/QĐ-UBND"
        )
        plain = make_document(folder, "qd-5", "Quyết định", document_number="5/QĐ-UBND")
        classify_behind_the_back(secret)
        switch_policy(folder, "council_materials", "council_materials")
        assert_withdrawn(secret)
        entry = last_entry(secret)
        assert entry["action"] == POLICY_SWITCH_ACTION
        assert "council_material_workflow" in secret.workflow_history
        # a document that is not classified keeps its state
        assert api.content.get_state(plain) == "published"
        assert anonymous_can_view(plain)


# --- Copy and paste --------------------------------------------------------------


class TestCopy:
    @pytest.mark.parametrize("classified", [False, True])
    def test_a_copy_starts_private(self, portal, classified):
        document = make_document(
            portal, "qd-6", "Quyết định", document_number="6/QĐ-UBND"
        )
        if classified:
            classify_behind_the_back(document)
        with api.env.adopt_roles(["Manager"]):
            copy = api.content.copy(document, portal, id="qd-6-copy")
        assert api.content.get_state(copy) == "private"
        assert not anonymous_can_view(copy)
        assert catalog_entry(copy).review_state == "private"
        states = [
            entry.get("review_state")
            for entries in copy.workflow_history.values()
            for entry in entries
        ]
        assert "published" not in states


# --- Move ------------------------------------------------------------------------


@pytest.fixture
def sections(portal):
    return (
        section(portal, "van-ban-a", "commune_two_step"),
        section(portal, "hdnd-b", "council_materials"),
    )


class TestMove:
    def test_published_follows_the_new_workflow(self, sections):
        source, target = sections
        document = make_document(
            source, "qd-7", "Quyết định", document_number="7/QĐ-UBND"
        )
        with api.env.adopt_roles(["Manager"]):
            moved = api.content.move(document, target)
        workflow_tool = api.portal.get_tool("portal_workflow")
        assert workflow_tool.getChainFor(moved) == ("council_material_workflow",)
        status = workflow_tool.getStatusOf("council_material_workflow", moved)
        assert status["review_state"] == "published"
        assert status["action"] == POLICY_SWITCH_ACTION
        assert anonymous_can_view(moved)
        assert catalog_entry(moved).review_state == "published"

    def test_waiting_item_gets_the_nearest_state_and_its_security(self, sections):
        source, target = sections
        document = make_document(
            source, "qd-8", "Quyết định", publish=False, document_number="8/QĐ-UBND"
        )
        reach_state(document, "pending_approval")
        assert "CommuneApprover" in rolesForPermissionOn("View", document)
        with api.env.adopt_roles(["Manager"]):
            moved = api.content.move(document, target)
        assert api.content.get_state(moved) == "private"
        viewers = rolesForPermissionOn("View", moved)
        assert "CouncilSecretary" in viewers
        assert "CommuneApprover" not in viewers
        assert catalog_entry(moved).review_state == "private"

    def test_classified_is_withdrawn(self, sections):
        source, target = sections
        document = make_document(
            source, "qd-9", "Quyết định", document_number="9/QĐ-UBND"
        )
        classify_behind_the_back(document)
        with api.env.adopt_roles(["Manager"]):
            moved = api.content.move(document, target)
        assert_withdrawn(moved)

    def test_rename_changes_nothing(self, sections):
        source, _target = sections
        document = make_document(
            source, "qd-10", "Quyết định", document_number="10/QĐ-UBND"
        )
        entries = len(last_entry_list(document))
        with api.env.adopt_roles(["Manager"]):
            renamed = api.content.rename(document, new_id="qd-10-moi")
        assert len(last_entry_list(renamed)) == entries
        assert api.content.get_state(renamed) == "published"


def last_entry_list(obj):
    return obj.workflow_history["commune_editorial_workflow"]


class TestMoveThroughRest:
    def test_classified_moved_with_at_move(
        self, manager, functional_portal, anon_request
    ):
        with api.env.adopt_roles(["Manager"]):
            source = section(functional_portal, "van-ban-a", "commune_two_step")
            target = section(functional_portal, "hdnd-b", "council_materials")
        document = make_document(
            source, "qd-11", "Quyết định", document_number="11/QĐ-UBND"
        )
        classify_behind_the_back(document)
        transaction.commit()
        response = manager.post(
            "hdnd-b/@move", json={"source": [document.absolute_url()]}
        )
        assert response.status_code == 200, response.text
        transaction.begin()
        moved = target["qd-11"]
        assert_withdrawn(moved)
        assert anon_request.get("hdnd-b/qd-11").status_code == 401


@pytest.fixture
def anon_request(request_factory):
    return request_factory()


# --- plone.exportimport ----------------------------------------------------------


def exported_item(portal, history_time="2026-01-10T09:00:00+07:00"):
    """One Directive as plone.exportimport exports it: published, with its
    workflow history, and classified."""
    return {
        "@id": f"/{portal.getId()}/qd-mat",
        "@type": "Directive",
        "UID": "0123456789abcdef0123456789abcdef",
        "id": "qd-mat",
        "title": "Quyết định về công tác bảo vệ bí mật nhà nước",
        "language": "vi",
        "document_number": "13/QĐ-UBND",
        "issue_date": "2026-01-05",
        "confidentiality": "secret",
        "review_state": "published",
        "workflow_history": {
            "commune_editorial_workflow": [
                {
                    "action": None,
                    "actor": "admin",
                    "comments": "",
                    "review_state": "private",
                    "time": "2026-01-05T08:00:00+07:00",
                },
                {
                    "action": "approve",
                    "actor": "admin",
                    "comments": "",
                    "review_state": "published",
                    "time": history_time,
                },
            ]
        },
        "created": "2026-01-05T08:00:00+07:00",
        "modified": history_time,
    }


class TestExportImport:
    def test_imported_classified_is_withdrawn(self, functional_portal, tmp_path):
        from plone.exportimport.importers.content import ContentImporter

        portal = functional_portal
        content = tmp_path / "content"
        content.mkdir()
        (content / "qd-mat.json").write_text(json.dumps(exported_item(portal)))
        (content / "__metadata__.json").write_text(
            json.dumps({"_data_files_": ["qd-mat.json"]})
        )
        setRequest(portal.REQUEST)
        try:
            with api.env.adopt_roles(["Manager"]):
                ContentImporter(portal).import_data(tmp_path)
                transaction.commit()
        finally:
            setRequest(None)
        document = portal["qd-mat"]
        history = document.workflow_history["commune_editorial_workflow"]
        # The import set the exported state, then the rule took it back.
        assert history[-2]["review_state"] == "published"
        assert history[-1]["action"] == WITHDRAW_ACTION
        assert IOfficialDocument(document).confidentiality == "secret"
        assert_withdrawn(document)


# --- Profile import (e.g. the workflows imported again) ------------------------


class TestProfileImport:
    def test_exposed_items_withdrawn(self, portal):
        document = make_document(
            portal, "qd-14", "Quyết định", document_number="14/QĐ-UBND"
        )
        classify_behind_the_back(document)
        document.reindexObject(idxs=["confidentiality"])
        setup = api.portal.get_tool("portal_setup")
        setup.runImportStepFromProfile("profile-commune_portal:default", "workflow")
        assert_withdrawn(document)

    def test_event_on_another_profile(self, portal):
        document = make_document(
            portal, "qd-15", "Quyết định", document_number="15/QĐ-UBND"
        )
        classify_behind_the_back(document)
        document.reindexObject(idxs=["confidentiality"])
        setup = api.portal.get_tool("portal_setup")
        notify(
            ProfileImportedEvent(
                setup, "profile-plone.app.contenttypes:default", ["typeinfo"], False
            )
        )
        assert_withdrawn(document)
