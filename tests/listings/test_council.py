"""The query layer of the council listings (``listings/council.py``):
every filter and facet of sessions and petitions, sorting, batching, the
overdue rule on the day of the listing, a bad parameter named, what each
role finds, and the materials of a page read with one catalog query."""

from Acquisition import aq_base
from commune_portal.listings import facets
from commune_portal.listings.council import natural_key
from commune_portal.listings.council import PetitionListing
from commune_portal.listings.council import SessionListing
from commune_portal.listings.params import BadParameter
from datetime import date
from plone import api
from plone.app.testing import logout
from tests.council_helpers import give_council_role
from tests.council_helpers import listing_council
from tests.council_helpers import PETITIONER
from zope.i18n import translate
import pytest


@pytest.fixture(autouse=True)
def today(frozen_today):
    frozen_today(date(2026, 10, 15))
    facets.clear_cache()


@pytest.fixture
def council(portal):
    return listing_council(portal)


def sessions(context, root=None, **form):
    request = api.portal.get().REQUEST
    request.form = dict(form)
    return SessionListing(context, request, root=root).parse().search()


def petitions(context, root=None, **form):
    request = api.portal.get().REQUEST
    request.form = dict(form)
    return PetitionListing(context, request, root=root).parse().search()


def numbers(listing):
    return [row.session_number for row in listing.rows()]


def ids(listing):
    return [row.url.rsplit("/", 1)[1] for row in listing.rows()]


def facet(listing, name):
    return {entry["token"]: entry["count"] for entry in listing.facets[name]}


class TestSessions:
    def test_newest_first_from_metadata(self, council):
        listing = sessions(council["section"])
        assert numbers(listing) == [2, 1, 11, 10]
        row = listing.rows()[2]
        assert row.title == "Kỳ họp chuyên đề về chuyển đổi số"
        assert row.label == "Kỳ họp thứ Mười một"
        assert row.session_kind == "thematic"
        assert row.session_kind_title == translate(
            "Thematic session", domain="commune_portal", context=listing.request
        )
        assert row.start.year == 2025
        assert row.proceedings_date.year == 2025
        assert row.term_title == "HĐND xã Nghi Dương khóa XX, nhiệm kỳ 2021-2026"
        assert row.term_url == council["terms"]["old"].absolute_url()
        assert row.materials is None
        # Without a title of its own, a session is called by its number.
        first = listing.rows()[0]
        assert first.title == first.label == "Kỳ họp thứ Hai"

    def test_oldest_first(self, council):
        listing = sessions(council["section"], sort_order="ascending")
        assert numbers(listing) == [10, 11, 1, 2]

    def test_by_the_day_they_entered_the_proceedings(self, council):
        listing = sessions(council["section"], sort_on="proceedings_date")
        assert numbers(listing)[:2] == [11, 10]

    def test_term(self, council):
        new = council["terms"]["new"]
        assert numbers(sessions(council["section"], term=new.UID())) == [2, 1]
        # Below the term itself, the same.
        assert numbers(sessions(new)) == [2, 1]

    def test_kind(self, council):
        section = council["section"]
        assert numbers(sessions(section, session_kind="urgent")) == [2]
        assert numbers(sessions(section, session_kind=["urgent", "thematic"])) == [
            2,
            11,
        ]

    def test_year(self, council):
        assert numbers(sessions(council["section"], year="2025")) == [11, 10]

    def test_proceedings(self, council):
        section = council["section"]
        assert numbers(sessions(section, proceedings="true")) == [11, 10]
        assert numbers(sessions(section, proceedings="false")) == [2, 1]

    def test_text(self, council):
        section = council["section"]
        assert numbers(sessions(section, q="chuyen doi so")) == [11]
        # The agenda is searched too.
        assert numbers(sessions(section, q="phát triển kinh tế")) == [10]

    def test_facets_over_the_whole_result(self, council):
        listing = sessions(council["section"], b_size="1")
        assert len(listing.rows()) == 1
        assert listing.total == 4
        assert facet(listing, "session_kind") == {
            "regular": 2,
            "thematic": 1,
            "urgent": 1,
        }
        # Kinds in the order of the vocabulary, years newest first.
        assert [e["token"] for e in listing.facets["session_kind"]] == [
            "regular",
            "thematic",
            "urgent",
        ]
        assert [(e["token"], e["count"]) for e in listing.facets["year"]] == [
            ("2026", 2),
            ("2025", 2),
        ]
        assert listing.facets["term"] == [
            {
                "token": council["terms"]["new"].UID(),
                "title": "HĐND xã Nghi Dương khóa I",
                "count": 2,
            },
            {
                "token": council["terms"]["old"].UID(),
                "title": "HĐND xã Nghi Dương khóa XX, nhiệm kỳ 2021-2026",
                "count": 2,
            },
        ]

    def test_facets_follow_the_filters(self, council):
        listing = sessions(council["section"], year="2026")
        assert facet(listing, "session_kind") == {"regular": 1, "urgent": 1}
        assert sessions(council["section"], facets="false").facets is None

    def test_batching(self, council):
        listing = sessions(council["section"], b_size="3", b_start="3")
        assert numbers(listing) == [10]
        assert listing.brains.actual_result_count == 4
        assert numbers(sessions(council["section"], b_start="10")) == []


