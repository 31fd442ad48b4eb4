"""Four eyes (control panel, off by default) on every path: nobody approves
or publishes an item they created, last changed or submitted in this
round; nothing is published straight from the draft; sending an item back
and publishing it oneself does not get round it. Managers too."""

from commune_portal.workflows import guards
from commune_portal.workflows.policies import switch_policy
from plone import api
from plone.app.workflow.events import LocalrolesModifiedEvent
from plone.testing.zope import Browser
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.workflows.test_guards import complete
from tests.workflows.test_guards import make_document
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import modified
import pytest
import transaction


class Says:
    """The guards' reasons in Vietnamese, translated when asked (the
    catalogs are loaded with the test layer, after this module)."""

    def __getattr__(self, name):
        return translate(getattr(guards, f"FOUR_EYES_{name}"), target_language="vi")


SAYS = Says()


def vi(messages):
    return [translate(message, target_language="vi") for message in messages]


def four_eyes_on(on=True):
    api.portal.set_registry_record("commune_portal.four_eyes", on)


def one_step_section(portal, folder_id="mot-buoc"):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "Folder", id=folder_id, title=folder_id)
    switch_policy(folder, "commune_one_step", "commune_one_step")
    return folder


def person(user_id, folder, *roles):
    api.user.create(email=f"{user_id}@xa-nghiduong.example.vn", username=user_id)
    folder.manage_setLocalRoles(user_id, list(roles))
    folder.reindexObjectSecurity()
    return user_id


def transition_as(user_id, obj, transition_id):
    with api.env.adopt_user(username=user_id):
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition_id)


def refused(user_id, obj, transition_id):
    """The transition is refused with the reasons; the state is unchanged."""
    before = api.content.get_state(obj)
    with api.env.adopt_user(username=user_id):
        reasons = vi(guards.problems(obj, transition_id))
        with pytest.raises(WorkflowException):
            api.portal.get_tool("portal_workflow").doActionFor(obj, transition_id)
    assert api.content.get_state(obj) == before
    return reasons


@pytest.fixture
def section(portal):
    """A one-step section with an author (Contributor), two officers who
    publish (Reviewer, also Editor) and a draft of the author."""
    folder = one_step_section(portal)
    people = {
        "author": person("tacgia", folder, "Contributor"),
        "officer": person("canbo-a", folder, "Reviewer", "Editor"),
        "other": person("canbo-b", folder, "Reviewer", "Editor"),
    }
    with api.env.adopt_user(username="tacgia"):
        doc = api.content.create(folder, "Document", id="tin", title="Tin bài")
    return folder, doc, people


class TestOffByDefault:
    def test_one_person_publishes_from_the_draft(self, section):
        folder, doc, people = section
        assert api.portal.get_registry_record("commune_portal.four_eyes") is False
        transition_as(people["officer"], doc, "publish")
        assert api.content.get_state(doc) == "published"


class TestNotStraightFromTheDraft:
    def test_publish_from_private_refused(self, section):
        folder, doc, people = section
        four_eyes_on()
        assert refused(people["officer"], doc, "publish") == [SAYS.SUBMIT_FIRST]
        assert api.content.get_state(doc) == "private"

    def test_managers_too(self, section):
        folder, doc, people = section
        four_eyes_on()
        api.user.grant_roles(username=people["officer"], roles=["Manager"])
        assert SAYS.SUBMIT_FIRST in refused(people["officer"], doc, "publish")

    def test_submitted_then_published_by_someone_else(self, section):
        folder, doc, people = section
        four_eyes_on()
        transition_as(people["author"], doc, "submit")
        with api.env.adopt_user(username=people["officer"]):
            assert guards.problems(doc, "publish") == []
        transition_as(people["officer"], doc, "publish")
        assert api.content.get_state(doc) == "published"

    def test_the_menu_does_not_offer_it(self, section):
        folder, doc, people = section
        four_eyes_on()
        with api.env.adopt_user(username=people["officer"]):
            offered = [
                t["id"]
                for t in api.portal.get_tool("portal_workflow").getTransitionsFor(doc)
            ]
            blocked = [t.id for t, _ in guards.blocked_transitions(doc)]
        assert "publish" not in offered
        assert blocked == ["publish"]


class TestRejectThenPublish:
    def test_does_not_get_round_it(self, section):
        """The officer wrote nothing, submits the author's draft, may not
        publish it; sends it back and tries again from the draft; submits
        it again: refused each time. Someone else publishes it."""
        folder, doc, people = section
        four_eyes_on()
        officer = people["officer"]
        transition_as(officer, doc, "submit")
        assert any(r == SAYS.SUBMITTER for r in refused(officer, doc, "publish"))
        transition_as(officer, doc, "reject")
        assert refused(officer, doc, "publish") == [SAYS.SUBMIT_FIRST]
        transition_as(officer, doc, "submit")
        assert any(r == SAYS.SUBMITTER for r in refused(officer, doc, "publish"))
        assert api.content.get_state(doc) == "pending_review"
        transition_as(people["other"], doc, "publish")
        assert api.content.get_state(doc) == "published"


