"""E-mail to the people who can act when an item waits for review or
approval (commune_portal.workflows.notifications), captured with Plone's
MockMailHost."""

from datetime import date
from email.header import decode_header
from email.header import make_header
from plone import api
from plone.app.testing import setRoles
from plone.namedfile.file import NamedBlobFile
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from tests.conftest import PASSWORD
from tests.helpers import make_document
from zope.component import getSiteManager
import email
import pytest
import transaction


SENDER = "cong@xa-nghiduong.gov.vn"


def fields():
    return {
        "document_number": "15/KH-UBND",
        "document_type": "ke-hoach",
        "issue_date": date(2026, 1, 5),
        "file": NamedBlobFile(data=b"%PDF-1.4 ke hoach", filename="15-KH-UBND.pdf"),
    }


class BrokenMailHost(MockMailHost):
    def send(self, *args, **kwargs):
        raise OSError("SMTP server unreachable")


def install_mailhost(portal, mailhost):
    portal.MailHost = mailhost
    site_manager = getSiteManager(portal)
    site_manager.unregisterUtility(provided=IMailHost)
    site_manager.registerUtility(mailhost, provided=IMailHost)


class Mailbox:
    """What the functional portal's MockMailHost captured."""

    def __init__(self, portal):
        self.portal = portal

    def sent(self):
        """``{recipient: message}``, checking one e-mail per person."""
        transaction.begin()
        messages = [
            email.message_from_bytes(raw) for raw in self.portal.MailHost.messages
        ]
        by_recipient = {}
        for message in messages:
            assert message["To"] not in by_recipient, "one e-mail per person"
            by_recipient[message["To"]] = message
        return by_recipient

    def clear(self):
        transaction.begin()
        # MockMailHost is not persistent itself: empty its persistent list.
        del self.portal.MailHost.messages[:]
        transaction.commit()


@pytest.fixture
def mailbox(functional_portal):
    """Capture the mail of the functional portal; the site has a sender."""
    install_mailhost(functional_portal, MockMailHost("MailHost"))
    api.portal.set_registry_record("plone.email_from_address", SENDER)
    api.portal.set_registry_record("plone.email_from_name", "Cổng thông tin xã")
    transaction.commit()
    return Mailbox(functional_portal)


def address(user_id):
    return f"{user_id}@xa-nghiduong.example.vn"


def subject(message):
    return str(make_header(decode_header(message["Subject"])))


def body(message):
    return message.get_payload(decode=True).decode("utf-8")


@pytest.fixture
def section(functional_portal, user_with_roles):
    """``/van-ban`` with a document of the editor ``bientap``; the board:
    a site-wide reviewer, a reviewer of the section only (local role), a
    group holding Reviewer, a reviewer without e-mail, two leaders."""
    portal = functional_portal
    editor, _ = user_with_roles("bientap", "Editor")
    api.user.get(userid=editor).setMemberProperties({"fullname": "Nguyễn Văn Biên"})
    user_with_roles("banbientap", "Reviewer")
    user_with_roles("totruong")
    user_with_roles("thanhvienbbt")
    user_with_roles("khongthu", "Reviewer")
    api.user.get(userid="khongthu").setMemberProperties({"email": ""})
    user_with_roles("lanhdao", "CommuneApprover")
    user_with_roles("phochutich", "CommuneApprover")
    user_with_roles("canbo", "Contributor")
    api.group.create(groupname="ban-bien-tap", roles=["Reviewer"])
    api.group.add_user(groupname="ban-bien-tap", username="thanhvienbbt")
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "Folder", id="van-ban", title="Văn bản")
    folder.manage_setLocalRoles("totruong", ["Reviewer"])
    folder.reindexObjectSecurity()
    make_document(folder, "vb", "Kế hoạch chuyển đổi số", publish=False, **fields())
    transaction.commit()
    return folder


def move(request_factory, user_id, transition_id, comment=""):
    session = request_factory(basic_auth=(user_id, PASSWORD))
    response = session.post(
        f"van-ban/vb/@workflow/{transition_id}", json={"comment": comment}
    )
    assert response.status_code == 200, response.text


