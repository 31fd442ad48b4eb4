"""Workflow guards that explain themselves (commune_portal.workflows.guards):
each rule on its own, in the workflows, through ``@workflow`` and in
Classic UI."""

from commune_portal.workflows import guards
from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.helpers import make_document
from types import SimpleNamespace
from zope.i18n import translate
import pytest
import transaction


WORKFLOWS = (
    "commune_editorial_workflow",
    "commune_simple_workflow",
    "council_material_workflow",
    "voter_petition_workflow",
)
CLASSIFIED = "Văn bản có độ mật “{}” không bao giờ được đăng trên cổng thông tin."
MISSING = "Còn thiếu thông tin người dân cần: "
FOUR_EYES = "Bạn là người đã trình mục này"


def complete(**overrides):
    """The fields citizens need, all filled."""
    fields = {
        "document_number": "15/KH-UBND",
        "document_type": "ke-hoach",
        "issue_date": date(2026, 1, 5),
        "file": NamedBlobFile(data=b"%PDF-1.4 ke hoach", filename="15-KH-UBND.pdf"),
    }
    fields.update(overrides)
    return fields


def vi(messages):
    return [translate(message, target_language="vi") for message in messages]


def transition(transition_id, new_state):
    """A stand-in for a DCWorkflow transition definition."""
    return SimpleNamespace(id=transition_id, new_state_id=new_state)


def set_setting(name, value):
    api.portal.set_registry_record(f"commune_portal.{name}", value)


def as_user(user_id):
    return api.env.adopt_user(username=user_id)


# --- The rules, one by one ------------------------------------------------


class TestClassified:
    @pytest.mark.parametrize(
        "level,title",
        [("confidential", "Mật"), ("secret", "Tối mật"), ("top_secret", "Tuyệt mật")],
    )
    def test_never_published(self, portal, level, title):
        doc = make_document(
            portal,
            "mat",
            "Văn bản mật",
            publish=False,
            **complete(confidentiality=level),
        )
        reasons = guards.classified(doc, transition("approve", "published"))
        assert vi(reasons) == [CLASSIFIED.format(title)]

    def test_never_circulated(self, portal):
        doc = make_document(
            portal, "mat", "Văn bản mật", publish=False, confidentiality="secret"
        )
        reasons = guards.classified(doc, transition("circulate", "circulated"))
        assert vi(reasons) == [
            "Văn bản có độ mật “Tối mật” không được phát hành qua cổng thông tin."
        ]

    def test_other_states_are_fine(self, portal):
        doc = make_document(
            portal, "mat", "Văn bản mật", publish=False, confidentiality="secret"
        )
        assert guards.classified(doc, transition("submit", "pending_review")) == []
        assert guards.classified(doc, transition("review", "pending_approval")) == []

    def test_normal_documents_pass(self, portal):
        doc = make_document(portal, "thuong", "Văn bản thường", publish=False)
        assert guards.classified(doc, transition("approve", "published")) == []

    def test_other_content_is_not_concerned(self, portal):
        with api.env.adopt_roles(["Manager"]):
            page = api.content.create(portal, "Document", id="trang", title="Trang")
        assert guards.classified(page, transition("publish", "published")) == []