class TestWhoWrote:
    def test_the_creator_may_not_publish(self, section):
        folder, doc, people = section
        four_eyes_on()
        # The author is also an officer of the section.
        folder.manage_setLocalRoles(people["author"], ["Contributor", "Reviewer"])
        folder.reindexObjectSecurity()
        transition_as(people["other"], doc, "submit")
        reasons = refused(people["author"], doc, "publish")
        assert [r for r in reasons if r == SAYS.CREATOR]
        assert not [r for r in reasons if r == SAYS.SUBMITTER]

    def test_removing_oneself_from_the_creators_does_not_help(self, section):
        folder, doc, people = section
        four_eyes_on()
        folder.manage_setLocalRoles(people["author"], ["Contributor", "Reviewer"])
        doc.setCreators(["someone-else"])
        transition_as(people["other"], doc, "submit")
        assert any(r == SAYS.CREATOR for r in refused(people["author"], doc, "publish"))

    def test_the_last_editor_may_not_publish(self, section):
        folder, doc, people = section
        four_eyes_on()
        transition_as(people["author"], doc, "submit")
        with api.env.adopt_user(username=people["officer"]):
            doc.setDescription("Sửa lại đoạn đầu.")
            modified(doc)
        reasons = refused(people["officer"], doc, "publish")
        assert [r for r in reasons if r == SAYS.EDITOR]
        transition_as(people["other"], doc, "publish")
        assert api.content.get_state(doc) == "published"

    def test_a_later_edit_by_someone_else_frees_the_first_editor(self, section):
        folder, doc, people = section
        four_eyes_on()
        transition_as(people["author"], doc, "submit")
        with api.env.adopt_user(username=people["officer"]):
            modified(doc)
        with api.env.adopt_user(username=people["other"]):
            modified(doc)
        with api.env.adopt_user(username=people["officer"]):
            assert guards.problems(doc, "publish") == []

    def test_sharing_is_not_an_edit(self, section):
        folder, doc, people = section
        four_eyes_on()
        transition_as(people["author"], doc, "submit")
        with api.env.adopt_user(username=people["officer"]):
            notify(LocalrolesModifiedEvent(doc, None))
        assert guards.last_editor(doc) != people["officer"]
        with api.env.adopt_user(username=people["officer"]):
            assert guards.problems(doc, "publish") == []


class TestTwoSteps:
    def test_the_leader_who_edited_may_not_approve(self, portal):
        four_eyes_on()
        api.user.create(email="lanhdao@example.vn", username="lanhdao")
        api.user.grant_roles(username="lanhdao", roles=["CommuneApprover", "Editor"])
        doc = make_document(portal, "vb", "Văn bản", publish=False, **complete())
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit")
            api.content.transition(doc, "review")
        with api.env.adopt_user(username="lanhdao"):
            modified(doc)
        reasons = refused("lanhdao", doc, "approve")
        assert [r == SAYS.EDITOR for r in reasons] == [True]
        assert api.content.get_state(doc) == "pending_approval"


class TestNotConcerned:
    def test_folders(self, section):
        folder, doc, people = section
        four_eyes_on()
        with api.env.adopt_roles(["Manager"]):
            sub = api.content.create(folder, "Folder", id="muc", title="Mục")
        transition_as(people["officer"], sub, "publish")
        assert api.content.get_state(sub) == "published"

    def test_council_materials(self, portal):
        """The council secretary publishes the records they prepared."""
        four_eyes_on()
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(portal, "Folder", id="hdnd", title="HĐND")
        switch_policy(folder, "council_materials", "council_materials")
        person("thuky", folder, "CouncilSecretary", "Contributor")
        with api.env.adopt_user(username="thuky"):
            page = api.content.create(folder, "Document", id="bb", title="Biên bản")
        transition_as("thuky", page, "publish")
        assert api.content.get_state(page) == "published"


class TestThroughRest:
    def test_publish_from_private_is_400_with_the_reason(
        self, functional_portal, request_factory, user_with_roles
    ):
        portal = functional_portal
        folder = one_step_section(portal)
        with api.env.adopt_roles(["Manager"]):
            api.content.create(folder, "Document", id="tin", title="Tin bài")
        four_eyes_on()
        transaction.commit()
        officer = request_factory(
            basic_auth=user_with_roles("canbo", "Reviewer", "Editor")
        )
        response = officer.post("mot-buoc/tin/@workflow/publish", json={})
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["type"] == "WorkflowGuard"
        assert error["reasons"] == [SAYS.SUBMIT_FIRST]
        transaction.begin()
        assert api.content.get_state(portal["mot-buoc"]["tin"]) == "private"
        history = portal["mot-buoc"]["tin"].workflow_history["commune_simple_workflow"]
        assert [entry["action"] for entry in history][-1] != "publish"

    def test_classic_ui_says_why(
        self, functional_app, functional_portal, user_with_roles
    ):
        folder = one_step_section(functional_portal)
        with api.env.adopt_roles(["Manager"]):
            api.content.create(folder, "Document", id="tin", title="Tin bài")
        four_eyes_on()
        transaction.commit()
        user, password = user_with_roles("canbo", "Reviewer", "Editor")
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{password}")
        browser.open(functional_portal.absolute_url() + "/mot-buoc/tin")
        assert "commune-workflow-guards" in browser.contents
        assert SAYS.SUBMIT_FIRST in browser.contents
        assert "workflow_action=publish" not in browser.contents
        assert "workflow_action=submit" in browser.contents
