""" "My work": what waits for the current user to review or approve, and
their items that were sent back, in Classic UI (``@@my-work``) and through
REST (``@my-work``)."""

from commune_portal.indexers.workflow import last_review
from commune_portal.indexers.workflow import last_review_action
from commune_portal.indexers.workflow import workflow_actors
from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from tests.conftest import PASSWORD
from tests.helpers import make_document
import pytest
import transaction


def fields():
    return {
        "document_number": "15/KH-UBND",
        "document_type": "ke-hoach",
        "issue_date": date(2026, 1, 5),
        "file": NamedBlobFile(data=b"%PDF-1.4 ke hoach", filename="15-KH-UBND.pdf"),
    }


def document(container, doc_id, title, creator="bientap"):
    doc = make_document(container, doc_id, title, publish=False, **fields())
    doc.setCreators([creator])
    doc.manage_setLocalRoles(creator, ["Owner"])
    doc.reindexObject()
    return doc


def transition(user_id, obj, transition_id, comment=""):
    with api.env.adopt_user(username=user_id):
        api.content.transition(obj, transition_id, comment=comment)


@pytest.fixture
def office(functional_portal, user_with_roles):
    """Two sections and the documents of the editor ``bientap``:

    - ``/van-ban``: its own reviewer ``totruong`` (local role);
    - ``/hdnd``: its own leader ``chutichhdnd`` (local CommuneApprover);
    - ``banbientap`` reviews everywhere, ``lanhdao`` approves everywhere.
    """
    portal = functional_portal
    user_with_roles("bientap", "Editor")
    user_with_roles("banbientap", "Reviewer")
    user_with_roles("lanhdao", "CommuneApprover")
    user_with_roles("totruong")
    user_with_roles("chutichhdnd")
    user_with_roles("canbokhac", "Editor")
    with api.env.adopt_roles(["Manager"]):
        van_ban = api.content.create(portal, "Folder", id="van-ban", title="Văn bản")
        hdnd = api.content.create(portal, "Folder", id="hdnd", title="HĐND")
        for folder in (van_ban, hdnd):
            api.content.transition(folder, "publish")
    van_ban.manage_setLocalRoles("totruong", ["Reviewer"])
    hdnd.manage_setLocalRoles("chutichhdnd", ["CommuneApprover"])
    for folder in (van_ban, hdnd):
        folder.reindexObjectSecurity()

    waiting = document(van_ban, "cho-duyet", "Kế hoạch chờ duyệt")
    transition("bientap", waiting, "submit", "Kính trình")

    waiting_hdnd = document(hdnd, "cho-duyet-hdnd", "Tờ trình chờ duyệt")
    transition("bientap", waiting_hdnd, "submit")

    to_approve = document(van_ban, "cho-phe-duyet", "Kế hoạch chờ phê duyệt")
    transition("bientap", to_approve, "submit")
    transition("banbientap", to_approve, "review")

    to_approve_hdnd = document(hdnd, "cho-phe-duyet-hdnd", "Nghị quyết chờ phê duyệt")
    transition("bientap", to_approve_hdnd, "submit")
    transition("banbientap", to_approve_hdnd, "review")

    rejected = document(van_ban, "tra-lai", "Kế hoạch bị trả lại")
    transition("bientap", rejected, "submit")
    transition("totruong", rejected, "reject", "Thiếu chữ ký số trên tệp")

    rejected_later = document(hdnd, "tra-lai-sau", "Tờ trình bị trả lại")
    transition("bientap", rejected_later, "submit")
    transition("banbientap", rejected_later, "review")
    transition("lanhdao", rejected_later, "reject", "Chưa đúng thể thức")

    # Someone else's item, also sent back; and a draft never submitted.
    others = document(van_ban, "cua-nguoi-khac", "Của người khác", "canbokhac")
    transition("canbokhac", others, "submit")
    transition("banbientap", others, "reject", "Không")
    document(van_ban, "nhap", "Bản nháp")
    transaction.commit()
    return portal