class TestCompleteness:
    def test_names_every_missing_field_in_vietnamese(self, portal):
        doc = make_document(portal, "thieu", "Văn bản thiếu", publish=False)
        reasons = guards.completeness(doc, transition("approve", "published"))
        assert vi(reasons) == [
            MISSING + "Số ký hiệu, Loại văn bản, Ngày ban hành, Tệp văn bản đã ký."
        ]

    def test_names_only_what_is_missing(self, portal):
        fields = complete()
        del fields["file"]
        doc = make_document(portal, "thieu", "Văn bản thiếu", publish=False, **fields)
        reasons = guards.completeness(doc, transition("approve", "published"))
        assert vi(reasons) == [MISSING + "Tệp văn bản đã ký."]

    def test_complete_document_passes(self, portal):
        doc = make_document(portal, "du", "Văn bản đủ", publish=False, **complete())
        assert guards.completeness(doc, transition("approve", "published")) == []

    def test_an_empty_file_counts_as_missing(self, portal):
        empty = NamedBlobFile(data=b"", filename="rong.pdf")
        doc = make_document(
            portal, "rong", "Tệp rỗng", publish=False, **complete(file=empty)
        )
        reasons = guards.completeness(doc, transition("approve", "published"))
        assert vi(reasons) == [MISSING + "Tệp văn bản đã ký."]

    def test_the_board_does_not_pass_on_an_incomplete_item(self, portal):
        doc = make_document(portal, "thieu", "Văn bản thiếu", publish=False)
        assert guards.completeness(doc, transition("review", "pending_approval"))

    def test_drafts_are_submitted_freely(self, portal):
        doc = make_document(portal, "thieu", "Văn bản thiếu", publish=False)
        assert guards.completeness(doc, transition("submit", "pending_review")) == []

    def test_requirements_come_from_the_control_panel(self, portal):
        set_setting("publication_requirements", ["signer", "issuing_body"])
        doc = make_document(portal, "thieu", "Văn bản thiếu", publish=False)
        reasons = guards.completeness(doc, transition("publish", "published"))
        assert vi(reasons) == [MISSING + "Người ký, Cơ quan ban hành."]

    def test_nothing_required(self, portal):
        set_setting("publication_requirements", [])
        doc = make_document(portal, "thieu", "Văn bản thiếu", publish=False)
        assert guards.completeness(doc, transition("publish", "published")) == []


class TestFourEyes:
    @pytest.fixture
    def submitted(self, portal):
        """A complete document submitted by the editor ``bientap``."""
        api.user.create(email="bientap@example.vn", username="bientap")
        api.user.create(email="lanhdao@example.vn", username="lanhdao")
        doc = make_document(portal, "vb", "Văn bản", publish=False, **complete())
        api.user.grant_roles(username="bientap", roles=["Editor"])
        with as_user("bientap"):
            api.content.transition(doc, "submit")
        return doc

    def test_off_by_default(self, portal, submitted):
        assert api.portal.get_registry_record("commune_portal.four_eyes") is False
        with as_user("bientap"):
            assert guards.four_eyes(submitted, transition("approve", "published")) == []

    def test_the_submitter_cannot_approve(self, portal, submitted):
        set_setting("four_eyes", True)
        with as_user("bientap"):
            reasons = guards.four_eyes(submitted, transition("approve", "published"))
        assert len(reasons) == 1
        assert vi(reasons)[0].startswith(FOUR_EYES)
        assert "kể cả với quản trị viên" in vi(reasons)[0]

    def test_someone_else_can(self, portal, submitted):
        set_setting("four_eyes", True)
        with as_user("lanhdao"):
            assert guards.four_eyes(submitted, transition("approve", "published")) == []

    def test_managers_are_not_exempt(self, portal, submitted):
        set_setting("four_eyes", True)
        api.user.grant_roles(username="bientap", roles=["Manager"])
        with as_user("bientap"):
            assert guards.four_eyes(submitted, transition("publish", "published"))

    def test_only_approve_and_publish(self, portal, submitted):
        set_setting("four_eyes", True)
        with as_user("bientap"):
            assert (
                guards.four_eyes(submitted, transition("review", "pending_approval"))
                == []
            )
            assert guards.four_eyes(submitted, transition("retract", "private")) == []

    def test_only_the_submit_of_this_round_counts(self, portal, submitted):
        """Rejected and submitted again by someone else: the first submitter
        may now approve."""
        set_setting("four_eyes", True)
        api.user.grant_roles(username="lanhdao", roles=["Reviewer", "Editor"])
        with as_user("lanhdao"):
            api.content.transition(submitted, "reject", comment="Sửa lại")
            api.content.transition(submitted, "submit")
        with as_user("bientap"):
            assert guards.four_eyes(submitted, transition("approve", "published")) == []
        with as_user("lanhdao"):
            assert guards.four_eyes(submitted, transition("approve", "published"))


