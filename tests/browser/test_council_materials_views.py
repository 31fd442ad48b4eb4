"""The council secretary's forms ``@@circulate-materials`` and
``@@publish-materials`` (Classic UI): what they announce, the confirmation
with plone.protect's authenticator, the report in status messages, and
refusals with nothing changed."""

from plone import api
from tests.conftest import PASSWORD
from tests.council_helpers import build_council
from tests.council_helpers import record_mail
import pytest
import re
import transaction


SESSION = "hdnd/nhiem-ky-2026-2031/ky-hop-thu-tu"
CIRCULATE = f"{SESSION}/@@circulate-materials"
PUBLISH = f"{SESSION}/@@publish-materials"


@pytest.fixture
def council(functional_portal):
    session = build_council(functional_portal)
    delivered = record_mail(functional_portal)
    transaction.commit()
    return session, delivered


@pytest.fixture
def browser(request_factory):
    """A Classic UI client (HTML, Vietnamese) as ``user_id``."""

    def factory(user_id):
        client = request_factory(basic_auth=(user_id, PASSWORD), api=False)
        client.headers.pop("Accept", None)
        client.headers["Accept-Language"] = "vi"
        return client

    return factory


def token(html):
    return re.search(r'name="_authenticator"\s+value="([0-9a-f]+)"', html).group(1)


def state(obj):
    transaction.begin()  # what the server committed
    return api.content.get_state(obj)


