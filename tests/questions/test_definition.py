"""What integrators and administrators rely on: the type's fields through
``@types``, the workflow's chains, the policy, the role on the sharing page,
the section of the structure profile and the settings."""

from commune_portal.workflows.policies import current_policies
from plone import api
from tests.conftest import PASSWORD
from zope.i18n import translate
import pytest
import transaction


FIELDS = {
    "title",
    "question",
    "sector",
    "asker_name",
    "asker_address",
    "asker_phone",
    "asker_email",
    "asker_consent",
    "attachment_1",
    "attachment_2",
    "attachment_3",
    "answer",
    "answering_officer",
    "answered_date",
    "rejection_reason",
}


def test_schema_through_types(functional_portal, manager_request):
    body = manager_request.get("/@types/CitizenQuestion").json()
    assert set(body["properties"]) >= FIELDS
    assert set(body["required"]) >= {"title", "question"}
    # Set by the portal, not in forms: the code, the assignment (its form).
    assert "tracking_code" not in body["properties"]
    assert "assigned_to" not in body["properties"]
    fieldsets = {f["id"]: f["fields"] for f in body["fieldsets"]}
    assert fieldsets["asker"] == [
        "asker_name",
        "asker_address",
        "asker_phone",
        "asker_email",
        "asker_consent",
    ]


def test_chains(portal):
    workflow_tool = api.portal.get_tool("portal_workflow")
    assert workflow_tool.getChainForPortalType("CitizenQuestion") == (
        "citizen_question_workflow",
    )
    definition = workflow_tool["citizen_question_workflow"]
    assert definition.initial_state == "submitted"
    placeful = api.portal.get_tool("portal_placeful_workflow")
    policy = placeful.getWorkflowPolicyById("citizen_questions")
    assert policy.getChainFor("CitizenQuestion") == ("citizen_question_workflow",)
    assert policy.getChainFor("Folder") == ("commune_simple_workflow",)
    # In the other sections' policies, questions keep their own workflow.
    for other in ("commune_two_step", "commune_one_step", "council_materials"):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(portal, "Folder", id=f"f-{other}", title="x")
        folder.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
        config = getattr(folder, ".wf_policy_config")
        config.setPolicyIn(other)
        config.setPolicyBelow(other)
        with api.env.adopt_roles(["Manager"]):
            question = api.content.create(
                folder, "CitizenQuestion", title="Hỏi", question="Câu hỏi thử nghiệm"
            )
        assert workflow_tool.getChainFor(question) == ("citizen_question_workflow",)
        assert api.content.get_state(question) == "submitted"


def test_workflow_titles_translated(portal):
    """Menus, ``@workflow`` and the history show them in Vietnamese (the
    domain "plone", as for the add-on's other workflows)."""
    definition = api.portal.get_tool("portal_workflow")["citizen_question_workflow"]
    texts = [definition.title]
    texts += [state.title for state in definition.states.objectValues()]
    texts += [t.actbox_name for t in definition.transitions.objectValues()]
    untranslated = [
        text
        for text in texts
        if translate(text, domain="plone", target_language="vi") == text
    ]
    assert untranslated == []


def test_structure_makes_the_section(portal, setup_tool):
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:structure")
    section = portal["hoi-dap"]
    assert section.title == "Hỏi đáp"
    assert section.getLayout() == "questions-view"
    assert current_policies(section) == ("citizen_questions", "citizen_questions")
    assert api.content.get_state(section) == "published"
    assert "questions-view" in portal.portal_types["Folder"].view_methods


class TestRole:
    def test_on_the_sharing_page(self, section, manager_request):
        response = manager_request.get("/hoi-dap/@sharing")
        titles = {r["id"]: r["title"] for r in response.json()["available_roles"]}
        assert "QuestionModerator" in titles
        assert "QuestionOfficer" not in titles  # technical

    def test_site_administrator_delegates_it(self, section, user_with_roles):
        import requests

        user, password = user_with_roles("quantri", "Site Administrator")
        api.user.create(email="tn@xa.example.vn", username="tiepnhan")
        transaction.commit()
        response = requests.post(
            f"{section.absolute_url()}/@sharing",
            json={
                "entries": [
                    {
                        "id": "tiepnhan",
                        "type": "user",
                        "roles": {"QuestionModerator": True},
                    }
                ]
            },
            headers={"Accept": "application/json"},
            auth=(user, password),
        )
        assert response.status_code == 204, response.text
        transaction.begin()
        assert "QuestionModerator" in section.get_local_roles_for_userid("tiepnhan")

    def test_editor_cannot_give_it(self, section, user_with_roles):
        import requests

        user, password = user_with_roles("bientap", "Editor")
        response = requests.get(
            f"{section.absolute_url()}/@sharing",
            headers={"Accept": "application/json"},
            auth=(user, password),
        )
        available = {r["id"] for r in response.json()["available_roles"]}
        assert "QuestionModerator" not in available


class TestSettings:
    def test_in_the_control_panel(self, functional_portal, manager_request):
        body = manager_request.get("/@controlpanels/commune-portal").json()
        fieldsets = {f["id"]: f["fields"] for f in body["schema"]["fieldsets"]}
        assert fieldsets["questions"] == [
            "question_code_prefix",
            "question_answer_deadline",
            "question_rate_limit",
            "question_lookup_limit",
            "question_notifications",
        ]
        assert body["data"]["question_code_prefix"] == "XA-HD"
        assert body["data"]["question_answer_deadline"] == 15

    @pytest.mark.parametrize("prefix", ["xa-hd", "XÃ-HĐ", "XA HD", "XA--HD", ""])
    def test_bad_prefix_refused(self, functional_portal, manager_request, prefix):
        response = manager_request.patch(
            "/@controlpanels/commune-portal", json={"question_code_prefix": prefix}
        )
        assert response.status_code == 400, prefix
        transaction.begin()
        assert api.portal.get_registry_record(
            "commune_portal.question_code_prefix"
        ) == ("XA-HD")

    def test_good_prefix(self, functional_portal, manager_request):
        response = manager_request.patch(
            "/@controlpanels/commune-portal", json={"question_code_prefix": "PND-HD"}
        )
        assert response.status_code == 204, response.text


def test_moderator_may_not_read_settings(section, user_with_roles):
    import requests

    user_with_roles("tiepnhan", "QuestionModerator")
    response = requests.get(
        f"{section.aq_parent.absolute_url()}/@controlpanels/commune-portal",
        headers={"Accept": "application/json"},
        auth=("tiepnhan", PASSWORD),
    )
    assert response.status_code in (401, 403)
