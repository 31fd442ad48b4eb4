"""The published answers: ``GET <section>/@questions`` and the section's
page ``@@questions-view``: search ignoring tone marks, sector filter with
counts, batching, 400 on bad parameters, only what the caller may see."""

from plone import api
from tests.conftest import PASSWORD
from tests.questions.helpers import make_question
import pytest
import requests
import transaction


HEADERS = {"Accept": "application/json"}
ANSWER = "<p>Trả lời của Ủy ban nhân dân xã.</p>"


@pytest.fixture
def answers(section):
    """Five published answers (three in Hộ tịch), one waiting, one rejected."""
    titles = [
        ("Đăng ký khai sinh quá hạn", "Hộ tịch"),
        ("Trích lục kết hôn bị mất", "Hộ tịch"),
        ("Thay đổi họ tên cho con", "Hộ tịch"),
        ("Chứng thực hợp đồng mua bán đất", "Chứng thực"),
        ("Ổn định đời sống sau bão", "Bảo trợ xã hội"),
    ]
    for title, sector in titles:
        make_question(section, "published", answer=ANSWER, title=title, sector=sector)
    make_question(section, "submitted", title="Câu hỏi đang chờ về hộ tịch")
    make_question(section, "rejected", title="Quảng cáo", sector="Hộ tịch")
    transaction.commit()
    return section


def get(section, auth=None, **params):
    return requests.get(
        f"{section.absolute_url()}/@questions",
        params=params,
        headers=HEADERS,
        auth=auth,
    )


def titles(response):
    assert response.status_code == 200, response.text
    return sorted(item["title"] for item in response.json()["items"])


class TestRest:
    def test_published_only(self, answers):
        response = get(answers)
        body = response.json()
        assert body["items_total"] == 5
        item = body["items"][0]
        assert item["@type"] == "CitizenQuestion"
        assert item["review_state"] == "published"
        assert item["published"] and item["answered"] and item["submitted"]
        assert set(item) == {
            "@id",
            "UID",
            "@type",
            "title",
            "description",
            "sector",
            "submitted",
            "answered",
            "published",
            "review_state",
        }

    @pytest.mark.parametrize(
        "text,expected",
        [
            ("khai sinh", ["Đăng ký khai sinh quá hạn"]),
            ("ket hon", ["Trích lục kết hôn bị mất"]),  # no tone marks
            ("on dinh doi song", ["Ổn định đời sống sau bão"]),  # starts with Ổ
            # The sector is searchable; the waiting and rejected questions
            # of that sector are not listed.
            (
                "ho tich",
                [
                    "Thay đổi họ tên cho con",
                    "Trích lục kết hôn bị mất",
                    "Đăng ký khai sinh quá hạn",
                ],
            ),
        ],
    )
    def test_q(self, answers, text, expected):
        assert titles(get(answers, q=text)) == sorted(expected)

    def test_sector_and_facet(self, answers):
        body = get(answers, sector="ho-tich").json()
        assert body["items_total"] == 3
        facet = {f["token"]: f["count"] for f in body["facets"]["sector"]}
        assert facet == {"ho-tich": 3}
        everything = get(answers).json()["facets"]["sector"]
        assert everything[0] == {"token": "ho-tich", "title": "Hộ tịch", "count": 3}
        assert titles(get(answers, sector="Chứng thực")) == [
            "Chứng thực hợp đồng mua bán đất"
        ]

    def test_batching(self, answers):
        body = get(answers, b_size=2).json()
        assert body["items_total"] == 5
        assert len(body["items"]) == 2
        assert "next" in body["batching"]
        last = get(answers, b_size=2, b_start=4).json()
        assert len(last["items"]) == 1

    @pytest.mark.parametrize(
        "params,parameter",
        [
            ({"b_size": "abc"}, "b_size"),
            ({"sort_on": "asker_name"}, "sort_on"),
            ({"review_state": "secret"}, "review_state"),
            ({"asker_email": "x@example.vn"}, "asker_email"),
            ({"q": '"('}, "q"),
        ],
    )
    def test_bad_parameters(self, answers, params, parameter):
        response = get(answers, **params)
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == parameter

    def test_states_only_for_whoever_may_see_them(self, answers, user_with_roles):
        assert titles(get(answers, review_state="submitted")) == []
        user_with_roles("tiepnhan")
        api.user.grant_roles(
            username="tiepnhan", obj=answers, roles=["QuestionModerator"]
        )
        answers.reindexObjectSecurity()
        transaction.commit()
        assert titles(
            get(answers, auth=("tiepnhan", PASSWORD), review_state="submitted")
        ) == ["Câu hỏi đang chờ về hộ tịch"]


class TestPage:
    def test_section_page(self, answers):
        html = requests.get(answers.absolute_url()).text
        assert "questions-listing" in html
        assert "Đăng ký khai sinh quá hạn" in html
        assert "Câu hỏi đang chờ" not in html
        assert "Quảng cáo" not in html
        assert f"{answers.absolute_url()}/@@ask-question" in html
        assert f"{answers.absolute_url()}/@@question-status" in html
        # Moderators' links are for moderators.
        assert "@@questions-moderation" not in html

    def test_search_and_sector(self, answers):
        html = requests.get(
            f"{answers.absolute_url()}/@@questions-view",
            params={"q": "ket hon"},
        ).text
        assert "Trích lục kết hôn bị mất" in html
        assert "Đăng ký khai sinh quá hạn" not in html
        html = requests.get(
            f"{answers.absolute_url()}/@@questions-view",
            params={"sector": "chung-thuc"},
        ).text
        assert "Chứng thực hợp đồng mua bán đất" in html
        assert "Trích lục kết hôn" not in html

    def test_state_cannot_be_asked_on_the_page(self, answers, user_with_roles):
        html = requests.get(
            f"{answers.absolute_url()}/@@questions-view",
            params={"review_state": "rejected"},
            auth=("admin", "secret"),
        ).text
        assert "Quảng cáo" not in html
