"""Recording the answer to a voters' petition (``council/petitions.py``,
``@@answer-petition``, ``POST @answer``): the council secretary records
it on a published petition without retracting it, and on one still waiting
(which moves to ``answered``); the schema's rules hold; delegates, members
and the public cannot, and nothing is stored when refused. The rest of a
published petition stays closed to the secretary, as the workflow intends."""

from commune_portal import _
from commune_portal.council import petitions
from datetime import date
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import Browser
from tests.council_helpers import council_section
from tests.council_helpers import give_council_role
from tests.council_helpers import make_petition
from tests.council_helpers import make_term
from tests.council_helpers import move
from zExceptions import Unauthorized
from zope.i18n import translate
import pytest
import requests
import transaction


PASSWORD = "Mat-khau-thu-2026"
HEADERS = {
    "Accept": "application/json",
    "Content-Type": "application/json",
    "Accept-Language": "vi",
}
FIRST = "<p>UBND xã đã đưa tuyến đường vào kế hoạch năm 2027.</p>"
LATER = "<p>Tuyến đường đã được sửa chữa xong ngày 20/11/2026.</p>"


def vi(message):
    return translate(message, target_language="vi")


def response_of(petition):
    return petition.response.raw if petition.response else None


@pytest.fixture
def council(functional_portal):
    section = council_section(functional_portal)
    give_council_role(section, "thuky", "CouncilSecretary")
    give_council_role(section, "daibieu", "CouncilDelegate")
    give_council_role(section, "bientap", "Editor")
    api.user.create(username="congdan", email="congdan@example.vn", password=PASSWORD)
    term = move(make_term(section), "publish")
    published = make_petition(
        term,
        id="da-cong-khai",
        response=RichTextValue(FIRST, "text/html", "text/x-html-safe"),
        response_date=date(2026, 8, 15),
    )
    move(published, "forward", "answer", "publish")
    waiting = move(
        make_petition(term, "Đề nghị nạo vét kênh mương thôn Tây", id="dang-cho"),
        "forward",
    )
    transaction.commit()
    return {"published": published, "waiting": waiting}


def post(petition, body, user=None):
    return requests.post(
        f"{petition.absolute_url()}/@answer",
        json=body,
        headers=HEADERS,
        auth=(user, PASSWORD) if user else None,
    )


def unchanged(petition, response, response_date, state):
    transaction.begin()
    assert response_of(petition) == response
    assert petition.response_date == response_date
    assert api.content.get_state(petition) == state