class TestMaterials:
    def test_each_session_with_its_materials(self, council):
        listing = sessions(council["section"], materials="true", proceedings="true")
        rows = {row.session_number: row for row in listing.rows()}
        ten = [(m.title, m.portal_type, m.review_state) for m in rows[10].materials]
        # In their order in the session; the manager sees the private draft.
        assert ten == [
            ("Tờ trình về phương án thu gom rác thải", "SessionDocument", "published"),
            ("Nghị quyết về phương án thu gom rác thải", "Resolution", "published"),
            ("Báo cáo thẩm tra (dự thảo nội bộ)", "SessionDocument", "private"),
        ]
        first = rows[10].materials[0]
        assert first.material_kind == "submission"
        assert first.document_number == "30/TTr-UBND"
        assert first.has_file is True
        assert rows[10].materials[1].material_kind is None
        assert rows[11].materials == ()

    def test_only_published_when_asked(self, council):
        request = api.portal.get().REQUEST
        request.form = {"materials": "true"}
        listing = SessionListing(council["section"], request)
        listing.material_states = ("published",)
        listing.parse().search()
        rows = {row.session_number: row for row in listing.rows()}
        assert [m.review_state for m in rows[10].materials] == [
            "published",
            "published",
        ]
        assert rows[1].materials == ()

    def test_one_query_for_the_materials_of_a_page(self, council, monkeypatch):
        """The materials of all sessions of the page, and their terms, come
        from one catalog query each, whatever the number of sessions; no
        object is woken."""
        catalog = api.portal.get_tool("portal_catalog")
        # Without facets (they read the terms already).
        listing = sessions(council["section"], materials="true", facets="false")
        calls = []
        search = type(aq_base(catalog)).searchResults

        def counting(self, *args, **kw):
            calls.append(args[0] if args else kw)
            return search(self, *args, **kw)

        monkeypatch.setattr(type(aq_base(catalog)), "searchResults", counting)
        monkeypatch.setattr(
            type(aq_base(next(iter(listing.brains)))),
            "getObject",
            lambda self, *a: pytest.fail("a brain was woken"),
        )
        rows = listing.rows()
        assert len(rows) == 4
        assert sum(len(row.materials) for row in rows) == 4
        assert sum(len(row.votes) for row in rows) == 0
        assert len(calls) == 2
        materials_and_votes = (
            "SessionDocument",
            "Resolution",
            "Election",
            "ConfidenceVote",
        )
        assert {"CouncilTerm", materials_and_votes} == {
            call["portal_type"]
            if isinstance(call["portal_type"], str)
            else tuple(call["portal_type"])
            for call in calls
        }

    def test_a_delegate_reads_the_circulated_material(self, council):
        give_council_role(council["section"], "daibieu", "CouncilDelegate")
        with api.env.adopt_user(username="daibieu"):
            listing = sessions(council["section"], materials="true")
            rows = {row.session_number: row for row in listing.rows()}
        assert numbers(listing) == [1, 11, 10]  # not the private session 2
        assert [m.review_state for m in rows[1].materials] == ["circulated"]
        assert [m.review_state for m in rows[10].materials] == [
            "published",
            "published",
        ]

    def test_votes_are_not_materials(self, council):
        """Elections and votes of confidence are voted on, not read: the
        listing's materials leave them out, closed or not (their results are
        on the session page and in ``GET <session>/@votes``)."""
        from tests.voting.builders import close_with

        session = council["sessions"][10]
        with api.env.adopt_roles(["Manager"]):
            election = api.content.create(
                session,
                "Election",
                title="Bầu Phó Chủ tịch HĐND xã",
                candidates=[{"name": "Trần Văn Bình", "details": ""}],
            )
            confidence = api.content.create(
                session,
                "ConfidenceVote",
                title="Lấy phiếu tín nhiệm năm 2025",
                officials=[{"name": "Trần Văn Bình", "position": ""}],
            )
            for item in (election, confidence):
                api.content.transition(item, to_state="published")
        close_with(election, {"1": 12}, 14)
        listing = sessions(council["section"], materials="true", proceedings="true")
        rows = {row.session_number: row for row in listing.rows()}
        assert [m.portal_type for m in rows[10].materials] == [
            "SessionDocument",
            "Resolution",
            "SessionDocument",
        ]


