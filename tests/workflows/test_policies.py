"""Switching the workflow policy of a folder with content: every item in a
sensible state of its new workflow, security and the catalog up to date,
the audit trail kept."""

from AccessControl.PermissionRole import rolesForPermissionOn
from commune_portal.workflows.policies import current_policies
from commune_portal.workflows.policies import new_state_for
from commune_portal.workflows.policies import POLICY_SWITCH_ACTION
from commune_portal.workflows.policies import switch_policy
from commune_portal.workflows.policies import UnknownPolicy
from plone import api
from tests.helpers import reach_state
import pytest
import re
import transaction


EDITORIAL = "commune_editorial_workflow"
SIMPLE = "commune_simple_workflow"
COUNCIL = "council_material_workflow"
PETITIONS = "voter_petition_workflow"


def chain(obj):
    return api.portal.get_tool("portal_workflow").getChainFor(obj)


def catalog_state(obj):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
    return brain.review_state


def catalog_roles(obj):
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.getIndex("allowedRolesAndUsers")
    return set(index.getEntryForObject(catalog.getrid("/".join(obj.getPhysicalPath()))))


def anonymous_can_view(obj):
    return "Anonymous" in rolesForPermissionOn("View", obj)


class TestStateTable:
    @pytest.mark.parametrize(
        "old,workflow,expected",
        [
            ("published", EDITORIAL, "published"),
            ("published", COUNCIL, "published"),
            ("published", PETITIONS, "published"),
            ("pending_review", EDITORIAL, "pending_review"),
            ("pending_approval", SIMPLE, "pending_review"),
            ("pending_approval", COUNCIL, "private"),
            ("pending_approval", PETITIONS, "received"),
            ("pending_review", COUNCIL, "private"),
            ("circulated", EDITORIAL, "private"),
            ("circulated", PETITIONS, "received"),
            ("private", PETITIONS, "received"),
            ("received", SIMPLE, "private"),
            ("forwarded", EDITORIAL, "private"),
            ("answered", EDITORIAL, "pending_review"),
            ("answered", COUNCIL, "private"),
            ("pending", EDITORIAL, "pending_review"),  # Plone's simple publication
            ("pending_approval", "simple_publication_workflow", "pending"),
            ("answered", "simple_publication_workflow", "pending"),
            ("visible", COUNCIL, "private"),  # unknown: initial state
            (None, PETITIONS, "received"),
        ],
    )
    def test_nearest_state(self, portal, old, workflow, expected):
        definition = api.portal.get_tool("portal_workflow")[workflow]
        assert new_state_for(old, definition) == expected


