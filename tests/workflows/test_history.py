"""The audit trail: who submitted, reviewed, approved or rejected an item,
when and with which comment, for editors in Classic UI and through REST
(``@history``, ``@workflow``), never for the public."""

from commune_portal.workflows import history
from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from tests.helpers import make_document
import pytest
import transaction


def fields():
    """What citizens need, so that the document may be published."""
    return {
        "document_number": "15/KH-UBND",
        "document_type": "ke-hoach",
        "issue_date": date(2026, 1, 5),
        "file": NamedBlobFile(data=b"%PDF-1.4 ke hoach", filename="15-KH-UBND.pdf"),
    }


def move(session, transition_id, comment=""):
    response = session.post(f"vb/@workflow/{transition_id}", json={"comment": comment})
    assert response.status_code == 200, response.text


@pytest.fixture
def people(user_with_roles, request_factory):
    auth = {
        "editor": user_with_roles("bientap", "Editor"),
        "reviewer": user_with_roles("banbientap", "Reviewer"),
        "approver": user_with_roles("lanhdao", "CommuneApprover"),
        "member": user_with_roles("thanhvien"),
    }
    sessions = {name: request_factory(basic_auth=a) for name, a in auth.items()}
    sessions["anonymous"] = request_factory()
    return auth, sessions


@pytest.fixture
def published(functional_portal, people):
    """Submitted, sent back with a comment, submitted again, reviewed and
    approved: each step by its own person."""
    _auth, sessions = people
    make_document(functional_portal, "vb", "Kế hoạch", publish=False, **fields())
    transaction.commit()
    move(sessions["editor"], "submit", "Kính trình Ban biên tập")
    move(sessions["reviewer"], "reject", "Thiếu chữ ký số trên tệp")
    move(sessions["editor"], "submit", "Đã bổ sung tệp ký số")
    move(sessions["reviewer"], "review")
    move(sessions["approver"], "approve", "Đồng ý đăng")
    return functional_portal["vb"]


EXPECTED = [
    # (action, resulting state, actor, comments), newest first
    ("approve", "published", "lanhdao", "Đồng ý đăng"),
    ("review", "pending_approval", "banbientap", ""),
    ("submit", "pending_review", "bientap", "Đã bổ sung tệp ký số"),
    ("reject", "private", "banbientap", "Thiếu chữ ký số trên tệp"),
    ("submit", "pending_review", "bientap", "Kính trình Ban biên tập"),
]
# plone.restapi's @history translates the action; @workflow keeps its id.
RESTAPI_HISTORY = [entry[1:] for entry in EXPECTED]


def workflow_entries(items):
    return [item for item in items if item.get("type", "workflow") == "workflow"]


class TestRestHistory:
    def test_editor_reads_the_whole_trail(self, published, people):
        _auth, sessions = people
        response = sessions["editor"].get("vb/@history")
        assert response.status_code == 200
        entries = workflow_entries(response.json())
        assert [
            (e["review_state"], e["actor"]["id"], e["comments"]) for e in entries[:5]
        ] == RESTAPI_HISTORY
        # The creation comes last, its title in Vietnamese (plone.po).
        assert entries[-1]["action"] == "Tạo mới"
        assert len(entries) == 6
        for entry in entries:
            assert entry["time"]
            assert entry["transition_title"]
            assert entry["state_title"]
        assert entries[0]["review_state"] == "published"

    def test_reviewer_reads_it_too(self, published, people):
        _auth, sessions = people
        entries = workflow_entries(sessions["reviewer"].get("vb/@history").json())
        assert [(e["review_state"], e["comments"]) for e in entries[:2]] == [
            ("published", "Đồng ý đăng"),
            ("pending_approval", ""),
        ]

    def test_no_duplicates_where_the_workflow_shows_it(self, functional_portal, people):
        """Pending review: the board may review, plone.restapi lists the
        entries itself; they are not added twice."""
        _auth, sessions = people
        make_document(functional_portal, "vb", "Kế hoạch", publish=False, **fields())
        transaction.commit()
        move(sessions["editor"], "submit", "Kính trình")
        entries = workflow_entries(sessions["reviewer"].get("vb/@history").json())
        assert [e["review_state"] for e in entries] == ["pending_review", "private"]
        assert entries[0]["comments"] == "Kính trình"

    def test_anonymous_cannot_read(self, published, people):
        _auth, sessions = people
        assert sessions["anonymous"].get("vb/@history").status_code == 401

    def test_member_without_role_cannot_read(self, published, people):
        _auth, sessions = people
        assert sessions["member"].get("vb/@history").status_code == 401