class TestProblems:
    def test_collects_every_reason(self, portal):
        set_setting("four_eyes", True)
        doc = make_document(
            portal, "vb", "Văn bản", publish=False, confidentiality="top_secret"
        )
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit")
        reasons = vi(guards.problems(doc, "approve"))
        assert reasons[0] == CLASSIFIED.format("Tuyệt mật")
        assert reasons[1].startswith(MISSING)
        assert reasons[2].startswith(FOUR_EYES)

    def test_unknown_transition(self, portal):
        doc = make_document(portal, "vb", "Văn bản", publish=False)
        assert guards.problems(doc, "no-such-transition") == []
        assert guards.allowed(doc, "no-such-transition") is True

    def test_reads_the_target_state_from_the_workflow(self, portal):
        """``approve`` enters ``published`` in the editorial workflow: the
        classification rule applies without a list of transition names."""
        doc = make_document(
            portal, "vb", "Văn bản", publish=False, **complete(confidentiality="secret")
        )
        assert guards.find_transition(doc, "approve").new_state_id == "published"
        assert vi(guards.problems(doc, "approve")) == [CLASSIFIED.format("Tối mật")]
        assert guards.problems(doc, "submit") == []


# --- In the workflows -----------------------------------------------------


@pytest.mark.parametrize("workflow_id", WORKFLOWS)
def test_managers_do_not_bypass_guards(portal, workflow_id):
    assert not portal.portal_workflow[workflow_id].manager_bypass


@pytest.mark.parametrize(
    "workflow_id,transition_id",
    [
        ("commune_editorial_workflow", "review"),
        ("commune_editorial_workflow", "approve"),
        ("commune_simple_workflow", "publish"),
        ("council_material_workflow", "circulate"),
        ("council_material_workflow", "publish"),
        ("voter_petition_workflow", "publish"),
    ],
)
def test_guarded_transitions_call_the_guards(portal, workflow_id, transition_id):
    guard = portal.portal_workflow[workflow_id].transitions[transition_id].guard
    assert guard.getExprText() == (
        "python:modules['commune_portal.workflows.guards']"
        f".allowed(object, '{transition_id}')"
    )


class TestInTheEditorialWorkflow:
    @pytest.fixture
    def pending_approval(self, portal):
        doc = make_document(
            portal, "vb", "Văn bản", publish=False, **complete(confidentiality="secret")
        )
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit")
            api.content.transition(doc, "review")
        return doc

    def test_the_menu_lacks_the_blocked_transition(self, portal, pending_approval):
        with api.env.adopt_roles(["Manager"]):
            actions = [
                a["id"]
                for a in portal.portal_workflow.listActionInfos(object=pending_approval)
            ]
        assert "approve" not in actions
        assert "reject" in actions

    def test_the_workflow_refuses(self, portal, pending_approval):
        with api.env.adopt_roles(["Manager"]), pytest.raises(WorkflowException):
            portal.portal_workflow.doActionFor(pending_approval, "approve")
        assert api.content.get_state(pending_approval) == "pending_approval"

    def test_blocked_transitions_explain(self, portal, pending_approval):
        with api.env.adopt_roles(["Manager"]):
            blocked = guards.blocked_transitions(pending_approval)
        assert [(t.id, vi(reasons)) for t, reasons in blocked] == [
            ("approve", [CLASSIFIED.format("Tối mật")])
        ]

    def test_nothing_blocked_for_who_could_not_anyway(self, portal, pending_approval):
        api.user.create(email="canbo@example.vn", username="canbo")
        api.user.grant_roles(username="canbo", roles=["Editor"])
        with as_user("canbo"):
            assert guards.blocked_transitions(pending_approval) == []
            assert guards.blocked_reasons(pending_approval, "approve") == []

    def test_once_declassified_it_goes_through(self, portal, pending_approval):
        from commune_portal.behaviors.official_document import IOfficialDocument

        IOfficialDocument(pending_approval).confidentiality = "normal"
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(pending_approval, "approve")
        assert api.content.get_state(pending_approval) == "published"