class TestWhoIsTold:
    def test_submit_tells_the_editorial_board(self, section, mailbox, request_factory):
        move(request_factory, "bientap", "submit", "Kính trình Ban biên tập")
        sent = mailbox.sent()
        assert sorted(sent) == sorted(
            [
                address("banbientap"),  # Reviewer of the site
                address("totruong"),  # Reviewer of the section
                address("thanhvienbbt"),  # through the group
            ]
        )

    def test_review_tells_the_leaders(self, section, mailbox, request_factory):
        move(request_factory, "bientap", "submit")
        mailbox.clear()
        move(request_factory, "banbientap", "review")
        assert sorted(mailbox.sent()) == [address("lanhdao"), address("phochutich")]

    def test_the_actor_is_not_told(self, section, mailbox, request_factory):
        setRoles(section.aq_parent, "bientap", ["Member", "Editor", "Reviewer"])
        transaction.commit()
        move(request_factory, "bientap", "submit")
        assert address("bientap") not in mailbox.sent()
        assert address("banbientap") in mailbox.sent()

    def test_blocked_inheritance_is_honoured(self, section, mailbox, request_factory):
        """Below a folder that blocks inherited local roles, the reviewer of
        the section is not told; the reviewers of the site still are."""
        with api.env.adopt_roles(["Manager"]):
            inner = api.content.create(section, "Folder", id="mat", title="Nội bộ")
        inner.__ac_local_roles_block__ = True
        make_document(inner, "vb2", "Văn bản nội bộ", publish=False, **fields())
        transaction.commit()
        session = request_factory(basic_auth=("bientap", PASSWORD))
        response = session.post("van-ban/mat/vb2/@workflow/submit", json={})
        assert response.status_code == 200, response.text
        sent = mailbox.sent()
        assert address("totruong") not in sent
        assert address("banbientap") in sent

    def test_rejecting_and_approving_tell_nobody(
        self, section, mailbox, request_factory
    ):
        move(request_factory, "bientap", "submit")
        move(request_factory, "banbientap", "review")
        mailbox.clear()
        move(request_factory, "lanhdao", "reject", "Chưa đạt")
        move(request_factory, "bientap", "submit")
        mailbox.clear()
        move(request_factory, "banbientap", "review")
        mailbox.clear()
        move(request_factory, "lanhdao", "approve")
        assert mailbox.sent() == {}


class TestTheMessage:
    def test_in_vietnamese_with_links(self, section, mailbox, request_factory):
        move(request_factory, "bientap", "submit", "Kính trình Ban biên tập")
        message = mailbox.sent()[address("banbientap")]
        assert subject(message) == "Chờ duyệt: Kế hoạch chuyển đổi số"
        assert SENDER in message["From"]
        assert message.get_content_type() == "text/plain"
        text = body(message)
        assert "Kính gửi banbientap," in text
        assert "Nguyễn Văn Biên đã chuyển “Kế hoạch chuyển đổi số”" in text
        assert "Ý kiến kèm theo: Kính trình Ban biên tập" in text
        portal_url = section.aq_parent.absolute_url()
        assert f"{portal_url}/van-ban/vb" in text
        assert f"{portal_url}/@@my-work" in text

    def test_approval_subject(self, section, mailbox, request_factory):
        move(request_factory, "bientap", "submit")
        move(request_factory, "banbientap", "review")
        message = mailbox.sent()[address("lanhdao")]
        assert subject(message) == "Chờ phê duyệt: Kế hoạch chuyển đổi số"
        assert "Ý kiến kèm theo" not in body(message)


class TestWhenNotToSend:
    def test_switched_off(self, section, mailbox, request_factory):
        api.portal.set_registry_record("commune_portal.notify_reviewers", False)
        transaction.commit()
        move(request_factory, "bientap", "submit")
        assert mailbox.sent() == {}

    def test_no_sender_configured(self, section, mailbox, request_factory):
        api.portal.set_registry_record("plone.email_from_address", "")
        transaction.commit()
        move(request_factory, "bientap", "submit")
        assert mailbox.sent() == {}

    def test_a_failing_mailhost_does_not_stop_the_transition(
        self, section, mailbox, request_factory
    ):
        install_mailhost(section.aq_parent, BrokenMailHost("MailHost"))
        transaction.commit()
        move(request_factory, "bientap", "submit")
        transaction.begin()
        assert api.content.get_state(section["vb"]) == "pending_review"


def test_one_step_workflow_tells_whoever_may_publish(section, mailbox, request_factory):
    """Under the one-step policy the board and the leaders may publish what
    waits for review: they are all told."""
    portal = section.aq_parent
    with api.env.adopt_roles(["Manager"]):
        news = api.content.create(portal, "Folder", id="tin-tuc", title="Tin tức")
        news.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
    config = getattr(news, ".wf_policy_config")
    config.setPolicyIn("commune_one_step")
    config.setPolicyBelow("commune_one_step")
    doc = make_document(
        news, "vb", "Thông báo lịch tiếp dân", publish=False, **fields()
    )
    assert portal.portal_workflow.getChainFor(doc) == ("commune_simple_workflow",)
    transaction.commit()
    session = request_factory(basic_auth=("bientap", PASSWORD))
    response = session.post("tin-tuc/vb/@workflow/submit", json={})
    assert response.status_code == 200, response.text
    assert sorted(mailbox.sent()) == sorted(
        address(user_id)
        for user_id in ("banbientap", "thanhvienbbt", "lanhdao", "phochutich")
    )