def session(request_factory, user_id):
    return request_factory(basic_auth=(user_id, PASSWORD))


def titles(listing):
    return sorted(item["title"] for item in listing["items"])


class TestRest:
    def test_global_reviewer(self, office, request_factory):
        body = session(request_factory, "banbientap").get("@my-work").json()
        assert body["@id"].endswith("/@my-work")
        assert titles(body["to_review"]) == ["Kế hoạch chờ duyệt", "Tờ trình chờ duyệt"]
        assert body["to_review"]["items_total"] == 2
        assert body["to_approve"]["items_total"] == 0
        assert body["rejected"]["items_total"] == 0

    def test_local_reviewer_sees_only_the_section(self, office, request_factory):
        body = session(request_factory, "totruong").get("@my-work").json()
        assert titles(body["to_review"]) == ["Kế hoạch chờ duyệt"]
        assert body["to_approve"]["items"] == []

    def test_global_approver(self, office, request_factory):
        body = session(request_factory, "lanhdao").get("@my-work").json()
        assert titles(body["to_approve"]) == [
            "Kế hoạch chờ phê duyệt",
            "Nghị quyết chờ phê duyệt",
        ]
        assert body["to_approve"]["items_total"] == 2
        assert body["to_review"]["items"] == []

    def test_local_approver(self, office, request_factory):
        body = session(request_factory, "chutichhdnd").get("@my-work").json()
        assert titles(body["to_approve"]) == ["Nghị quyết chờ phê duyệt"]

    def test_rejected_items_of_mine_with_the_reason(self, office, request_factory):
        body = session(request_factory, "bientap").get("@my-work").json()
        rejected = body["rejected"]
        assert rejected["items_total"] == 2
        by_title = {item["title"]: item for item in rejected["items"]}
        assert sorted(by_title) == ["Kế hoạch bị trả lại", "Tờ trình bị trả lại"]
        last = by_title["Kế hoạch bị trả lại"]["last_action"]
        assert last["action"] == "reject"
        assert last["actor"] == "totruong"
        assert last["comments"] == "Thiếu chữ ký số trên tệp"
        assert last["time"]
        assert last["title"]
        assert by_title["Tờ trình bị trả lại"]["last_action"]["comments"] == (
            "Chưa đúng thể thức"
        )
        item = by_title["Kế hoạch bị trả lại"]
        assert item["@id"].endswith("/van-ban/tra-lai")
        assert item["@type"] == "Directive"
        assert item["review_state"] == "private"
        # An editor, not a reviewer: nothing to review or approve.
        assert body["to_review"]["items_total"] == 0
        assert body["to_approve"]["items_total"] == 0

    def test_resubmitted_items_leave_the_rejected_list(self, office, request_factory):
        transition("bientap", office["van-ban"]["tra-lai"], "submit", "Đã sửa")
        transaction.commit()
        body = session(request_factory, "bientap").get("@my-work").json()
        assert titles(body["rejected"]) == ["Tờ trình bị trả lại"]
        body = session(request_factory, "totruong").get("@my-work").json()
        assert titles(body["to_review"]) == [
            "Kế hoạch bị trả lại",
            "Kế hoạch chờ duyệt",
        ]

    def test_items_move_from_list_to_list(self, office, request_factory):
        reviewer = session(request_factory, "banbientap")
        response = reviewer.post("van-ban/cho-duyet/@workflow/review", json={})
        assert response.status_code == 200
        assert titles(reviewer.get("@my-work").json()["to_review"]) == [
            "Tờ trình chờ duyệt"
        ]
        approver = session(request_factory, "lanhdao").get("@my-work").json()
        assert "Kế hoạch chờ duyệt" in titles(approver["to_approve"])

    def test_sharing_gives_work(self, office, request_factory):
        """A local role given on the sharing page (here through @sharing)
        puts the waiting items of the folder in the user's list."""
        manager = request_factory(role="Manager")
        response = manager.post(
            "hdnd/@sharing",
            json={
                "entries": [
                    {"id": "totruong", "type": "user", "roles": {"Reviewer": True}}
                ]
            },
        )
        assert response.status_code == 204, response.text
        body = session(request_factory, "totruong").get("@my-work").json()
        assert titles(body["to_review"]) == ["Kế hoạch chờ duyệt", "Tờ trình chờ duyệt"]

    def test_within_a_folder(self, office, request_factory):
        body = session(request_factory, "banbientap").get("hdnd/@my-work").json()
        assert body["@id"].endswith("/hdnd/@my-work")
        assert titles(body["to_review"]) == ["Tờ trình chờ duyệt"]

    def test_one_list_batched(self, office, request_factory):
        reviewer = session(request_factory, "banbientap")
        body = reviewer.get("@my-work/to_review", params={"b_size": 1}).json()
        assert body["@id"].endswith("/@my-work/to_review")
        assert body["title"] == "Chờ tôi duyệt"
        assert body["items_total"] == 2
        assert len(body["items"]) == 1
        assert "b_start=1" in body["batching"]["next"]
        second = reviewer.get(body["batching"]["next"]).json()
        assert len(second["items"]) == 1
        assert {body["items"][0]["title"], second["items"][0]["title"]} == {
            "Kế hoạch chờ duyệt",
            "Tờ trình chờ duyệt",
        }

    def test_counts_are_list_lengths(self, office, request_factory):
        for user_id in ("banbientap", "totruong", "lanhdao", "chutichhdnd", "bientap"):
            body = session(request_factory, user_id).get("@my-work").json()
            for name in ("to_review", "to_approve", "rejected"):
                assert body[name]["items_total"] == len(body[name]["items"])

    def test_bad_batch_size(self, office, request_factory):
        response = session(request_factory, "banbientap").get(
            "@my-work", params={"b_size": "nhieu"}
        )
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == "b_size"

    def test_unknown_list(self, office, request_factory):
        response = session(request_factory, "banbientap").get("@my-work/everything")
        assert response.status_code == 404

    def test_anonymous(self, office, request_factory):
        assert request_factory().get("@my-work").status_code == 401