# --- The control panel ----------------------------------------------------


class TestSettings:
    def test_defaults(self, portal):
        assert api.portal.get_registry_record(
            "commune_portal.publication_requirements"
        ) == ["document_number", "document_type", "issue_date", "file"]
        assert api.portal.get_registry_record("commune_portal.four_eyes") is False
        assert api.portal.get_registry_record("commune_portal.notify_reviewers") is True

    def test_vocabulary_of_requirable_fields(self, portal):
        from zope.component import getUtility
        from zope.schema.interfaces import IVocabularyFactory

        factory = getUtility(
            IVocabularyFactory,
            "commune_portal.vocabularies.PublicationRequirementFields",
        )
        vocabulary = factory(portal)
        tokens = [term.token for term in vocabulary]
        assert tokens[:4] == [
            "document_number",
            "document_type",
            "issuing_body",
            "issue_date",
        ]
        assert "file" in tokens
        assert "signer" in tokens
        # Computed, or never empty: not requirable.
        for name in (
            "legal_status",
            "confidentiality",
            "urgency",
            "is_legal_normative",
        ):
            assert name not in tokens
        titles = {
            term.token: translate(term.title, target_language="vi")
            for term in vocabulary
        }
        assert titles["file"] == "Tệp văn bản đã ký"


class TestSettingsThroughRest:
    PANEL = "@controlpanels/commune-portal"

    def test_workflow_fieldset(self, request_factory):
        body = request_factory(role="Manager").get(self.PANEL).json()
        fieldsets = {f["id"]: f for f in body["schema"]["fieldsets"]}
        assert fieldsets["workflow"]["title"] == "Quy trình"
        assert fieldsets["workflow"]["fields"] == [
            "publication_requirements",
            "four_eyes",
            "notify_reviewers",
            "notify_delegates",
        ]
        assert body["data"]["four_eyes"] is False
        assert body["data"]["notify_reviewers"] is True

    def test_switch_four_eyes_on(self, request_factory, functional_portal):
        session = request_factory(role="Manager")
        response = session.patch(
            self.PANEL,
            json={"four_eyes": True, "publication_requirements": ["document_number"]},
        )
        assert response.status_code == 204
        transaction.begin()
        assert api.portal.get_registry_record("commune_portal.four_eyes") is True
        assert api.portal.get_registry_record(
            "commune_portal.publication_requirements"
        ) == ["document_number"]

    def test_classic_form(self, functional_app, functional_portal):
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader(
            "Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}"
        )
        browser.open(f"{functional_portal.absolute_url()}/@@commune-portal-settings")
        assert "Quy trình" in browser.contents
        assert "Nguyên tắc bốn mắt" in browser.contents
        control = browser.getControl(name="form.widgets.publication_requirements:list")
        assert set(control.value) == {
            "document_number",
            "document_type",
            "issue_date",
            "file",
        }
        control.value = ["document_number", "signer"]
        browser.getControl(name="form.widgets.four_eyes:list").value = True
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        assert api.portal.get_registry_record(
            "commune_portal.publication_requirements"
        ) == ["document_number", "signer"]
        assert api.portal.get_registry_record("commune_portal.four_eyes") is True

    def test_unknown_field_refused(self, request_factory):
        response = request_factory(role="Manager").patch(
            self.PANEL, json={"publication_requirements": ["no_such_field"]}
        )
        assert response.status_code == 400


# --- Through @workflow ----------------------------------------------------


@pytest.fixture
def board(user_with_roles):
    """An editor, an editorial board member and a leader, site-wide."""
    return {
        "editor": user_with_roles("bientap", "Editor"),
        "reviewer": user_with_roles("banbientap", "Reviewer"),
        "approver": user_with_roles("lanhdao", "CommuneApprover"),
        "approver2": user_with_roles("phochutich", "CommuneApprover"),
    }


