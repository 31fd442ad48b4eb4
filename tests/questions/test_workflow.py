"""``citizen_question_workflow``: each step through REST as the people who
take it, its guard and its e-mail; the officer's local role; who may do
what in each state."""

from commune_portal.questions.assignment import OFFICER_ROLE
from commune_portal.questions.guards import NO_ANSWER
from commune_portal.questions.guards import NO_OFFICER
from commune_portal.questions.guards import NO_REASON
from plone import api
from Products.CMFPlone.tests.utils import MockMailHost
from tests.conftest import PASSWORD
from tests.questions.helpers import ASKER
from tests.questions.helpers import body
from tests.questions.helpers import clear_mails
from tests.questions.helpers import HEADERS
from tests.questions.helpers import mails
from tests.questions.helpers import make_question
from tests.questions.helpers import subject
from tests.questions.helpers import vi
from tests.workflows.test_notifications import install_mailhost
import pytest
import requests
import transaction


ANSWER = {
    "data": "<p>Ông/bà đến Bộ phận Một cửa của xã, mang theo bản chính giấy tờ.</p>",
    "content-type": "text/html",
}
OFFICER_EMAIL = "tuphap@xa-nghiduong.example.vn"


@pytest.fixture
def people(section, user_with_roles):
    """The moderator (role on the section), two officers, and people of
    the site with other roles."""
    user_with_roles("tiepnhan")
    api.user.grant_roles(username="tiepnhan", obj=section, roles=["QuestionModerator"])
    section.reindexObjectSecurity()
    user_with_roles("tuphap")
    api.user.get(userid="tuphap").setMemberProperties(
        {"fullname": "Trần Văn Pháp", "email": OFFICER_EMAIL}
    )
    user_with_roles("diachinh")
    transaction.commit()


@pytest.fixture
def question(section, people, mailbox):
    obj = make_question(section)
    transaction.commit()
    clear_mails(section.aq_parent)
    return obj


def session(user):
    client = requests.Session()
    client.auth = (user, PASSWORD)
    client.headers.update(HEADERS)
    return client


def transition(obj, user, name, **body):
    return session(user).post(f"{obj.absolute_url()}/@workflow/{name}", json=body)


def patch(obj, user, **fields):
    return session(user).patch(obj.absolute_url(), json=fields)


def state(obj):
    transaction.begin()
    return api.content.get_state(obj)


def to_asker(section):
    return [m for m in mails(section.aq_parent) if m["To"] == ASKER["asker_email"]]


class TestSteps:
    def test_assign_answer_publish(self, section, question):
        portal = section.aq_parent
        code = question.tracking_code

        # The moderator assigns the question to the officer.
        assert patch(question, "tiepnhan", assigned_to="tuphap").status_code == 204
        response = transition(question, "tiepnhan", "assign")
        assert response.status_code == 200, response.text
        assert state(question) == "assigned"
        assert question.get_local_roles_for_userid("tuphap") == (OFFICER_ROLE,)
        sent = mails(portal)
        assert {m["To"] for m in sent} == {ASKER["asker_email"], OFFICER_EMAIL}
        (asker,) = to_asker(section)
        assert code in subject(asker)
        (officer,) = [m for m in sent if m["To"] == OFFICER_EMAIL]
        assert question.absolute_url() in body(officer)
        clear_mails(portal)

        # The officer writes and records the answer.
        assert patch(question, "tuphap", answer=ANSWER).status_code == 204
        response = transition(question, "tuphap", "answer")
        assert response.status_code == 200, response.text
        assert state(question) == "answered"
        assert question.answered_date is not None
        assert question.answering_officer == "Trần Văn Pháp"
        (asker,) = to_asker(section)
        assert code in subject(asker)
        assert "Bộ phận Một cửa" in body(asker)  # the answer, as text
        assert "<p>" not in body(asker)
        clear_mails(portal)

        # The moderator publishes it.
        response = transition(question, "tiepnhan", "publish")
        assert response.status_code == 200, response.text
        assert state(question) == "published"
        assert question.effective_date is not None
        (asker,) = to_asker(section)
        assert question.absolute_url() in body(asker)
        assert requests.get(question.absolute_url()).status_code == 200
        clear_mails(portal)

        # And withdraws it: back to answered, no e-mail.
        response = transition(question, "tiepnhan", "retract")
        assert response.status_code == 200, response.text
        assert state(question) == "answered"
        assert mails(portal) == []
        hidden = requests.get(question.absolute_url(), allow_redirects=False)
        assert hidden.status_code in (302, 401, 403, 404)

    def test_reject_with_its_reason(self, section, question):
        response = transition(question, "tiepnhan", "reject")
        assert response.status_code == 400
        assert response.json()["error"]["reasons"] == [vi(NO_REASON)]
        assert state(question) == "submitted"
        assert mails(section.aq_parent) == []

        reason = "Nội dung không thuộc thẩm quyền giải quyết của xã."
        assert patch(question, "tiepnhan", rejection_reason=reason).status_code == 204
        assert transition(question, "tiepnhan", "reject").status_code == 200
        assert state(question) == "rejected"
        (asker,) = to_asker(section)
        assert reason in body(asker)

    def test_moderator_answers_without_assigning(self, section, question):
        assert patch(question, "tiepnhan", answer=ANSWER).status_code == 204
        assert transition(question, "tiepnhan", "answer").status_code == 200
        assert state(question) == "answered"