class TestClassicUI:
    def browser(self, functional_app, user_id):
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
        return browser

    def test_reviewer(self, office, functional_app):
        browser = self.browser(functional_app, "banbientap")
        browser.open(office.absolute_url() + "/@@my-work")
        assert "Việc của tôi" in browser.contents
        assert "Chờ tôi duyệt" in browser.contents
        assert "Kế hoạch chờ duyệt" in browser.contents
        assert "Tờ trình chờ duyệt" in browser.contents
        assert "Kế hoạch chờ phê duyệt" not in browser.contents
        # A page of the site, not the site root's page: no "by admin".
        assert "section-byline" not in browser.contents
        assert browser.contents.count("documentFirstHeading") == 1

    def test_rejected_with_comment(self, office, functional_app):
        browser = self.browser(functional_app, "bientap")
        browser.open(office.absolute_url() + "/@@my-work")
        assert "Mục của tôi bị trả lại" in browser.contents
        assert "Thiếu chữ ký số trên tệp" in browser.contents
        assert office["van-ban"]["tra-lai"].absolute_url() in browser.contents
        assert "Không có mục nào." in browser.contents  # nothing to review

    def test_in_a_folder(self, office, functional_app):
        browser = self.browser(functional_app, "banbientap")
        browser.open(office.absolute_url() + "/hdnd/@@my-work")
        assert "Tờ trình chờ duyệt" in browser.contents
        assert "Kế hoạch chờ duyệt" not in browser.contents

    def test_anonymous_must_log_in(self, office, functional_app):
        from zExceptions import Unauthorized

        browser = Browser(functional_app)
        browser.handleErrors = False
        with pytest.raises(Unauthorized):
            browser.open(office.absolute_url() + "/@@my-work")


