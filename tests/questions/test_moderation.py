"""The moderators' Classic UI: the questions by state, assigning to an
officer, rejecting with a reason, the question's page per reader; and a
question added by hand."""

from commune_portal.questions.assignment import OFFICER_ROLE
from plone import api
from plone.namedfile.file import NamedBlobFile
from tests.conftest import PASSWORD
from tests.questions.helpers import ASKER
from tests.questions.helpers import make_question
from tests.questions.helpers import PDF
import pytest
import re
import requests
import transaction


@pytest.fixture
def people(section, user_with_roles):
    user_with_roles("tiepnhan")
    api.user.grant_roles(username="tiepnhan", obj=section, roles=["QuestionModerator"])
    section.reindexObjectSecurity()
    user_with_roles("tuphap")
    api.user.get(userid="tuphap").setMemberProperties({"fullname": "Trần Văn Pháp"})
    user_with_roles("bientap", "Editor")
    transaction.commit()


@pytest.fixture
def questions(section, people):
    found = {
        state: make_question(
            section,
            state,
            answer="<p>Trả lời.</p>" if state in ("answered", "published") else None,
            title=f"Câu hỏi {state}",
        )
        for state in ("submitted", "answered", "published", "rejected")
    }
    found["submitted"].attachment_1 = NamedBlobFile(
        data=PDF, filename="don.pdf", contentType="application/pdf"
    )
    transaction.commit()
    return found


def browser(user=None):
    client = requests.Session()
    if user:
        client.auth = (user, PASSWORD)
    return client


def token(html):
    return re.search(r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', html)[
        1
    ]


def state(obj):
    transaction.begin()
    return api.content.get_state(obj)


class TestModerationPage:
    def test_by_state(self, section, questions):
        html = (
            browser("tiepnhan")
            .get(f"{section.absolute_url()}/@@questions-moderation")
            .text
        )
        for name, obj in questions.items():
            block = re.search(rf'data-state="{name}".*?</section>', html, re.S)[0]
            assert obj.tracking_code in block, name
            assert f"Câu hỏi {name}" in block
        # Personal data stays on the question's own page.
        assert ASKER["asker_name"] not in html

    def test_publish_from_the_list(self, section, questions):
        client = browser("tiepnhan")
        html = client.get(f"{section.absolute_url()}/@@questions-moderation").text
        answered = questions["answered"]
        (link,) = re.findall(
            rf'href="({re.escape(answered.absolute_url())}/content_status_modify'
            r'\?workflow_action=publish[^"]*)"',
            html,
        )
        client.get(link.replace("&amp;", "&"))
        assert state(answered) == "published"

    @pytest.mark.parametrize("user", [None, "bientap", "tuphap"])
    def test_for_moderators_only(self, section, questions, user):
        response = browser(user).get(
            f"{section.absolute_url()}/@@questions-moderation", allow_redirects=False
        )
        assert response.status_code in (302, 401, 403)


class TestAssign:
    def test_assign(self, section, questions):
        question = questions["submitted"]
        url = f"{question.absolute_url()}/@@assign-question"
        client = browser("tiepnhan")
        page = client.get(url).text
        assert "Trần Văn Pháp (tuphap)" in page
        response = client.post(
            url,
            data={
                "_authenticator": token(page),
                "officer": "tuphap",
                "comment": "Đề nghị trả lời trong tuần",
                "form.submitted": "1",
            },
        )
        assert response.status_code == 200
        assert response.url == question.absolute_url()
        assert state(question) == "assigned"
        assert question.assigned_to == "tuphap"
        assert question.get_local_roles_for_userid("tuphap") == (OFFICER_ROLE,)
        history = question.workflow_history["citizen_question_workflow"][-1]
        assert "Trần Văn Pháp" in history["comments"]
        assert "Đề nghị trả lời trong tuần" in history["comments"]

    def test_without_officer_nothing_changes(self, section, questions):
        question = questions["submitted"]
        url = f"{question.absolute_url()}/@@assign-question"
        client = browser("tiepnhan")
        page = client.get(url).text
        response = client.post(
            url, data={"_authenticator": token(page), "form.submitted": "1"}
        )
        assert 'class="alert alert-danger"' in response.text
        assert state(question) == "submitted"
        assert not question.assigned_to

    def test_not_for_others(self, section, questions):
        response = browser("bientap").get(
            f"{questions['submitted'].absolute_url()}/@@assign-question",
            allow_redirects=False,
        )
        assert response.status_code in (302, 401, 403)


