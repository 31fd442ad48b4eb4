"""Circulating a session's materials to the delegates and publishing them
into the kỷ yếu (commune_portal.council.materials and .mail): who may,
what is refused and why with nothing changed, who then sees what, the
e-mails (one per delegate and circulation, whichever path, only when the
transaction commits and the switch is on), and the upgrade of a 1003 site."""

from AccessControl.SpecialUsers import nobody
from commune_portal.council import mail
from commune_portal.council import materials
from datetime import datetime
from email.header import decode_header
from email.header import make_header
from plone import api
from tests.council_helpers import build_council
from tests.council_helpers import make_material
from tests.council_helpers import record_mail
from tests.council_helpers import signed
from zExceptions import Unauthorized
from zope.component.hooks import getSite
from zope.component.hooks import setSite
import pytest
import transaction


def states(session):
    return {
        item.getId(): api.content.get_state(item) for item in session.objectValues()
    }


def ids(items):
    return [item.getId() for item in items]


def subject(message):
    return str(make_header(decode_header(message["Subject"])))


def body(message):
    return message.get_payload(decode=True).decode("utf-8")


def may_view(user_id, obj):
    """Whether ``user_id`` (``None``: anonymous) may view ``obj``."""
    user = nobody if user_id is None else api.user.get(userid=user_id)
    with api.env.adopt_user(user=user):
        return api.user.has_permission("View", obj=obj)


class TestCirculate:
    @pytest.fixture
    def session(self, portal):
        return build_council(portal)

    def test_private_materials_and_the_session(self, session):
        with api.env.adopt_user(username="thuky"):
            outcome = materials.circulate(session)
        assert ids(outcome.done) == ["to-trinh", "bao-cao", "nghi-quyet"]
        assert outcome.session_moved
        assert states(session) == {
            "to-trinh": "circulated",
            "bao-cao": "circulated",
            "nghi-quyet": "circulated",
            "bao-cao-mat": "private",
        }
        assert api.content.get_state(session) == "circulated"

    def test_classified_refused_with_the_guards_reason(self, session):
        with api.env.adopt_user(username="thuky"):
            outcome = materials.circulate(session)
        ((item, reasons),) = outcome.refused
        assert item.getId() == "bao-cao-mat"
        assert [str(r) for r in reasons] == [
            "A document classified “${level}” cannot be circulated through the portal."
        ]
        assert api.content.get_state(item) == "private"
        history = item.workflow_history["council_material_workflow"]
        assert [entry["action"] for entry in history] == [None]  # created only

    def test_chosen_materials_only(self, session):
        with api.env.adopt_user(username="thuky"):
            outcome = materials.circulate(session, [session["bao-cao"]])
        assert ids(outcome.done) == ["bao-cao"]
        assert states(session)["to-trinh"] == "private"

    def test_only_the_classified_one_chosen_leaves_the_session_private(self, session):
        with api.env.adopt_user(username="thuky"):
            outcome = materials.circulate(session, [session["bao-cao-mat"]])
        assert outcome.done == [] and not outcome.session_moved
        assert api.content.get_state(session) == "private"

    def test_resolution_annexes_follow(self, session):
        resolution = session["nghi-quyet"]
        with api.env.adopt_roles(["Manager"]):
            annex = api.content.create(
                resolution, "File", id="phu-luc", title="Phụ lục danh mục dự án"
            )
        with api.env.adopt_user(username="thuky"):
            materials.circulate(session)
        assert api.content.get_state(annex) == "circulated"
        assert may_view("daibieu1", annex)

    def test_an_annex_that_cannot_follow_keeps_the_resolution_back(
        self, session, monkeypatch
    ):
        resolution = session["nghi-quyet"]
        with api.env.adopt_roles(["Manager"]):
            annex = api.content.create(
                resolution, "File", id="phu-luc", title="Phụ lục danh mục dự án"
            )
        refusal = materials.refusal

        def refuse_the_annex(obj, transition_id):
            if obj.getId() == "phu-luc":
                return [materials._("Nothing was circulated.")]
            return refusal(obj, transition_id)

        monkeypatch.setattr(materials, "refusal", refuse_the_annex)
        with api.env.adopt_user(username="thuky"):
            outcome = materials.circulate(session)
        assert "nghi-quyet" not in ids(outcome.done)
        ((item, reasons),) = [(i, r) for i, r in outcome.refused if i == resolution]
        assert str(reasons[0]) == "Its annex “${annex}” cannot follow: ${reason}"
        assert reasons[0].mapping["annex"] == "Phụ lục danh mục dự án"
        assert api.content.get_state(resolution) == "private"
        assert api.content.get_state(annex) == "private"

    @pytest.mark.parametrize("user_id", ["daibieu1", "congdan", None])
    def test_refused_to_whoever_is_not_the_secretary(self, session, user_id):
        before = states(session)
        user = nobody if user_id is None else api.user.get(userid=user_id)
        with api.env.adopt_user(user=user), pytest.raises(Unauthorized):
            materials.circulate(session)
        assert states(session) == before
        assert api.content.get_state(session) == "private"

    def test_who_sees_circulated_materials(self, session):
        with api.env.adopt_user(username="thuky"):
            materials.circulate(session)
        material = session["to-trinh"]
        assert may_view("daibieu1", material)  # linked delegate of the term
        assert may_view("daibieu1", session)  # the session page too
        assert not may_view("daibieu1", session["bao-cao-mat"])  # classified
        assert not may_view("daibieukhac", material)  # delegate of another term
        assert not may_view("congdan", material)  # an ordinary member
        assert not may_view(None, material)  # anonymous
        catalog = api.portal.get_tool("portal_catalog")
        with api.env.adopt_user(username="daibieu1"):
            assert len(catalog(UID=material.UID())) == 1
        with api.env.adopt_user(username="daibieukhac"):
            assert len(catalog(UID=material.UID())) == 0


