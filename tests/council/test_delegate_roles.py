"""The delegates' access (commune_portal.council.delegates): a delegate's
linked user holds ``CouncilDelegate`` on the term, given and taken back
with the link, the delegate's removal and its move; a role an
administrator gave by hand is never taken away."""

from commune_portal.council.delegates import granted
from commune_portal.council.delegates import ROLE
from plone import api
from plone.app.workflow.events import LocalrolesModifiedEvent
from tests.council_helpers import council_section
from tests.council_helpers import make_delegate
from tests.council_helpers import make_material
from tests.council_helpers import make_session
from tests.council_helpers import make_term
from tests.council_helpers import make_user
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
import pytest


@pytest.fixture
def section(portal):
    return council_section(portal)


@pytest.fixture
def term(section):
    make_user("daibieu1", "Nguyễn Thị Hoa")
    make_user("daibieu2", "Trần Văn Nam")
    return make_term(section)


@pytest.fixture
def other_term(section):
    return make_term(
        section,
        id="nhiem-ky-2021-2026",
        title="HĐND xã Nghi Dương khóa XXI, nhiệm kỳ 2021-2026",
        khoa="XXI",
        start_year=2021,
        end_year=2026,
    )


def roles(obj, user_id):
    return set(obj.get_local_roles_for_userid(user_id))


def edit(delegate, **values):
    """An edit of the delegate, as the form and REST PATCH end."""
    for name, value in values.items():
        setattr(delegate, name, value)
    notify(ObjectModifiedEvent(delegate))


def may_view(user_id, obj):
    with api.env.adopt_user(username=user_id):
        return api.user.has_permission("View", obj=obj)


def found_by(user_id, obj):
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username=user_id):
        return len(catalog(UID=obj.UID())) == 1


class TestGiven:
    def test_linked_when_added(self, term):
        make_delegate(term, user_id="daibieu1")
        assert roles(term, "daibieu1") == {ROLE}
        assert granted(term) == {"daibieu1"}

    def test_not_linked_no_role(self, term):
        make_delegate(term)
        assert not [user for user, held in term.get_local_roles() if ROLE in held]
        assert granted(term) == set()

    def test_linked_by_an_edit(self, term):
        delegate = make_delegate(term)
        edit(delegate, user_id="daibieu1")
        assert roles(term, "daibieu1") == {ROLE}

    def test_only_on_the_delegates_term(self, term, other_term):
        make_delegate(term, user_id="daibieu1")
        assert roles(other_term, "daibieu1") == set()
        assert roles(term.aq_parent, "daibieu1") == set()

    def test_reads_what_is_circulated_in_the_term_only(self, term, other_term):
        make_delegate(term, user_id="daibieu1")
        make_delegate(other_term, "Trần Văn Nam", user_id="daibieu2")
        session = make_session(term)
        material = make_material(session)
        assert not may_view("daibieu1", material)  # private
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(material, "circulate")
        assert may_view("daibieu1", material)
        assert found_by("daibieu1", material)
        assert not may_view("daibieu2", material)
        assert not found_by("daibieu2", material)


class TestTakenBack:
    def test_user_changed(self, term):
        delegate = make_delegate(term, user_id="daibieu1")
        edit(delegate, user_id="daibieu2")
        assert roles(term, "daibieu1") == set()
        assert roles(term, "daibieu2") == {ROLE}
        assert granted(term) == {"daibieu2"}

    def test_unlinked(self, term):
        delegate = make_delegate(term, user_id="daibieu1")
        edit(delegate, user_id=None)
        assert roles(term, "daibieu1") == set()
        assert granted(term) == set()

    def test_other_local_roles_of_the_user_stay(self, term):
        delegate = make_delegate(term, user_id="daibieu1")
        term.manage_addLocalRoles("daibieu1", ["Reader"])
        edit(delegate, user_id="")
        assert roles(term, "daibieu1") == {"Reader"}

    def test_delegate_deleted(self, term):
        delegate = make_delegate(term, user_id="daibieu1")
        session = make_session(term)
        material = make_material(session)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(material, "circulate")
            api.content.delete(delegate)
        assert roles(term, "daibieu1") == set()
        assert not may_view("daibieu1", material)
        assert not found_by("daibieu1", material)  # security reindexed

    def test_delegate_moved_to_another_term(self, term, other_term):
        delegate = make_delegate(term, user_id="daibieu1")
        with api.env.adopt_roles(["Manager"]):
            api.content.move(delegate, other_term)
        assert roles(term, "daibieu1") == set()
        assert roles(other_term, "daibieu1") == {ROLE}
        assert granted(term) == set()
        assert granted(other_term) == {"daibieu1"}

    def test_renamed_delegate_keeps_it(self, term):
        delegate = make_delegate(term, user_id="daibieu1")
        with api.env.adopt_roles(["Manager"]):
            api.content.rename(delegate, new_id="nguyen-thi-hoa-2")
        assert roles(term, "daibieu1") == {ROLE}

    def test_kept_while_another_delegate_links_the_user(self, term):
        # The form refuses it; a script or import may not.
        first = make_delegate(term, user_id="daibieu1")
        make_delegate(term, "Nguyễn Thị Hoa (2)", user_id="daibieu1")
        edit(first, user_id=None)
        assert roles(term, "daibieu1") == {ROLE}


class TestTheTermItself:
    def test_deleting_a_term_with_its_delegates(self, term, other_term):
        make_delegate(term, user_id="daibieu1")
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(term)
        assert "nhiem-ky-2026-2031" not in other_term.aq_parent.objectIds()

    def test_a_copied_term_keeps_its_delegates_reading(self, term, section):
        delegate = make_delegate(term, user_id="daibieu1")
        with api.env.adopt_roles(["Manager"]):
            copy = api.content.copy(term, section, id="ban-sao")
        assert roles(copy, "daibieu1") == {ROLE}
        edit(copy[delegate.getId()], user_id=None)
        assert roles(copy, "daibieu1") == set()
        assert roles(term, "daibieu1") == {ROLE}


class TestGivenByHand:
    """What an administrator gave on the sharing page is theirs."""

    def test_kept_after_unlinking(self, term):
        term.manage_setLocalRoles("daibieu1", [ROLE])
        delegate = make_delegate(term, user_id="daibieu1")
        assert granted(term) == set()
        edit(delegate, user_id=None)
        assert roles(term, "daibieu1") == {ROLE}

    def test_kept_after_deleting(self, term):
        term.manage_setLocalRoles("daibieu1", [ROLE])
        delegate = make_delegate(term, user_id="daibieu1")
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(delegate)
        assert roles(term, "daibieu1") == {ROLE}

    def test_given_again_after_the_sharing_page_took_it(self, term):
        delegate = make_delegate(term, user_id="daibieu1")
        # The administrator takes it away on the sharing page, then gives
        # it again by hand: from then on it is theirs.
        term.manage_delLocalRoles(["daibieu1"])
        notify(LocalrolesModifiedEvent(term, term.REQUEST))
        assert granted(term) == set()
        term.manage_setLocalRoles("daibieu1", [ROLE])
        notify(LocalrolesModifiedEvent(term, term.REQUEST))
        edit(delegate, user_id=None)
        assert roles(term, "daibieu1") == {ROLE}

    def test_sharing_page_keeps_what_it_did_not_touch(self, term):
        delegate = make_delegate(term, user_id="daibieu1")
        notify(LocalrolesModifiedEvent(term, term.REQUEST))
        assert granted(term) == {"daibieu1"}
        edit(delegate, user_id=None)
        assert roles(term, "daibieu1") == set()