class TestReject:
    def url(self, question):
        return f"{question.absolute_url()}/@@reject-question"

    def test_reject(self, section, questions):
        question = questions["answered"]
        client = browser("tiepnhan")
        page = client.get(self.url(question)).text
        reason = "Câu hỏi không thuộc thẩm quyền của xã; đề nghị gửi Sở Tư pháp."
        client.post(
            self.url(question),
            data={
                "_authenticator": token(page),
                "reason": reason,
                "form.submitted": "1",
            },
        )
        assert state(question) == "rejected"
        assert question.rejection_reason == reason

    def test_reason_required(self, section, questions):
        question = questions["submitted"]
        client = browser("tiepnhan")
        page = client.get(self.url(question)).text
        response = client.post(
            self.url(question),
            data={"_authenticator": token(page), "reason": "  ", "form.submitted": "1"},
        )
        assert 'class="alert alert-danger"' in response.text
        assert state(question) == "submitted"
        assert not question.rejection_reason


class TestQuestionPage:
    def test_moderator_sees_the_person_and_the_files(self, questions):
        html = browser("tiepnhan").get(questions["submitted"].absolute_url()).text
        assert ASKER["asker_name"] in html
        assert ASKER["asker_email"] in html
        assert "@@download/attachment_1" in html
        assert "@@assign-question" in html
        assert "@@reject-question" in html
        download = browser("tiepnhan").get(
            f"{questions['submitted'].absolute_url()}/@@download/attachment_1"
        )
        assert download.content == PDF

    def test_officer_sees_the_files_not_the_person(self, section, people):
        question = make_question(section, "assigned", officer="tuphap")
        question.attachment_1 = NamedBlobFile(
            data=PDF, filename="don.pdf", contentType="application/pdf"
        )
        transaction.commit()
        client = browser("tuphap")
        html = client.get(question.absolute_url()).text
        assert question.title in html
        assert ASKER["asker_name"] not in html
        assert ASKER["asker_email"] not in html
        assert "@@assign-question" not in html
        assert (
            client.get(f"{question.absolute_url()}/@@download/attachment_1").content
            == PDF
        )

    def test_edit_form_per_reader(self, section, people):
        # Two questions: opening an edit form locks the item (plone.locking).
        mine = make_question(section, "assigned", officer="tuphap")
        other = make_question(section, "assigned", officer="tuphap")
        transaction.commit()
        officer = browser("tuphap").get(f"{mine.absolute_url()}/edit").text
        assert 'name="form.widgets.answer"' in officer
        assert 'name="form.widgets.asker_email"' not in officer
        assert 'name="form.widgets.title"' not in officer
        moderator = browser("tiepnhan").get(f"{other.absolute_url()}/edit").text
        assert 'name="form.widgets.asker_email"' in moderator
        assert 'name="form.widgets.title"' in moderator


class TestAddedByHand:
    def test_moderator_records_a_question_from_a_letter(self, section, people):
        response = browser("tiepnhan").post(
            section.absolute_url(),
            json={
                "@type": "CitizenQuestion",
                "title": "Kiến nghị sửa đường liên thôn",
                "question": "Đường liên thôn 3 - thôn 4 xuống cấp, đề nghị xã sửa chữa.",
                "asker_name": "Lê Văn Tám",
                "asker_address": "Thôn 3",
            },
            headers={"Accept": "application/json"},
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert re.match(r"^XA-HD-20\d\d-\d{6}$", body["tracking_code"])
        assert body["@id"].endswith(f"/hoi-dap/{body['tracking_code'].lower()}")
        assert body["review_state"] == "submitted"

    def test_nobody_else_adds(self, section, people):
        response = browser("bientap").post(
            section.absolute_url(),
            json={"@type": "CitizenQuestion", "title": "x", "question": "y"},
            headers={"Accept": "application/json"},
        )
        assert response.status_code in (401, 403)
        transaction.begin()
        assert [
            o for o in section.objectValues() if o.portal_type == "CitizenQuestion"
        ] == []