class TestWhoSeesWhat:
    def test_anonymous(self, council):
        logout()
        assert numbers(sessions(council["section"])) == [11, 10]
        assert sorted(ids(petitions(council["section"]))) == ["p-old", "p-published"]

    def test_secretary(self, council):
        give_council_role(council["section"], "thuky", "CouncilSecretary")
        with api.env.adopt_user(username="thuky"):
            assert numbers(sessions(council["section"])) == [2, 1, 11, 10]
            assert petitions(council["section"]).total == 6

    def test_a_term_the_caller_may_not_see(self, council):
        """A published session of a private term: listed, without its
        term."""
        term = council["terms"]["old"]
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(term, "retract")
        logout()
        rows = sessions(council["section"]).rows()
        assert [row.term_url for row in rows] == [None, None]
        with pytest.raises(BadParameter) as error:
            sessions(council["section"], term=term.UID())
        assert error.value.name == "term"


class TestPetitions:
    def test_newest_meeting_first_from_metadata(self, council):
        listing = petitions(council["section"])
        assert ids(listing) == [
            "p-answered",
            "p-forwarded",
            "p-published",
            "p-received",
            "p-old",
            "p-no-deadline",  # no meeting date: last
        ]
        row = listing.rows()[3]
        assert row.title == "Đề nghị sửa chữa đường giao thông thôn Đông"
        assert row.meeting_date == date(2026, 6, 20)
        assert row.deadline == date(2026, 9, 30)
        assert row.constituency == "Đơn vị bầu cử số 1"
        assert row.sectors == ("Giao thông vận tải",)
        assert row.responsible_agency == "UBND xã"
        assert row.review_state == "received"
        assert row.review_state_title == translate(
            "Received", domain="plone", context=listing.request
        )
        assert row.overdue is True
        assert row.term_uid == council["terms"]["new"].UID()
        assert not any(value in repr(listing.rows()) for value in PETITIONER.values())

    def test_sort_by_deadline_and_title(self, council):
        section = council["section"]
        assert ids(petitions(section, sort_on="deadline")) == [
            "p-old",
            "p-answered",
            "p-published",
            "p-received",
            "p-forwarded",
            "p-no-deadline",  # none: last
        ]
        # Vietnamese order: "cấp" before "lắp", "nạo", "sửa" …
        assert ids(petitions(section, sort_on="title"))[:3] == [
            "p-forwarded",
            "p-answered",
            "p-published",
        ]

    def test_status(self, council):
        section = council["section"]
        assert sorted(ids(petitions(section, status="forwarded"))) == [
            "p-forwarded",
            "p-no-deadline",
        ]
        assert sorted(ids(petitions(section, status=["received", "answered"]))) == [
            "p-answered",
            "p-received",
        ]

    def test_sector_by_token_or_as_written(self, council):
        section = council["section"]
        assert sorted(ids(petitions(section, sector="giao-thong-van-tai"))) == [
            "p-answered",
            "p-received",
        ]
        assert ids(petitions(section, sector="Đất đai")) == ["p-forwarded"]
        assert len(ids(petitions(section, sector=["dat-dai", "nong-nghiep"]))) == 2

    def test_constituency(self, council):
        section = council["section"]
        assert sorted(ids(petitions(section, constituency="Đơn vị bầu cử số 2"))) == [
            "p-forwarded",
            "p-no-deadline",
        ]
        # Written with other spaces or decomposed, the same.
        assert len(ids(petitions(section, constituency=" Đơn  vị bầu cử số 2"))) == 2

    def test_term(self, council):
        section = council["section"]
        old = council["terms"]["old"]
        assert ids(petitions(section, term=old.UID())) == ["p-old"]
        assert ids(petitions(old)) == ["p-old"]

    def test_text(self, council):
        section = council["section"]
        assert ids(petitions(section, q="nao vet kenh")) == ["p-published"]
        # The response is searched too.
        assert ids(petitions(section, q="quý III/2026")) == ["p-published"]

    def test_overdue(self, council):
        """Deadline passed (before today), not answered: the deadline day
        itself is not late, an answered or published petition never is."""
        section = council["section"]
        assert ids(petitions(section, overdue="true")) == ["p-received"]
        assert sorted(ids(petitions(section, overdue="false"))) == [
            "p-answered",
            "p-forwarded",
            "p-no-deadline",
            "p-old",
            "p-published",
        ]
        assert [r.uid for r in petitions(section).rows() if r.overdue] == [
            council["petitions"]["p-received"].UID()
        ]

    def test_overdue_changes_with_the_day(self, council, frozen_today):
        section = council["section"]
        frozen_today(date(2026, 9, 30))  # the deadline day itself
        assert ids(petitions(section, overdue="true")) == []
        frozen_today(date(2027, 1, 1))
        assert sorted(ids(petitions(section, overdue="true"))) == [
            "p-forwarded",
            "p-received",
        ]

    def test_overdue_with_a_status(self, council):
        section = council["section"]
        assert ids(petitions(section, overdue="true", status="received")) == [
            "p-received"
        ]
        assert ids(petitions(section, overdue="true", status="published")) == []
        assert ids(petitions(section, overdue="false", status="received")) == []

    def test_facets(self, council):
        listing = petitions(council["section"], b_size="2")
        assert listing.total == 6
        assert listing.facets["status"] == [
            {
                "token": token,
                "title": translate(title, domain="plone", context=listing.request),
                "count": count,
            }
            for token, title, count in (
                ("received", "Received", 1),
                ("forwarded", "Forwarded", 2),
                ("answered", "Answered", 1),
                ("published", "Published", 2),
            )
        ]
        assert facet(listing, "sector") == {
            "giao-thong-van-tai": 2,
            "dat-dai": 1,
            "nong-nghiep": 1,
            "an-ninh-trat-tu": 1,
            "van-hoa-the-thao-va-du-lich": 1,
        }
        assert listing.facets["sector"][0]["title"] == "Giao thông vận tải"
        # Constituencies in their numbers' order.
        assert [e["token"] for e in listing.facets["constituency"]] == [
            "Đơn vị bầu cử số 1",
            "Đơn vị bầu cử số 2",
            "Đơn vị bầu cử số 3",
            "Đơn vị bầu cử số 10",
        ]
        assert facet(listing, "constituency")["Đơn vị bầu cử số 1"] == 2
        assert [(e["title"], e["count"]) for e in listing.facets["term"]] == [
            ("HĐND xã Nghi Dương khóa I", 5),
            ("HĐND xã Nghi Dương khóa XX, nhiệm kỳ 2021-2026", 1),
        ]
        assert facet(listing, "overdue") == {"true": 1}

    def test_facets_of_a_filtered_result(self, council):
        listing = petitions(council["section"], status="published")
        assert facet(listing, "status") == {"published": 2}
        assert listing.facets["overdue"] == []
        assert facet(petitions(council["section"], overdue="false"), "status") == {
            "forwarded": 2,
            "answered": 1,
            "published": 2,
        }

    def test_a_delegate_follows_every_petition(self, council):
        give_council_role(council["section"], "daibieu", "CouncilDelegate")
        with api.env.adopt_user(username="daibieu"):
            assert petitions(council["section"]).total == 6