def text(html):
    """The page's text, tags and repeated blanks left out."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class TestCirculateForm:
    def test_announces_what_will_happen(self, council, browser):
        session, _delivered = council
        page = browser("thuky").get(CIRCULATE)
        assert page.status_code == 200
        words = text(page.text)
        assert "Gửi tài liệu cho đại biểu" in words
        for title in (
            "Tờ trình về kế hoạch đầu tư công năm 2027",
            "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách",
            "Nghị quyết về kế hoạch đầu tư công năm 2027",
        ):
            assert title in words
        # The classified report is offered unticked, with the reason.
        assert "Sẽ bị từ chối: Văn bản có độ mật" in words
        checked = re.findall(r'<input[^>]*checked[^>]*value="([^"]+)"', page.text)
        checked += re.findall(r'<input[^>]*value="([^"]+)"[^>]*checked', page.text)
        assert session["bao-cao-mat"].UID() not in checked
        assert session["to-trinh"].UID() in checked
        assert "Nguyễn Thị Hoa (hoa.nt@nghiduong.example.vn)" in words, words
        assert "Chưa có địa chỉ thư điện tử, không gửi được: Lê Văn Lâm" in words
        assert "Trang kỳ họp được gửi đại biểu cùng tài liệu" in words
        assert token(page.text)

    def test_circulates_and_reports(self, council, browser):
        session, delivered = council
        client = browser("thuky")
        form = client.get(CIRCULATE)
        response = client.post(
            CIRCULATE,
            data={
                "materials:list": [session["to-trinh"].UID(), session["bao-cao"].UID()],
                "form.buttons.circulate": "1",
                "_authenticator": token(form.text),
            },
            allow_redirects=False,
        )
        assert response.status_code == 302
        assert response.headers["Location"] == session.absolute_url()
        assert state(session["to-trinh"]) == "circulated"
        assert state(session["bao-cao"]) == "circulated"
        assert state(session["nghi-quyet"]) == "private"
        assert state(session) == "circulated"
        assert len(delivered()) == 2
        words = text(client.get(CIRCULATE).text)  # the status messages
        assert (
            "Đã gửi đại biểu: “Tờ trình về kế hoạch đầu tư công năm 2027”; "
            "“Báo cáo thẩm tra của Ban Kinh tế - Ngân sách”." in words
        )
        assert "Đã gửi thư điện tử cho 2 đại biểu." in words
        assert "Chưa có địa chỉ thư điện tử, không gửi được: Lê Văn Lâm." in words

    def test_classified_chosen_is_reported(self, council, browser):
        session, delivered = council
        client = browser("thuky")
        form = client.get(CIRCULATE)
        client.post(
            CIRCULATE,
            data={
                "materials:list": [session["bao-cao-mat"].UID()],
                "form.buttons.circulate": "1",
                "_authenticator": token(form.text),
            },
            allow_redirects=False,
        )
        assert state(session["bao-cao-mat"]) == "private"
        assert state(session) == "private"
        assert delivered() == []
        words = text(client.get(CIRCULATE).text)
        assert (
            "Chưa gửi đại biểu: “Báo cáo tình hình quốc phòng, an ninh”. "
            "Văn bản có độ mật" in words
        )
        assert "Không có tài liệu nào được gửi đại biểu." in words

    def test_without_the_authenticator_nothing_changes(self, council, browser):
        session, delivered = council
        response = browser("thuky").post(
            CIRCULATE,
            data={
                "materials:list": [session["to-trinh"].UID()],
                "form.buttons.circulate": "1",
            },
            allow_redirects=False,
        )
        assert response.status_code == 403
        assert state(session["to-trinh"]) == "private"
        assert delivered() == []

    def test_nothing_chosen(self, council, browser):
        session, delivered = council
        client = browser("thuky")
        form = client.get(CIRCULATE)
        response = client.post(
            CIRCULATE,
            data={"form.buttons.circulate": "1", "_authenticator": token(form.text)},
        )
        assert response.status_code == 200
        assert "Chọn ít nhất một tài liệu." in text(response.text)
        assert state(session["to-trinh"]) == "private"

    def test_cancel(self, council, browser):
        session, delivered = council
        client = browser("thuky")
        form = client.get(CIRCULATE)
        response = client.post(
            CIRCULATE,
            data={
                "materials:list": [session["to-trinh"].UID()],
                "form.buttons.cancel": "1",
                "_authenticator": token(form.text),
            },
            allow_redirects=False,
        )
        assert response.status_code == 302
        assert state(session["to-trinh"]) == "private"

    @pytest.mark.parametrize("user_id", ["daibieu1", "congdan"])
    def test_not_for_others(self, council, browser, user_id):
        session, delivered = council
        client = browser(user_id)
        page = client.get(CIRCULATE, allow_redirects=False)
        assert page.status_code != 200
        secretary_form = browser("thuky").get(CIRCULATE)
        response = client.post(
            CIRCULATE,
            data={
                "materials:list": [session["to-trinh"].UID()],
                "form.buttons.circulate": "1",
                "_authenticator": token(secretary_form.text),
            },
            allow_redirects=False,
        )
        assert response.status_code != 200
        assert state(session["to-trinh"]) == "private"
        assert delivered() == []


class TestPublishForm:
    @pytest.fixture
    def circulated(self, council, browser):
        session, delivered = council
        client = browser("thuky")
        form = client.get(CIRCULATE)
        client.post(
            CIRCULATE,
            data={
                "materials:list": [
                    session["to-trinh"].UID(),
                    session["nghi-quyet"].UID(),
                ],
                "form.buttons.circulate": "1",
                "_authenticator": token(form.text),
            },
            allow_redirects=False,
        )
        return session

    def test_announces_what_will_happen(self, circulated, browser):
        words = text(browser("thuky").get(PUBLISH).text)
        assert "Công bố tài liệu kỳ họp" in words
        assert "Tờ trình về kế hoạch đầu tư công năm 2027" in words
        # Never circulated: stays private, and says so.
        assert (
            "Chưa gửi đại biểu: vẫn chưa công khai "
            "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách" in words
        )
        assert "Trang kỳ họp cũng được công bố." in words

    def test_publishes_into_the_proceedings(self, circulated, browser):
        session = circulated
        client = browser("thuky")
        form = client.get(PUBLISH)
        response = client.post(
            PUBLISH,
            data={
                "materials:list": [
                    session["to-trinh"].UID(),
                    session["nghi-quyet"].UID(),
                ],
                "form.buttons.publish": "1",
                "_authenticator": token(form.text),
            },
            allow_redirects=False,
        )
        assert response.status_code == 302
        assert state(session) == "published"
        assert state(session["to-trinh"]) == "published"
        assert state(session["bao-cao"]) == "private"
        assert session.proceedings_date is not None
        words = text(client.get(PUBLISH).text)
        assert "Đã công bố:" in words
        assert "Kỳ họp đã được đưa vào kỷ yếu (từ" in words
        assert "Kỳ họp đã vào kỷ yếu từ:" in words  # the form itself

    def test_without_the_authenticator_nothing_changes(self, circulated, browser):
        session = circulated
        response = browser("thuky").post(
            PUBLISH,
            data={"form.buttons.publish": "1"},
            allow_redirects=False,
        )
        assert response.status_code == 403
        assert state(session) == "circulated"
        assert session.proceedings_date is None

    def test_not_for_a_delegate(self, circulated, browser):
        session = circulated
        client = browser("daibieu1")
        secretary_form = browser("thuky").get(PUBLISH)
        response = client.post(
            PUBLISH,
            data={
                "form.buttons.publish": "1",
                "_authenticator": token(secretary_form.text),
            },
            allow_redirects=False,
        )
        assert response.status_code != 200
        assert state(session) == "circulated"
        assert session.proceedings_date is None
