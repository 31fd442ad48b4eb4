"""Anonymous citizens send questions: ``POST <section>/@questions`` and the
``@@ask-question`` form. Every field checked with its own message, the
honeypot, the rate limit, the attachments' size and type; nothing stored
on any refusal."""

from commune_portal import _
from commune_portal.content.citizen_question import AttachmentTypeNotAllowed
from commune_portal.content.citizen_question import InvalidEmail
from commune_portal.content.citizen_question import InvalidPhone
from commune_portal.questions.submission import CONTACT_MISSING
from commune_portal.services.questions.post import NOT_A_SECTION
from commune_portal.services.questions.post import TOO_MANY
from plone import api
from tests.questions.helpers import ASKER
from tests.questions.helpers import attachment
from tests.questions.helpers import HEADERS
from tests.questions.helpers import PDF
from tests.questions.helpers import PNG
from tests.questions.helpers import questions_in
from tests.questions.helpers import valid
from tests.questions.helpers import vi
import pytest
import re
import requests
import transaction
import unicodedata


CODE = re.compile(r"^XA-HD-20\d\d-\d{6}$")


def post(section, data, **kwargs):
    return requests.post(
        f"{section.absolute_url()}/@questions",
        json=data,
        headers=kwargs.pop("headers", HEADERS),
        **kwargs,
    )


def field_errors(response):
    assert response.status_code == 400, response.text
    body = response.json()["error"]
    assert body["type"] == "BadRequest"
    return {error["field"]: error["message"] for error in body["errors"]}


class TestValid:
    def test_stored_with_its_code(self, section):
        response = post(section, valid())
        assert response.status_code == 201, response.text
        body = response.json()
        assert CODE.match(body["code"])
        assert body["review_state"] == "submitted"
        assert body["status_url"].endswith("/hoi-dap/@@question-status")
        (question,) = questions_in(section)
        assert question.getId() == body["code"].lower()
        assert question.tracking_code == body["code"]
        assert question.title == "Đăng ký khai sinh cho con sinh ở nước ngoài"
        assert question.sector == "Hộ tịch"  # the token's entry
        assert question.asker_name == ASKER["asker_name"]
        assert question.asker_phone == "0912345678"  # normalised
        assert question.asker_email == ASKER["asker_email"]
        assert question.asker_consent is True
        assert api.content.get_state(question) == "submitted"
        # Nobody's Owner, no creator: the citizen is anonymous.
        assert not getattr(question, "__ac_local_roles__", None)
        assert question.listCreators() == ()

    def test_codes_follow_each_other(self, section):
        first = post(section, valid()).json()["code"]
        second = post(section, valid(title="Câu hỏi thứ hai về hộ tịch")).json()["code"]
        assert int(second[-6:]) == int(first[-6:]) + 1
        assert second[:-6] == first[:-6]

    def test_prefix_from_the_settings(self, section):
        api.portal.set_registry_record("commune_portal.question_code_prefix", "PND-HD")
        transaction.commit()
        code = post(section, valid()).json()["code"]
        assert code.startswith("PND-HD-20")

    def test_text_normalised_to_nfc(self, section):
        decomposed = unicodedata.normalize("NFD", "Hỏi về đất đai  ở thôn 4")
        response = post(
            section,
            valid(
                title=decomposed, asker_name=unicodedata.normalize("NFD", "Lê Văn Đức")
            ),
        )
        assert response.status_code == 201, response.text
        (question,) = questions_in(section)
        assert question.title == "Hỏi về đất đai ở thôn 4"
        assert unicodedata.is_normalized("NFC", question.title)
        assert question.asker_name == "Lê Văn Đức"

    def test_phone_only_or_email_only(self, section):
        assert post(section, valid(asker_email=None)).status_code == 201
        assert post(section, valid(asker_phone=None)).status_code == 201
        assert len(questions_in(section)) == 2

    def test_with_attachments(self, section):
        files = [attachment("don-de-nghi.pdf", PDF), attachment("anh.png", PNG)]
        response = post(section, valid(attachments=files))
        assert response.status_code == 201, response.text
        (question,) = questions_in(section)
        assert question.attachment_1.filename == "don-de-nghi.pdf"
        assert question.attachment_1.contentType == "application/pdf"
        assert question.attachment_2.contentType == "image/png"
        assert question.attachment_3 is None

    def test_sector_may_be_left_out(self, section):
        assert post(section, valid(sector=None)).status_code == 201


# field -> (value, the message meant)
INVALID = {
    "title": ("", _("Write the subject of your question.")),
    "question": ("Hỏi?", None),  # too short
    "asker_name": ("   ", _("Write your full name.")),
    "asker_address": ("", None),
    "asker_phone": ("12345", InvalidPhone.__doc__),
    "asker_email": ("hoa.nguyen@", InvalidEmail.__doc__),
    "sector": ("khong-co", _("Choose a sector from the list, or leave it empty.")),
    "consent": (False, None),
}


