"""The council section's page (``council-view``) and a term's page
(``council-term-view``): what the public, a delegate of the term and the
council secretary see, grouping and order."""

from plone import api
from tests.browser.council_pages import build_council
from tests.browser.council_pages import council_browsers
from tests.browser.council_pages import page
from tests.browser.council_pages import status_of
from tests.browser.council_pages import text
from tests.browser.council_pages import texts
import pytest
import transaction


@pytest.fixture
def council(functional_portal):
    return build_council(functional_portal)


@pytest.fixture
def browsers(functional_app, council, user_with_roles):
    return council_browsers(functional_app, council, user_with_roles)


class TestCouncilSection:
    def test_is_the_layout_of_the_section(self, council):
        assert council.section.getLayout() == "council-view"

    def test_current_term_is_the_newest(self, council, browsers):
        tree = page(browsers.anonymous, council.section.absolute_url())
        current = tree.cssselect(".council-current-term")[0]
        link = current.cssselect("a.council-term-link")[0]
        assert link.get("href") == council.term.absolute_url()
        assert text(current.cssselect(".term-khoa")[0]) == "I"
        assert text(current.cssselect(".term-years")[0]) == "2026-2031"
        assert text(current.cssselect(".term-seats")[0]) == "15"
        earlier = tree.cssselect(".council-earlier-terms a")
        assert [a.get("href") for a in earlier] == [council.older.absolute_url()]

    def test_next_and_last_sessions(self, council, browsers):
        # The public: the next session is not public yet.
        tree = page(browsers.anonymous, council.section.absolute_url())
        assert tree.cssselect(".council-next-session .council-session") == []
        last = tree.cssselect(".council-last-sessions .council-session")
        assert [card.get("data-uid") for card in last] == [council.fourth.UID()]
        assert texts(tree, ".council-last-sessions .session-days") == [
            "15/07/2025 - 16/07/2025"
        ]
        # A delegate: the session circulated to them is the next one.
        tree = page(browsers.delegate, council.section.absolute_url())
        (card,) = tree.cssselect(".council-next-session .council-session")
        assert card.get("data-uid") == council.fifth.UID()
        assert "Kỳ họp thứ Năm" in text(card)

    def test_links_to_the_term_and_petitions(self, council, browsers):
        tree = page(browsers.anonymous, council.section.absolute_url())
        term_link = tree.cssselect("a.council-link-term")[0]
        assert term_link.get("href") == council.term.absolute_url()
        petitions = tree.cssselect("a.council-link-petitions")[0]
        assert petitions.get("href") == (
            f"{council.section.absolute_url()}/kien-nghi-cu-tri"
            f"?term={council.term.UID()}"
        )

    def test_links_to_the_proceedings_when_the_section_exists(self, council, browsers):
        if "ky-yeu" not in council.section:
            with api.env.adopt_roles(["Manager"]):
                folder = api.content.create(
                    council.section, "Folder", id="ky-yeu", title="Kỷ yếu kỳ họp"
                )
                api.content.transition(folder, to_state="published")
            transaction.commit()
        tree = page(browsers.anonymous, council.section.absolute_url())
        link = tree.cssselect("a.council-link-proceedings")[0]
        assert link.get("href") == f"{council.section.absolute_url()}/ky-yeu"


