"""The demo profile's People's Council: Xã Nghi Dương, khóa II, nhiệm kỳ
2026-2031 (``setuphandlers/demo_council.py``).

The fixture applies the demo on a site without the standard sections: the
demo makes the council's sections itself, as it makes the other sections
it fills.
"""

from commune_portal.setuphandlers import demo_council_data as data
from commune_portal.setuphandlers.structure import SECTIONS
from commune_portal.voting.result import result_of
from commune_portal.workflows.policies import current_policies
from datetime import date
from plone import api
import pytest
import transaction


TERM_PATH = "hdnd/nhiem-ky-2026-2031"
# The day the demo is set on: the thematic session of 2 December is over,
# its materials not yet published.
DEMO_DAY = date(2026, 12, 3)
PRIVATE_KEYS = (
    "private_phone",
    "private_address",
    "petitioner_name",
    "petitioner_address",
    "petitioner_phone",
)


def _apply_demo(setup_tool):
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:demo")


@pytest.fixture
def demo(portal, setup_tool):
    _apply_demo(setup_tool)
    return portal


@pytest.fixture
def term(demo):
    return demo.unrestrictedTraverse(TERM_PATH)


def _state(obj):
    return api.content.get_state(obj)


def _children(container, portal_type):
    return [obj for obj in container.objectValues() if obj.portal_type == portal_type]


def test_the_term_and_its_delegates(term):
    assert term.portal_type == "CouncilTerm"
    assert (term.khoa, term.years, term.seats) == ("II", "2026-2031", 25)
    assert _state(term) == "published"
    delegates = _children(term, "Delegate")
    assert len(delegates) == 25
    states = {d.getId(): _state(d) for d in delegates}
    # The delegate the council removed at Kỳ họp thứ Tư is off the list.
    assert states.pop("luong-van-son") == "private"
    assert set(states.values()) == {"published"}
    by_id = {d.getId(): d for d in delegates}
    chair = by_id["hoang-van-khai"]
    assert (chair.position, chair.committee) == ("Chủ tịch HĐND xã", "standing")
    assert chair.email.endswith("@nghiduong.example.com")
    assert chair.private_phone  # kept, for the secretary only
    assert {d.committee for d in delegates} == {
        None,
        "standing",
        "economy_budget",
        "culture_society",
    }
    assert {d.constituency for d in delegates} == {
        f"Đơn vị bầu cử số {n}" for n in range(1, 6)
    }


def test_demo_accounts_and_their_roles(demo, term):
    secretary = api.user.get(username="thuky")
    assert secretary.getProperty("fullname") == "Phạm Thu Hà"
    assert "CouncilSecretary" in api.user.get_roles(user=secretary, obj=demo["hdnd"])
    linked = {d.user_id: d.getId() for d in _children(term, "Delegate") if d.user_id}
    assert linked == {"hoant": "nguyen-thi-hoa", "tuantq": "tran-quoc-tuan"}
    for user_id in linked:
        assert "CouncilDelegate" in api.user.get_roles(username=user_id, obj=term)
        # A delegate is no secretary and no delegate elsewhere.
        assert "CouncilSecretary" not in api.user.get_roles(username=user_id, obj=term)
        assert "CouncilDelegate" not in api.user.get_roles(username=user_id, obj=demo)
    # The secretary kept the records: the history names her.
    history = api.content.get(
        path="/" + TERM_PATH + "/ky-hop-thu-nhat"
    ).workflow_history
    actors = {
        e["actor"] for entries in history.values() for e in entries if e["action"]
    }
    assert actors == {"thuky"}


