"""Journey: a council session from the secretary's circulation to the
public result of a vote.

The council secretary (``thuky``, CouncilSecretary on /hdnd in the demo)
circulates the materials of a private session to the delegates with
"Gửi tài liệu đến đại biểu". A delegate (``hoant``, linked to a Delegate of
the term) reads a circulated material that an anonymous visitor cannot see
yet (the visitor gets the login form). In the hall the secretary marks the
attendance and opens the vote on the resolution (named ballot); the
delegate votes "Tán thành" on the voting panel, twelve more delegates vote
through REST (``POST @votes``, as themselves) so that the resolution
passes; the secretary closes the vote and publishes the materials into the
kỷ yếu; the anonymous public session page shows the resolution adopted,
with the counts.

The demo links two delegates to accounts; the journey links eleven more
(as the secretary does on each delegate's form) and adds the session, as
the secretary does before circulating it.
"""

from commune_portal.council.delegates import sync
from commune_portal.setuphandlers import demo_council_data as data
from commune_portal.setuphandlers.demo_council import create_material
from commune_portal.setuphandlers.demo_council_data import DEMO_PASSWORD
from commune_portal.setuphandlers.demo_council_data import TERM
from datetime import datetime
from plone import api
from plone.dexterity.utils import createContentInContainer
from tests.journeys.layer import PASSWORD
import base64
import json
import pytest
import pytz
import transaction
import urllib.request


HANOI = pytz.timezone("Asia/Ho_Chi_Minh")
MATERIAL = "Tờ trình về dự toán ngân sách xã năm 2027"
RESOLUTION = "Nghị quyết về dự toán ngân sách xã năm 2027"
# The delegate who votes on the panel, and the one already linked by the
# demo; the others are linked by the journey (``linked``).
PANEL_DELEGATE = "hoant"
DEMO_DELEGATES = ("hoant", "tuantq")
# 25 seats: a resolution passes with more than half, 13 votes.
NEEDED = 13


