"""``GET @voter-petitions``: the items as integrators read them, filters and
facets over HTTP, overdue, batching, a 400 naming each bad parameter, what
a visitor, a delegate and the secretary see, and who raised a petition in
no answer: not in the listing, not found by its text, not by ``@search``,
whoever asks."""

from datetime import date
from tests.council_helpers import PETITIONER
from zope.i18n import translate
import pytest
import requests


HEADERS = {"Accept": "application/json", "Accept-Language": "vi"}


@pytest.fixture(autouse=True)
def today(frozen_today):
    frozen_today(date(2026, 10, 15))


def get(context, auth=None, endpoint="@voter-petitions", **params):
    return requests.get(
        f"{context.absolute_url()}/{endpoint}",
        params=params,
        headers=HEADERS,
        auth=auth,
    )


def body(response):
    assert response.status_code == 200, response.text
    return response.json()


def ids(response):
    return sorted(item["@id"].rsplit("/", 1)[1] for item in body(response)["items"])


def no_petitioner(text):
    for value in PETITIONER.values():
        assert value not in text
    assert "petitioner" not in text
    assert "Khiếu" not in text


class TestItems:
    def test_a_petition_as_integrators_read_it(self, council, secretary):
        data = body(get(council["section"], auth=secretary, status="received"))
        petition = council["petitions"]["p-received"]
        assert data["items"] == [
            {
                "@id": petition.absolute_url(),
                "UID": petition.UID(),
                "@type": "VoterPetition",
                "title": "Đề nghị sửa chữa đường giao thông thôn Đông",
                "description": "",
                "source_meeting": "Tiếp xúc cử tri trước Kỳ họp thứ Tư, thôn Đông",
                "meeting_date": "2026-06-20",
                "constituency": "Đơn vị bầu cử số 1",
                "sectors": ["Giao thông vận tải"],
                "responsible_agency": "UBND xã",
                "deadline": "2026-09-30",
                "response_date": None,
                "review_state": {"token": "received", "title": "Đã tiếp nhận"},
                "overdue": True,
            }
        ]

    def test_site_root_and_term(self, council, functional_portal):
        assert ids(get(functional_portal)) == ["p-old", "p-published"]
        assert ids(get(council["terms"]["old"])) == ["p-old"]


class TestWhoSeesWhat:
    def test_a_visitor_sees_published_petitions(self, council):
        data = body(get(council["section"]))
        assert data["items_total"] == 2
        assert {i["review_state"]["token"] for i in data["items"]} == {"published"}
        assert [(e["token"], e["count"]) for e in data["facets"]["status"]] == [
            ("published", 2)
        ]

    def test_a_delegate_follows_all(self, council, delegate):
        assert len(ids(get(council["section"], auth=delegate))) == 6

    def test_the_secretary_follows_all(self, council, secretary):
        assert len(ids(get(council["section"], auth=secretary))) == 6


class TestWhoRaisedIt:
    """Who raised a petition is kept for the council: in no listing, and
    not even the secretary finds a petition by it (it is not indexed)."""

    @pytest.mark.parametrize("role", [None, "delegate", "secretary"])
    def test_never_in_the_listing(self, council, request, role):
        auth = request.getfixturevalue(role) if role else None
        response = get(council["section"], auth=auth, b_size="50")
        assert response.status_code == 200
        no_petitioner(response.text)

    @pytest.mark.parametrize("role", [None, "secretary"])
    @pytest.mark.parametrize(
        "text", ["Trịnh Văn Khiếu", "trinh van khieu", "Hòe Nhai", "0912 345 678"]
    )
    def test_not_found_by_it(self, council, request, role, text):
        auth = request.getfixturevalue(role) if role else None
        assert body(get(council["section"], auth=auth, q=text))["items_total"] == 0
        found = body(
            get(council["section"], auth=auth, endpoint="@search", SearchableText=text)
        )
        assert found["items_total"] == 0

    def test_the_secretary_finds_the_petition_by_its_content(self, council, secretary):
        """The same search finds the petition by what it says."""
        phrase = '"sửa chữa đường giao thông"'
        response = get(council["section"], auth=secretary, q=phrase)
        assert ids(response) == ["p-received"]
        found = body(
            get(
                council["section"],
                auth=secretary,
                endpoint="@search",
                SearchableText=phrase,
            )
        )
        assert found["items_total"] == 1