class TestRest:
    def test_the_secretary_answers_a_published_petition(self, council):
        petition = council["published"]
        response = post(
            petition, {"response": LATER, "response_date": "2026-11-25"}, "thuky"
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["review_state"] == "published"
        assert body["response_date"] == "2026-11-25"
        assert "20/11/2026" in body["response"]["data"]
        transaction.begin()
        assert "20/11/2026" in petition.response.output
        assert petition.response_date == date(2026, 11, 25)
        assert api.content.get_state(petition) == "published"
        history = petition.workflow_history["voter_petition_workflow"]
        assert "retract" not in [entry["action"] for entry in history]
        # The public reads the new answer at once, page and listing alike.
        page = requests.get(petition.absolute_url())
        assert "20/11/2026" in page.text
        (brain,) = api.portal.get_tool("portal_catalog")(UID=petition.UID())
        assert brain.response_date == date(2026, 11, 25)

    def test_a_waiting_petition_is_answered(self, council):
        petition = council["waiting"]
        response = post(petition, {"response": LATER}, "thuky")
        assert response.status_code == 200, response.text
        assert response.json()["review_state"] == "answered"
        transaction.begin()
        assert api.content.get_state(petition) == "answered"
        assert petition.response_date is not None  # today

    def test_the_rules_of_the_petition_hold(self, council):
        petition = council["published"]
        response = post(
            petition, {"response": LATER, "response_date": "2026-06-01"}, "thuky"
        )
        assert response.status_code == 400, response.text
        error = response.json()["error"]
        assert error["parameter"] == "response_date"
        assert error["message"] == vi(
            _("The response cannot be dated before the meeting with voters.")
        )
        unchanged(petition, FIRST, date(2026, 8, 15), "published")
        response = post(petition, {"response": "  "}, "thuky")
        assert response.status_code == 400, response.text
        assert response.json()["error"]["parameter"] == "response"
        response = post(petition, {"response": LATER, "response_date": "mai"}, "thuky")
        assert response.status_code == 400, response.text
        assert response.json()["error"]["parameter"] == "response_date"
        unchanged(petition, FIRST, date(2026, 8, 15), "published")

    @pytest.mark.parametrize(
        "user,status",
        [("daibieu", 401), ("bientap", 401), ("congdan", 401), (None, 401)],
    )
    @pytest.mark.parametrize("which", ["published", "waiting"])
    def test_refused_to_whoever_is_not_the_secretary(
        self, council, user, status, which
    ):
        petition = council[which]
        before = (
            response_of(petition),
            petition.response_date,
            api.content.get_state(petition),
        )
        response = post(petition, {"response": LATER}, user)
        assert response.status_code == status, response.text
        unchanged(petition, *before)

    def test_the_rest_of_a_published_petition_stays_closed(self, council):
        petition = council["published"]
        title = petition.title
        response = requests.patch(
            petition.absolute_url(),
            json={"title": "Đổi tiêu đề", "response": LATER},
            headers=HEADERS,
            auth=("thuky", PASSWORD),
        )
        assert response.status_code in (401, 403), response.text
        transaction.begin()
        assert petition.title == title
        assert response_of(petition) == FIRST


class TestForm:
    def browser(self, app, user):
        browser = Browser(app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", "vi")
        return browser

    def test_the_secretary_records_the_answer(self, functional_app, council):
        petition = council["published"]
        browser = self.browser(functional_app, "thuky")
        browser.open(f"{petition.absolute_url()}/@@answer-petition")
        assert "UBND xã đã đưa tuyến đường" in browser.contents  # current answer
        assert "form.widgets.title" not in browser.contents  # nothing else
        browser.getControl(name="form.widgets.response").value = LATER
        browser.getControl(name="form.widgets.response_date").value = "2026-11-25"
        browser.getControl(name="form.buttons.save").click()
        assert browser.url == petition.absolute_url()
        assert "20/11/2026" in browser.contents
        transaction.begin()
        assert "20/11/2026" in petition.response.output
        assert petition.response_date == date(2026, 11, 25)
        assert api.content.get_state(petition) == "published"

    def test_the_petition_page_links_the_form_for_the_secretary_only(
        self, functional_app, council
    ):
        petition = council["published"]
        link = f"{petition.absolute_url()}/@@answer-petition"
        browser = self.browser(functional_app, "thuky")
        browser.open(petition.absolute_url())
        assert link in browser.contents
        browser.getLink(url=link).click()
        assert browser.url == link
        for user in ("daibieu", None):
            browser = Browser(functional_app)
            if user:
                browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
            browser.open(petition.absolute_url())
            assert "UBND xã đã đưa tuyến đường" in browser.contents
            assert link not in browser.contents

    def test_a_broken_rule_is_said_and_nothing_stored(self, functional_app, council):
        petition = council["published"]
        browser = self.browser(functional_app, "thuky")
        browser.open(f"{petition.absolute_url()}/@@answer-petition")
        browser.getControl(name="form.widgets.response").value = LATER
        browser.getControl(name="form.widgets.response_date").value = "2026-06-01"
        browser.getControl(name="form.buttons.save").click()
        assert (
            vi(_("The response cannot be dated before the meeting with voters."))
            in browser.contents
        )
        unchanged(petition, FIRST, date(2026, 8, 15), "published")

    @pytest.mark.parametrize("user", ["daibieu", "bientap", "congdan", None])
    def test_refused_to_others(self, functional_app, council, user):
        petition = council["published"]
        browser = Browser(functional_app)
        browser.raiseHttpErrors = False
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        url = f"{petition.absolute_url()}/@@answer-petition"
        browser.open(url)
        assert "form.widgets.response" not in browser.contents
        # Plone's answer to a refusal: log in, or insufficient privileges.
        page = browser.url.split("?")[0]
        assert page.endswith(("/login", "/insufficient-privileges")), page
        browser.post(
            url,
            "form.widgets.response=Tr%E1%BA%A3+l%E1%BB%9Di"
            "&form.widgets.response_date=2026-11-25&form.buttons.save=L%C6%B0u",
        )
        unchanged(petition, FIRST, date(2026, 8, 15), "published")


def test_record_answer_refuses_whoever_may_not(portal):
    section = council_section(portal)
    give_council_role(section, "daibieu", "CouncilDelegate")
    petition = move(make_petition(make_term(section)), "forward")
    with api.env.adopt_user(username="daibieu"), pytest.raises(Unauthorized):
        petitions.record_answer(
            petition, RichTextValue(LATER, "text/html", "text/x-html-safe")
        )
    assert petition.response is None
    assert api.content.get_state(petition) == "forwarded"