@pytest.fixture
def sessions(request_factory, board):
    return {name: request_factory(basic_auth=auth) for name, auth in board.items()}


def create(functional_portal, doc_id="vb", author="bientap", **fields):
    """A draft written by ``author`` (the board's editor, who submits it):
    its owner and creator, who sees it even when it is classified."""
    doc = make_document(functional_portal, doc_id, "Kế hoạch", publish=False, **fields)
    doc.manage_setLocalRoles(author, ["Owner"])
    doc.setCreators((author,))
    doc.reindexObjectSecurity()
    transaction.commit()
    return doc


def state_of(functional_portal, doc_id="vb"):
    transaction.begin()
    return api.content.get_state(functional_portal[doc_id])


def move(session, doc_id, transition_id, comment=""):
    response = session.post(
        f"{doc_id}/@workflow/{transition_id}", json={"comment": comment}
    )
    assert response.status_code == 200, response.text
    return response


class TestRestTransition:
    def test_classified_refused_with_the_reason(self, functional_portal, sessions):
        create(functional_portal, **complete(confidentiality="top_secret"))
        move(sessions["editor"], "vb", "submit")
        move(sessions["reviewer"], "vb", "review")
        response = sessions["approver"].post("vb/@workflow/approve", json={})
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["type"] == "WorkflowGuard"
        assert error["transition"] == "approve"
        assert error["reasons"] == [CLASSIFIED.format("Tuyệt mật")]
        assert error["message"] == CLASSIFIED.format("Tuyệt mật")
        assert state_of(functional_portal) == "pending_approval"

    def test_incomplete_refused_at_review(self, functional_portal, sessions):
        create(functional_portal, issue_date=date(2026, 1, 5))
        move(sessions["editor"], "vb", "submit")
        response = sessions["reviewer"].post("vb/@workflow/review", json={})
        assert response.status_code == 400
        assert response.json()["error"]["reasons"] == [
            MISSING + "Số ký hiệu, Loại văn bản, Tệp văn bản đã ký."
        ]
        assert state_of(functional_portal) == "pending_review"

    def test_four_eyes(
        self, functional_portal, sessions, user_with_roles, request_factory
    ):
        set_setting("four_eyes", True)
        transaction.commit()
        create(functional_portal, **complete())
        # One person holding every role: submits, reviews, cannot approve.
        everything = request_factory(
            basic_auth=user_with_roles(
                "motnguoi", "Editor", "Reviewer", "CommuneApprover"
            )
        )
        move(everything, "vb", "submit")
        move(everything, "vb", "review")
        response = everything.post("vb/@workflow/approve", json={})
        assert response.status_code == 400
        assert response.json()["error"]["reasons"][0].startswith(FOUR_EYES)
        assert state_of(functional_portal) == "pending_approval"
        move(sessions["approver"], "vb", "approve")
        assert state_of(functional_portal) == "published"

    def test_four_eyes_holds_for_managers(self, functional_portal, request_factory):
        set_setting("four_eyes", True)
        transaction.commit()
        create(functional_portal, **complete())
        manager = request_factory(role="Manager")
        move(manager, "vb", "submit")
        move(manager, "vb", "review")
        response = manager.post("vb/@workflow/approve", json={})
        assert response.status_code == 400
        assert "kể cả với quản trị viên" in response.json()["error"]["message"]

    def test_several_reasons_joined(self, functional_portal, request_factory):
        set_setting("four_eyes", True)
        transaction.commit()
        create(
            functional_portal, confidentiality="secret", document_number="15/KH-UBND"
        )
        manager = request_factory(role="Manager")
        move(manager, "vb", "submit")
        response = manager.post("vb/@workflow/review", json={})
        # Four eyes is for approving, not for the board's review.
        error = response.json()["error"]
        assert len(error["reasons"]) == 1
        assert error["reasons"][0].startswith(MISSING)

    def test_allowed_transition_goes_through(self, functional_portal, sessions):
        create(functional_portal, **complete())
        move(sessions["editor"], "vb", "submit")
        move(sessions["reviewer"], "vb", "review")
        response = move(sessions["approver"], "vb", "approve", "Đồng ý đăng")
        assert response.json()["review_state"] == "published"
        assert state_of(functional_portal) == "published"

    def test_who_may_not_act_gets_plone_refusal(self, functional_portal, sessions):
        """The guards speak only to who could act but for them."""
        create(functional_portal, **complete(confidentiality="secret"))
        move(sessions["editor"], "vb", "submit")
        move(sessions["reviewer"], "vb", "review")
        response = sessions["editor"].post("vb/@workflow/approve", json={})
        assert response.status_code == 400
        assert response.json()["error"]["type"] == "WorkflowException"


