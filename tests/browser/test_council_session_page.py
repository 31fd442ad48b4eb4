"""A session's page (``council-session-view``) and the pages of its
materials and resolutions (the document page): agenda, materials in agenda
order then the others, what each reader sees per state, the results of the
votes, the secretary's actions."""

from commune_portal.voting.result import freeze
from datetime import datetime
from lxml import html
from tests.browser.council_pages import browser_of
from tests.browser.council_pages import build_council
from tests.browser.council_pages import council_browsers
from tests.browser.council_pages import page
from tests.browser.council_pages import PDF
from tests.browser.council_pages import status_of
from tests.browser.council_pages import text
from tests.browser.council_pages import texts
from tests.council_helpers import HANOI
from tests.council_helpers import make_session
from tests.helpers import make_document
from tests.helpers import reach_state
from tests.voting.builders import close_with
from types import SimpleNamespace
import pytest
import transaction


@pytest.fixture
def council(functional_portal):
    return build_council(functional_portal)


@pytest.fixture
def browsers(functional_app, council, user_with_roles):
    return council_browsers(functional_app, council, user_with_roles)


def uids(tree, selector):
    return [element.get("data-uid") for element in tree.cssselect(selector)]


class TestHeader:
    def test_label_title_kind_dates_place(self, council, browsers):
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        assert texts(tree, "p.session-label") == ["Kỳ họp thứ Tư"]
        assert texts(tree, "h1") == ["Kỳ họp giữa năm 2025"]
        assert texts(tree, ".session-location") == ["Hội trường UBND xã"]
        dates = texts(tree, ".session-dates")[0]
        assert "15/07/2025" in dates
        assert "08:00" in dates
        assert "16/07/2025" in dates
        assert "11:30" in dates

    def test_a_session_of_one_day(self, council, browsers):
        session = make_session(
            council.term,
            number=6,
            session_kind="urgent",
            start=HANOI.localize(datetime(2025, 12, 10, 8, 0)),
            end=HANOI.localize(datetime(2025, 12, 10, 11, 30)),
        )
        reach_state(session)
        transaction.commit()
        tree = page(browsers.anonymous, session.absolute_url())
        assert texts(tree, ".session-dates") == ["10/12/2025 08:00 - 11:30"]

    def test_a_session_called_by_its_number(self, council, browsers):
        tree = page(browsers.delegate, council.fifth.absolute_url())
        assert texts(tree, "h1") == ["Kỳ họp thứ Năm"]
        # The label is the title: not repeated.
        assert tree.cssselect("p.session-label") == []

    def test_proceedings_note(self, council, browsers):
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        note = texts(tree, ".session-proceedings")
        assert len(note) == 1
        assert "20/07/2025" in note[0]
        tree = page(browsers.delegate, council.fifth.absolute_url())
        assert tree.cssselect(".session-proceedings") == []


class TestAgenda:
    def test_rows_with_their_materials(self, council, browsers):
        tree = page(browsers.delegate, council.fourth.absolute_url())
        rows = tree.cssselect("tr.agenda-row")
        assert [texts(row, ".agenda-time")[0] for row in rows] == ["08:00", "09:30"]
        assert texts(rows[0], ".agenda-presenter") == ["Trưởng Ban Kinh tế - Ngân sách"]
        assert uids(rows[0], ".agenda-materials li") == [council.review.UID()]
        # The delegate reads the circulated invitation.
        assert uids(rows[1], ".agenda-materials li") == [
            council.submission.UID(),
            council.adopted.UID(),
            council.invitation.UID(),
        ]
        link = rows[1].cssselect(".agenda-materials a")[0]
        assert link.get("href") == council.submission.absolute_url()

    def test_public_sees_published_materials_only(self, council, browsers):
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        rows = tree.cssselect("tr.agenda-row")
        assert uids(rows[1], ".agenda-materials li") == [
            council.submission.UID(),
            council.adopted.UID(),
        ]