class TestIndexers:
    def test_who_may_act(self, portal):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(portal, "Folder", id="van-ban", title="Văn bản")
        folder.manage_setLocalRoles("totruong", ["Reviewer"])
        folder.manage_setLocalRoles("tacgia", ["Contributor"])
        doc = make_document(folder, "vb", "Kế hoạch", publish=False, **fields())
        assert "user:totruong" not in workflow_actors(doc)()  # private
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit")
        actors = workflow_actors(doc)()
        assert {"Reviewer", "Manager", "Site Administrator", "user:totruong"} <= set(
            actors
        )
        assert "user:tacgia" not in actors
        assert "Owner" not in actors
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "review")
        actors = workflow_actors(doc)()
        assert "CommuneApprover" in actors
        assert "Reviewer" not in actors

    def test_last_review(self, portal):
        doc = make_document(portal, "vb", "Kế hoạch", publish=False, **fields())
        assert last_review_action(doc)() == ""
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit")
            api.content.transition(doc, "reject", comment="Sửa lại")
        assert last_review_action(doc)() == "reject"
        record = last_review(doc)()
        assert record["comments"] == "Sửa lại"
        assert record["review_state"] == "private"

    def test_catalog_follows_transitions(self, portal):
        catalog = portal.portal_catalog

        def found(**query):
            return len(catalog.unrestrictedSearchResults(UID=doc.UID(), **query))

        doc = make_document(portal, "vb", "Kế hoạch", publish=False, **fields())
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit")
            api.content.transition(doc, "reject", comment="Sửa lại")
        [brain] = catalog.unrestrictedSearchResults(
            UID=doc.UID(), last_review_action="reject"
        )
        assert brain.last_review["comments"] == "Sửa lại"
        # Later versions' steps ran too (1001 -> 1002: the title sort key).
        assert catalog.unrestrictedSearchResults(
            UID=doc.UID(), sort_on="sortable_title_vi"
        )
        assert catalog.Indexes["sortable_title_vi"].numObjects() == len(catalog)
        assert found(workflow_actors="Reviewer") == 0
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit")
        assert found(workflow_actors="Reviewer") == 1
        assert found(last_review_action="reject") == 0
        assert found(last_review_action="submit") == 1


class TestUpgrade:
    """Sites installed with profile version 1000 get the workflow settings
    and the catalog entries of the work lists, filled for the items the
    lists can show."""

    def test_from_1000(self, portal):
        catalog = portal.portal_catalog
        setup = portal.portal_setup
        registry = portal.portal_registry
        doc = make_document(portal, "vb", "Kế hoạch", publish=False, **fields())
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit")
            api.content.transition(doc, "reject", comment="Sửa lại")
        # As version 1000 left the site.
        for name in ("workflow_actors", "last_review_action", "sortable_title_vi"):
            catalog.delIndex(name)
        catalog.delColumn("last_review")
        for name in ("publication_requirements", "four_eyes", "notify_reviewers"):
            del registry.records[f"commune_portal.{name}"]
        setup.setLastVersionForProfile("commune_portal:default", "1000")

        setup.upgradeProfile("commune_portal:default")

        assert setup.getLastVersionForProfile("commune_portal:default") == (
            setup.getVersionForProfile("commune_portal:default"),
        )
        assert api.portal.get_registry_record("commune_portal.four_eyes") is False
        assert api.portal.get_registry_record(
            "commune_portal.publication_requirements"
        ) == ["document_number", "document_type", "issue_date", "file"]
        [brain] = catalog.unrestrictedSearchResults(
            UID=doc.UID(), last_review_action="reject"
        )
        assert brain.last_review["comments"] == "Sửa lại"
        # Later versions' steps ran too (1001 -> 1002: the title sort key).
        assert catalog.unrestrictedSearchResults(
            UID=doc.UID(), sort_on="sortable_title_vi"
        )
        assert catalog.Indexes["sortable_title_vi"].numObjects() == len(catalog)
        # Idempotent.
        from commune_portal.upgrades.v1001 import index_work_lists

        index_work_lists(setup)
        assert len(catalog.unrestrictedSearchResults(last_review_action="reject")) == 1