class TestRestInfo:
    def test_blocked_transitions_listed(self, functional_portal, sessions):
        create(functional_portal, **complete(confidentiality="confidential"))
        move(sessions["editor"], "vb", "submit")
        move(sessions["reviewer"], "vb", "review")
        body = sessions["approver"].get("vb/@workflow").json()
        offered = [t["@id"].rsplit("/", 1)[-1] for t in body["transitions"]]
        assert "approve" not in offered
        assert "reject" in offered
        [blocked] = body["blocked_transitions"]
        assert blocked["@id"].endswith("/vb/@workflow/approve")
        assert blocked["reasons"] == [CLASSIFIED.format("Mật")]
        assert blocked["title"]

    def test_expandable(self, functional_portal, sessions):
        create(functional_portal, **complete(confidentiality="confidential"))
        move(sessions["editor"], "vb", "submit")
        move(sessions["reviewer"], "vb", "review")
        body = sessions["approver"].get("vb?expand=workflow").json()
        workflow = body["@components"]["workflow"]
        assert workflow["blocked_transitions"][0]["reasons"] == [
            CLASSIFIED.format("Mật")
        ]

    def test_nothing_blocked(self, functional_portal, sessions):
        create(functional_portal, **complete())
        move(sessions["editor"], "vb", "submit")
        body = sessions["reviewer"].get("vb/@workflow").json()
        assert body["blocked_transitions"] == []
        assert "review" in [t["@id"].rsplit("/", 1)[-1] for t in body["transitions"]]

    def test_not_for_who_could_not_anyway(self, functional_portal, sessions):
        create(functional_portal, **complete(confidentiality="secret"))
        move(sessions["editor"], "vb", "submit")
        move(sessions["reviewer"], "vb", "review")
        body = sessions["reviewer"].get("vb/@workflow").json()
        assert body["blocked_transitions"] == []


# --- Classic UI -----------------------------------------------------------


class TestViewlet:
    def browser(self, functional_app, auth):
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", "Basic {}:{}".format(*auth))
        return browser

    def test_shows_why(self, functional_app, functional_portal, board, sessions):
        create(
            functional_portal, document_number="15/KH-UBND", confidentiality="secret"
        )
        transaction.begin()
        set_setting("publication_requirements", ["document_number", "issue_date"])
        transaction.commit()
        move(sessions["editor"], "vb", "submit")
        browser = self.browser(functional_app, board["reviewer"])
        browser.open(functional_portal.absolute_url() + "/vb")
        assert "commune-workflow-guards" in browser.contents
        assert "Chưa thể trình lãnh đạo phê duyệt:" in browser.contents
        assert MISSING + "Ngày ban hành." in browser.contents
        assert 'data-transition="review"' in browser.contents
        # The workflow menu does not offer it.
        assert "workflow_action=review" not in browser.contents
        assert "workflow_action=reject" in browser.contents

    def test_hidden_when_nothing_blocks(
        self, functional_app, functional_portal, board, sessions
    ):
        create(functional_portal, **complete())
        move(sessions["editor"], "vb", "submit")
        browser = self.browser(functional_app, board["reviewer"])
        browser.open(functional_portal.absolute_url() + "/vb")
        assert "commune-workflow-guards" not in browser.contents
        assert "workflow_action=review" in browser.contents

    def test_hidden_from_who_could_not_act(
        self, functional_app, functional_portal, board, sessions
    ):
        create(functional_portal, **complete(confidentiality="secret"))
        move(sessions["editor"], "vb", "submit")
        move(sessions["reviewer"], "vb", "review")
        browser = self.browser(functional_app, board["editor"])
        browser.open(functional_portal.absolute_url() + "/vb")
        assert "commune-workflow-guards" not in browser.contents
        browser = self.browser(functional_app, board["approver"])
        browser.open(functional_portal.absolute_url() + "/vb")
        assert "commune-workflow-guards" in browser.contents