class TestMaterials:
    def test_in_agenda_order_then_the_others(self, council, browsers):
        tree = page(browsers.secretary, council.fourth.absolute_url())
        assert uids(tree, "tr.session-material") == [
            council.review.UID(),
            council.submission.UID(),
            council.invitation.UID(),
            # Not on the agenda: in the session's order.
            council.report.UID(),
            council.draft.UID(),
        ]

    def test_what_each_reader_sees(self, council, browsers):
        def shown(browser):
            tree = page(browser, council.fourth.absolute_url())
            return set(uids(tree, "tr.session-material"))

        published = {
            council.review.UID(),
            council.submission.UID(),
            council.report.UID(),
        }
        assert shown(browsers.anonymous) == published
        assert shown(browsers.delegate) == published | {council.invitation.UID()}
        assert shown(browsers.secretary) == published | {
            council.invitation.UID(),
            council.draft.UID(),
        }

    def test_row(self, council, browsers):
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        (row,) = [
            row
            for row in tree.cssselect("tr.session-material")
            if row.get("data-uid") == council.submission.UID()
        ]
        assert texts(row, ".material-number") == ["45/TTr-UBND"]
        assert texts(row, ".material-title") == [
            "Tờ trình về kế hoạch đầu tư công năm 2027"
        ]
        assert texts(row, ".material-kind")[0]
        download = row.cssselect("a.material-download")[0]
        assert download.get("href") == (
            f"{council.submission.absolute_url()}/@@download/file"
        )
        assert text(download) == "45-TTr-UBND.pdf"
        assert row.cssselect(".material-size")

    def test_state_badges_for_editors_only(self, council, browsers):
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        assert tree.cssselect("tr.session-material .badge") == []
        tree = page(browsers.delegate, council.fourth.absolute_url())
        assert tree.cssselect("tr.session-material .badge") == []
        tree = page(browsers.secretary, council.fourth.absolute_url())
        states = {
            row.get("data-uid"): row.cssselect(".badge")[0].get("class")
            for row in tree.cssselect("tr.session-material")
        }
        assert "state-circulated" in states[council.invitation.UID()]
        assert "state-private" in states[council.draft.UID()]
        assert "state-published" in states[council.report.UID()]

    def test_download_of_a_published_material(self, council, browsers):
        browsers.anonymous.open(f"{council.submission.absolute_url()}/@@download/file")
        assert browsers.anonymous.contents == PDF


class TestResolutions:
    def test_in_agenda_order_with_results(self, council, browsers):
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        articles = tree.cssselect("article.session-resolution")
        assert [article.get("data-uid") for article in articles] == [
            council.adopted.UID(),
            council.unvoted.UID(),
        ]
        adopted, unvoted = articles
        (box,) = adopted.cssselect(".vote-result")
        assert "vote-adopted" in box.get("class")
        assert texts(box, ".vote-yes")[0].split()[0] == "10"
        assert "15" in texts(box, ".vote-yes")[0]
        assert texts(box, ".vote-no") == ["2"]
        assert texts(box, ".vote-abstain") == ["1"]
        assert texts(box, ".vote-not-voted") == ["2"]
        assert texts(box, ".vote-threshold")
        assert unvoted.cssselect(".vote-result") == []
        assert unvoted.cssselect(".resolution-no-result")

    def test_rejected(self, council, browsers):
        freeze(council.unvoted, yes=7, no=6, abstain=0, seats=15)
        transaction.commit()
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        (article,) = [
            article
            for article in tree.cssselect("article.session-resolution")
            if article.get("data-uid") == council.unvoted.UID()
        ]
        assert "vote-rejected" in article.cssselect(".vote-result")[0].get("class")


def add_vote(session, portal_type, title, rows, **values):
    from plone import api

    field = "candidates" if portal_type == "Election" else "officials"
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            session, portal_type, title=title, **{field: rows}, **values
        )