class TestFilters:
    def test_status_repeatable(self, council, secretary):
        response = get(
            council["section"], auth=secretary, status=["received", "answered"]
        )
        assert ids(response) == ["p-answered", "p-received"]

    def test_sector_constituency_term(self, council, secretary):
        section = council["section"]
        assert ids(get(section, auth=secretary, sector="giao-thong-van-tai")) == [
            "p-answered",
            "p-received",
        ]
        assert ids(get(section, auth=secretary, constituency="Đơn vị bầu cử số 2")) == [
            "p-forwarded",
            "p-no-deadline",
        ]
        old = council["terms"]["old"].UID()
        assert ids(get(section, auth=secretary, term=old)) == ["p-old"]

    def test_overdue(self, council, secretary):
        section = council["section"]
        assert ids(get(section, auth=secretary, overdue="true")) == ["p-received"]
        assert len(ids(get(section, auth=secretary, overdue="false"))) == 5
        # A visitor sees no unanswered petition, so none overdue.
        assert ids(get(section, overdue="true")) == []

    def test_facets(self, council, secretary):
        facets = body(get(council["section"], auth=secretary))["facets"]
        assert [(e["token"], e["count"]) for e in facets["status"]] == [
            ("received", 1),
            ("forwarded", 2),
            ("answered", 1),
            ("published", 2),
        ]
        assert facets["status"][0]["title"] == "Đã tiếp nhận"
        assert facets["sector"][0] == {
            "token": "giao-thong-van-tai",
            "title": "Giao thông vận tải",
            "count": 2,
        }
        assert [e["token"] for e in facets["constituency"]] == [
            "Đơn vị bầu cử số 1",
            "Đơn vị bầu cử số 2",
            "Đơn vị bầu cử số 3",
            "Đơn vị bầu cử số 10",
        ]
        assert facets["overdue"] == [
            {
                "token": "true",
                "title": translate(
                    "Overdue", domain="commune_portal", target_language="vi"
                ),
                "count": 1,
            }
        ]
        assert [e["count"] for e in facets["term"]] == [5, 1]

    def test_sort_and_batching(self, council, secretary):
        data = body(
            get(council["section"], auth=secretary, sort_on="deadline", b_size="2")
        )
        assert data["items_total"] == 6
        assert [i["deadline"] for i in data["items"]] == ["2024-12-31", "2026-08-31"]
        last = body(
            get(
                council["section"],
                auth=secretary,
                sort_on="deadline",
                b_size="2",
                b_start="4",
            )
        )
        assert [i["deadline"] for i in last["items"]] == ["2026-12-31", None]
        assert "next" not in last["batching"]


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"status": "closed"}, "status"),
        ({"sector": ["a", ""], "overdue": "có"}, "overdue"),
        ({"constituency": ["1", "2"]}, "constituency"),
        ({"term": "khong-co"}, "term"),
        ({"sort_on": "created"}, "sort_on"),
        ({"sort_order": "desc-asc"}, "sort_order"),
        ({"b_size": "0"}, "b_size"),
        ({"b_start": "-1"}, "b_start"),
        ({"facets": "2"}, "facets"),
        ({"q": "(đường"}, "q"),
        ({"q": ["a", "b"]}, "q"),
        ({"petitioner_name": "Trịnh"}, "petitioner_name"),  # no such filter
    ],
)
def test_bad_parameter(council, params, parameter):
    response = get(council["section"], **params)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["parameter"] == parameter
    assert error["message"] and "${" not in error["message"]