# --- One answer per transition ---------------------------------------------


class TestOneAnswerPerTransition:
    """DCWorkflow asks a guard twice per ``doActionFor``; the guards answer
    once per call and never carry an answer over to another call."""

    @pytest.fixture
    def pending_approval(self, portal):
        doc = make_document(portal, "vb", "Văn bản", publish=False, **complete())
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit")
            api.content.transition(doc, "review")
        return doc

    @pytest.fixture
    def asked(self, monkeypatch):
        """The transitions the guards were asked about."""
        found = []
        real = guards.problems

        def counting(obj, transition_id):
            found.append(transition_id)
            return real(obj, transition_id)

        monkeypatch.setattr(guards, "problems", counting)
        return found

    def test_once_per_transition(self, portal, pending_approval, asked):
        with api.env.adopt_roles(["Manager"]):
            portal.portal_workflow.doActionFor(pending_approval, "approve")
        assert asked == ["approve"]
        assert api.content.get_state(pending_approval) == "published"

    def test_classified_after_the_menu_was_shown(self, portal, pending_approval, asked):
        """In one transaction: the menu offers approval, the document is
        then classified (no event), the approval is refused."""
        from commune_portal.behaviors.official_document import IOfficialDocument

        with api.env.adopt_roles(["Manager"]):
            assert guards.allowed(pending_approval, "approve")
            IOfficialDocument(pending_approval).confidentiality = "secret"
            assert not guards.allowed(pending_approval, "approve")
            with pytest.raises(WorkflowException):
                portal.portal_workflow.doActionFor(pending_approval, "approve")
        assert api.content.get_state(pending_approval) == "pending_approval"
        assert asked == ["approve"] * 3

    def test_a_refusal_is_not_kept(self, portal, pending_approval):
        """Refused while classified, approved once declassified, in the
        same transaction."""
        from commune_portal.behaviors.official_document import IOfficialDocument

        document = IOfficialDocument(pending_approval)
        document.confidentiality = "secret"
        with api.env.adopt_roles(["Manager"]):
            with pytest.raises(WorkflowException):
                portal.portal_workflow.doActionFor(pending_approval, "approve")
            document.confidentiality = "normal"
            portal.portal_workflow.doActionFor(pending_approval, "approve")
        assert api.content.get_state(pending_approval) == "published"

    def test_an_approval_is_not_kept(self, portal, pending_approval):
        """Approved, retracted, classified and submitted again in the same
        transaction: the second approval is refused."""
        from commune_portal.behaviors.official_document import IOfficialDocument

        wftool = portal.portal_workflow
        with api.env.adopt_roles(["Manager"]):
            wftool.doActionFor(pending_approval, "approve")
            wftool.doActionFor(pending_approval, "retract")
            IOfficialDocument(pending_approval).confidentiality = "secret"
            wftool.doActionFor(pending_approval, "submit")
            wftool.doActionFor(pending_approval, "review")
            with pytest.raises(WorkflowException):
                wftool.doActionFor(pending_approval, "approve")
        assert api.content.get_state(pending_approval) == "pending_approval"
