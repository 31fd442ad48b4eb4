"""The person asking follows their question with its code and their e-mail
address (or phone number): ``POST @questions/status`` and
``@@question-status``. A wrong address and an unknown code get the same
refusal; guessing is rate-limited."""

from commune_portal.services.questions.post import NOT_FOUND
from plone import api
from tests.questions.helpers import ASKER
from tests.questions.helpers import HEADERS
from tests.questions.helpers import make_question
from tests.questions.helpers import vi
import re
import requests
import transaction


ANSWER = "<p>Ông/bà mang theo bản chính và bản sao giấy tờ cần chứng thực.</p>"


def status(section, **body):
    return requests.post(
        f"{section.absolute_url()}/@questions/status", json=body, headers=HEADERS
    )


def question(section, state="submitted", **kwargs):
    obj = make_question(section, state, **kwargs)
    transaction.commit()
    return obj


class TestRightPair:
    def test_submitted(self, section):
        obj = question(section)
        response = status(section, code=obj.tracking_code, email=ASKER["asker_email"])
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["code"] == obj.tracking_code
        assert body["review_state"] == "submitted"
        assert body["state_title"]
        assert re.match(r"^\d{4}-\d\d-\d\d$", body["submitted"])
        assert body["answer"] is None
        assert body["answered"] is None
        assert body["url"] is None
        # What they gave is not sent back.
        assert ASKER["asker_name"] not in response.text
        assert "0912345678" not in response.text

    def test_answered_shows_the_answer(self, section):
        obj = question(section, "answered", answer=ANSWER)
        body = status(
            section, code=obj.tracking_code, email=ASKER["asker_email"]
        ).json()
        assert body["review_state"] == "answered"
        assert "bản chính và bản sao" in body["answer"]
        assert body["answered"]
        assert body["url"] is None  # not public yet

    def test_published_links_to_the_page(self, section):
        obj = question(section, "published", answer=ANSWER)
        body = status(
            section, code=obj.tracking_code, email=ASKER["asker_email"]
        ).json()
        assert body["review_state"] == "published"
        assert body["url"] == obj.absolute_url()
        assert body["published"]

    def test_rejected_gives_the_reason(self, section):
        obj = question(section, "rejected")
        body = status(
            section, code=obj.tracking_code, email=ASKER["asker_email"]
        ).json()
        assert body["review_state"] == "rejected"
        assert body["rejection_reason"] == "Nội dung không thuộc thẩm quyền của xã."
        assert body["answer"] is None

    def test_code_and_address_as_typed(self, section):
        """Lower case, spaces around, the address in capitals: still theirs."""
        obj = question(section)
        response = status(
            section,
            code=f"  {obj.tracking_code.lower()} ",
            email=ASKER["asker_email"].upper(),
        )
        assert response.status_code == 200

    def test_by_phone(self, section):
        obj = question(section)
        response = status(section, code=obj.tracking_code, phone="+84 912 345 678")
        assert response.status_code == 200


class TestRefused:
    def test_wrong_email_and_unknown_code_look_the_same(self, section):
        obj = question(section)
        wrong_email = status(section, code=obj.tracking_code, email="khac@example.vn")
        unknown = status(section, code="XA-HD-2026-999999", email=ASKER["asker_email"])
        assert wrong_email.status_code == unknown.status_code == 404
        assert wrong_email.json() == unknown.json()
        assert wrong_email.json()["error"]["message"] == vi(NOT_FOUND)

    def test_wrong_phone(self, section):
        obj = question(section)
        assert (
            status(section, code=obj.tracking_code, phone="0987654321").status_code
            == 404
        )

    def test_another_section_does_not_find_it(self, section):
        obj = question(section)
        portal = section.aq_parent
        with api.env.adopt_roles(["Manager"]):
            other = api.content.create(portal, "Folder", id="khac", title="Khác")
            api.content.transition(other, "publish")
        transaction.commit()
        response = status(other, code=obj.tracking_code, email=ASKER["asker_email"])
        assert response.status_code == 404

    def test_missing_parts(self, section):
        response = status(section, code="XA-HD-2026-000001")
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == "email"
        response = status(section, email=ASKER["asker_email"])
        assert response.json()["error"]["parameter"] == "code"
        response = status(section, code="x", email="y", name="Hoa")
        assert response.json()["error"]["parameter"] == "name"

    def test_guessing_is_limited(self, section):
        """After the limit of wrong pairs, even the right pair waits."""
        api.portal.set_registry_record("commune_portal.question_lookup_limit", 3)
        obj = question(section)
        for number in range(3):
            code = f"XA-HD-2026-{900000 + number}"
            assert (
                status(section, code=code, email=ASKER["asker_email"]).status_code
                == 404
            )
        response = status(section, code=obj.tracking_code, email=ASKER["asker_email"])
        assert response.status_code == 429
        assert response.headers["Retry-After"] == "3600"

    def test_right_pairs_do_not_count(self, section):
        api.portal.set_registry_record("commune_portal.question_lookup_limit", 1)
        obj = question(section)
        for _attempt in range(3):
            response = status(
                section, code=obj.tracking_code, email=ASKER["asker_email"]
            )
            assert response.status_code == 200


def token(html):
    return re.search(r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', html)[
        1
    ]


class TestForm:
    def look_up(self, section, code, contact):
        url = f"{section.absolute_url()}/@@question-status"
        page = requests.get(url)
        assert page.status_code == 200
        return requests.post(
            url,
            data={"_authenticator": token(page.text), "code": code, "contact": contact},
        )

    def test_answer_shown(self, section):
        obj = question(section, "published", answer=ANSWER)
        response = self.look_up(section, obj.tracking_code, ASKER["asker_email"])
        assert response.status_code == 200
        assert "bản chính và bản sao" in response.text
        assert obj.absolute_url() in response.text
        assert 'data-state="published"' in response.text

    def test_refusal(self, section):
        obj = question(section, "published", answer=ANSWER)
        response = self.look_up(section, obj.tracking_code, "khac@example.vn")
        assert response.status_code == 404
        assert vi(NOT_FOUND) in response.text
        assert "bản chính và bản sao" not in response.text
