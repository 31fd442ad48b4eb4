"""``GET @council-sessions``: the items and their materials as integrators
read them, filters and facets over HTTP, batching, a 400 naming each bad
parameter, and what a visitor, a delegate and the secretary see."""

from datetime import date
from plone import api
from zope.i18n import translate
import pytest
import requests
import transaction


HEADERS = {"Accept": "application/json", "Accept-Language": "vi"}


def vi(message):
    """A title of the add-on's vocabularies as a Vietnamese reader gets it."""
    return translate(message, domain="commune_portal", target_language="vi")


@pytest.fixture(autouse=True)
def today(frozen_today):
    frozen_today(date(2026, 10, 15))


def get(context, auth=None, **params):
    return requests.get(
        f"{context.absolute_url()}/@council-sessions",
        params=params,
        headers=HEADERS,
        auth=auth,
    )


def body(response):
    assert response.status_code == 200, response.text
    return response.json()


def numbers(response):
    return [item["session_number"] for item in body(response)["items"]]


class TestItems:
    def test_a_session_as_integrators_read_it(self, council):
        data = body(get(council["section"]))
        assert data["@id"] == f"{council['section'].absolute_url()}/@council-sessions"
        assert data["items_total"] == 2  # a visitor: the published ones
        item = data["items"][0]
        session = council["sessions"][11]
        assert item == {
            "@id": session.absolute_url(),
            "UID": session.UID(),
            "@type": "CouncilSession",
            "title": "Kỳ họp chuyên đề về chuyển đổi số",
            "description": "",
            "label": "Kỳ họp thứ Mười một",
            "session_number": 11,
            "session_kind": {"token": "thematic", "title": vi("Thematic session")},
            "start": "2025-12-15T08:00:00+07:00",
            "end": "2025-12-15T17:00:00+07:00",
            "location": "Hội trường UBND xã",
            "review_state": "published",
            "proceedings_date": "2025-12-20T09:00:00+07:00",
            "term": {
                "@id": council["terms"]["old"].absolute_url(),
                "title": "HĐND xã Nghi Dương khóa XX, nhiệm kỳ 2021-2026",
            },
        }

    def test_materials(self, council):
        data = body(get(council["section"], materials="true"))
        ten = data["items"][1]
        assert ten["session_number"] == 10
        submission = council["materials"]["submission"]
        assert ten["materials"] == [
            {
                "@id": submission.absolute_url(),
                "UID": submission.UID(),
                "@type": "SessionDocument",
                "title": "Tờ trình về phương án thu gom rác thải",
                "material_kind": {"token": "submission", "title": vi("Submission")},
                "document_number": "30/TTr-UBND",
                "review_state": "published",
                "file": f"{submission.absolute_url()}/@@download/file",
            },
            {
                "@id": council["materials"]["resolution"].absolute_url(),
                "UID": council["materials"]["resolution"].UID(),
                "@type": "Resolution",
                "title": "Nghị quyết về phương án thu gom rác thải",
                "material_kind": None,
                "document_number": "12/NQ-HĐND",
                "review_state": "published",
                "file": (
                    f"{council['materials']['resolution'].absolute_url()}"
                    "/@@download/file"
                ),
                "vote_result": None,  # no vote closed on it
            },
        ]
        assert ten["votes"] == []
        assert data["items"][0]["materials"] == []
        # Without materials=true, no materials key.
        assert "materials" not in body(get(council["section"]))["items"][0]
        assert "votes" not in body(get(council["section"]))["items"][0]

    def test_results_of_the_votes(self, council, secretary):
        """A resolution carries the frozen result of its vote; the session's
        elections and votes of confidence come under ``votes`` with
        theirs; a visitor sees the published ones only; who was present or
        voted is never there."""
        from commune_portal.voting.interfaces import IVoteKind
        from commune_portal.voting.result import freeze
        from tests.helpers import reach_state

        resolution = council["materials"]["resolution"]
        session = resolution.__parent__
        delegates = [f"uid-{n}" for n in range(15)]
        with api.env.adopt_roles(["Manager"]):
            freeze(
                resolution,
                yes=12,
                no=1,
                abstain=1,
                seats=15,
                present=delegates[:14],
                voted=delegates[:14],
            )
            resolution.reindexObject()
            election = api.content.create(
                session,
                "Election",
                id="bau-pho-chu-tich",
                title="Bầu Phó Chủ tịch HĐND xã",
                seats_to_fill=1,
                candidates=[
                    {"name": "Nguyễn Văn An", "details": ""},
                    {"name": "Trần Thị Bình", "details": ""},
                ],
            )
            kind = IVoteKind(election)
            kind.freeze(
                {"1": 10, "2": 4},
                14,
                15,
                kind.options(),
                present=delegates[:14],
                voted=delegates[:14],
                ballot="secret",
            )
            reach_state(election)
            api.content.create(
                session,
                "ConfidenceVote",
                id="lay-phieu-tin-nhiem",
                title="Lấy phiếu tín nhiệm năm 2026",
                officials=[{"name": "Lê Văn Cường", "position": "Chủ tịch UBND xã"}],
            )  # private, not voted yet
        transaction.commit()

        for auth in (None, secretary):
            data = body(get(council["section"], auth=auth, materials="true"))
            (ten,) = [i for i in data["items"] if i["session_number"] == 10]
            (listed,) = [m for m in ten["materials"] if m["@type"] == "Resolution"]
            outcome = listed["vote_result"]
            assert (outcome["yes"], outcome["no"], outcome["abstain"]) == (12, 1, 1)
            assert outcome["adopted"] is True
            assert outcome["total_delegates"] == 15
            assert "present" not in outcome and "voted" not in outcome
            votes = {v["@type"]: v for v in ten["votes"]}
            elected = votes["Election"]
            assert elected["@id"] == election.absolute_url()
            assert elected["review_state"] == "published"
            assert elected["vote_result"]["elected"] == ["Nguyễn Văn An"]
            assert [c["votes"] for c in elected["vote_result"]["candidates"]] == [
                10,
                4,
            ]
            assert "uid-0" not in str(ten)
            if auth is None:
                assert list(votes) == ["Election"]
            else:
                assert votes["ConfidenceVote"]["vote_result"] is None
                assert votes["ConfidenceVote"]["review_state"] == "private"

    def test_site_root_and_term(self, council, functional_portal):
        assert numbers(get(functional_portal)) == [11, 10]
        assert numbers(get(council["terms"]["new"])) == []
        assert numbers(get(council["terms"]["old"])) == [11, 10]