class TestGuards:
    def test_assign_needs_an_officer(self, section, question):
        response = transition(question, "tiepnhan", "assign")
        assert response.status_code == 400
        assert response.json()["error"]["reasons"] == [vi(NO_OFFICER)]
        assert state(question) == "submitted"
        assert mails(section.aq_parent) == []

    def test_unknown_officer(self, section, question):
        patch(question, "tiepnhan", assigned_to="khong-ton-tai")
        response = transition(question, "tiepnhan", "assign")
        assert response.status_code == 400
        assert state(question) == "submitted"

    def test_answer_needs_the_answer(self, section, question):
        patch(question, "tiepnhan", assigned_to="tuphap")
        transition(question, "tiepnhan", "assign")
        clear_mails(section.aq_parent)
        patch(
            question, "tuphap", answer={"data": "<p> </p>", "content-type": "text/html"}
        )
        response = transition(question, "tuphap", "answer")
        assert response.status_code == 400
        assert response.json()["error"]["reasons"] == [vi(NO_ANSWER)]
        assert state(question) == "assigned"
        assert question.answered_date is None
        assert mails(section.aq_parent) == []

    def test_publish_needs_the_answer(self, section, question):
        """An answer emptied after it was recorded cannot be published."""
        patch(question, "tiepnhan", answer=ANSWER)
        transition(question, "tiepnhan", "answer")
        patch(question, "tiepnhan", answer={"data": "", "content-type": "text/html"})
        response = transition(question, "tiepnhan", "publish")
        assert response.status_code == 400
        assert response.json()["error"]["reasons"] == [vi(NO_ANSWER)]
        assert state(question) == "answered"

    def test_officer_cannot_publish_or_assign(self, section, question):
        patch(question, "tiepnhan", assigned_to="tuphap")
        transition(question, "tiepnhan", "assign")
        patch(question, "tuphap", answer=ANSWER)
        transition(question, "tuphap", "answer")
        assert transition(question, "tuphap", "publish").status_code == 400
        assert state(question) == "answered"
        assert patch(question, "tuphap", assigned_to="diachinh").status_code in (
            204,
            401,
            403,
        )
        transaction.begin()
        assert question.assigned_to == "tuphap"  # the field is the moderator's


class TestOfficerRole:
    def test_follows_the_assignment(self, section, question):
        patch(question, "tiepnhan", assigned_to="tuphap")
        transition(question, "tiepnhan", "assign")
        patch(question, "tiepnhan", assigned_to="diachinh")
        assert transition(question, "tiepnhan", "assign").status_code == 200
        transaction.begin()
        assert question.get_local_roles_for_userid("tuphap") == ()
        assert question.get_local_roles_for_userid("diachinh") == (OFFICER_ROLE,)
        assert session("tuphap").get(question.absolute_url()).status_code in (401, 403)
        assert session("diachinh").get(question.absolute_url()).status_code == 200

    def test_officer_does_not_see_the_person(self, section, question):
        patch(question, "tiepnhan", assigned_to="tuphap")
        transition(question, "tiepnhan", "assign")
        item = session("tuphap").get(question.absolute_url()).json()
        assert item["title"] == question.title
        for name in ("asker_name", "asker_address", "asker_phone", "asker_email"):
            assert name not in item
        assert ASKER["asker_name"] not in str(item)
        moderator = session("tiepnhan").get(question.absolute_url()).json()
        assert moderator["asker_email"] == ASKER["asker_email"]


class TestMailSettings:
    def test_each_mail_can_be_switched_off(self, section, question):
        api.portal.set_registry_record(
            "commune_portal.question_notifications", ["submitted", "published"]
        )
        transaction.commit()
        patch(question, "tiepnhan", assigned_to="tuphap")
        transition(question, "tiepnhan", "assign")
        assert mails(section.aq_parent) == []

    def test_no_address_no_mail(self, section, people, mailbox):
        obj = make_question(section, asker_email=None)
        transaction.commit()
        clear_mails(section.aq_parent)
        patch(obj, "tiepnhan", answer=ANSWER)
        transition(obj, "tiepnhan", "answer")
        assert mails(section.aq_parent) == []

    def test_submission_mail(self, section, mailbox):
        response = requests.post(
            f"{section.absolute_url()}/@questions",
            json={
                "title": "Hỏi về lịch tiếp công dân",
                "question": "Xin cho biết lịch tiếp công dân của Chủ tịch UBND xã.",
                **ASKER,
                "consent": True,
            },
            headers=HEADERS,
        )
        code = response.json()["code"]
        (message,) = mails(section.aq_parent)
        assert message["To"] == ASKER["asker_email"]
        assert code in subject(message)
        assert code in body(message)
        assert f"{section.absolute_url()}/@@question-status" in body(message)


