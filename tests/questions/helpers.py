"""Helpers of the tests of citizen questions."""

from commune_portal.questions import ratelimit
from commune_portal.setuphandlers.structure import SECTIONS
from commune_portal.workflows.policies import switch_policy
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
import base64
import transaction


SECTION = "hoi-dap"
HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}
SENDER = "cong@xa-nghiduong.gov.vn"

# A real PDF header and PNG signature: the type check reads the content.
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

ASKER = {
    "asker_name": "Nguyễn Thị Hoa",
    "asker_address": "Thôn 4, xã Nghi Dương, thành phố Hải Phòng",
    "asker_phone": "0912 345 678",
    "asker_email": "hoa.nguyen@example.vn",
}


def valid(**changes):
    """A valid submission (REST names), with ``changes``."""
    data = {
        "title": "Đăng ký khai sinh cho con sinh ở nước ngoài",
        "question": (
            "Con tôi sinh ở Hàn Quốc năm 2025, nay về nước. Tôi cần giấy tờ "
            "gì để đăng ký khai sinh cho cháu tại xã?"
        ),
        "sector": "ho-tich",
        **ASKER,
        "consent": True,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def attachment(filename, data):
    return {"filename": filename, "data": base64.b64encode(data).decode("ascii")}


def questions_section(portal):
    """``/hoi-dap`` as ``commune_portal:structure`` makes it (its entry of
    ``SECTIONS``), without the other sections."""
    ((path, title, description, addable, policy, layout),) = [
        entry for entry in SECTIONS if entry[0] == SECTION
    ]
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            portal, "Folder", id=path, title=title, description=description
        )
        folder.setLayout(layout)
        constraints = ISelectableConstrainTypes(folder)
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(addable)
        constraints.setImmediatelyAddableTypes(addable)
        switch_policy(folder, policy, policy)
        api.content.transition(folder, to_state="published")
    return folder


def make_question(section, state="submitted", answer=None, officer=None, **fields):
    """A question as the submission stores it, moved to ``state`` as
    Manager (``officer``: the user it is assigned to)."""
    from commune_portal.questions.submission import store

    values = {
        "title": "Xin hỏi về thủ tục chứng thực bản sao",
        "question": "Tôi cần mang theo giấy tờ gì khi chứng thực bản sao?",
        "sector": "Chứng thực",
        **ASKER,
        "asker_phone": "0912345678",
        "asker_consent": True,
        "files": [],
    }
    values.update(fields)
    question = store(section, values)
    with api.env.adopt_roles(["Manager"]):
        if answer is not None:
            question.answer = RichTextValue(answer, "text/html", "text/x-html-safe")
        if state in ("assigned",) or officer:
            question.assigned_to = officer or "admin"
        path = {
            "submitted": [],
            "assigned": ["assign"],
            "answered": ["answer"],
            "published": ["answer", "publish"],
            "rejected": ["reject"],
        }[state]
        if state == "rejected":
            question.rejection_reason = "Nội dung không thuộc thẩm quyền của xã."
        if officer and state != "assigned":
            path = ["assign", *path]
        from commune_portal.questions.assignment import sync_officer

        sync_officer(question)
        for transition in path:
            api.content.transition(question, transition)
    return question


def reset_limits():
    ratelimit.clear()


def commit():
    transaction.commit()


def vi(message):
    """``message`` as a Vietnamese reader gets it (the English text until
    the catalogs have it): tests compare what is shown with the message
    meant, not with a copy of its wording."""
    from zope.i18n import translate

    return translate(message, target_language="vi")


def questions_in(section):
    """The questions stored in ``section`` (a fresh transaction's view)."""
    transaction.begin()
    return [
        obj for obj in section.objectValues() if obj.portal_type == "CitizenQuestion"
    ]


def mails(portal):
    """The e-mails the functional portal's MockMailHost captured, as
    ``email.message.Message``."""
    import email

    transaction.begin()
    return [email.message_from_bytes(raw) for raw in portal.MailHost.messages]


def clear_mails(portal):
    transaction.begin()
    del portal.MailHost.messages[:]
    transaction.commit()


def subject(message):
    from email.header import decode_header
    from email.header import make_header

    return str(make_header(decode_header(message["Subject"])))


def body(message):
    return message.get_payload(decode=True).decode("utf-8")
