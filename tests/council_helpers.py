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


# --- The council of the listings (@council-sessions, @voter-petitions) --------


def move(obj, *transitions):
    """Take ``obj`` through ``transitions`` as a Manager."""
    with api.env.adopt_roles(["Manager"]):
        for name in transitions:
            api.content.transition(obj, transition=name)
    return obj


def enter_proceedings(session, moment):
    """The session's materials went into the kỷ yếu at ``moment`` (a naive
    datetime in Hanoi), as the secretary's publication records it."""
    session.proceedings_date = HANOI.localize(moment)
    session.reindexObject()
    return session


def give_council_role(section, user_id, role):
    """A member with ``role`` (``CouncilSecretary``, ``CouncilDelegate``)
    on the council section, as the sharing page gives it."""
    if api.user.get(userid=user_id) is None:
        api.user.create(
            username=user_id,
            email=f"{user_id}@nghiduong.example.vn",
            password="Mat-khau-thu-2026",
        )
    section.manage_setLocalRoles(user_id, [role])
    section.reindexObjectSecurity()
    return user_id


# Who raised the first petition: never in any listing, index or column.
PETITIONER = {
    "petitioner_name": "Trịnh Văn Khiếu",
    "petitioner_address": "Số 7 ngõ Hòe Nhai, thôn Đông",
    "petitioner_phone": "0912 345 678",
}