@pytest.mark.parametrize(
    "listing,form,parameter",
    [
        (sessions, {"session_kind": "special"}, "session_kind"),
        (sessions, {"year": "2025a"}, "year"),
        (sessions, {"proceedings": "có"}, "proceedings"),
        (sessions, {"materials": "all"}, "materials"),
        (sessions, {"term": "not-a-uid"}, "term"),
        (sessions, {"term": ["a", "b"]}, "term"),
        (sessions, {"sort_on": "title"}, "sort_on"),
        (sessions, {"q": "(kỳ họp"}, "q"),
        (sessions, {"b_size": "0"}, "b_size"),
        (petitions, {"status": "closed"}, "status"),
        (petitions, {"overdue": "maybe"}, "overdue"),
        (petitions, {"constituency": ["1", "2"]}, "constituency"),
        (petitions, {"term": "00000000000000000000000000000000"}, "term"),
        (petitions, {"sort_on": "deadline_day"}, "sort_on"),
        (petitions, {"sort_order": "up"}, "sort_order"),
        (petitions, {"b_start": "-5"}, "b_start"),
        (petitions, {"facets": "2"}, "facets"),
    ],
)
def test_bad_parameter_named(council, listing, form, parameter):
    with pytest.raises(BadParameter) as error:
        listing(council["section"], **form)
    assert error.value.name == parameter
    assert "${" not in translate(error.value.message, target_language="vi")


def test_a_term_uid_of_another_type_is_refused(council):
    session_uid = council["sessions"][10].UID()
    with pytest.raises(BadParameter) as error:
        petitions(council["section"], term=session_uid)
    assert error.value.name == "term"


def test_natural_order():
    names = ["Đơn vị số 10", "Đơn vị số 2", "Đông", "Đơn vị số 1", "Zeta"]
    # ô before ơ in the Vietnamese alphabet.
    assert sorted(names, key=natural_key) == [
        "Đông",
        "Đơn vị số 1",
        "Đơn vị số 2",
        "Đơn vị số 10",
        "Zeta",
    ]