@pytest.fixture
def votes(council):
    """In the fourth session: a published election of two (closed), a
    published vote of confidence (closed), a published vote of confidence
    not voted yet, an election circulated to the delegates (not closed) and
    a private election (closed). The frozen results name who was present
    and who voted: none of it may reach a page."""
    fourth = council.fourth
    who = [council.hoa.UID(), council.binh.UID(), council.dung.UID()]
    election = add_vote(
        fourth,
        "Election",
        "Bầu Phó Chủ tịch HĐND xã",
        [
            {"name": "Trần Văn Bình", "details": "sinh năm 1975"},
            {"name": "Lê Văn Cường", "details": ""},
            {"name": "Đỗ Văn Em", "details": ""},
        ],
        seats_to_fill=2,
    )
    close_with(election, {"1": 12, "2": 9, "3": 4}, 14, present=who, voted=who)
    confidence = add_vote(
        fourth,
        "ConfidenceVote",
        "Lấy phiếu tín nhiệm năm 2025",
        [
            {"name": "Trần Văn Bình", "position": "Chủ tịch HĐND xã"},
            {"name": "Nguyễn Thị Hoa", "position": "Chủ tịch UBND xã"},
            {"name": "Lê Văn Cường", "position": "Phó Chủ tịch UBND xã"},
        ],
    )
    close_with(
        confidence,
        {
            "1": {"high": 10, "confidence": 4, "low": 0},
            "2": {"high": 2, "confidence": 4, "low": 8},
            "3": {"high": 1, "confidence": 3, "low": 10},
        },
        14,
        present=who,
        voted=who,
    )
    waiting = add_vote(
        fourth,
        "ConfidenceVote",
        "Lấy phiếu tín nhiệm bổ sung",
        [{"name": "Đỗ Văn Em", "position": "Ủy viên UBND xã"}],
    )
    circulated = add_vote(
        fourth,
        "Election",
        "Bầu Trưởng Ban Kinh tế - Ngân sách",
        [{"name": "Đỗ Văn Em"}],
    )
    private = add_vote(
        fourth, "Election", "Bầu Ủy viên Thường trực", [{"name": "Lê Văn Cường"}]
    )
    close_with(private, {"1": 11}, 13, present=who, voted=who)
    for item in (election, confidence, waiting):
        reach_state(item)
    reach_state(circulated, "circulated")
    transaction.commit()
    return SimpleNamespace(
        election=election,
        confidence=confidence,
        waiting=waiting,
        circulated=circulated,
        private=private,
        who=who,
    )


def vote_articles(tree):
    return {
        article.get("data-uid"): article
        for article in tree.cssselect("article.session-vote")
    }