@pytest.fixture
def section(portal):
    """A one-step section with a published, a private and a pending page,
    and a sub-folder with a published file."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "Folder", id="phong-ban", title="Phòng")
        switch_policy(folder, "commune_one_step", "commune_one_step")
        items = {}
        for state in ("published", "private", "pending_review"):
            items[state] = api.content.create(
                folder, "Document", id=f"trang-{state}", title=f"Trang {state}"
            )
            if state != "private":
                reach_state(items[state], state)
        sub = api.content.create(folder, "Folder", id="nhom", title="Nhóm")
        reach_state(sub)
        items["file"] = api.content.create(sub, "File", id="tep", title="Tệp")
        reach_state(items["file"])
        items["folder"] = folder
        items["sub"] = sub
    return items


class TestSwitching:
    def test_one_step_to_two_steps_keeps_states(self, section):
        switch_policy(section["folder"], "commune_two_step", "commune_two_step")
        for state in ("published", "private", "pending_review"):
            page = section[state]
            assert chain(page) == (EDITORIAL,)
            assert api.content.get_state(page) == state
            assert catalog_state(page) == state
        # Folders follow one step in the two-step policy: no change for them.
        assert chain(section["sub"]) == (SIMPLE,)
        assert chain(section["file"]) == (EDITORIAL,)
        assert api.content.get_state(section["file"]) == "published"

    def test_security_and_catalog_follow(self, section, portal):
        switch_policy(section["folder"], "council_materials", "council_materials")
        published, private, pending = (
            section[s] for s in ("published", "private", "pending_review")
        )
        assert [chain(o) for o in (published, private, pending)] == [(COUNCIL,)] * 3
        assert api.content.get_state(pending) == "private"
        assert catalog_state(pending) == "private"
        for obj, public in ((published, True), (private, False), (pending, False)):
            assert anonymous_can_view(obj) is public
            assert ("Anonymous" in catalog_roles(obj)) is public
        # Council roles now see the private page; the board no longer does.
        roles = catalog_roles(pending)
        assert "CouncilSecretary" in roles
        assert "Reviewer" not in roles

    def test_there_and_back_keeps_the_history(self, section):
        folder, pending = section["folder"], section["pending_review"]
        actions_before = [e["action"] for e in pending.workflow_history[SIMPLE]]
        assert actions_before == [None, "submit"]
        switch_policy(folder, "commune_two_step", "commune_two_step")
        reach_state(pending, "pending_approval")
        switch_policy(folder, "commune_one_step", "commune_one_step")
        assert api.content.get_state(pending) == "pending_review"
        assert catalog_state(pending) == "pending_review"
        history = pending.workflow_history[SIMPLE]
        actions = [e["action"] for e in history]
        assert actions == [
            None,
            "submit",
            POLICY_SWITCH_ACTION,
            "review",
            POLICY_SWITCH_ACTION,
        ]
        assert [e["review_state"] for e in history][-3:] == [
            "pending_review",
            "pending_approval",
            "pending_review",
        ]
        # In the site's language: Plone's history shows the comment as is.
        assert history[-1]["comments"] == (
            "Đổi chính sách quy trình: Quy trình biên tập hai bước (Ban biên tập,"
            " lãnh đạo phê duyệt) (Chờ phê duyệt) → Quy trình một bước (xã nhỏ)"
            " (Chờ duyệt)"
        )
        # The old workflow's own history is kept as it was.
        assert [e["action"] for e in pending.workflow_history[EDITORIAL]][-1] == (
            "review"
        )
        # Plone's history (review_history) shows the whole trail.
        with api.env.adopt_roles(["Manager"]):
            review_history = api.portal.get_tool("portal_workflow").getInfoFor(
                pending, "review_history"
            )
        assert len(review_history) == 5

    def test_back_and_forth_does_not_duplicate(self, section):
        folder, page = section["folder"], section["published"]
        for policy in ("commune_two_step", "commune_one_step") * 2:
            switch_policy(folder, policy, policy)
        actions = [e["action"] for e in page.workflow_history[SIMPLE]]
        assert actions.count("publish") == 1
        assert actions.count(POLICY_SWITCH_ACTION) == 4
        times = [e["time"] for e in page.workflow_history[SIMPLE]]
        assert times == sorted(times)

    def test_petitions(self, section):
        switch_policy(section["folder"], "voter_petitions", "voter_petitions")
        assert api.content.get_state(section["private"]) == "received"
        assert api.content.get_state(section["pending_review"]) == "received"
        assert api.content.get_state(section["published"]) == "published"
        # Folders and files follow the council materials workflow there.
        assert chain(section["file"]) == (COUNCIL,)
        assert catalog_state(section["file"]) == "published"

    def test_back_to_no_policy(self, section):
        switch_policy(section["folder"], "", "")
        assert current_policies(section["folder"]) == ("", "")
        page = section["published"]
        assert chain(page) == ("simple_publication_workflow",)
        assert api.content.get_state(page) == "published"
        # Files have no workflow in Plone: they follow their folder again.
        assert chain(section["file"]) == ()
        assert anonymous_can_view(section["file"])

    def test_items_without_workflow_keep_their_visibility(self, portal):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(portal, "Folder", id="cu", title="Cũ")
            api.content.transition(folder, "publish")
            public = api.content.create(folder, "File", id="cong-khai", title="A")
            hidden = api.content.create(folder, "Folder", id="an", title="Ẩn")
            inner = api.content.create(hidden, "File", id="noi-bo", title="B")
        assert chain(public) == ()
        switch_policy(folder, "commune_two_step", "commune_two_step")
        assert api.content.get_state(public) == "published"
        assert api.content.get_state(inner) == "private"
        assert catalog_state(inner) == "private"

    def test_counts(self, section):
        result = switch_policy(
            section["folder"], "council_materials", "council_materials"
        )
        assert result["items"] == 6
        # The folders too: they followed one step, now council materials.
        assert result["changed"] == 6
        # The folder itself was never published.
        assert result["states"] == {"published": 3, "private": 3}
        assert current_policies(section["folder"]) == (
            "council_materials",
            "council_materials",
        )

    @pytest.mark.parametrize("parameter", ["policy_in", "policy_below"])
    def test_unknown_policy(self, section, parameter):
        policies = {"policy_in": "commune_one_step", "policy_below": ""}
        policies[parameter] = "intranet"
        with pytest.raises(UnknownPolicy) as error:
            switch_policy(section["folder"], **policies)
        assert error.value.parameter == parameter
        assert current_policies(section["folder"]) == (
            "commune_one_step",
            "commune_one_step",
        )

    def test_not_on_the_site_root(self, portal):
        with pytest.raises(ValueError):
            switch_policy(portal, "commune_one_step", "commune_one_step")


class TestPloneForm:
    """Plone's own "Policy..." form (@@placeful-workflow-configuration)."""

    @pytest.fixture
    def folder(self, functional_portal):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                functional_portal, "Folder", id="phong", title="Phòng"
            )
            switch_policy(folder, "commune_one_step", "commune_one_step")
            page = api.content.create(folder, "Document", id="trang", title="Trang")
            reach_state(page)
        transaction.commit()
        return folder

    def test_saving_moves_the_items(
        self, folder, request_factory, site_owner_name, site_owner_password
    ):
        session = request_factory(
            basic_auth=(site_owner_name, site_owner_password), api=False
        )
        session.headers.pop("Accept", None)
        url = f"{folder.absolute_url()}/@@placeful-workflow-configuration"
        form = session.get(url)
        assert form.status_code == 200
        assert "commune_two_step" in form.text
        token = re.search(r"_authenticator[^0-9a-f]+([0-9a-f]{40})", form.text)
        response = session.post(
            url,
            data={
                "policy_in": "commune_two_step",
                "policy_below": "commune_two_step",
                "update_security": "update_security",
                "submit": "Save",
                "_authenticator": token.group(1),
            },
        )
        assert response.status_code == 200
        transaction.begin()
        page = folder["trang"]
        assert chain(page) == (EDITORIAL,)
        assert api.content.get_state(page) == "published"
        assert catalog_state(page) == "published"
        assert page.workflow_history[EDITORIAL][-1]["action"] == POLICY_SWITCH_ACTION
