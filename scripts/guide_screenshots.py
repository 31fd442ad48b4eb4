"""Take the screenshots of the editors' guide (docs/huong-dan-bien-tap.md).

Run it against the demo site of ``make start``, with Debian's chromium and
its translations (``apt-get install chromium chromium-l10n``: date fields
then read 02/11/2026) and Playwright (``make ui-coverage`` installs it)::

    .venv/bin/python scripts/guide_screenshots.py --base http://localhost:8080/Plone

It does what the guide tells editors to do, as the people who do it:
creates (once) four demo users with their roles given on the sections'
sharing pages, adds a document and sends it through the two-step approval,
adds a procedure page; on the demo's council (its secretary ``thuky`` and
delegate ``hoant``), adds a session with one of its materials, circulates
them to the delegates, publishes the held session's papers into the kỷ
yếu and records a voters' petition. The pictures go to
``docs/images/huong-dan/``. Running it again adds the content again (with
new ids): run it on a fresh demo site (``rm -rf instance``).
"""

from pathlib import Path
from playwright.sync_api import sync_playwright
import argparse
import base64
import json
import sys
import urllib.error
import urllib.request


REPOSITORY = Path(__file__).resolve().parent.parent
# The one way the repository starts Chromium (tests/journeys/browser.py).
sys.path.insert(0, str(REPOSITORY))
from tests.journeys.browser import launch_chromium  # noqa: E402


OUT = REPOSITORY / "docs" / "images" / "huong-dan"
PASSWORD = "Mat-khau-demo-2026"

# user id, full name, (section, roles given on its sharing page)
USERS = (
    (
        "canbo",
        "Nguyễn Thị Lan",
        (("van-ban", ["Contributor"]), ("thu-tuc-hanh-chinh", ["Contributor"])),
    ),
    ("bbt", "Trần Văn Hùng", (("van-ban", ["Reviewer"]),)),
    ("lanhdao", "Lê Minh Tuấn", (("van-ban", ["CommuneApprover"]),)),
    ("thuky", "Phạm Thu Hà", (("hdnd", ["Contributor", "CouncilSecretary"]),)),
)