class TestTermPage:
    def test_is_the_default_view(self, council, browsers):
        tree = page(browsers.anonymous, council.term.absolute_url())
        assert tree.cssselect(".council-term")
        assert text(tree.cssselect(".term-khoa")[0]) == "I"
        assert text(tree.cssselect(".term-seats")[0]) == "15"

    def test_delegates_grouped_by_committee(self, council, browsers):
        tree = page(browsers.secretary, council.term.absolute_url())
        groups = tree.cssselect(".council-committee")
        # The vocabulary's order, the standing committee first; the
        # delegates in no committee last.
        assert [group.get("data-committee") for group in groups] == [
            "standing",
            "economy_budget",
            "culture_society",
            "none",
        ]
        names = {
            group.get("data-committee"): texts(group, ".delegate-name")
            for group in groups
        }
        # The term's order within a committee.
        assert names == {
            "standing": ["Trần Văn Bình"],
            "economy_budget": ["Nguyễn Thị Hoa", "Đỗ Văn Em"],
            "culture_society": ["Lê Văn Cường"],
            "none": ["Phạm Thị Dung"],
        }

    def test_each_delegate(self, council, browsers):
        tree = page(browsers.anonymous, council.term.absolute_url())
        (binh,) = [
            item
            for item in tree.cssselect(".council-delegate")
            if "Trần Văn Bình" in text(item)
        ]
        assert binh.cssselect("a.delegate-name")[0].get("href") == (
            council.binh.absolute_url()
        )
        assert texts(binh, ".delegate-position") == ["Chủ tịch HĐND xã"]
        assert texts(binh, ".delegate-constituency") == ["Đơn vị bầu cử số 2"]
        assert binh.cssselect("img") == []
        (hoa,) = [
            item
            for item in tree.cssselect(".council-delegate")
            if "Nguyễn Thị Hoa" in text(item)
        ]
        (photo,) = hoa.cssselect("img.delegate-photo")
        assert photo.get("src").startswith(
            f"{council.hoa.absolute_url()}/@@images/image-"
        )
        assert photo.get("alt") == "Nguyễn Thị Hoa"

    def test_public_sees_published_delegates_only(self, council, browsers):
        tree = page(browsers.anonymous, council.term.absolute_url())
        names = texts(tree, ".delegate-name")
        assert "Đỗ Văn Em" not in names
        assert len(names) == 4

    def test_sessions_by_number(self, council, browsers):
        tree = page(browsers.delegate, council.term.absolute_url())
        rows = tree.cssselect("tr.council-session")
        assert [row.get("data-number") for row in rows] == ["4", "5"]
        fourth, fifth = rows
        assert texts(fourth, ".session-label") == ["Kỳ họp thứ Tư"]
        assert texts(fourth, ".session-title") == ["Kỳ họp giữa năm 2025"]
        assert texts(fourth, ".session-days") == ["15/07/2025 - 16/07/2025"]
        assert texts(fourth, ".session-location") == ["Hội trường UBND xã"]
        assert texts(fifth, ".session-label") == ["Kỳ họp thứ Năm"]
        # Called by its number: no title of its own.
        assert texts(fifth, ".session-title") == []
        # Delegates do not edit: no state column.
        assert fourth.cssselect(".badge") == []

    def test_public_sees_the_published_session_only(self, council, browsers):
        tree = page(browsers.anonymous, council.term.absolute_url())
        rows = tree.cssselect("tr.council-session")
        assert [row.get("data-number") for row in rows] == ["4"]

    def test_secretary_sees_states(self, council, browsers):
        tree = page(browsers.secretary, council.term.absolute_url())
        badges = {
            row.get("data-number"): row.cssselect(".badge")[0].get("class")
            for row in tree.cssselect("tr.council-session")
        }
        assert "state-published" in badges["4"]
        assert "state-circulated" in badges["5"]

    def test_petitions_counted_by_state(self, council, browsers):
        def counts(browser):
            tree = page(browser, council.term.absolute_url())
            return {
                item.get("data-state"): text(item.cssselect(".petitions-count")[0])
                for item in tree.cssselect(".petitions-by-state li")
            }

        assert counts(browsers.anonymous) == {"published": "2"}
        assert counts(browsers.secretary) == {
            "received": "1",
            "forwarded": "1",
            "answered": "1",
            "published": "2",
        }

    def test_link_to_the_petitions_of_the_term(self, council, browsers):
        tree = page(browsers.anonymous, council.term.absolute_url())
        link = tree.cssselect("a.petitions-link")[0]
        assert link.get("href") == (
            f"{council.section.absolute_url()}/kien-nghi-cu-tri"
            f"?term={council.term.UID()}"
        )

    def test_private_term_is_not_public(self, council, browsers, functional_app):
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(council.term, "retract")
        transaction.commit()
        status, body = status_of(functional_app, council.term.absolute_url())
        assert status in (302, 401)
        assert "Trần Văn Bình" not in body