def test_the_sessions_the_kyyeu_and_the_circulated_one(term):
    first, fourth = term["ky-hop-thu-nhat"], term["ky-hop-thu-tu"]
    assert first.title == "Kỳ họp thứ Nhất"
    assert fourth.title == "Kỳ họp thứ Tư"
    assert (first.session_kind, fourth.session_kind) == ("regular", "thematic")
    # Kỳ họp thứ Nhất: published after the session, in the kỷ yếu.
    assert _state(first) == "published"
    assert first.proceedings_date.date() == date(2026, 3, 30)
    assert first.proceedings_date.date() > first.end.date()
    assert {_state(obj) for obj in first.objectValues()} == {"published"}
    # Kỳ họp thứ Tư: held, its papers only with the delegates so far.
    assert _state(fourth) == "circulated"
    assert fourth.proceedings_date is None
    assert fourth.end.date() < DEMO_DAY
    assert {_state(obj) for obj in fourth.objectValues()} == {"circulated"}
    catalog = api.portal.get_tool("portal_catalog")
    for session, entry in ((first, data.FIRST_SESSION), (fourth, data.FOURTH_SESSION)):
        materials = _children(session, "SessionDocument")
        resolutions = _children(session, "Resolution")
        assert len(materials) == len(entry["materials"])
        assert len(resolutions) == len(entry["resolutions"])
        kinds = {m.material_kind for m in materials}
        assert {"invitation", "programme", "submission"} <= kinds
        for obj in materials + resolutions:
            assert obj.file.contentType == "application/pdf", obj.getId()
            assert obj.file.data.startswith(b"%PDF-1.4"), obj.getId()
        # The agenda names this session's materials, every one of them.
        own = {obj.UID() for obj in session.objectValues()}
        named = [uid for row in session.agenda for uid in row["documents"]]
        assert set(named) == own
        assert len(named) == len(own)
        assert all(row["item"] and row["time"] for row in session.agenda)
        # As the catalog knows them.
        brains = catalog.unrestrictedSearchResults(
            path="/".join(session.getPhysicalPath()), portal_type="Resolution"
        )
        assert {b.review_state for b in brains} == {_state(session)}
    assert {"review_report", "draft_resolution"} <= {
        m.material_kind for m in _children(fourth, "SessionDocument")
    }


def test_every_resolution_has_its_result_frozen(term):
    seats = term.seats
    delegate_uids = {d.UID() for d in _children(term, "Delegate")}
    two_thirds = []
    for session in (term["ky-hop-thu-nhat"], term["ky-hop-thu-tu"]):
        for resolution in _children(session, "Resolution"):
            frozen = result_of(resolution)
            assert frozen is not None, resolution.getId()
            assert frozen["adopted"] is True, resolution.getId()
            assert frozen["total_delegates"] == seats
            assert frozen["threshold"] == resolution.threshold
            votes = frozen["yes"] + frozen["no"] + frozen["abstain"]
            assert votes + frozen["not_voted"] == seats
            assert votes <= len(frozen["present"])
            assert set(frozen["present"]) <= delegate_uids
            assert frozen["closed"].date() == session.end.date()
            if resolution.ballot == "manual":
                assert frozen["voted"] == ()
            else:
                assert len(frozen["voted"]) == votes
            if resolution.threshold == "two_thirds":
                two_thirds.append(resolution.getId())
                assert 3 * frozen["yes"] >= 2 * seats
    assert two_thirds == ["nghi-quyet-33-nq-hdnd"]
    # The removed delegate missed the session that removed him.
    removed = term["luong-van-son"].UID()
    frozen = result_of(term["ky-hop-thu-tu"]["nghi-quyet-33-nq-hdnd"])
    assert removed not in frozen["present"]
    assert len(frozen["present"]) == 23


def test_petitions_in_every_state(term):
    petitions = _children(term, "VoterPetition")
    assert len(petitions) == 12
    by_state = {}
    for petition in petitions:
        by_state.setdefault(_state(petition), []).append(petition)
    assert {state: len(items) for state, items in by_state.items()} == {
        "received": 3,
        "forwarded": 4,
        "answered": 2,
        "published": 3,
    }
    for petition in by_state["answered"] + by_state["published"]:
        assert petition.response.output, petition.getId()
        assert petition.meeting_date <= petition.response_date <= DEMO_DAY
    for petition in by_state["received"] + by_state["forwarded"]:
        assert petition.response is None and petition.response_date is None
    overdue = [
        p.getId()
        for p in by_state["received"] + by_state["forwarded"]
        if p.deadline and p.deadline < DEMO_DAY
    ]
    assert len(overdue) == 3
    assert {s for p in petitions for s in p.sectors} >= {
        "Giao thông vận tải",
        "Đất đai",
        "Nông nghiệp",
    }
    assert sum(1 for p in petitions if p.petitioner_name) == 4


def test_applying_the_demo_again_changes_nothing(demo, setup_tool):
    catalog = api.portal.get_tool("portal_catalog")

    def snapshot():
        return sorted(
            (b.getPath(), b.portal_type, b.review_state, b.modified.ISO8601())
            for b in catalog.unrestrictedSearchResults(path="/plone/hdnd")
        )

    before = snapshot()
    users = sorted(u.getId() for u in api.user.get_users())
    assert len(before) > 60
    _apply_demo(setup_tool)
    assert snapshot() == before
    assert sorted(u.getId() for u in api.user.get_users()) == users