# A one-page PDF: the signed document's scan in the demo.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def rest(base, method, path, body=None, user="admin", password="admin"):
    """A JSON call to plone.restapi as ``user``; returns (status, body)."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request = urllib.request.Request(
        f"{base}{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": f"Basic {token}",
        },
    )
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def create_users(base):
    for user_id, fullname, sections in USERS:
        status, _ = rest(base, "GET", f"/@users/{user_id}")
        if status == 404:
            rest(
                base,
                "POST",
                "/@users",
                {
                    "username": user_id,
                    "fullname": fullname,
                    "email": f"{user_id}@nghiduong.example.vn",
                    "password": PASSWORD,
                },
            )
        for section, roles in sections:
            rest(
                base,
                "POST",
                f"/{section}/@sharing",
                {
                    "entries": [
                        {
                            "id": user_id,
                            "type": "user",
                            "roles": dict.fromkeys(roles, True),
                        }
                    ]
                },
            )


class Guide:
    """One browser; ``as_user`` logs in, ``shot`` takes a picture."""

    def __init__(self, playwright, base):
        self.base = base
        # Chromium's own texts in Vietnamese (needs chromium-l10n).
        self.browser = launch_chromium(playwright, vietnamese=True)
        self.context = None
        self.page = None

    def as_user(self, user_id, password=PASSWORD):
        if self.context:
            self.context.close()
        self.context = self.browser.new_context(
            viewport={"width": 1280, "height": 860}, locale="vi-VN"
        )
        self.page = self.context.new_page()
        if user_id:
            self.open("/login")
            self.page.fill("#__ac_name", user_id)
            self.page.fill("#__ac_password", password)
            self.page.click("button[name='buttons.login']")
            self.page.wait_for_load_state("networkidle")
        return self.page

    def open(self, path):
        self.page.goto(f"{self.base}{path}")
        self.page.wait_for_load_state("networkidle")

    def click(self, selector):
        self.page.click(selector)
        self.page.wait_for_load_state("networkidle")

    def menu(self, name):
        """Open a toolbar menu: ``factories`` (Thêm mới) or ``workflow``."""
        self.page.click(f"#plone-contentmenu-{name} > a")
        self.page.wait_for_timeout(400)

    def transition(self, transition_id):
        self.menu("workflow")
        self.click(f"#workflow-transition-{transition_id}")

    def rich_text(self, html):
        """Type into the TinyMCE editor of a form."""
        frame = self.page.frame_locator("iframe.tox-edit-area__iframe")
        frame.locator("body").evaluate(
            "(body, html) => { body.innerHTML = html; }", html
        )

    def upload(self, selector, filename, data, mime="application/pdf"):
        self.page.set_input_files(
            selector, {"name": filename, "mimeType": mime, "buffer": data}
        )

    def shot(self, name, full_page=False):
        OUT.mkdir(parents=True, exist_ok=True)
        if full_page:
            # The form's buttons stick to the bottom of the window: in a
            # picture of the whole page they would cover a field.
            self.page.add_style_tag(
                content=".formControls { position: static !important; }"
            )
            self.page.evaluate("window.scrollTo(0, 0)")
        self.page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)
        print(f"  {name}.png", flush=True)

    def close(self):
        self.browser.close()


def document(guide):
    """A clerk adds a plan and sends it for approval; the board reviews it,
    the leader approves it."""
    guide.as_user(None)
    guide.open("/login")
    guide.page.fill("#__ac_name", "canbo")
    guide.shot("01-dang-nhap")
    guide.as_user("canbo")
    guide.open("/van-ban")
    guide.menu("factories")
    guide.shot("02-them-moi")
    guide.open("/van-ban/++add++Directive")
    page = guide.page
    page.fill(
        "#form-widgets-IBasic-title",
        "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026",
    )
    page.fill("#form-widgets-IOfficialDocument-document_number", "Số: 152/KH-UBND")
    page.select_option(
        "#form-widgets-IOfficialDocument-issuing_body",
        label="Ủy ban nhân dân xã Nghi Dương",  # of the demo's settings
    )
    page.fill("#form-widgets-IOfficialDocument-issue_date", "2026-11-02")
    guide.upload("#form-widgets-IOfficialDocument-file-input", "152-KH-UBND.pdf", PDF)
    guide.shot("03-form-van-ban", full_page=True)
    guide.click("#form-buttons-save")
    guide.shot("04-van-ban-da-luu")
    guide.menu("workflow")
    guide.shot("05-gui-duyet")
    guide.click("#workflow-transition-submit")
    url = guide.page.url
    guide.shot("06-cho-duyet")

    guide.as_user("bbt")
    guide.open("/@@my-work")
    guide.shot("07-viec-cua-toi")
    guide.page.goto(url)
    guide.menu("workflow")
    guide.shot("08-ban-bien-tap-duyet")
    guide.click("#workflow-transition-review")

    guide.as_user("lanhdao")
    guide.page.goto(url)
    guide.menu("workflow")
    guide.shot("09-lanh-dao-phe-duyet")
    guide.click("#workflow-transition-approve")
    guide.shot("10-da-dang")


def procedure(guide):
    """A clerk adds a procedure as a page of "Thủ tục hành chính"."""
    guide.as_user("canbo")
    guide.open("/thu-tuc-hanh-chinh/++add++Document")
    guide.page.fill("#form-widgets-IDublinCore-title", "Đăng ký khai sinh")
    guide.page.fill(
        "#form-widgets-IDublinCore-description",
        "Thủ tục hành chính cấp xã, lĩnh vực Hộ tịch. Mã thủ tục 1.001193.",
    )
    guide.rich_text(
        "<h2>Trình tự thực hiện</h2><p>Người có yêu cầu nộp hồ sơ tại Bộ phận "
        "một cửa của UBND xã hoặc trực tuyến trên Cổng Dịch vụ công quốc gia."
        "</p><h2>Thành phần hồ sơ</h2><ul><li>Tờ khai đăng ký khai sinh theo "
        "mẫu;</li><li>Giấy chứng sinh.</li></ul><h2>Thời hạn giải quyết</h2>"
        "<p>Ngay trong ngày làm việc.</p><h2>Lệ phí</h2><p>Miễn lệ phí.</p>"
    )
    guide.shot("11-them-thu-tuc", full_page=True)
    guide.click("#form-buttons-save")
    guide.menu("workflow")
    guide.shot("12-thu-tuc-dang")


# The demo's council (commune_portal:demo): its term, the thematic session
# held on 2 December 2026 whose papers wait to be published, the demo
# accounts of the council secretary and of a delegate.
TERM = "/hdnd/nhiem-ky-2026-2031"
COUNCIL_PASSWORD = "Mat-khau-demo-2026"


def tab(guide, fieldset_id):
    """Open the tab of a form's fieldset (``fieldset-voting`` …)."""
    index = guide.page.evaluate(
        "(id) => [...document.querySelectorAll('form fieldset')]"
        ".filter((f) => f.id && f.id.startsWith('fieldset-'))"
        ".findIndex((f) => f.id === id)",
        fieldset_id,
    )
    guide.page.locator("nav.autotoc-nav a").nth(index).click()
    guide.page.wait_for_timeout(300)


def council_term(guide):
    """The council secretary's term: delegates by committee; the form of a
    delegate, with the account they read and vote with (not saved: the
    term has its 25 delegates)."""
    guide.as_user("thuky", COUNCIL_PASSWORD)
    guide.open(TERM)
    guide.shot("13-nhiem-ky")
    guide.open(f"{TERM}/++add++Delegate")
    guide.page.fill("#form-widgets-title", "Nguyễn Văn Bảo")
    tab(guide, "fieldset-voting")
    guide.shot("14-them-dai-bieu")