class TestRestWorkflow:
    def test_editor_sees_the_history(self, published, people):
        _auth, sessions = people
        body = sessions["editor"].get("vb/@workflow").json()
        assert body["state"]["id"] == "published"
        trail = [
            (e["action"], e["review_state"], e["actor"], e["comments"])
            for e in body["history"]
        ]
        assert trail[1:] == list(reversed(EXPECTED))

    def test_the_public_sees_no_history(self, published, people):
        _auth, sessions = people
        body = sessions["anonymous"].get("vb/@workflow").json()
        assert body["history"] == []


class TestClassicUI:
    def browser(self, functional_app, auth=None):
        browser = Browser(functional_app)
        browser.handleErrors = False
        if auth:
            browser.addHeader("Authorization", "Basic {}:{}".format(*auth))
        return browser

    def test_editor_sees_the_trail(self, functional_app, published, people):
        auth, _sessions = people
        browser = self.browser(functional_app, auth["editor"])
        browser.open(published.absolute_url())
        assert "commune-audit-trail" in browser.contents
        assert "Quá trình xử lý (6)" in browser.contents
        assert "Thiếu chữ ký số trên tệp" in browser.contents
        assert "Đồng ý đăng" in browser.contents
        assert 'class="audit-reject"' in browser.contents

    def test_the_public_does_not(self, functional_app, published):
        browser = self.browser(functional_app)
        browser.open(published.absolute_url())
        assert "commune-audit-trail" not in browser.contents
        assert "Thiếu chữ ký số trên tệp" not in browser.contents

    def test_plone_history_alone_hides_it_from_editors(self, published):
        """Why the viewlet exists: Plone's history view shows workflow
        entries only to who may request or do a review in the current
        state, which an editor of a published item may not."""
        from plone.app.layout.viewlets.content import ContentHistoryViewlet

        transaction.begin()
        with api.env.adopt_user(username="bientap"):
            viewlet = ContentHistoryViewlet(published, published.REQUEST, None)
            assert viewlet.workflowHistory() == []
            assert history.may_read_trail(published)


class TestHelpers:
    def test_rounds(self, portal):
        doc = make_document(portal, "vb", "Kế hoạch", publish=False, **fields())
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit", comment="Lần 1")
            api.content.transition(doc, "reject", comment="Sửa lại")
        assert history.last_action_in_round(doc, "submit") is None
        assert history.last_entry(doc)["comments"] == "Sửa lại"
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(doc, "submit", comment="Lần 2")
            api.content.transition(doc, "review")
        assert [e["action"] for e in history.current_round(doc)] == ["submit", "review"]
        assert history.last_action_in_round(doc, "submit")["comments"] == "Lần 2"
        record = history.as_record(history.last_entry(doc))
        assert record["action"] == "review"
        assert record["review_state"] == "pending_approval"
        assert record["time"].startswith(str(date.today().year))

    def test_no_workflow(self, portal):
        assert history.review_history(portal) == ()
        assert history.last_entry(portal) is None


def test_times_in_the_site_time_zone(portal):
    from commune_portal.browser.dates import format_datetime

    assert format_datetime("2026-01-05T07:30:00+00:00") == "05/01/2026 14:30"
    assert format_datetime(None) == ""