def listing_council(portal):
    """Two terms of the council of Xã Nghi Dương, for the listings (the day
    of the tests is 15/10/2026):

    - term ``khoa-xx`` (2021-2026, published): sessions 10 (regular, July
      2025) and 11 (thematic, December 2025), both published into the kỷ
      yếu; session 10 holds a published submission with its file, a
      published resolution and a private draft report;
    - term ``khoa-i`` (2026-2031, published): session 1 (regular, July
      2026, circulated, its submission circulated) and session 2 (urgent,
      September 2026, private);
    - petitions: ``p-received`` (term I, deadline 30/09/2026: overdue, who
      raised it recorded), ``p-forwarded`` (deadline 31/12/2026),
      ``p-answered`` (deadline passed, answered), ``p-published`` (with its
      response), ``p-no-deadline`` (forwarded), and ``p-old`` (term XX,
      published).
    """
    from plone.app.textfield.value import RichTextValue
    from plone.namedfile.file import NamedBlobFile

    section = council_section(portal)
    old = move(
        make_term(
            section,
            id="khoa-xx",
            title="HĐND xã Nghi Dương khóa XX, nhiệm kỳ 2021-2026",
            khoa="XX",
            start_year=2021,
            end_year=2026,
        ),
        "publish",
    )
    new = move(
        make_term(section, id="khoa-i", title="HĐND xã Nghi Dương khóa I"), "publish"
    )
    s10 = make_session(
        old,
        10,
        start=HANOI.localize(datetime(2025, 7, 10, 8, 0)),
        end=HANOI.localize(datetime(2025, 7, 11, 11, 0)),
        agenda=[
            {
                "time": "08:00",
                "item": "Thảo luận kế hoạch phát triển kinh tế",
                "presenter": "Chủ tịch UBND xã",
                "documents": [],
            }
        ],
    )
    submission = make_material(
        s10,
        "Tờ trình về phương án thu gom rác thải",
        document_number="30/TTr-UBND",
        file=NamedBlobFile(data=b"%PDF-1.4 tt", filename="30-TTr-UBND.pdf"),
    )
    resolution = make_resolution(
        s10,
        "Nghị quyết về phương án thu gom rác thải",
        document_number="12/NQ-HĐND",
        issue_date=date(2025, 7, 11),
        file=NamedBlobFile(data=b"%PDF-1.4 nq", filename="12-NQ-HDND.pdf"),
    )
    draft = make_material(
        s10,
        "Báo cáo thẩm tra (dự thảo nội bộ)",
        material_kind="review_report",
        document_type="bao-cao",
        document_number="31/BC-HĐND",
    )
    move(submission, "publish")
    move(resolution, "publish")
    move(s10, "publish")
    enter_proceedings(s10, datetime(2025, 7, 20, 9, 0))
    s11 = make_session(
        old,
        11,
        session_kind="thematic",
        title="Kỳ họp chuyên đề về chuyển đổi số",
        start=HANOI.localize(datetime(2025, 12, 15, 8, 0)),
        end=HANOI.localize(datetime(2025, 12, 15, 17, 0)),
    )
    move(s11, "publish")
    enter_proceedings(s11, datetime(2025, 12, 20, 9, 0))
    s1 = make_session(
        new,
        1,
        start=HANOI.localize(datetime(2026, 7, 15, 8, 0)),
        end=HANOI.localize(datetime(2026, 7, 16, 11, 30)),
    )
    circulated = make_material(s1, "Tờ trình về kế hoạch đầu tư công năm 2027")
    move(circulated, "circulate")
    move(s1, "circulate")
    s2 = make_session(
        new,
        2,
        session_kind="urgent",
        start=HANOI.localize(datetime(2026, 9, 5, 14, 0)),
        end=HANOI.localize(datetime(2026, 9, 5, 17, 0)),
    )
    petitions = {
        "p-received": make_petition(
            new,
            id="p-received",
            sectors=["Giao thông vận tải"],
            deadline=date(2026, 9, 30),
            **PETITIONER,
        ),
        "p-forwarded": make_petition(
            new,
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ thôn Tây",
            id="p-forwarded",
            constituency="Đơn vị bầu cử số 2",
            sectors=["Đất đai"],
            deadline=date(2026, 12, 31),
            meeting_date=date(2026, 6, 22),
        ),
        "p-answered": make_petition(
            new,
            "Đề nghị lắp đèn chiếu sáng tuyến đường ven sông",
            id="p-answered",
            constituency="Đơn vị bầu cử số 10",
            sectors=["Giao thông vận tải"],
            deadline=date(2026, 8, 31),
            meeting_date=date(2026, 6, 25),
        ),
        "p-published": make_petition(
            new,
            "Đề nghị nạo vét kênh tiêu úng xứ đồng Bắc",
            id="p-published",
            sectors=["Nông nghiệp"],
            deadline=date(2026, 8, 31),
            meeting_date=date(2026, 6, 21),
            response=RichTextValue(
                "<p>UBND xã đã bố trí kinh phí nạo vét kênh trong quý III/2026.</p>",
                "text/html",
                "text/x-html-safe",
            ),
            response_date=date(2026, 8, 20),
        ),
        "p-no-deadline": make_petition(
            new,
            "Đề nghị tăng cường tuần tra an ninh trật tự ban đêm",
            id="p-no-deadline",
            constituency="Đơn vị bầu cử số 2",
            sectors=["An ninh, trật tự"],
            deadline=None,
            meeting_date=None,
        ),
        "p-old": make_petition(
            old,
            "Đề nghị xây dựng nhà văn hóa thôn Nam",
            id="p-old",
            constituency="Đơn vị bầu cử số 3",
            sectors=["Văn hóa, thể thao và du lịch"],
            deadline=date(2024, 12, 31),
            meeting_date=date(2024, 5, 10),
        ),
    }
    move(petitions["p-forwarded"], "forward")
    move(petitions["p-no-deadline"], "forward")
    move(petitions["p-answered"], "forward", "answer")
    move(petitions["p-published"], "answer", "publish")
    move(petitions["p-old"], "answer", "publish")
    return {
        "section": section,
        "terms": {"old": old, "new": new},
        "sessions": {10: s10, 11: s11, 1: s1, 2: s2},
        "materials": {
            "submission": submission,
            "resolution": resolution,
            "draft": draft,
            "circulated": circulated,
        },
        "petitions": petitions,
    }
