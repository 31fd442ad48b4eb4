"""Builders of a council in session for the voting tests: Xã Nghi Dương's
council (15 seats), its delegates linked to user accounts, a session and
items to vote on, circulated to the delegates (invented names)."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from commune_portal.voting.errors import VoteRefused
from contextlib import contextmanager
from plone import api
from tests.council_helpers import council_section
from tests.council_helpers import make_delegate
from tests.council_helpers import make_resolution
from tests.council_helpers import make_session
from tests.council_helpers import make_term
import pytest
import transaction


PASSWORD = "Mat-khau-thu-2026"

NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Vũ Thị Giang",
    "Đặng Văn Hải",
    "Bùi Thị Hạnh",
    "Đỗ Văn Khánh",
    "Hồ Thị Lan",
    "Ngô Văn Minh",
    "Dương Thị Nga",
    "Lý Văn Phúc",
    "Mai Thị Quỳnh",
    "Trịnh Văn Sơn",
]


def user(user_id, *roles, obj=None):
    """A user (password ``PASSWORD``) with ``roles`` on ``obj`` (local) or
    site-wide."""
    with api.env.adopt_roles(["Manager"]):
        if api.user.get(userid=user_id) is None:
            api.user.create(
                email=f"{user_id}@nghiduong.example.vn",
                username=user_id,
                password=PASSWORD,
            )
        if roles:
            if obj is None:
                api.user.grant_roles(username=user_id, roles=list(roles))
            else:
                api.user.grant_roles(username=user_id, obj=obj, roles=list(roles))
    return user_id


def circulate(*items):
    with api.env.adopt_roles(["Manager"]):
        for item in items:
            if api.content.get_state(item) == "private":
                api.content.transition(item, "circulate")


class Council:
    """``term`` (15 seats), ``delegates`` (``linked`` of them linked to the
    users ``daibieu01`` …, CouncilDelegate on /hdnd), ``secretary``
    (``thuky``, CouncilSecretary on /hdnd), ``session`` and
    ``resolution`` circulated."""

    def __init__(self, portal, delegates=15, linked=15, seats=15):
        self.portal = portal
        self.section = council_section(portal)
        self.term = make_term(self.section, seats=seats)
        self.secretary = user("thuky", "CouncilSecretary", obj=self.section)
        self.delegates = []
        self.users = []
        for index in range(delegates):
            values = {}
            if index < linked:
                user_id = user(
                    f"daibieu{index + 1:02d}", "CouncilDelegate", obj=self.section
                )
                self.users.append(user_id)
                values["user_id"] = user_id
            self.delegates.append(
                make_delegate(self.term, NAMES[index % len(NAMES)], **values)
            )
        self.outsider = user("daibieu-khac", "CouncilDelegate", obj=self.section)
        self.session = make_session(self.term)
        self.resolution = make_resolution(self.session)
        circulate(self.term, self.session, self.resolution)

    def uids(self, count):
        return [d.UID() for d in self.delegates[:count]]

    def mark_present(self, count):
        from commune_portal.voting.attendance import mark_present

        mark_present(self.session, self.uids(count), "thuky")

    def election(
        self, candidates=("Nguyễn Văn An", "Trần Thị Bình"), seats=1, **values
    ):
        with api.env.adopt_roles(["Manager"]):
            item = api.content.create(
                self.session,
                "Election",
                title=values.pop("title", "Bầu Chủ tịch HĐND xã"),
                seats_to_fill=seats,
                candidates=[{"name": name, "details": ""} for name in candidates],
                **values,
            )
        circulate(item)
        return item

    def confidence(self, officials=("Nguyễn Văn An", "Trần Thị Bình"), **values):
        with api.env.adopt_roles(["Manager"]):
            item = api.content.create(
                self.session,
                "ConfidenceVote",
                title=values.pop("title", "Lấy phiếu tín nhiệm năm 2027"),
                officials=[
                    {"name": name, "position": "Chủ tịch UBND xã"} for name in officials
                ],
                **values,
            )
        circulate(item)
        return item


def commit():
    transaction.commit()


def as_user(user_id):
    """Act as ``user_id`` (a context manager)."""
    return api.env.adopt_user(username=user_id)


@contextmanager
def as_anonymous():
    """Act as nobody logged in."""
    manager = getSecurityManager()
    noSecurityManager()
    try:
        yield
    finally:
        setSecurityManager(manager)


def refused(status, call, *args):
    """``call(*args)`` is refused with ``status``; returns the refusal."""
    with pytest.raises(VoteRefused) as info:
        call(*args)
    assert info.value.status == status, info.value.message
    return info.value


def close_with(item, tally, ballots, seats=15, present=(), voted=(), ballot=None):
    """Freeze the result of ``item``'s vote from ``tally`` (what its kind
    counts: ``{"1": 9, ...}`` for an election, ``{"1": {"high": ...}}`` for
    a vote of confidence), as closing does; return the result."""
    from commune_portal.voting.interfaces import IVoteKind

    kind = IVoteKind(item)
    return kind.freeze(
        tally,
        ballots,
        seats,
        kind.options(),
        present=present,
        voted=voted,
        ballot=ballot,
    )