class TestInvalid:
    @pytest.mark.parametrize("name", sorted(INVALID))
    def test_each_field_with_its_message(self, section, name):
        value, message = INVALID[name]
        response = post(section, valid(**{name: value}))
        errors = field_errors(response)
        assert set(errors) == {name}
        assert errors[name]
        if message is not None:
            assert errors[name] == vi(message)
        assert questions_in(section) == []

    def test_no_way_to_reach_the_person(self, section):
        errors = field_errors(post(section, valid(asker_phone=None, asker_email=None)))
        assert errors == {
            "asker_phone": vi(CONTACT_MISSING),
            "asker_email": vi(CONTACT_MISSING),
        }
        assert questions_in(section) == []

    def test_every_error_at_once(self, section):
        response = post(section, {"consent": False})
        errors = field_errors(response)
        assert set(errors) == {
            "title",
            "question",
            "asker_name",
            "asker_address",
            "asker_phone",
            "asker_email",
            "consent",
        }
        # In form order.
        assert [e["field"] for e in response.json()["error"]["errors"]][:2] == [
            "title",
            "question",
        ]

    def test_too_long(self, section):
        errors = field_errors(post(section, valid(title="Hỏi " * 60)))
        assert set(errors) == {"title"}
        assert "200" in errors["title"]

    def test_not_text(self, section):
        errors = field_errors(post(section, valid(asker_name=["Nguyễn", "Hoa"])))
        assert set(errors) == {"asker_name"}

    def test_unknown_field_named(self, section):
        response = post(section, valid(cmnd="012345678901"))
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == "cmnd"
        assert questions_in(section) == []

    def test_phone_numbers(self, section):
        for number in ("+84 912 345 678", "0225.3123.456", "(091) 234-5678"):
            assert post(section, valid(asker_phone=number)).status_code == 201, number
        for number in ("0123456789", "091234567", "+1 415 555 0100"):
            errors = field_errors(post(section, valid(asker_phone=number)))
            assert set(errors) == {"asker_phone"}, number


class TestAttachments:
    def test_oversized_refused(self, section):
        api.portal.set_registry_record("commune_portal.max_upload_size", 1)
        transaction.commit()
        big = PDF + b"0" * (1024 * 1024)
        errors = field_errors(
            post(section, valid(attachments=[attachment("a.pdf", big)]))
        )
        assert set(errors) == {"attachments"}
        assert "1,1" in errors["attachments"] or "1.1" in errors["attachments"]
        assert questions_in(section) == []

    @pytest.mark.parametrize(
        "filename,data",
        [
            ("virus.exe", b"MZ\x90\x00" + b"\x00" * 20),
            ("giay-to.pdf", b"MZ\x90\x00" + b"\x00" * 20),  # renamed
            ("anh.gif", b"GIF89a" + b"\x00" * 20),
            ("trang.html", b"<html><script>alert(1)</script></html>"),
        ],
    )
    def test_type_refused(self, section, filename, data):
        errors = field_errors(
            post(section, valid(attachments=[attachment(filename, data)]))
        )
        assert errors == {"attachments": vi(AttachmentTypeNotAllowed.__doc__)}
        assert questions_in(section) == []

    def test_too_many(self, section):
        files = [attachment(f"{n}.pdf", PDF) for n in range(4)]
        errors = field_errors(post(section, valid(attachments=files)))
        assert set(errors) == {"attachments"}
        assert questions_in(section) == []

    def test_not_base64(self, section):
        files = [{"filename": "a.pdf", "data": "không phải base64"}]
        errors = field_errors(post(section, valid(attachments=files)))
        assert set(errors) == {"attachments"}

    def test_empty_file(self, section):
        errors = field_errors(
            post(section, valid(attachments=[attachment("a.pdf", b"")]))
        )
        assert set(errors) == {"attachments"}