class TestVotes:
    @pytest.mark.parametrize(
        "reader, shown",
        [
            ("anonymous", ["election", "confidence", "waiting"]),
            ("delegate", ["election", "confidence", "waiting", "circulated"]),
            (
                "secretary",
                ["election", "confidence", "waiting", "circulated", "private"],
            ),
        ],
    )
    def test_what_each_reader_sees(self, council, browsers, votes, reader, shown):
        tree = page(getattr(browsers, reader), council.fourth.absolute_url())
        # In the folder's order.
        assert uids(tree, "article.session-vote") == [
            getattr(votes, name).UID() for name in shown
        ]
        body = html.tostring(tree, encoding="unicode")
        # The private election: not even its title.
        assert ("Bầu Ủy viên Thường trực" in body) == (reader == "secretary")
        # Nothing of who was present or voted.
        for uid in votes.who:
            assert uid not in body

    def test_closed_election_shows_the_elected(self, council, browsers, votes):
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        article = vote_articles(tree)[votes.election.UID()]
        assert texts(article, ".vote-kind") == ["Bầu cử"]
        (box,) = article.cssselect(".election-result")
        assert texts(box, ".election-elected-names") == ["Trần Văn Bình, Lê Văn Cường"]
        rows = box.cssselect("tr.election-candidate")
        assert [texts(row, ".candidate-name")[0] for row in rows] == [
            "Trần Văn Bình",
            "Lê Văn Cường",
            "Đỗ Văn Em",
        ]
        assert [texts(row, ".candidate-votes")[0] for row in rows] == ["12", "9", "4"]
        # Shares of all 15 delegates, written the Vietnamese way.
        assert [texts(row, ".candidate-share")[0] for row in rows] == [
            "80%",
            "60%",
            "26,67%",
        ]
        assert [texts(row, ".candidate-outcome")[0] for row in rows][:2] == [
            "Trúng cử",
            "Trúng cử",
        ]
        assert rows[2].cssselect(".badge") == []
        assert texts(box, ".election-seats") == ["2"]
        assert texts(box, ".vote-ballots")[0].split()[0] == "14"
        assert "15" in texts(box, ".vote-ballots")[0]
        assert texts(box, ".vote-threshold") == ["Quá nửa tổng số đại biểu"]
        assert article.cssselect(".vote-no-result") == []

    def test_closed_vote_of_confidence_shows_the_shares(self, council, browsers, votes):
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        article = vote_articles(tree)[votes.confidence.UID()]
        assert texts(article, ".vote-kind") == ["Lấy phiếu tín nhiệm"]
        (box,) = article.cssselect(".confidence-result")
        assert texts(box, "thead th")[1:4] == [
            "Tín nhiệm cao",
            "Tín nhiệm",
            "Tín nhiệm thấp",
        ]
        rows = box.cssselect("tr.confidence-official")
        assert [texts(row, ".official-name")[0] for row in rows] == [
            "Trần Văn Bình",
            "Nguyễn Thị Hoa",
            "Lê Văn Cường",
        ]
        assert texts(rows[0], ".official-position") == ["Chủ tịch HĐND xã"]
        assert [
            texts(row, ".official-high")
            + texts(row, ".official-confidence")
            + texts(row, ".official-low")
            for row in rows
        ] == [
            ["10 (66,67%)", "4 (26,67%)", "0 (0%)"],
            ["2 (13,33%)", "4 (26,67%)", "8 (53,33%)"],
            ["1 (6,67%)", "3 (20%)", "10 (66,67%)"],
        ]
        # 8 of 15 is more than half, 10 of 15 is two thirds.
        assert [row.get("class").split()[-1] for row in rows] == [
            "confidence-",
            "confidence-review",
            "confidence-dismissal",
        ]
        outcomes = [texts(row, ".official-outcome")[0] for row in rows]
        assert "1/2" in outcomes[1]
        assert "2/3" in outcomes[2]
        assert len(set(outcomes)) == 3
        thresholds = texts(box, ".confidence-thresholds")[0]
        assert "1/2" in thresholds
        assert "2/3" in thresholds

    def test_a_vote_not_closed_shows_no_counts(self, council, browsers, votes):
        for reader in ("anonymous", "delegate", "secretary"):
            tree = page(getattr(browsers, reader), council.fourth.absolute_url())
            article = vote_articles(tree)[votes.waiting.UID()]
            assert article.cssselect(".vote-result") == []
            assert article.cssselect(".vote-no-result")

    def test_the_secretary_sees_the_private_result_and_the_states(
        self, council, browsers, votes
    ):
        tree = page(browsers.secretary, council.fourth.absolute_url())
        article = vote_articles(tree)[votes.private.UID()]
        assert texts(article, ".election-elected-names") == ["Lê Văn Cường"]
        assert article.cssselect(".badge.state-private")
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        assert tree.cssselect("article.session-vote .badge[class*=state-]") == []

    def test_no_section_without_votes(self, council, browsers):
        tree = page(browsers.anonymous, council.fourth.absolute_url())
        assert tree.cssselect(".session-votes") == []


