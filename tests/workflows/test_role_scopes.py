"""Roles per CONTRACT in every policy: the one-stop-shop officer
(``ProcedureOfficer``) adds, edits and publishes procedures, and the
folders and files of the section of procedures; nothing else, whatever the
policy of the section."""

from commune_portal.workflows.policies import switch_policy
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from tests.helpers import make_document
import pytest
import transaction


POLICIES = (
    "commune_two_step",
    "commune_one_step",
    "council_materials",
    "voter_petitions",
)


def section(portal, folder_id, policy, addable=None):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "Folder", id=folder_id, title=folder_id)
        if addable:
            constraints = ISelectableConstrainTypes(folder)
            constraints.setConstrainTypesMode(ENABLED)
            constraints.setLocallyAllowedTypes(addable)
            constraints.setImmediatelyAddableTypes(addable)
    switch_policy(folder, policy, policy)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(folder, to_state="published")
    return folder


def officer_on(folder, user_id="motcua"):
    if api.user.get(userid=user_id) is None:
        api.user.create(email=f"{user_id}@xa.example.vn", username=user_id)
    folder.manage_setLocalRoles(user_id, ["ProcedureOfficer"])
    folder.reindexObjectSecurity()
    return user_id


def what_can(user_id, obj):
    """``(view, edit, transitions)`` of the user on ``obj``."""
    with api.env.adopt_user(username=user_id):
        workflow_tool = api.portal.get_tool("portal_workflow")
        return (
            bool(api.user.has_permission("View", obj=obj)),
            bool(api.user.has_permission("Modify portal content", obj=obj)),
            tuple(t["id"] for t in workflow_tool.getTransitionsFor(obj)),
        )


def create(folder, portal_type, item_id):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(folder, portal_type, id=item_id, title=item_id)


@pytest.fixture
def procedures(portal):
    """The section of procedures, as ``commune_portal:structure`` sets it
    up (one step; procedures, folders, files and pages addable)."""
    folder = section(
        portal,
        "thu-tuc-hanh-chinh",
        "commune_one_step",
        addable=["Procedure", "Folder", "File", "Document"],
    )
    officer_on(folder)
    return folder


class TestProcedureOfficer:
    @pytest.mark.parametrize("policy", POLICIES)
    def test_no_say_on_a_directive(self, portal, policy):
        folder = section(portal, "muc", policy)
        officer = officer_on(folder)
        directive = create(folder, "Directive", "vb")
        assert what_can(officer, directive) == (False, False, ())

    def test_publishes_a_procedure(self, procedures):
        procedure = create(procedures, "Procedure", "khai-sinh")
        view, edit, transitions = what_can("motcua", procedure)
        assert view and edit
        assert "publish" in transitions
        with api.env.adopt_user(username="motcua"):
            api.content.transition(procedure, "publish")
        assert api.content.get_state(procedure) == "published"
        assert what_can("motcua", procedure)[2] == ("retract",)

    def test_procedures_outside_the_section(self, portal):
        """Procedures follow the one-step workflow also outside the section:
        the officer given the role there handles them."""
        folder = section(portal, "mot-buoc", "commune_one_step")
        officer = officer_on(folder)
        procedure = create(folder, "Procedure", "chung-thuc")
        assert "publish" in what_can(officer, procedure)[2]

    @pytest.mark.parametrize("portal_type", ["Folder", "File"])
    def test_folders_and_files_of_the_section(self, procedures, portal_type):
        item = create(procedures, portal_type, "muc")
        view, edit, transitions = what_can("motcua", item)
        assert view and edit and "publish" in transitions

    def test_not_the_pages_of_the_section(self, procedures):
        page = create(procedures, "Document", "gio-lam-viec")
        assert what_can("motcua", page) == (False, False, ())

    @pytest.mark.parametrize("portal_type", ["Folder", "File", "Document"])
    def test_nothing_in_another_one_step_section(self, portal, portal_type):
        folder = section(portal, "tin-xa", "commune_one_step")
        officer = officer_on(folder)
        item = create(folder, portal_type, "muc")
        assert what_can(officer, item) == (False, False, ())

    def test_a_folder_moved_out_of_the_section(self, portal, procedures):
        other = section(portal, "tin-xa", "commune_one_step")
        officer_on(other)
        folder = create(procedures, "Folder", "bieu-mau")
        assert what_can("motcua", folder)[1]
        with api.env.adopt_roles(["Manager"]):
            moved = api.content.move(folder, other)
        assert what_can("motcua", moved) == (False, False, ())
        with api.env.adopt_roles(["Manager"]):
            back = api.content.move(moved, procedures)
        assert what_can("motcua", back)[1]


class TestThroughRest:
    """The attack: a ProcedureOfficer publishes a Directive in a one-step
    section."""

    def test_publish_a_directive_refused(
        self, functional_portal, request_factory, user_with_roles
    ):
        folder = section(functional_portal, "mot-buoc", "commune_one_step")
        make_document(folder, "vb", "Quyết định", publish=False)
        officer = request_factory(basic_auth=user_with_roles("motcua"))
        folder.manage_setLocalRoles("motcua", ["ProcedureOfficer"])
        folder.reindexObjectSecurity()
        transaction.commit()
        response = officer.post("mot-buoc/vb/@workflow/publish", json={})
        assert response.status_code in (401, 403, 400)
        assert "published" not in response.text
        response = officer.patch("mot-buoc/vb", json={"title": "Đã sửa"})
        assert response.status_code in (401, 403)
        assert officer.get("mot-buoc/vb").status_code in (401, 403)
        transaction.begin()
        document = functional_portal["mot-buoc"]["vb"]
        assert api.content.get_state(document) == "private"
        assert document.Title() == "Quyết định"