class TestAbuse:
    def test_honeypot_looks_accepted_but_stores_nothing(self, section):
        response = post(section, valid(website="http://spam.example"))
        assert response.status_code == 201
        assert CODE.match(response.json()["code"])
        assert questions_in(section) == []
        # No number was taken: the next real question is the first.
        code = post(section, valid()).json()["code"]
        assert code.endswith("-000001")

    def test_rate_limit(self, section):
        api.portal.set_registry_record("commune_portal.question_rate_limit", 2)
        transaction.commit()
        assert post(section, valid()).status_code == 201
        assert post(section, valid()).status_code == 201
        response = post(section, valid())
        assert response.status_code == 429
        assert response.headers["Retry-After"] == "3600"
        assert response.json()["error"]["message"] == vi(TOO_MANY)
        assert len(questions_in(section)) == 2

    def test_refused_questions_do_not_count(self, section):
        """A citizen correcting their form is not a spammer."""
        api.portal.set_registry_record("commune_portal.question_rate_limit", 1)
        transaction.commit()
        for _attempt in range(3):
            assert post(section, valid(asker_email="sai")).status_code == 400
        assert post(section, valid()).status_code == 201

    def test_honeypot_counts(self, section):
        api.portal.set_registry_record("commune_portal.question_rate_limit", 1)
        transaction.commit()
        post(section, valid(website="x"))
        assert post(section, valid()).status_code == 429
        assert questions_in(section) == []

    def test_cross_site_form_refused(self, section):
        response = requests.post(
            f"{section.absolute_url()}/@questions",
            data='{"title": "x"}',
            headers={"Accept": "application/json", "Content-Type": "text/plain"},
        )
        assert response.status_code == 415
        response = post(
            section, valid(), headers={**HEADERS, "Origin": "https://evil.example"}
        )
        assert response.status_code == 403
        assert questions_in(section) == []

    def test_only_where_questions_are_taken(self, section):
        portal = section.aq_parent
        with api.env.adopt_roles(["Manager"]):
            other = api.content.create(portal, "Folder", id="tin-tuc", title="Tin tức")
            api.content.transition(other, "publish")
        transaction.commit()
        response = post(other, valid())
        assert response.status_code == 404
        assert response.json()["error"]["message"] == vi(NOT_A_SECTION)
        assert questions_in(other) == []


def token(html):
    return re.search(r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', html)[
        1
    ]


def form_fields(**changes):
    data = {**valid(), "consent": "on", **changes}
    return {key: value for key, value in data.items() if value is not None}


class TestForm:
    """``@@ask-question``: the same checks, each error next to its field."""

    def url(self, section):
        return f"{section.absolute_url()}/@@ask-question"

    def send(self, section, files=None, **changes):
        page = requests.get(self.url(section))
        assert page.status_code == 200
        data = {"_authenticator": token(page.text), **form_fields(**changes)}
        return requests.post(self.url(section), data=data, files=files or {})

    def test_form_in_vietnamese_with_every_field(self, section):
        html = requests.get(self.url(section)).text
        for name in (
            "title",
            "question",
            "sector",
            "asker_name",
            "asker_address",
            "asker_phone",
            "asker_email",
            "attachment_1",
            "attachment_3",
            "consent",
            "website",
        ):
            assert f'name="{name}"' in html, name
        assert 'value="ho-tich"' in html  # the site's sectors
        assert 'enctype="multipart/form-data"' in html

    def test_valid_shows_the_code(self, section):
        response = self.send(
            section, files={"attachment_1": ("don.pdf", PDF, "application/pdf")}
        )
        assert response.status_code == 200
        (question,) = questions_in(section)
        assert question.tracking_code in response.text
        assert 'class="ask-question-code"' in response.text
        assert question.attachment_1.filename == "don.pdf"
        assert question.asker_consent is True

    def test_errors_next_to_their_fields(self, section):
        response = self.send(section, asker_email="hoa@", asker_name="", consent=None)
        assert response.status_code == 200
        html = response.text
        assert f'id="asker_email-error">{vi(InvalidEmail.__doc__)}' in re.sub(
            r'id="asker_email-error"\s*>', 'id="asker_email-error">', html
        )
        for name in ("asker_email", "asker_name", "consent"):
            assert f'id="{name}-error"' in html, name
            assert f'aria-describedby="{name}-error"' in html or (
                f'{name}-error"' in html
            )
        assert 'id="title-error"' not in html
        # What was typed comes back.
        assert "Đăng ký khai sinh cho con sinh ở nước ngoài" in html
        assert questions_in(section) == []

    def test_oversized_file(self, section):
        api.portal.set_registry_record("commune_portal.max_upload_size", 1)
        transaction.commit()
        big = PDF + b"0" * (1024 * 1024 + 10)
        response = self.send(
            section, files={"attachment_2": ("scan.pdf", big, "application/pdf")}
        )
        assert 'id="attachment_2-error"' in response.text
        assert questions_in(section) == []

    def test_honeypot(self, section):
        response = self.send(section, website="http://spam.example")
        assert response.status_code == 200
        assert 'class="ask-question-code"' in response.text
        assert questions_in(section) == []

    def test_rate_limit(self, section):
        api.portal.set_registry_record("commune_portal.question_rate_limit", 1)
        transaction.commit()
        assert self.send(section).status_code == 200
        response = self.send(section)
        assert response.status_code == 429
        assert len(questions_in(section)) == 1

    def test_without_the_form_token_nothing_is_stored(self, section):
        response = requests.post(self.url(section), data=form_fields())
        assert response.status_code == 200
        assert 'class="alert alert-danger ask-question-summary"' in response.text
        assert questions_in(section) == []

    def test_not_offered_outside_a_questions_section(self, section):
        portal = section.aq_parent
        with api.env.adopt_roles(["Manager"]):
            other = api.content.create(portal, "Folder", id="tin-tuc", title="Tin tức")
            api.content.transition(other, "publish")
        transaction.commit()
        assert requests.get(f"{other.absolute_url()}/@@ask-question").status_code == 404