class TestSecretaryActions:
    def test_secretary_has_the_buttons(self, council, browsers):
        tree = page(browsers.secretary, council.fourth.absolute_url())
        circulate = tree.cssselect("a.session-action-circulate-materials")[0]
        publish = tree.cssselect("a.session-action-publish-materials")[0]
        url = council.fourth.absolute_url()
        assert circulate.get("href") == f"{url}/@@circulate-materials"
        assert publish.get("href") == f"{url}/@@publish-materials"

    @pytest.mark.parametrize("reader", ["anonymous", "delegate"])
    def test_others_do_not(self, council, browsers, reader):
        tree = page(getattr(browsers, reader), council.fourth.absolute_url())
        assert tree.cssselect(".session-actions") == []

    def test_a_site_administrator_has_them(
        self, council, browsers, functional_app, user_with_roles
    ):
        admin = browser_of(
            functional_app, *user_with_roles("quantri", "Site Administrator")
        )
        tree = page(admin, council.fifth.absolute_url())
        assert tree.cssselect("a.session-action-circulate-materials")


class TestVotingLinks:
    VOTING = ("attendance", "voting-panel", "results-board")

    @pytest.mark.parametrize(
        "reader, views",
        [
            ("anonymous", ["results-board"]),
            ("delegate", ["voting-panel", "results-board"]),
            ("secretary", ["attendance", "results-board"]),
        ],
    )
    def test_who_sees_which(self, council, browsers, reader, views):
        url = council.fourth.absolute_url()
        tree = page(getattr(browsers, reader), url)
        links = tree.cssselect("nav.session-voting a")
        assert [link.get("href") for link in links] == [
            f"{url}/@@{view}" for view in views
        ]
        for view in self.VOTING:
            found = tree.cssselect(f"a.session-voting-{view}")
            assert len(found) == (1 if view in views else 0), (reader, view)


class TestDocumentPages:
    def test_material_shows_its_kind_and_session(self, council, browsers):
        tree = page(browsers.anonymous, council.review.absolute_url())
        rows = {
            row.get("data-field"): text(row.find("td"))
            for row in tree.cssselect("table.document-metadata tr")
        }
        assert rows["document_number"] == "12/BC-KTNS"
        assert rows["material_kind"]
        # The kind comes first.
        fields = [
            row.get("data-field")
            for row in tree.cssselect("table.document-metadata tr")
        ]
        assert fields[0] == "material_kind"
        link = tree.cssselect(".document-session a")[0]
        assert link.get("href") == council.fourth.absolute_url()
        assert text(link) == "Kỳ họp giữa năm 2025"
        assert tree.cssselect(".vote-result") == []

    def test_resolution_shows_its_result(self, council, browsers):
        tree = page(browsers.anonymous, council.adopted.absolute_url())
        (box,) = tree.cssselect(".vote-result")
        assert "vote-adopted" in box.get("class")
        assert texts(box, ".vote-no") == ["2"]
        link = tree.cssselect(".document-session a")[0]
        assert link.get("href") == council.fourth.absolute_url()
        fields = [
            row.get("data-field")
            for row in tree.cssselect("table.document-metadata tr")
        ]
        assert "material_kind" not in fields

    def test_resolution_without_result(self, council, browsers):
        tree = page(browsers.anonymous, council.unvoted.absolute_url())
        assert tree.cssselect(".vote-result") == []

    def test_circulated_material_for_delegates_only(
        self, council, browsers, functional_app
    ):
        tree = page(browsers.delegate, council.invitation.absolute_url())
        assert texts(tree, "h1") == ["Giấy mời dự kỳ họp"]
        status, body = status_of(functional_app, council.invitation.absolute_url())
        assert status in (302, 401)
        assert "Giấy mời dự kỳ họp" not in body

    def test_official_documents_keep_their_page(self, functional_portal, browsers):
        document = make_document(
            functional_portal,
            "qd-01-2026",
            "Quyết định thành lập Ban biên tập",
            document_number="01/QĐ-UBND",
        )
        transaction.commit()
        tree = page(browsers.anonymous, document.absolute_url())
        assert tree.cssselect("table.document-metadata")
        assert tree.cssselect(".document-session") == []
        assert tree.cssselect(".vote-result") == []