def test_the_demo_fills_the_sections_of_the_structure(portal, setup_tool):
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:structure")
    section = portal["hdnd"]
    uid, layout = section.UID(), section.getLayout()
    _apply_demo(setup_tool)
    assert portal["hdnd"].UID() == uid
    assert portal["hdnd"].getLayout() == layout
    assert "nhiem-ky-2026-2031" in section.objectIds()


def test_without_the_structure_the_demo_makes_the_council_sections(demo):
    council = [section for section in SECTIONS if section[0].split("/")[0] == "hdnd"]
    assert len(council) > 1  # /hdnd and the pages below it
    for path, title, _description, _types, policy, layout in council:
        folder = demo.unrestrictedTraverse(path)
        assert folder.Title() == title, path
        assert current_policies(folder) == (policy, policy), path
        assert _state(folder) == "published", path
        if layout:
            assert folder.getLayout() == layout, path
    # Only the council's: the other sections are the demo's own folders.
    assert "tin-tuc" not in demo.objectIds()


# --- What each one sees, over REST -----------------------------------------


@pytest.fixture
def functional_demo(functional_portal):
    setup_tool = api.portal.get_tool("portal_setup")
    _apply_demo(setup_tool)
    transaction.commit()
    return functional_portal


def _session(request_factory, user_id=None):
    session = request_factory()
    if user_id:
        session.auth = (user_id, data.DEMO_PASSWORD)
    return session


def _paths(term, portal_type):
    return [
        "/".join(obj.getPhysicalPath()[2:])
        for obj in term.objectValues()
        if obj.portal_type == portal_type
    ]


def test_anonymous_rest_never_shows_private_data(functional_demo, request_factory):
    term = functional_demo.unrestrictedTraverse(TERM_PATH)
    anonymous = _session(request_factory)
    seen = 0
    for path in _paths(term, "Delegate") + _paths(term, "VoterPetition"):
        response = anonymous.get(path)
        obj = functional_demo.unrestrictedTraverse(path)
        if _state(obj) == "published":
            assert response.status_code == 200, path
            body = response.json()
            assert not [key for key in body if key.startswith(PRIVATE_KEYS)], path
            seen += 1
        else:
            assert response.status_code == 401, path
        for key in PRIVATE_KEYS:
            value = getattr(obj, key, None)
            if value:
                assert value not in response.text, (path, key)
    assert seen == 24 + 3
    # The secretary reads them (the data is there to leak).
    body = _session(request_factory, "thuky").get(TERM_PATH + "/hoang-van-khai").json()
    assert body["private_phone"] == "0912 000 101"


def test_the_circulated_session_is_for_the_delegates(functional_demo, request_factory):
    path = TERM_PATH + "/ky-hop-thu-tu/to-trinh-361-ttr-ubnd"
    assert _session(request_factory).get(path).status_code == 401
    delegate = _session(request_factory, "hoant").get(path)
    assert delegate.status_code == 200
    assert delegate.json()["review_state"] == "circulated"
    published = TERM_PATH + "/ky-hop-thu-nhat/nghi-quyet-13-nq-hdnd"
    assert _session(request_factory).get(published).status_code == 200


def test_the_secretarys_work_and_listings(portal, setup_tool):
    """As ``make start`` builds it (the structure, then the demo): the
    catalog knows the secretary's role on the council section, so that her
    work lists ("Việc của tôi": who may act on an item) and the listings
    (what she may see) find exactly what the role gives her, the section's
    own pages included."""
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:structure")
    _apply_demo(setup_tool)
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(portal["hdnd"].getPhysicalPath())
    thuky = api.user.get(userid=data.SECRETARY["user_id"])
    may_act, may_view = set(), set()
    with api.env.adopt_user(user=thuky):
        for brain in catalog.unrestrictedSearchResults(path=path):
            obj = brain._unrestrictedGetObject()
            if api.user.has_permission("View", obj=obj):
                may_view.add(brain.getPath())
            if api.content.get_state(obj, None) is not None and (
                api.user.has_permission("Review portal content", obj=obj)
            ):
                may_act.add(brain.getPath())
        seen = {brain.getPath() for brain in catalog(path=path)}
        petitions = catalog(path=path, portal_type="VoterPetition")
    # The query of the work lists (workflow/worklists.py).
    acting = {
        brain.getPath()
        for brain in catalog.unrestrictedSearchResults(
            path=path, workflow_actors=catalog._listAllowedRolesAndUsers(thuky)
        )
    }
    assert acting == may_act
    assert f"{path}/ky-yeu" in acting and f"{path}/kien-nghi-cu-tri" in acting
    assert seen == may_view
    assert len(petitions) == 12  # in every state, not only the published