class RecordingMailHost(MockMailHost):
    """Remembers whether each message was to be sent at once."""

    def send(self, *args, **kwargs):
        self.immediate.append(kwargs.get("immediate", False))
        return super().send(*args, **kwargs)

    def reset(self):
        from persistent.list import PersistentList

        super().reset()
        self.immediate = PersistentList()


def test_mail_waits_for_the_transaction(functional_portal):
    """E-mail is queued with the transaction: an aborted step sends
    nothing."""
    from tests.questions.helpers import questions_section

    portal = functional_portal
    mailhost = RecordingMailHost("MailHost")
    install_mailhost(portal, mailhost)
    api.portal.set_registry_record("plone.email_from_address", "cong@xa.gov.vn")
    section = questions_section(portal)
    question = make_question(section, answer="<p>Trả lời.</p>")
    transaction.commit()
    del mailhost.messages[:], mailhost.immediate[:]
    transaction.commit()
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(question, "answer")
    assert len(mailhost.messages) == 1
    assert list(mailhost.immediate) == [False]
    transaction.abort()
    assert len(mailhost.messages) == 0


# -- who may do what, per state ---------------------------------------------

STATES = ("submitted", "assigned", "answered", "published", "rejected")
EVERYONE = (
    "Anonymous",
    "Member",
    "Editor",
    "Reviewer",
    "Contributor",
    "CommuneApprover",
)
PERMISSIONS = {
    "view": "View",
    "edit": "Modify portal content",
    "review": "Review portal content",
    "person": "commune_portal: Access asker data",
    "files": "commune_portal: View question attachments",
}


def expected(who, state):
    """What ``who`` may do with a question in ``state``."""
    if who in ("moderator", "Site Administrator"):
        return {"view", "edit", "review", "person", "files"}
    if who == "officer":
        allowed = set()
        if state in ("assigned", "answered", "published"):
            allowed |= {"view", "files"}
        if state in ("assigned", "answered"):
            allowed.add("edit")
        return allowed
    return {"view"} if state == "published" else set()


@pytest.fixture
def matrix(portal):
    from tests.questions.helpers import questions_section

    section = questions_section(portal)
    for role in (*EVERYONE[1:], "Site Administrator"):
        user_id = role.lower().replace(" ", "-")
        api.user.create(email=f"{user_id}@xa.example.vn", username=user_id)
        api.user.grant_roles(username=user_id, roles=[role])
    api.user.create(email="tiepnhan@xa.example.vn", username="tiepnhan")
    api.user.grant_roles(username="tiepnhan", obj=section, roles=["QuestionModerator"])
    api.user.create(email="tuphap@xa.example.vn", username="tuphap")
    questions = {
        state: make_question(
            section,
            state,
            answer="<p>Trả lời.</p>",
            officer="tuphap"
            if state in ("assigned", "answered", "published")
            else None,
        )
        for state in STATES
    }
    return questions


@pytest.mark.parametrize(
    "who",
    [*EVERYONE, "Site Administrator", "moderator", "officer"],
)
def test_permissions_per_role_and_state(matrix, who):
    user_id = {
        "moderator": "tiepnhan",
        "officer": "tuphap",
    }.get(who, who.lower().replace(" ", "-"))
    for state, question in matrix.items():
        assert api.content.get_state(question) == state
        if who == "Anonymous":
            from plone.app.testing import logout

            logout()
            allowed = {
                name
                for name, permission in PERMISSIONS.items()
                if api.user.has_permission(permission, obj=question)
            }
        else:
            with api.env.adopt_user(username=user_id):
                allowed = {
                    name
                    for name, permission in PERMISSIONS.items()
                    if api.user.has_permission(permission, obj=question)
                }
        assert allowed == expected(who, state), (who, state)


def test_restricted_code_cannot_read_the_person(matrix):
    """Field permissions hold for restricted code too (templates through
    the web, scripts): plone.dexterity's attribute check."""
    from AccessControl import Unauthorized
    from AccessControl.ZopeGuards import guarded_getattr

    question = matrix["published"]
    with api.env.adopt_user(username="editor"):
        assert guarded_getattr(question, "title") == question.title
        with pytest.raises(Unauthorized):
            guarded_getattr(question, "asker_email")
        with pytest.raises(Unauthorized):
            guarded_getattr(question, "asker_phone")
    with api.env.adopt_user(username="tiepnhan"):
        assert guarded_getattr(question, "asker_email") == ASKER["asker_email"]
