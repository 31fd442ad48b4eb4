"""Builders of People's Council records for the tests: the council of Xã
Nghi Dương, term 2026-2031 (invented people, real kinds of papers)."""

from datetime import date
from datetime import datetime
from email import message_from_bytes
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from Products.MailHost.interfaces import IMailHost
from Products.MailHost.MailHost import MailHost
from zope.component import getSiteManager
import pytz


HANOI = pytz.timezone("Asia/Ho_Chi_Minh")


def council_section(portal):
    """The council section ``/hdnd`` as the structure profile makes it."""
    from commune_portal.setuphandlers.structure import create_sections

    if "hdnd" not in portal.objectIds():
        with api.env.adopt_roles(["Manager"]):
            create_sections(portal)
    return portal["hdnd"]


def make_term(container, **values):
    """A term with 15 seats, khóa I, 2026-2031."""
    values = {
        "id": "nhiem-ky-2026-2031",
        "title": "HĐND xã Nghi Dương khóa I, nhiệm kỳ 2026-2031",
        "khoa": "I",
        "start_year": 2026,
        "end_year": 2031,
        "seats": 15,
        **values,
    }
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(container, "CouncilTerm", **values)


def make_delegate(term, title="Nguyễn Thị Hoa", **values):
    values = {
        "position": "Đại biểu HĐND xã",
        "committee": "economy_budget",
        "delegate_group": "Tổ đại biểu số 1",
        "constituency": "Đơn vị bầu cử số 1",
        "email": "hoa.nt@nghiduong.example.vn",
        **values,
    }
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(term, "Delegate", title=title, **values)


def make_session(term, number=4, **values):
    values = {
        "session_number": number,
        "session_kind": "regular",
        "start": HANOI.localize(datetime(2026, 7, 15, 8, 0)),
        "end": HANOI.localize(datetime(2026, 7, 16, 11, 30)),
        "location": "Hội trường UBND xã",
        **values,
    }
    with api.env.adopt_roles(["Manager"]):
        # Plone's own way (not plone.api, which wants a title or an id): a
        # session without a title is named by its number.
        return createContentInContainer(term, "CouncilSession", **values)


def make_material(session, title="Tờ trình về kế hoạch đầu tư công năm 2027", **values):
    values = {
        "material_kind": "submission",
        "document_type": "to-trinh",
        "document_number": "45/TTr-UBND",
        "issue_date": date(2026, 7, 1),
        **values,
    }
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(session, "SessionDocument", title=title, **values)


def make_resolution(
    session,
    title="Nghị quyết về kế hoạch đầu tư công năm 2027",
    **values,
):
    values = {
        "document_type": "nghi-quyet",
        "document_number": "15/NQ-HĐND",
        "issue_date": date(2026, 7, 16),
        **values,
    }
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(session, "Resolution", title=title, **values)


def make_petition(term, title="Đề nghị sửa chữa đường giao thông thôn Đông", **values):
    values = {
        "source_meeting": "Tiếp xúc cử tri trước Kỳ họp thứ Tư, thôn Đông",
        "meeting_date": date(2026, 6, 20),
        "constituency": "Đơn vị bầu cử số 1",
        "content": "Cử tri đề nghị sửa chữa tuyến đường liên thôn Đông - Tây "
        "bị xuống cấp.",
        "responsible_agency": "UBND xã",
        "deadline": date(2026, 9, 30),
        **values,
    }
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(term, "VoterPetition", title=title, **values)


# --- Users, the secretary, the delegates' e-mail ------------------------------


def make_user(user_id, fullname="", email=None):
    """A site member (no role): ``email`` defaults to one of the commune."""
    if email is None:
        email = f"{user_id}@nghiduong.example.vn"
    api.user.create(
        username=user_id,
        email=email,
        password="Mat-khau-thu-2026",
        properties={"fullname": fullname},
    )
    return user_id


def make_secretary(section, user_id="thuky"):
    """The council secretary: ``CouncilSecretary`` on the council section,
    as the sharing page gives it."""
    if api.user.get(userid=user_id) is None:
        make_user(user_id, "Lê Thị Thư")
    section.manage_setLocalRoles(user_id, ["CouncilSecretary"])
    section.reindexObjectSecurity()
    return user_id


class RecordingMailer:
    """Stands for the SMTP server: records what Plone's MailHost delivers
    (a transaction-bound delivery calls it at commit only)."""

    sent = []

    def send(self, fromaddr, toaddrs, message):
        RecordingMailer.sent.append((fromaddr, tuple(toaddrs), message))

    def vote(self, fromaddr, toaddrs, message):
        pass

    def abort(self):
        pass


class RecordingMailHost(MailHost):
    """Plone's MailHost (``immediate=False``: delivered when the transaction
    commits, never when it aborts), delivering to a ``RecordingMailer``."""

    def _makeMailer(self):
        return RecordingMailer()


def record_mail(portal, sender="vanphong@nghiduong.gov.vn"):
    """Replace the site's MailHost by a ``RecordingMailHost``, give the
    site a sender address, and return a callable listing what was
    delivered (``email.message.Message``, oldest first)."""
    host = RecordingMailHost("MailHost")
    portal.MailHost = host
    site_manager = getSiteManager(portal)
    site_manager.unregisterUtility(provided=IMailHost)
    site_manager.registerUtility(host, provided=IMailHost)
    api.portal.set_registry_record("plone.email_from_address", sender)
    api.portal.set_registry_record("plone.email_from_name", "Văn phòng HĐND xã")
    del RecordingMailer.sent[:]

    def delivered():
        return [message_from_bytes(raw) for _from, _to, raw in RecordingMailer.sent]

    return delivered


def signed():
    """The signed file that publication requires."""
    return {"file": NamedBlobFile(data=b"%PDF-1.4 ky", filename="ky.pdf")}


def build_council(portal):
    """/hdnd with the secretary ``thuky``, term 2026-2031 (three delegates:
    one with an official e-mail and a linked user, one reached through
    their user's e-mail, one without any), another term with its own
    delegate, and session 4 with two submissions, a resolution and a
    classified report."""
    section = council_section(portal)
    make_secretary(section)
    make_user("daibieu1", "Nguyễn Thị Hoa", email="hoa.ca.nhan@example.vn")
    make_user("daibieu2", "Trần Văn Nam", email="nam.tv@example.vn")
    make_user("daibieukhac", "Phạm Văn Khác")
    make_user("congdan", "Người dân")
    term = make_term(section)
    make_delegate(term, "Nguyễn Thị Hoa", user_id="daibieu1")
    make_delegate(term, "Trần Văn Nam", user_id="daibieu2", email=None)
    make_delegate(term, "Lê Văn Lâm", email=None)
    other = make_term(
        section,
        id="nhiem-ky-2021-2026",
        title="HĐND xã Nghi Dương khóa XXI, nhiệm kỳ 2021-2026",
        khoa="XXI",
        start_year=2021,
        end_year=2026,
    )
    make_delegate(other, "Phạm Văn Khác", user_id="daibieukhac", email="khac@x.vn")
    session = make_session(term, 4)
    make_material(session, id="to-trinh", **signed())
    make_material(
        session,
        "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách",
        id="bao-cao",
        material_kind="review_report",
        document_type="bao-cao",
        document_number="12/BC-KTNS",
        **signed(),
    )
    make_resolution(session, id="nghi-quyet", **signed())
    make_material(
        session,
        "Báo cáo tình hình quốc phòng, an ninh",
        id="bao-cao-mat",
        document_type="bao-cao",
        document_number="03/BC-UBND",
        confidentiality="confidential",
    )
    return session