def council_session(guide):
    """The council secretary adds a session and one of its materials,
    circulates them to the delegates; a delegate reads them."""
    guide.as_user("thuky", COUNCIL_PASSWORD)
    guide.open(f"{TERM}/++add++CouncilSession")
    page = guide.page
    page.fill("#form-widgets-session_number", "5")
    page.select_option("#form-widgets-session_kind", "thematic")
    page.fill(
        "#form-widgets-description",
        "Kỳ họp chuyên đề: kế hoạch đầu tư công năm 2027 của xã.",
    )
    page.fill("#form-widgets-IEventBasic-start", "2026-12-22T08:00")
    page.fill("#form-widgets-IEventBasic-end", "2026-12-22T11:30")
    page.fill(
        "#form-widgets-IEventLocation-location",
        "Hội trường Ủy ban nhân dân xã Nghi Dương",
    )
    guide.shot("15-them-ky-hop", full_page=True)
    guide.click("#form-buttons-save")
    session = page.url.split("?")[0].rstrip("/").removesuffix("/view")

    guide.page.goto(f"{session}/++add++SessionDocument")
    page.wait_for_load_state("networkidle")
    page.fill(
        "#form-widgets-IBasic-title",
        "Tờ trình về kế hoạch đầu tư công năm 2027 của xã Nghi Dương",
    )
    page.select_option("#form-widgets-material_kind", "submission")
    page.fill("#form-widgets-IOfficialDocument-document_number", "Số: 371/TTr-UBND")
    page.select_option(
        "#form-widgets-IOfficialDocument-issuing_body",
        label="Ủy ban nhân dân xã Nghi Dương",
    )
    page.fill("#form-widgets-IOfficialDocument-issue_date", "2026-12-10")
    guide.upload("#form-widgets-IOfficialDocument-file-input", "371-TTr-UBND.pdf", PDF)
    guide.shot("16-them-tai-lieu-ky-hop", full_page=True)
    guide.click("#form-buttons-save")

    guide.open(session.removeprefix(guide.base) + "/@@circulate-materials")
    guide.shot("17-gui-tai-lieu-dai-bieu", full_page=True)
    guide.click("button[name='form.buttons.circulate']")
    guide.shot("18-da-gui-dai-bieu")

    guide.as_user("hoant", COUNCIL_PASSWORD)
    guide.page.goto(session)
    guide.page.wait_for_load_state("networkidle")
    guide.shot("19-dai-bieu-doc-tai-lieu")


def council_proceedings(guide):
    """After the session: the council secretary publishes its papers into
    the kỷ yếu."""
    guide.as_user("thuky", COUNCIL_PASSWORD)
    guide.open(f"{TERM}/ky-hop-thu-tu/@@publish-materials")
    guide.shot("20-cong-bo-ky-yeu", full_page=True)
    guide.click("button[name='form.buttons.publish']")
    guide.open("/hdnd/ky-yeu")
    guide.shot("21-ky-yeu")


def voter_petitions(guide):
    """The council secretary records a voters' petition; the petitions of
    the term as the public sees them."""
    guide.as_user("thuky", COUNCIL_PASSWORD)
    guide.open(f"{TERM}/++add++VoterPetition")
    page = guide.page
    page.fill(
        "#form-widgets-IBasic-title",
        "Đề nghị lắp biển báo giao thông tại ngã ba trường Tiểu học Nghi Dương",
    )
    page.fill(
        "#form-widgets-source_meeting",
        "Tiếp xúc cử tri sau Kỳ họp thứ Tư, Đơn vị bầu cử số 2",
    )
    page.fill("#form-widgets-meeting_date", "2026-12-05")
    page.fill("#form-widgets-constituency", "Đơn vị bầu cử số 2")
    page.check("input[name='form.widgets.sectors:list'][value='giao-thong-van-tai']")
    page.fill(
        "#form-widgets-content",
        "Cử tri thôn 3 đề nghị lắp biển báo và gờ giảm tốc tại ngã ba trước cổng "
        "trường Tiểu học Nghi Dương, nơi học sinh qua đường giờ tan học.",
    )
    guide.shot("22-them-kien-nghi", full_page=True)
    guide.click("#form-buttons-save")
    guide.as_user(None)
    guide.open("/hdnd/kien-nghi-cu-tri")
    guide.shot("23-kien-nghi-cu-tri")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://localhost:8080/Plone")
    args = parser.parse_args(argv)
    if "127.0.0.1" in args.base:
        sys.exit("Use http://localhost:…: Plone leaves 127.0.0.1 unthemed.")
    create_users(args.base)
    with sync_playwright() as playwright:
        guide = Guide(playwright, args.base)
        try:
            for part in (
                document,
                procedure,
                council_term,
                council_session,
                council_proceedings,
                voter_petitions,
            ):
                print(part.__doc__.split("\n")[0], flush=True)
                part(guide)
        finally:
            guide.close()


if __name__ == "__main__":
    main()
