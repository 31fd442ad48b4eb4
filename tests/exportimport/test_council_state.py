"""The council's votes, attendance and grants and the numbering of
citizens' questions travel through plone.exportimport
(``commune_portal.exportimport.council``, ``.questions``).

The source is a council of 15 seats in session: 12 delegates marked
present, a resolution voted by name and closed (one delegate changed their
vote), an election by secret ballot closed, a vote of confidence by secret
ballot still open (one delegate holds a ballot not cast yet), a delegate
whose role on the term an administrator took away on the sharing page, and
questions of citizens of which two were deleted. It is exported and
imported into a fresh site as plone-exporter and plone-importer do; what
the secretary, a delegate and anyone see of each vote is the same, the
open vote goes on, and no code of a question is given again."""

from commune_portal.council import delegates as council_delegates
from commune_portal.exportimport.interfaces import IItemState
from commune_portal.exportimport.settings import FILENAME
from commune_portal.questions import codes
from commune_portal.voting import attendance
from commune_portal.voting import blind
from commune_portal.voting import box as votes
from commune_portal.voting.result import result_of
from plone import api
from plone.app.workflow.events import LocalrolesModifiedEvent
from tests.exportimport import sites
from tests.questions.helpers import make_question
from tests.voting.builders import as_anonymous
from tests.voting.builders import as_user
from tests.voting.builders import Council
from tests.voting.builders import refused
from zope.annotation.interfaces import IAnnotations
from zope.component import getAdapter
from zope.event import notify
import json
import pytest
import transaction


TARGET = "xa-hdnd-chuyen-den"
OLDER = "xa-hdnd-ban-xuat-cu"
# 1024 bits keep the tests quick (tests/voting/test_secret.py).
KEY_BITS = 1024


def take_ballot(item, user_id):
    """What the delegate's browser does: blind a token, have it signed
    (logged in), unblind the signature. ``(token, signature)``."""
    key = votes.box_of(item).key
    public = blind.Key(key.n, key.e)
    token = blind.new_token()
    blinded, r = blind.blind(public, token)
    with as_user(user_id):
        signed = int(votes.issue_token(item, format(blinded, "x")), 16)
    return token, blind.unblind(public, signed, r)


def cast_secret(item, ballot, value):
    token, signature = ballot
    with as_anonymous():
        return votes.cast_secret(item, token.hex(), format(signature, "x"), value)


def cast_named(item, user_id, value):
    with as_user(user_id):
        return votes.cast_named(item, value)


class Source:
    """The council in session and the questions (see the module's
    docstring)."""

    def __init__(self, portal):
        council = self.council = Council(portal)
        self.portal = portal
        self.users = council.users
        council.mark_present(13)
        council.mark_present(12)  # the 13th left: two marks
        term = council.term
        # Taken away by hand: the add-on no longer counts it as its grant.
        term.manage_delLocalRoles(["daibieu15"])
        notify(LocalrolesModifiedEvent(term, None))
        term.reindexObjectSecurity()

        resolution = self.resolution = council.resolution
        with as_user("thuky"):
            votes.open_vote(resolution)
        for user_id, value in zip(
            self.users, ["yes"] * 9 + ["no", "abstain"], strict=False
        ):
            cast_named(resolution, user_id, value)
        cast_named(resolution, self.users[1], "no")  # changed their mind
        with as_user("thuky"):
            votes.close_vote(resolution)

        election = self.election = council.election()
        with as_user("thuky"):
            votes.open_vote(election)
        self.election_ballots = {}
        for index, user_id in enumerate(self.users[:10]):
            choice = ["1"] if index < 7 else ["2"]
            cast_secret(election, take_ballot(election, user_id), choice)
            self.election_ballots[user_id] = choice
        with as_user("thuky"):
            votes.close_vote(election)

        confidence = self.confidence = council.confidence()
        with as_user("thuky"):
            votes.open_vote(confidence)
        for user_id in self.users[:5]:
            cast_secret(
                confidence,
                take_ballot(confidence, user_id),
                {"1": "high", "2": "low"},
            )
        # Taken before the move, cast after it.
        self.held_ballot = take_ballot(confidence, self.users[5])

        section = portal["hoi-dap"]
        questions = [make_question(section) for _number in range(3)]
        self.codes = [q.tracking_code for q in questions]
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(objects=[questions[0], questions[2]])
        self.question_path = sites.relative(
            portal, "/".join(questions[1].getPhysicalPath())
        )

    def path(self, item):
        return sites.relative(self.portal, "/".join(item.getPhysicalPath()))


@pytest.fixture(scope="class")
def source(functional_portal_class):
    portal = functional_portal_class
    with sites.on_site(portal), pytest.MonkeyPatch.context() as patch:
        patch.setattr(blind, "KEY_BITS", KEY_BITS)
        built = Source(portal)
    transaction.commit()
    return built


@pytest.fixture(scope="class")
def exported(source, tmp_path_factory):
    path = tmp_path_factory.mktemp("export")
    sites.export_site(source.portal, path)
    return path