class TestPublish:
    @pytest.fixture
    def session(self, portal):
        session = build_council(portal)
        with api.env.adopt_user(username="thuky"):
            materials.circulate(session, [session["to-trinh"], session["nghi-quyet"]])
        return session

    def test_circulated_materials_and_the_session(self, session):
        with api.env.adopt_user(username="thuky"):
            outcome = materials.publish(session)
        assert ids(outcome.done) == ["to-trinh", "nghi-quyet"]
        assert states(session) == {
            "to-trinh": "published",
            "bao-cao": "private",  # never circulated: stays private
            "nghi-quyet": "published",
            "bao-cao-mat": "private",
        }
        assert api.content.get_state(session) == "published"
        assert isinstance(session.proceedings_date, datetime)
        assert session.proceedings_date.tzinfo is not None
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog(UID=session.UID())
        assert brain.review_state == "published"

    def test_everyone_sees_them_then(self, session):
        with api.env.adopt_user(username="thuky"):
            materials.publish(session)
        for user_id in ("daibieu1", "daibieukhac", "congdan", None):
            assert may_view(user_id, session["to-trinh"]), user_id
            assert may_view(user_id, session), user_id
        assert not may_view(None, session["bao-cao"])

    def test_again_publishes_what_was_circulated_since_and_keeps_the_date(
        self, session
    ):
        with api.env.adopt_user(username="thuky"):
            materials.publish(session)
            first = session.proceedings_date
            materials.circulate(session, [session["bao-cao"]])
            outcome = materials.publish(session)
        assert ids(outcome.done) == ["bao-cao"]
        assert not outcome.session_moved and not outcome.refused
        assert session.proceedings_date == first
        with api.env.adopt_user(username="thuky"):
            outcome = materials.publish(session)
        assert outcome.done == [] and outcome.refused == []
        assert session.proceedings_date == first

    def test_what_publication_requires_is_refused_alone(self, session):
        # A circulated material without its signed file.
        with api.env.adopt_roles(["Manager"]):
            unsigned = make_material(session, "Tờ trình chưa ký", id="chua-ky")
            api.content.transition(unsigned, "circulate")
        with api.env.adopt_user(username="thuky"):
            outcome = materials.publish(session)
        ((item, reasons),) = outcome.refused
        assert item.getId() == "chua-ky"
        assert str(reasons[0]) == "Still missing what citizens need: ${fields}."
        assert api.content.get_state(item) == "circulated"
        assert api.content.get_state(session["to-trinh"]) == "published"

    def test_a_draft_resolution_needs_no_number(self, session):
        # A draft has no number and no date of issue until it is adopted; it
        # goes into the kỷ yếu with its file. Any other paper still needs
        # them, and the draft still needs its file.
        with api.env.adopt_roles(["Manager"]):
            draft = make_material(
                session,
                "Dự thảo Nghị quyết về dự toán ngân sách xã năm 2027",
                id="du-thao",
                material_kind="draft_resolution",
                document_type="nghi-quyet",
                document_number=None,
                issue_date=None,
                file=signed(),
            )
            unnumbered = make_material(
                session,
                "Báo cáo chưa vào sổ",
                id="chua-so",
                material_kind="report",
                document_number=None,
                file=signed(),
            )
            unsigned = make_material(
                session,
                "Dự thảo Nghị quyết chưa có tệp",
                id="du-thao-chua-tep",
                material_kind="draft_resolution",
                document_number=None,
                issue_date=None,
            )
            for item in (draft, unnumbered, unsigned):
                api.content.transition(item, "circulate")
        with api.env.adopt_user(username="thuky"):
            outcome = materials.publish(session)
        assert api.content.get_state(draft) == "published"
        refused = {item.getId(): reasons for item, reasons in outcome.refused}
        assert sorted(refused) == ["chua-so", "du-thao-chua-tep"]
        assert refused["chua-so"][0].mapping["fields"] == "Số ký hiệu"
        assert refused["du-thao-chua-tep"][0].mapping["fields"] == "Tệp văn bản đã ký"

    def test_refused_to_a_delegate(self, session):
        with api.env.adopt_user(username="daibieu1"), pytest.raises(Unauthorized):
            materials.publish(session)
        assert api.content.get_state(session["to-trinh"]) == "circulated"
        assert session.proceedings_date is None


