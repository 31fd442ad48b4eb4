"""The council of the page tests: Xã Nghi Dương's term 2026-2031 with its
delegates, two sessions, materials in every state, resolutions (one with a
closed vote) and petitions; an earlier term; and the browsers of the
public, a delegate of the term and the council secretary."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from lxml import html
from pathlib import Path
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from plone.testing.zope import Browser
from tests.council_helpers import council_section
from tests.council_helpers import HANOI
from tests.council_helpers import make_delegate
from tests.council_helpers import make_material
from tests.council_helpers import make_petition
from tests.council_helpers import make_resolution
from tests.council_helpers import make_session
from tests.council_helpers import make_term
from tests.helpers import reach_state
from types import SimpleNamespace
import plone.namedfile.tests
import transaction


PHOTO = (Path(plone.namedfile.tests.__file__).parent / "image.png").read_bytes()
PDF = b"%PDF-1.4 to trinh ke hoach dau tu cong"

PRIVATE_PHONE = "0912 345 678"
PRIVATE_ADDRESS = "Số 5, xóm Bến, thôn Đông"
PETITIONER = "Hoàng Văn Giáp"
PETITIONER_PHONE = "0987 654 321"
PETITIONER_ADDRESS = "Số 12, thôn Tây"


def build_council(portal):
    """The council section with its records (see the module's docstring);
    returns them by name. Commits."""
    section = council_section(portal)
    older = make_term(
        section,
        id="nhiem-ky-2021-2026",
        title="HĐND xã Nghi Dương khóa XX, nhiệm kỳ 2021-2026",
        khoa="XX",
        start_year=2021,
        end_year=2026,
        seats=20,
    )
    term = make_term(section)
    for item in (older, term):
        reach_state(item)

    # In the folder's order: committees come out in the vocabulary's order
    # and the delegates in no committee last, whatever this order.
    hoa = make_delegate(term, image=NamedBlobImage(data=PHOTO, filename="hoa.png"))
    dung = make_delegate(
        term,
        title="Phạm Thị Dung",
        committee=None,
        position="Đại biểu HĐND xã",
        constituency="Đơn vị bầu cử số 3",
    )
    binh = make_delegate(
        term,
        title="Trần Văn Bình",
        committee="standing",
        position="Chủ tịch HĐND xã",
        constituency="Đơn vị bầu cử số 2",
        full_time=True,
        workplace="Thường trực HĐND xã",
        email="binh.tv@nghiduong.example.vn",
        private_phone=PRIVATE_PHONE,
        private_address=PRIVATE_ADDRESS,
    )
    cuong = make_delegate(
        term,
        title="Lê Văn Cường",
        committee="culture_society",
        position="Trưởng Ban Văn hóa - Xã hội",
    )
    em = make_delegate(term, title="Đỗ Văn Em", committee="economy_budget")
    for delegate in (hoa, dung, binh, cuong):
        reach_state(delegate)

    # Session 5 is made first: the page orders by number.
    now = datetime.now(HANOI).replace(microsecond=0)
    fifth = make_session(
        term,
        number=5,
        session_kind="thematic",
        start=now + timedelta(days=40),
        end=now + timedelta(days=40, hours=4),
    )
    fourth = make_session(
        term,
        number=4,
        title="Kỳ họp giữa năm 2025",
        start=HANOI.localize(datetime(2025, 7, 15, 8, 0)),
        end=HANOI.localize(datetime(2025, 7, 16, 11, 30)),
    )
    report = make_material(
        fourth,
        "Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm",
        material_kind="report",
        document_type="bao-cao",
        document_number="80/BC-UBND",
    )
    submission = make_material(
        fourth,
        file=NamedBlobFile(data=PDF, filename="45-TTr-UBND.pdf"),
    )
    review = make_material(
        fourth,
        "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách",
        material_kind="review_report",
        document_type="bao-cao",
        document_number="12/BC-KTNS",
    )
    invitation = make_material(
        fourth,
        "Giấy mời dự kỳ họp",
        material_kind="invitation",
        document_type="giay-moi",
        document_number="20/GM-HĐND",
    )
    draft = make_material(
        fourth,
        "Dự thảo báo cáo công tác tiếp công dân",
        material_kind="other",
        document_type="bao-cao",
        document_number="99/BC-UBND",
    )
    unvoted = make_resolution(
        fourth,
        "Nghị quyết về chương trình giám sát năm 2026",
        document_number="16/NQ-HĐND",
    )
    adopted = make_resolution(fourth)
    from commune_portal.voting.result import freeze

    freeze(adopted, yes=10, no=2, abstain=1, seats=15)
    fourth.agenda = [
        {
            "time": "08:00",
            "item": "Thẩm tra kế hoạch đầu tư công",
            "presenter": "Trưởng Ban Kinh tế - Ngân sách",
            "documents": [review.UID()],
        },
        {
            "time": "09:30",
            "item": "Thảo luận và biểu quyết kế hoạch đầu tư công năm 2027",
            "presenter": "Chủ tịch UBND xã",
            "documents": [submission.UID(), adopted.UID(), invitation.UID()],
        },
    ]
    fourth.proceedings_date = HANOI.localize(datetime(2025, 7, 20, 9, 0))
    fourth.reindexObject()
    for item in (fourth, report, submission, review, unvoted, adopted):
        reach_state(item)
    reach_state(invitation, "circulated")
    reach_state(fifth, "circulated")

    petitions = {
        "published": make_petition(
            term,
            title="Đề nghị lắp đèn chiếu sáng đường thôn Tây",
            petitioner_name=PETITIONER,
            petitioner_phone=PETITIONER_PHONE,
            petitioner_address=PETITIONER_ADDRESS,
            sectors=["Giao thông vận tải"],
            response_date=date(2026, 8, 1),
        ),
        "published2": make_petition(term, title="Đề nghị nạo vét kênh mương"),
        "received": make_petition(term, title="Đề nghị xây nhà văn hóa thôn"),
        "forwarded": make_petition(
            term,
            title="Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
            deadline=date(2025, 9, 30),
        ),
        "answered": make_petition(term, title="Đề nghị hỗ trợ giống lúa"),
    }
    from plone.app.textfield.value import RichTextValue

    petitions["published"].response = RichTextValue(
        "<p>UBND xã đã bố trí kinh phí lắp đèn trong quý IV.</p>",
        "text/html",
        "text/x-html-safe",
    )
    petitions["answered"].response = RichTextValue(
        "<p>UBND xã sẽ hỗ trợ giống lúa vụ Xuân.</p>",
        "text/html",
        "text/x-html-safe",
    )
    reach_state(petitions["published"])
    reach_state(petitions["published2"])
    reach_state(petitions["forwarded"], "forwarded")
    reach_state(petitions["answered"], "answered")
    transaction.commit()
    return SimpleNamespace(
        section=section,
        older=older,
        term=term,
        hoa=hoa,
        dung=dung,
        binh=binh,
        cuong=cuong,
        em=em,
        fourth=fourth,
        fifth=fifth,
        report=report,
        submission=submission,
        review=review,
        invitation=invitation,
        draft=draft,
        unvoted=unvoted,
        adopted=adopted,
        petitions=petitions,
    )


def browser_of(app, user=None, password=None):
    browser = Browser(app)
    browser.handleErrors = False
    if user:
        browser.addHeader("Authorization", f"Basic {user}:{password}")
    return browser


def council_browsers(app, council, user_with_roles):
    """The browsers of the public, of a delegate of the term (local role
    CouncilDelegate on the term) and of the council secretary (local role
    CouncilSecretary on /hdnd)."""
    delegate, delegate_password = user_with_roles("daibieu-hoa")
    secretary, secretary_password = user_with_roles("thuky-hdnd")
    api.user.grant_roles(username=delegate, obj=council.term, roles=["CouncilDelegate"])
    api.user.grant_roles(
        username=secretary, obj=council.section, roles=["CouncilSecretary"]
    )
    # The sharing page does this; plone.api does not.
    council.section.reindexObjectSecurity()
    transaction.commit()
    return SimpleNamespace(
        anonymous=browser_of(app),
        delegate=browser_of(app, delegate, delegate_password),
        secretary=browser_of(app, secretary, secretary_password),
    )


def status_of(app, url):
    """The HTTP status the public gets for ``url`` (a refusal is 401, or a
    302 to the login form), and the body."""
    browser = browser_of(app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.followRedirects = False
    browser.open(url)
    body = browser.contents or ""
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    return int(browser.headers["status"].split()[0]), body


def page(browser, url):
    """Open ``url``; the page as an lxml tree."""
    browser.open(url)
    return html.fromstring(browser.contents)


def text(element):
    return " ".join(element.text_content().split())


def texts(tree, selector):
    return [text(element) for element in tree.cssselect(selector)]