class TestWhoSeesWhat:
    def test_a_delegate_reads_circulated_materials(self, council, delegate):
        data = body(get(council["section"], auth=delegate, materials="true"))
        assert [i["session_number"] for i in data["items"]] == [1, 11, 10]
        first = data["items"][0]
        assert first["review_state"] == "circulated"
        assert [m["review_state"] for m in first["materials"]] == ["circulated"]
        # Not the secretary's private draft of session 10.
        assert [m["title"] for m in data["items"][2]["materials"]] == [
            "Tờ trình về phương án thu gom rác thải",
            "Nghị quyết về phương án thu gom rác thải",
        ]

    def test_the_secretary_sees_everything(self, council, secretary):
        data = body(get(council["section"], auth=secretary, materials="true"))
        assert [i["session_number"] for i in data["items"]] == [2, 1, 11, 10]
        assert data["items"][0]["review_state"] == "private"
        assert [m["review_state"] for m in data["items"][3]["materials"]] == [
            "published",
            "published",
            "private",
        ]

    def test_a_visitor_sees_no_circulated_material(self, council):
        data = body(get(council["section"], materials="true"))
        states = {
            m["review_state"] for item in data["items"] for m in item["materials"]
        }
        assert states == {"published"}


class TestFilters:
    def test_term(self, council, secretary):
        term = council["terms"]["new"].UID()
        assert numbers(get(council["section"], auth=secretary, term=term)) == [2, 1]

    def test_kind_and_year(self, council, secretary):
        section = council["section"]
        assert numbers(get(section, auth=secretary, session_kind="urgent")) == [2]
        assert numbers(get(section, auth=secretary, year="2025")) == [11, 10]

    def test_proceedings(self, council, secretary):
        section = council["section"]
        assert numbers(get(section, auth=secretary, proceedings="true")) == [11, 10]
        assert numbers(get(section, auth=secretary, proceedings="false")) == [2, 1]

    def test_text(self, council):
        assert numbers(get(council["section"], q="chuyển đổi số")) == [11]

    def test_facets(self, council, secretary):
        data = body(get(council["section"], auth=secretary))
        assert data["facets"]["session_kind"] == [
            {"token": "regular", "title": vi("Regular session"), "count": 2},
            {"token": "thematic", "title": vi("Thematic session"), "count": 1},
            {"token": "urgent", "title": vi("Session on urgent matters"), "count": 1},
        ]
        assert data["facets"]["year"] == [
            {"token": "2026", "title": "2026", "count": 2},
            {"token": "2025", "title": "2025", "count": 2},
        ]
        assert [e["count"] for e in data["facets"]["term"]] == [2, 2]
        assert "facets" not in body(get(council["section"], facets="false"))

    def test_batching(self, council, secretary):
        data = body(get(council["section"], auth=secretary, b_size="3"))
        assert data["items_total"] == 4
        assert len(data["items"]) == 3
        assert set(data["batching"]) >= {"@id", "first", "next", "last"}
        page = body(
            requests.get(data["batching"]["next"], headers=HEADERS, auth=secretary)
        )
        assert [i["session_number"] for i in page["items"]] == [10]


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"session_kind": "bat-thuong"}, "session_kind"),
        ({"year": "hai nghìn"}, "year"),
        ({"proceedings": "có"}, "proceedings"),
        ({"materials": "tất cả"}, "materials"),
        ({"term": "khong-co"}, "term"),
        ({"sort_on": "title"}, "sort_on"),
        ({"sort_order": "up"}, "sort_order"),
        ({"b_size": "1000"}, "b_size"),
        ({"b_start": "x"}, "b_start"),
        ({"facets": "maybe"}, "facets"),
        ({"q": "(kỳ họp"}, "q"),
        ({"status": "published"}, "status"),  # a petitions filter
    ],
)
def test_bad_parameter(council, params, parameter):
    response = get(council["section"], **params)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["parameter"] == parameter
    assert error["message"] and "${" not in error["message"]


def test_a_private_term_is_no_filter_for_a_visitor(council):
    """A visitor cannot probe a term they may not see: the same 400 as for
    no term at all."""
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(council["terms"]["new"], "retract")
    transaction.commit()
    response = get(council["section"], term=council["terms"]["new"].UID())
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "term"