class TestMail:
    """Committed transactions on the functional layer: Plone's MailHost
    delivers queued mail at commit only."""

    @pytest.fixture
    def session(self, functional_portal):
        session = build_council(functional_portal)
        self.delivered = record_mail(functional_portal)
        transaction.commit()
        return session

    def circulate(self, session, chosen=None):
        with api.env.adopt_user(username="thuky"):
            outcome = materials.circulate(session, chosen)
            plan = mail.plan(session, outcome.done)
        transaction.commit()
        return outcome, plan

    def test_one_email_per_delegate(self, session):
        outcome, plan = self.circulate(session)
        messages = self.delivered()
        recipients = sorted(message["To"] for message in messages)
        # The official e-mail, else the linked user's; the delegate of the
        # other term is not told; Lê Văn Lâm has no address.
        assert recipients == ["hoa.nt@nghiduong.example.vn", "nam.tv@example.vn"]
        assert len(plan.mailed) == 2
        assert [person.name for person in plan.without_email] == ["Lê Văn Lâm"]
        assert plan.status == mail.QUEUED
        for message in messages:
            assert "vanphong@nghiduong.gov.vn" in message["From"]

    def test_what_the_email_says(self, session):
        self.circulate(session)
        by_recipient = {m["To"]: m for m in self.delivered()}
        message = by_recipient["hoa.nt@nghiduong.example.vn"]
        assert subject(message) == (
            "Tài liệu Kỳ họp thứ Tư, HĐND xã Nghi Dương khóa I, nhiệm kỳ 2026-2031"
        )
        text = body(message)
        assert "Kính gửi đại biểu Nguyễn Thị Hoa," in text
        assert "08:00 ngày 15/07/2026 đến 11:30 ngày 16/07/2026" in text
        assert "Hội trường UBND xã" in text
        for item_id in ("to-trinh", "bao-cao", "nghi-quyet"):
            assert session[item_id].absolute_url() in text
        assert session["bao-cao-mat"].absolute_url() not in text
        assert "(45/TTr-UBND)" in text
        assert f"Trang kỳ họp: {session.absolute_url()}" in text
        # Links in session order.
        assert (
            text.index("/to-trinh") < text.index("/bao-cao") < text.index("/nghi-quyet")
        )

    def test_nothing_when_the_transaction_aborts(self, session):
        with api.env.adopt_user(username="thuky"):
            materials.circulate(session)
        transaction.abort()
        assert self.delivered() == []
        assert api.content.get_state(session["to-trinh"]) == "private"

    def test_nothing_when_switched_off(self, session):
        api.portal.set_registry_record("commune_portal.notify_delegates", False)
        transaction.commit()
        outcome, plan = self.circulate(session)
        assert len(outcome.done) == 3
        assert self.delivered() == []
        assert plan.status == mail.SWITCHED_OFF and plan.mailed == []

    def test_nothing_without_a_sender_address(self, session):
        api.portal.set_registry_record("plone.email_from_address", "")
        transaction.commit()
        outcome, plan = self.circulate(session)
        assert len(outcome.done) == 3
        assert self.delivered() == []
        assert plan.status == mail.NO_SENDER

    def test_nothing_when_nothing_is_circulated(self, session):
        outcome, plan = self.circulate(session, [session["bao-cao-mat"]])
        assert outcome.done == []
        assert self.delivered() == []
        assert plan.status == mail.NOTHING_CIRCULATED

    def test_one_transition_through_the_workflow_menu(self, session):
        with api.env.adopt_user(username="thuky"):
            api.content.transition(session["bao-cao"], "circulate")
        transaction.commit()
        messages = self.delivered()
        assert len(messages) == 2
        text = body(messages[0])
        assert session["bao-cao"].absolute_url() in text
        assert session["to-trinh"].absolute_url() not in text
        # The session is still private: no link the delegates cannot open.
        assert "Trang kỳ họp" not in text

    def test_several_transitions_in_one_transaction_one_email(self, session):
        with api.env.adopt_user(username="thuky"):
            api.content.transition(session["bao-cao"], "circulate")
            api.content.transition(session["to-trinh"], "circulate")
        transaction.commit()
        messages = self.delivered()
        assert len(messages) == 2
        assert sorted(m["To"] for m in messages) == [
            "hoa.nt@nghiduong.example.vn",
            "nam.tv@example.vn",
        ]

    def test_each_circulation_its_email(self, session):
        self.circulate(session, [session["to-trinh"]])
        self.circulate(session, [session["bao-cao"]])
        messages = self.delivered()
        assert len(messages) == 4
        later = messages[2:]
        assert all(session["to-trinh"].absolute_url() not in body(m) for m in later)

    def test_publishing_sends_nothing(self, session):
        self.circulate(session)
        count = len(self.delivered())
        with api.env.adopt_user(username="thuky"):
            materials.publish(session)
        transaction.commit()
        assert len(self.delivered()) == count

    def test_committed_where_no_site_is_set(self, session, functional_portal, caplog):
        """A script (``make start``'s demo, a console script) may commit
        after leaving the site: the e-mails are queued all the same, in
        the site's language, and the script's (no) site is restored."""
        with api.env.adopt_user(username="thuky"):
            materials.circulate(session)
        setSite(None)
        try:
            transaction.commit()
            assert getSite() is None
        finally:
            setSite(functional_portal)
        assert "Could not e-mail" not in caplog.text
        messages = self.delivered()
        assert sorted(m["To"] for m in messages) == [
            "hoa.nt@nghiduong.example.vn",
            "nam.tv@example.vn",
        ]
        assert "Kính gửi đại biểu" in body(messages[0])

    def test_a_delegate_without_account_is_told(self, session):
        term = session.aq_parent
        delegate = term["le-van-lam"]
        delegate.email = "lam.lv@nghiduong.example.vn"
        transaction.commit()
        self.circulate(session)
        by_recipient = {m["To"]: m for m in self.delivered()}
        text = body(by_recipient["lam.lv@nghiduong.example.vn"])
        assert "chưa có tài khoản" in text
        assert "chưa có tài khoản" not in body(
            by_recipient["hoa.nt@nghiduong.example.vn"]
        )


def test_upgrade_from_1003_adds_the_switch(portal, setup_tool):
    """A site of 1003 has no switch: the upgrade adds it, on, and keeps the
    other settings as the administrator set them."""
    registry = portal.portal_registry
    del registry.records["commune_portal.notify_delegates"]
    api.portal.set_registry_record("commune_portal.notify_reviewers", False)
    setup_tool.setLastVersionForProfile("commune_portal:default", "1003")

    setup_tool.upgradeProfile("commune_portal:default")

    assert api.portal.get_registry_record("commune_portal.notify_delegates") is True
    assert api.portal.get_registry_record("commune_portal.notify_reviewers") is False


def test_upgrade_keeps_the_switch_off(portal, setup_tool):
    api.portal.set_registry_record("commune_portal.notify_delegates", False)
    setup_tool.setLastVersionForProfile("commune_portal:default", "1003")

    setup_tool.upgradeProfile("commune_portal:default")

    assert api.portal.get_registry_record("commune_portal.notify_delegates") is False