def _rest_vote(url, user, password, vote):
    """``POST <item>/@votes`` as ``user`` (basic authentication)."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request = urllib.request.Request(
        f"{url}/@votes",
        data=json.dumps({"vote": vote}).encode(),
        method="POST",
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": f"Basic {token}",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read())


@pytest.fixture
def council_session(journeys):
    """A private session of the demo's term with a submission and a
    resolution to vote on (named ballot), and eleven more delegates linked
    to accounts: ``{"session", "material", "resolution", "voters"}`` (URLs
    and the user ids who vote through REST)."""
    portal = journeys["portal"]
    term = portal["hdnd"][TERM["id"]]
    voters = []
    with api.env.adopt_roles(["Manager"]):
        free = [
            delegate
            for delegate in term.objectValues()
            if delegate.portal_type == "Delegate"
            and not (getattr(delegate, "user_id", None) or "").strip()
            and api.content.get_state(delegate) == "published"
        ]
        for number, delegate in enumerate(
            free[: NEEDED - len(DEMO_DELEGATES)], start=1
        ):
            user_id = f"daibieu{number:02d}"
            api.user.create(
                email=f"{user_id}@nghiduong.example.vn",
                username=user_id,
                password=PASSWORD,
                properties={"fullname": delegate.Title()},
            )
            delegate.user_id = user_id
            delegate.reindexObject()
            voters.append(user_id)
        sync(term)
        session = createContentInContainer(
            term,
            "CouncilSession",
            session_number=5,
            session_kind="regular",
            start=HANOI.localize(datetime(2026, 12, 18, 7, 30)),
            end=HANOI.localize(datetime(2026, 12, 18, 16, 30)),
            location="Hội trường Ủy ban nhân dân xã Nghi Dương",
        )
        # Built as the demo builds its materials: official-document fields
        # and a signed PDF, which publishing asks for.
        material = create_material(
            session,
            "SessionDocument",
            data._material(
                "to-trinh-52-ttr-ubnd",
                MATERIAL,
                "submission",
                "52/TTr-UBND",
                "to-trinh",
                data.UBND,
                "Nguyễn Văn Bình",
                data.CHAIR,
                "TM.",
                "2026-12-08",
                ["Tài chính"],
                "Ủy ban nhân dân xã trình Hội đồng nhân dân xã dự toán thu, chi "
                "ngân sách xã năm 2027.",
            ),
            material_kind="submission",
        )
        resolution = create_material(
            session,
            "Resolution",
            data._resolution(
                "nghi-quyet-36-nq-hdnd",
                RESOLUTION,
                "36/NQ-HĐND",
                "2026-12-18",
                ["Tài chính"],
                "Hội đồng nhân dân xã quyết nghị dự toán thu, chi ngân sách xã "
                "năm 2027.",
                vote=None,
            ),
            ballot="named",
            threshold="majority",
        )
        assert api.content.get_state(session) == "private"
    transaction.commit()
    return {
        "session": session.absolute_url(),
        "material": material.absolute_url(),
        "material_uid": material.UID(),
        "resolution": resolution.absolute_url(),
        "resolution_uid": resolution.UID(),
        "voters": voters,
    }


def test_a_session_from_circulation_to_the_public_result(
    new_page, council_session, screenshot
):
    session = council_session["session"]
    material = council_session["material"]
    resolution = council_session["resolution"]
    uid = council_session["resolution_uid"]

    # The secretary circulates the session's materials to the delegates.
    secretary = new_page("thuky", password=DEMO_PASSWORD)
    secretary.goto(f"{session}/@@circulate-materials")
    secretary.check(f"#material-{council_session['material_uid']}")
    secretary.check(f"#material-{uid}")
    with secretary.expect_navigation():
        secretary.click("button[name='form.buttons.circulate']")
    secretary.wait_for_load_state()

    # A delegate reads the circulated submission before it is public ...
    delegate = new_page(PANEL_DELEGATE, password=DEMO_PASSWORD)
    delegate.goto(material)
    assert delegate.locator("h1").first.inner_text().strip() == MATERIAL
    # ... which an anonymous visitor cannot: Plone asks for a login.
    visitor = new_page()
    visitor.goto(material)
    assert visitor.locator("#__ac_name").count() == 1, visitor.url
    assert MATERIAL not in visitor.locator("body").inner_text()

    # In the hall, the secretary marks everyone present and opens the vote.
    secretary.goto(f"{session}/@@attendance")
    present = secretary.locator("input[name='present:list']")
    for number in range(present.count()):
        present.nth(number).check()
    with secretary.expect_navigation():
        secretary.click("form:has(input[name='present:list']) button[type=submit]")
    vote_form = f"form:has(input[name='item'][value='{uid}'])"
    with secretary.expect_navigation():
        secretary.click(f"{vote_form} button[value='open']")
    assert secretary.locator(f"{vote_form} button[value='close']").count() == 1

    # The delegate votes "Tán thành" on the voting panel ...
    delegate.goto(f"{session}/@@voting-panel")
    yes = delegate.locator(f"#v-{uid} button.choice.yes")
    assert yes.inner_text().strip() == "Tán thành"
    yes.click()
    delegate.wait_for_selector(f"#v-{uid} button.choice.yes[aria-pressed='true']")

    # ... and twelve more delegates vote through REST, as themselves.
    for user_id in ("tuantq", *council_session["voters"]):
        password = DEMO_PASSWORD if user_id in DEMO_DELEGATES else PASSWORD
        status, body = _rest_vote(resolution, user_id, password, "yes")
        assert status == 200, body
        assert body["accepted"] is True, body

    # The secretary closes the vote, then publishes the materials.
    secretary.goto(f"{session}/@@attendance")
    with secretary.expect_navigation():
        secretary.click(f"{vote_form} button[value='close']")
    assert secretary.locator(vote_form).count() == 0
    secretary.goto(f"{session}/@@publish-materials")
    for item_uid in (council_session["material_uid"], uid):
        assert secretary.is_checked(f"#material-{item_uid}"), secretary.locator(
            "#content"
        ).inner_text()
    with secretary.expect_navigation():
        secretary.click("button[name='form.buttons.publish']")
    secretary.wait_for_load_state()

    # The public session page shows the resolution adopted, with the counts.
    visitor.goto(session)
    result = visitor.locator(f".session-resolution[data-uid='{uid}'] .vote-result")
    assert result.count() == 1, visitor.locator("#content").inner_text()
    assert "vote-adopted" in result.get_attribute("class")
    assert result.locator(".vote-yes").inner_text().split()[0] == str(NEEDED)
    assert result.locator(".vote-no").inner_text().strip() == "0"
    assert result.locator(".vote-abstain").inner_text().strip() == "0"
    result.scroll_into_view_if_needed()
    screenshot(visitor, "hdnd-ket-qua-bieu-quyet")
