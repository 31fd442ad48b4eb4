"""A delegate's page (``delegate-view``) and a petition's page
(``voter-petition-view``): what they publish, and the private data (the
delegate's phone and address, who raised a petition) that no page shows to
the public or to delegates, on the default view, ``/view`` and ``@@view``
alike."""

from datetime import date
from tests.browser.council_pages import build_council
from tests.browser.council_pages import council_browsers
from tests.browser.council_pages import page
from tests.browser.council_pages import PETITIONER
from tests.browser.council_pages import PETITIONER_ADDRESS
from tests.browser.council_pages import PETITIONER_PHONE
from tests.browser.council_pages import PRIVATE_ADDRESS
from tests.browser.council_pages import PRIVATE_PHONE
from tests.browser.council_pages import status_of
from tests.browser.council_pages import text
from tests.browser.council_pages import texts
import pytest


VIEWS = ("", "/view", "/@@view")


@pytest.fixture(autouse=True)
def today(frozen_today):
    frozen_today(date(2026, 12, 3))


@pytest.fixture
def council(functional_portal):
    return build_council(functional_portal)


@pytest.fixture
def browsers(functional_app, council, user_with_roles):
    return council_browsers(functional_app, council, user_with_roles)


class TestDelegatePage:
    def test_is_the_default_view(self, council):
        assert council.binh.getLayout() == "delegate-view"

    def test_public_details(self, council, browsers):
        tree = page(browsers.anonymous, council.binh.absolute_url())
        assert texts(tree, "h1") == ["Trần Văn Bình"]
        assert texts(tree, ".delegate-position") == ["Chủ tịch HĐND xã"]
        assert texts(tree, ".delegate-constituency") == ["Đơn vị bầu cử số 2"]
        assert texts(tree, ".delegate-delegate_group") == ["Tổ đại biểu số 1"]
        assert texts(tree, ".delegate-workplace") == ["Thường trực HĐND xã"]
        assert texts(tree, ".delegate-committee")[0]
        assert texts(tree, ".delegate-full_time")[0]
        mail = tree.cssselect(".delegate-email a")[0]
        assert mail.get("href") == "mailto:binh.tv@nghiduong.example.vn"

    def test_photo(self, council, browsers):
        tree = page(browsers.anonymous, council.hoa.absolute_url())
        (photo,) = tree.cssselect("img.delegate-photo")
        assert photo.get("src").startswith(
            f"{council.hoa.absolute_url()}/@@images/image-"
        )
        tree = page(browsers.anonymous, council.binh.absolute_url())
        assert tree.cssselect("img.delegate-photo") == []

    @pytest.mark.parametrize("view", VIEWS)
    @pytest.mark.parametrize("reader", ["anonymous", "delegate"])
    def test_private_contact_hidden(self, council, browsers, reader, view):
        browser = getattr(browsers, reader)
        browser.open(f"{council.binh.absolute_url()}{view}")
        assert "Trần Văn Bình" in browser.contents
        assert PRIVATE_PHONE not in browser.contents
        assert PRIVATE_ADDRESS not in browser.contents
        assert "delegate-private" not in browser.contents

    @pytest.mark.parametrize("view", VIEWS)
    def test_secretary_sees_them_in_a_marked_box(self, council, browsers, view):
        tree = page(browsers.secretary, f"{council.binh.absolute_url()}{view}")
        (box,) = tree.cssselect(".delegate-private")
        assert texts(box, ".delegate-private_phone") == [PRIVATE_PHONE]
        assert texts(box, ".delegate-private_address") == [PRIVATE_ADDRESS]
        # Nowhere else on the page.
        box.getparent().remove(box)
        assert PRIVATE_PHONE not in text(tree)

    def test_secretary_box_without_details(self, council, browsers):
        tree = page(browsers.secretary, council.hoa.absolute_url())
        (box,) = tree.cssselect(".delegate-private")
        assert box.cssselect("dd") == []

    def test_private_delegate_is_not_public(self, council, functional_app):
        status, body = status_of(functional_app, council.em.absolute_url())
        assert status in (302, 401)
        assert "Đỗ Văn Em" not in body


class TestPetitionPage:
    def test_is_the_default_view(self, council):
        assert council.petitions["published"].getLayout() == "voter-petition-view"

    def test_public_details(self, council, browsers):
        petition = council.petitions["published"]
        tree = page(browsers.anonymous, petition.absolute_url())
        rows = {
            row.get("data-field"): text(row.find("td"))
            for row in tree.cssselect("table.petition-facts tr")
        }
        assert rows == {
            "source_meeting": "Tiếp xúc cử tri trước Kỳ họp thứ Tư, thôn Đông",
            "meeting_date": "20/06/2026",
            "constituency": "Đơn vị bầu cử số 1",
            "sectors": "Giao thông vận tải",
            "responsible_agency": "UBND xã",
            "deadline": "30/09/2026",
        }
        assert "tuyến đường liên thôn Đông - Tây" in text(
            tree.cssselect(".petition-content")[0]
        )
        response = tree.cssselect(".petition-response")[0]
        assert "lắp đèn trong quý IV" in text(response)
        assert "01/08/2026" in texts(response, ".petition-response-date")[0]
        assert tree.cssselect(".petition-response-draft") == []
        assert tree.cssselect(".petition-overdue") == []

    @pytest.mark.parametrize("view", VIEWS)
    @pytest.mark.parametrize("reader", ["anonymous", "delegate", "secretary"])
    def test_never_who_raised_it(self, council, browsers, reader, view):
        browser = getattr(browsers, reader)
        browser.open(f"{council.petitions['published'].absolute_url()}{view}")
        assert "Đề nghị lắp đèn chiếu sáng" in browser.contents
        for private in (PETITIONER, PETITIONER_PHONE, PETITIONER_ADDRESS):
            assert private not in browser.contents

    def test_overdue(self, council, browsers):
        tree = page(browsers.delegate, council.petitions["forwarded"].absolute_url())
        assert tree.cssselect(".petition-overdue")
        # Answered: no longer overdue, whatever the deadline.
        tree = page(browsers.delegate, council.petitions["answered"].absolute_url())
        assert tree.cssselect(".petition-overdue") == []

    def test_not_overdue_before_the_deadline(self, council, browsers, frozen_today):
        frozen_today(date(2025, 9, 1))
        tree = page(browsers.delegate, council.petitions["forwarded"].absolute_url())
        assert tree.cssselect(".petition-overdue") == []

    def test_unpublished_response(self, council, browsers):
        answered = council.petitions["answered"].absolute_url()
        # The secretary reads it over, marked as not public yet.
        tree = page(browsers.secretary, answered)
        assert "giống lúa vụ Xuân" in text(tree.cssselect(".petition-response")[0])
        assert tree.cssselect(".petition-response-draft")
        # A delegate does not edit it: not before it is published.
        tree = page(browsers.delegate, answered)
        assert tree.cssselect(".petition-response") == []

    def test_unpublished_petition_is_not_public(self, council, functional_app):
        url = council.petitions["answered"].absolute_url()
        status, body = status_of(functional_app, url)
        assert status in (302, 401)
        assert "giống lúa" not in body