@pytest.fixture(scope="class")
def target(functional_app_class, source, exported):
    site = sites.add_commune_site(functional_app_class, TARGET)
    transaction.commit()
    sites.import_site(site, exported)
    transaction.commit()
    return site


def on(site, source, item):
    """The item of ``source`` at its path in ``site``."""
    return site.unrestrictedTraverse(source.path(item).lstrip("/"))


def seen(site, item, user_id=None, public=False):
    """``@votes`` of ``item`` as ``user_id`` sees it (anyone with
    ``public``), as JSON text with the site's address left out."""
    with sites.on_site(site):
        if user_id is None:
            with as_anonymous():
                body = votes.describe(item, public=public)
        else:
            with as_user(user_id):
                body = votes.describe(item, public=public)
    text = json.dumps(body, sort_keys=True, default=str)
    return text.replace(site.absolute_url(), "<site>")


VIEWERS = ("thuky", "daibieu01", "daibieu12", None)


class TestCouncilState:
    def test_attendance(self, source, target):
        session = source.council.session
        moved = on(target, source, session)
        before = attendance.attendance_of(session)
        after = attendance.attendance_of(moved)
        assert isinstance(after, attendance.Attendance)
        assert dict(after.marks) == dict(before.marks)
        assert len(after.marks) == 13
        left = after.marks[source.council.delegates[12].UID()]
        assert [mark[0] for mark in left] == [True, False]
        with sites.on_site(source.portal):
            expected = attendance.quorum(session)
        with sites.on_site(target):
            assert attendance.quorum(moved) == expected
            assert attendance.present_uids(moved) == source.council.uids(12)

    @pytest.mark.parametrize("name", ["resolution", "election"])
    def test_closed_votes(self, source, target, name):
        item = getattr(source, name)
        moved = on(target, source, item)
        assert result_of(moved) == result_of(item)
        assert result_of(moved)["closed"] == result_of(item)["closed"]
        for user_id in VIEWERS:
            assert seen(target, moved, user_id) == seen(source.portal, item, user_id)
        assert seen(target, moved, public=True) == seen(
            source.portal, item, public=True
        )
        box, before = votes.box_of(moved), votes.box_of(item)
        assert (box.status, box.closed, box.closed_by) == (
            before.status,
            before.closed,
            before.closed_by,
        )
        assert dict(box.named) == dict(before.named)
        assert dict(box.tokens) == dict(before.tokens)
        assert dict(box.ballots) == dict(before.ballots)
        assert box._key_d is None  # closed: the key no longer signs
        # Closed on the new site too: a vote changes nothing.
        with sites.on_site(target):
            if name == "resolution":
                with as_user("daibieu12"):
                    refused(409, votes.cast_named, moved, "yes")
            else:
                with as_user("daibieu12"):
                    refused(409, votes.issue_token, moved, "abc")
            with as_user("thuky"):
                refused(409, votes.close_vote, moved)
        assert result_of(moved) == result_of(item)

    def test_named_history(self, source, target):
        moved = on(target, source, source.resolution)
        uid = source.council.delegates[1].UID()
        history = votes.box_of(moved).named[uid]
        assert [entry[0] for entry in history] == ["yes", "no"]
        assert history == votes.box_of(source.resolution).named[uid]
        assert result_of(moved)["yes"] == 8
        assert result_of(moved)["no"] == 2

    def test_secret_ballots_name_nobody_in_the_export(self, source, exported):
        data, text = sites.exported_item(exported, source.path(source.election))
        state = data["commune_portal"]
        delegates = {d.UID() for d in source.council.delegates}
        found = []

        def walk(value, where):
            if isinstance(value, dict):
                for key, inner in value.items():
                    if key in delegates:
                        found.append((*where, "<key>"))
                    walk(inner, (*where, key))
            elif isinstance(value, list):
                for inner in value:
                    walk(inner, (*where, "<item>"))
            elif value in delegates:
                found.append(where)

        walk(state, ())
        # Who took a ballot (and when), the user accounts of the delegates,
        # who was present and who voted: never next to a choice.
        assert set(found) == {
            ("vote_box", "tokens", "<key>"),
            ("vote_result", "present", "<item>"),
            ("vote_result", "voted", "<item>"),
        } | {("vote_box", "electorate", user_id) for user_id in source.users}
        box = state["vote_box"]
        assert box["named"] == {}
        assert all(isinstance(when, str) for when in box["tokens"].values())
        assert len(box["tokens"]) == 10
        # The ballots are there, by the hash of their token only.
        assert sorted(value for value, _signature in box["ballots"].values()) == (
            sorted(source.election_ballots.values())
        )
        assert not delegates & set(box["ballots"])
        # Nowhere else in the item's data.
        assert sum(text.count(uid) for uid in delegates) == len(found)

    def test_open_vote_goes_on(self, source, target):
        item = source.confidence
        moved = on(target, source, item)
        for user_id in VIEWERS:
            assert seen(target, moved, user_id) == seen(source.portal, item, user_id)
        assert votes.box_of(moved).status == votes.OPEN
        assert result_of(moved) is None
        with sites.on_site(target):
            # A ballot taken before the move, and one taken after it.
            cast_secret(moved, source.held_ballot, {"1": "low", "2": "low"})
            cast_secret(moved, take_ballot(moved, source.users[6]), {"1": "confidence"})
            with as_user(source.users[0]):
                refused(409, take_ballot, moved, source.users[0])
            assert votes.box_of(moved).received.value == 7
            with as_user("thuky"):
                votes.close_vote(moved)
            result = result_of(moved)
            assert result["ballots"] == 7
            first, second = result["officials"]
            assert (first["high"], first["confidence"], first["low"]) == (5, 1, 1)
            assert (second["high"], second["confidence"], second["low"]) == (0, 0, 6)
            assert set(result["voted"]) == set(source.council.uids(7))
            assert votes.box_of(moved).key.d is None
        # The source's vote is untouched.
        assert votes.box_of(item).received.value == 5

    def test_catalog_columns(self, source, target):
        def columns(site, items):
            with sites.on_site(site):
                catalog = site.portal_catalog
                found = {}
                for item in items:
                    path = "/".join(site.getPhysicalPath()) + source.path(item)
                    (brain,) = catalog.unrestrictedSearchResults(
                        path={"query": path, "depth": 0}
                    )
                    found[source.path(item)] = (brain.seats, brain.vote_result)
                return found

        items = [source.council.term, source.resolution, source.election]
        before = columns(source.portal, items)
        assert before[source.path(source.council.term)][0] == 15
        assert before[source.path(source.resolution)][1]["adopted"] is True
        assert columns(target, items) == before

    def test_delegate_grants(self, source, target):
        term = source.council.term
        moved = on(target, source, term)
        assert council_delegates.granted(moved) == council_delegates.granted(term)
        assert "daibieu15" not in council_delegates.granted(moved)
        assert sites.local_roles(moved) == sites.local_roles(term)
        assert "CouncilDelegate" not in moved.get_local_roles_for_userid("daibieu15")
        assert "CouncilDelegate" in moved.get_local_roles_for_userid("daibieu14")

    def test_question_codes(self, source, target):
        question = target.unrestrictedTraverse(source.question_path.lstrip("/"))
        assert question.tracking_code == source.codes[1]
        with sites.on_site(target):
            assert codes.find_question(target, source.codes[1]).getPath() == (
                "/".join(question.getPhysicalPath())
            )
            # The last code given on the old site was deleted there: the
            # next question gets a new one.
            new = make_question(target["hoi-dap"])
        assert new.tracking_code not in source.codes
        assert new.tracking_code.endswith("-000004")

    def test_export_without_sequence(
        self, functional_app_class, source, exported, tmp_path_factory
    ):
        """An export made before the numbering and the codes travelled
        (the code is the read-only field only): the question keeps its
        code, the numbering continues after the highest code of the
        imported questions."""

        def without_state(data):
            del data["commune_portal"]
            return data

        question = source.question_path
        path = sites.tamper(
            exported,
            tmp_path_factory.mktemp("older"),
            {question: (question, without_state)},
        )
        settings = path / f"{FILENAME}.json"
        data = json.loads(settings.read_text())
        del data["question_sequence"]
        settings.write_text(json.dumps(data))
        site = sites.add_commune_site(functional_app_class, OLDER)
        transaction.commit()
        sites.import_site(site, path)
        transaction.commit()
        question = site.unrestrictedTraverse(source.question_path.lstrip("/"))
        assert question.tracking_code == source.codes[1]
        with sites.on_site(site):
            year = int(source.codes[1].split("-")[-2])
            assert dict(codes.sequences_of(site)) == {year: 2}
            new = make_question(site["hoi-dap"])
        assert new.tracking_code.endswith("-000003")


def test_open_named_vote_restored_in_place(portal):
    """An open named vote, exported and restored (``IItemState``): the same
    box, the same ``@votes``, and it goes on."""
    council = Council(portal)
    council.mark_present(12)
    item = council.resolution
    with as_user("thuky"):
        votes.open_vote(item)
    cast_named(item, council.users[0], "yes")
    cast_named(item, council.users[1], "no")
    cast_named(item, council.users[1], "abstain")
    carrier = getAdapter(item, IItemState, name="vote_box")
    data = json.loads(json.dumps(carrier.export()))
    before = {user_id: seen(portal, item, user_id) for user_id in VIEWERS}
    del IAnnotations(item)[votes.BOX_KEY]
    carrier.restore(data)
    assert {user_id: seen(portal, item, user_id) for user_id in VIEWERS} == before
    assert votes.box_of(item).named[council.delegates[1].UID()][-1][0] == "abstain"
    cast_named(item, council.users[2], "yes")
    with as_user("thuky"):
        votes.close_vote(item)
    result = result_of(item)
    assert (result["yes"], result["no"], result["abstain"]) == (2, 0, 1)
