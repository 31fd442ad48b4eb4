"""The permission matrix: docs/permissions.md is what the workflows do, and
the cells that matter most say what the users of DOMAIN.md expect."""

from commune_portal.workflows import matrix
from pathlib import Path
import os
import pytest


DOC = Path(__file__).parents[2] / "docs" / "permissions.md"
REGENERATE = "UPDATE_PERMISSIONS_DOC=1 .venv/bin/pytest tests/workflows/test_matrix.py"
NOT_PUBLIC = {
    "commune_editorial_workflow": ("private", "pending_review", "pending_approval"),
    "commune_simple_workflow": ("private", "pending_review"),
    "council_material_workflow": ("private", "circulated"),
    "voter_petition_workflow": ("received", "forwarded", "answered"),
}


_MEASURED = {}


@pytest.fixture
def cells(portal):
    """The matrix, measured once for the module (compute() leaves the site
    as it was)."""
    if "cells" not in _MEASURED:
        _MEASURED["cells"] = matrix.compute(portal)
    return _MEASURED["cells"]


def cell(cells, workflow, state, role):
    return cells[workflow][state][role]


def test_the_document_is_up_to_date(portal, cells):
    generated = matrix.render(portal, cells)
    if os.environ.get("UPDATE_PERMISSIONS_DOC"):
        DOC.write_text(generated, encoding="utf-8")
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    assert generated == current, (
        f"docs/permissions.md no longer matches the workflows: regenerate it "
        f"with `{REGENERATE}` and review the difference."
    )


def test_every_workflow_state_and_role(cells):
    assert set(cells) == set(matrix.WORKFLOW_POLICIES) | {
        "commune_simple_workflow:Procedure"
    }
    for workflow, states in cells.items():
        for state, roles in states.items():
            assert set(roles) == set(matrix.ROLES), (workflow, state)


@pytest.mark.parametrize("workflow", sorted(NOT_PUBLIC))
def test_anonymous_sees_only_published(cells, workflow):
    for state in NOT_PUBLIC[workflow]:
        assert not cell(cells, workflow, state, "Anonymous").view, state
        assert not cell(cells, workflow, state, "Member").view, state
    public = cell(cells, workflow, "published", "Anonymous")
    assert public.view and not public.edit and public.transitions == ()


@pytest.mark.parametrize("workflow", sorted(NOT_PUBLIC))
def test_site_administrator_views_and_edits_everywhere(cells, workflow):
    for state, roles in cells[workflow].items():
        assert roles["Site Administrator"].view, state
        assert roles["Site Administrator"].edit, state


@pytest.mark.parametrize("workflow", sorted(NOT_PUBLIC))
@pytest.mark.parametrize(
    "role", [r for r in matrix.ROLES if r not in ("Editor", "Site Administrator")]
)
def test_only_editors_edit_published_items(cells, workflow, role):
    assert not cell(cells, workflow, "published", role).edit
    assert cell(cells, workflow, "published", "Editor").edit


class TestTwoSteps:
    workflow = "commune_editorial_workflow"

    def test_contributor_never_approves(self, cells):
        for state in cells[self.workflow]:
            assert (
                "approve"
                not in cell(cells, self.workflow, state, "Contributor").transitions
            )

    def test_author_submits_and_withdraws(self, cells):
        assert cell(cells, self.workflow, "private", "Owner").transitions == ("submit",)
        for state in ("pending_review", "pending_approval"):
            assert cell(cells, self.workflow, state, "Owner").transitions == (
                "retract",
            )
            assert not cell(cells, self.workflow, state, "Owner").edit
        assert cell(cells, self.workflow, "published", "Owner").transitions == ()

    def test_editorial_board_reviews_edits_and_sends_back(self, cells):
        board = cell(cells, self.workflow, "pending_review", "Reviewer")
        assert board.view and board.edit
        assert board.transitions == ("review", "reject")
        assert not cell(cells, self.workflow, "private", "Reviewer").view
        waiting = cell(cells, self.workflow, "pending_approval", "Reviewer")
        assert waiting.view and not waiting.edit and waiting.transitions == ()

    def test_leader_approves_rejects_and_retracts(self, cells):
        leader = cell(cells, self.workflow, "pending_approval", "CommuneApprover")
        assert leader.view and not leader.edit
        assert leader.transitions == ("approve", "reject")
        assert cell(
            cells, self.workflow, "published", "CommuneApprover"
        ).transitions == ("retract",)
        assert not cell(cells, self.workflow, "private", "CommuneApprover").view
        assert (
            cell(cells, self.workflow, "pending_review", "CommuneApprover").transitions
            == ()
        )

    def test_council_and_procedure_roles_have_no_say(self, cells):
        for role in ("CouncilSecretary", "CouncilDelegate", "ProcedureOfficer"):
            for state in NOT_PUBLIC[self.workflow]:
                assert str(cell(cells, self.workflow, state, role)) == "—", (
                    role,
                    state,
                )


class TestOneStep:
    workflow = "commune_simple_workflow"

    procedures = "commune_simple_workflow:Procedure"

    @pytest.mark.parametrize(
        "workflow,role",
        [
            ("commune_simple_workflow", "Reviewer"),
            ("commune_simple_workflow", "CommuneApprover"),
            ("commune_simple_workflow:Procedure", "Reviewer"),
            ("commune_simple_workflow:Procedure", "CommuneApprover"),
            ("commune_simple_workflow:Procedure", "ProcedureOfficer"),
        ],
    )
    def test_one_officer_publishes(self, cells, workflow, role):
        assert "publish" in cell(cells, workflow, "private", role).transitions
        pending = cell(cells, workflow, "pending_review", role)
        assert pending.view and set(pending.transitions) == {"publish", "reject"}
        assert cell(cells, workflow, "published", role).transitions == ("retract",)

    def test_procedure_officer_edits_procedure_drafts(self, cells):
        assert cell(cells, self.procedures, "private", "ProcedureOfficer").edit
        assert cell(cells, self.procedures, "pending_review", "ProcedureOfficer").edit

    def test_procedure_officer_has_no_say_on_other_items(self, cells):
        """A page (or a directive) in a one-step section is not a procedure:
        the one-stop-shop officer neither sees the draft nor publishes it."""
        for state in NOT_PUBLIC[self.workflow]:
            assert str(cell(cells, self.workflow, state, "ProcedureOfficer")) == "—"
        published = cell(cells, self.workflow, "published", "ProcedureOfficer")
        assert published.view and published.transitions == ()

    def test_contributor_cannot_publish(self, cells):
        for state in cells[self.workflow]:
            assert (
                "publish"
                not in cell(cells, self.workflow, state, "Contributor").transitions
            )


class TestCouncilMaterials:
    workflow = "council_material_workflow"

    def test_delegates_read_circulated_materials_only(self, cells):
        circulated = cell(cells, self.workflow, "circulated", "CouncilDelegate")
        assert circulated.view and not circulated.edit and circulated.transitions == ()
        assert not cell(cells, self.workflow, "private", "CouncilDelegate").view

    def test_secretary_circulates_publishes_and_retracts(self, cells):
        secretary = {
            state: cell(cells, self.workflow, state, "CouncilSecretary")
            for state in ("private", "circulated", "published")
        }
        assert secretary["private"].transitions == ("circulate", "publish")
        assert secretary["circulated"].transitions == ("publish", "retract")
        assert secretary["published"].transitions == ("retract",)
        assert secretary["private"].edit and secretary["circulated"].edit

    def test_editorial_roles_do_not_move_council_materials(self, cells):
        for role in ("Reviewer", "CommuneApprover", "ProcedureOfficer", "Contributor"):
            for state in cells[self.workflow]:
                assert cell(cells, self.workflow, state, role).transitions == (), role


class TestVoterPetitions:
    workflow = "voter_petition_workflow"

    def test_delegates_follow_petitions(self, cells):
        for state in NOT_PUBLIC[self.workflow]:
            delegate = cell(cells, self.workflow, state, "CouncilDelegate")
            assert delegate.view and not delegate.edit and delegate.transitions == ()

    def test_secretary_forwards_answers_and_publishes(self, cells):
        transitions = {
            state: cell(cells, self.workflow, state, "CouncilSecretary").transitions
            for state in cells[self.workflow]
        }
        assert transitions == {
            "received": ("forward", "answer"),
            "forwarded": ("answer", "retract"),
            "answered": ("publish", "retract"),
            "published": ("retract",),
        }
        assert cell(cells, self.workflow, "answered", "CouncilSecretary").edit
