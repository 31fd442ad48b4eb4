"""``POST <session>/@circulate`` and ``POST <session>/@publish-materials``:
the council secretary's two actions through REST; the report, the
e-mails, refusals (classified items, non-secretaries, bad UIDs, requests
from other web sites) with nothing changed, and who then sees what."""

from plone import api
from tests.conftest import PASSWORD
from tests.council_helpers import build_council
from tests.council_helpers import record_mail
import pytest
import transaction


SESSION = "hdnd/nhiem-ky-2026-2031/ky-hop-thu-tu"
EVIL = "https://evil.example.com"


@pytest.fixture
def council(functional_portal):
    session = build_council(functional_portal)
    delivered = record_mail(functional_portal)
    transaction.commit()
    return session, delivered


@pytest.fixture
def as_user(request_factory):
    def factory(user_id=None):
        if user_id is None:
            return request_factory()
        return request_factory(basic_auth=(user_id, PASSWORD))

    return factory


def states(session):
    transaction.begin()  # what the server committed
    items = {
        item.getId(): api.content.get_state(item) for item in session.objectValues()
    }
    return {"session": api.content.get_state(session), **items}


UNTOUCHED = {
    "session": "private",
    "to-trinh": "private",
    "bao-cao": "private",
    "nghi-quyet": "private",
    "bao-cao-mat": "private",
}


def item_ids(entries):
    return [entry["@id"].rsplit("/", 1)[-1] for entry in entries]


class TestCirculate:
    def test_private_materials_by_default(self, council, as_user):
        session, delivered = council
        response = as_user("thuky").post(f"{SESSION}/@circulate", json={})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["@id"] == f"{session.absolute_url()}/@circulate"
        assert item_ids(body["circulated"]) == ["to-trinh", "bao-cao", "nghi-quyet"]
        assert {e["review_state"] for e in body["circulated"]} == {"circulated"}
        (refused,) = body["refused"]
        assert item_ids([refused]) == ["bao-cao-mat"]
        assert refused["title"] == "Báo cáo tình hình quốc phòng, an ninh"
        assert "độ mật" in refused["reason"]
        assert body["session"]["review_state"] == "circulated"
        assert body["mailed"] == 2
        assert body["mail"] == "queued"
        assert [p["title"] for p in body["without_email"]] == ["Lê Văn Lâm"]
        assert body["without_email"][0]["@id"].endswith("/le-van-lam")
        assert states(session) == {
            **UNTOUCHED,
            "session": "circulated",
            "to-trinh": "circulated",
            "bao-cao": "circulated",
            "nghi-quyet": "circulated",
        }
        messages = delivered()
        assert sorted(m["To"] for m in messages) == [
            "hoa.nt@nghiduong.example.vn",
            "nam.tv@example.vn",
        ]

    def test_chosen_materials(self, council, as_user):
        session, delivered = council
        uid = session["bao-cao"].UID()
        response = as_user("thuky").post(
            f"{SESSION}/@circulate", json={"materials": [uid]}
        )
        assert response.status_code == 200, response.text
        assert item_ids(response.json()["circulated"]) == ["bao-cao"]
        assert states(session)["to-trinh"] == "private"
        assert len(delivered()) == 2

    def test_without_a_body(self, council, as_user):
        session, _delivered = council
        response = as_user("thuky").post(
            f"{SESSION}/@circulate", headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 200, response.text
        assert len(response.json()["circulated"]) == 3

    @pytest.mark.parametrize(
        "materials",
        [["khong-co-uid"], "abc", [], [1], None, "session"],
    )
    def test_bad_materials(self, council, as_user, materials):
        session, delivered = council
        if materials == "session":  # the session is not one of its materials
            materials = [session.UID()]
        response = as_user("thuky").post(
            f"{SESSION}/@circulate", json={"materials": materials}
        )
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["type"] == "BadRequest"
        assert error["parameter"] == "materials"
        assert states(session) == UNTOUCHED
        assert delivered() == []

    def test_unknown_and_known_together_change_nothing(self, council, as_user):
        session, delivered = council
        response = as_user("thuky").post(
            f"{SESSION}/@circulate",
            json={"materials": [session["to-trinh"].UID(), "khong-co-uid"]},
        )
        assert response.status_code == 400
        assert "khong-co-uid" in response.json()["error"]["message"]
        assert states(session) == UNTOUCHED
        assert delivered() == []

    @pytest.mark.parametrize("user_id", ["daibieu1", "congdan", None])
    def test_refused_to_whoever_is_not_the_secretary(self, council, as_user, user_id):
        session, delivered = council
        response = as_user(user_id).post(f"{SESSION}/@circulate", json={})
        assert response.status_code in (401, 403)
        assert states(session) == UNTOUCHED
        assert delivered() == []

    def test_refused_to_a_delegate_who_sees_the_session(self, council, as_user):
        session, delivered = council
        as_user("thuky").post(
            f"{SESSION}/@circulate", json={"materials": [session["to-trinh"].UID()]}
        )
        before = states(session)
        count = len(delivered())
        assert as_user("daibieu1").get(SESSION).status_code == 200
        response = as_user("daibieu1").post(f"{SESSION}/@circulate", json={})
        assert response.status_code in (401, 403)
        assert states(session) == before
        assert len(delivered()) == count

    def test_form_post_from_another_site_refused(self, council, as_user):
        session, _delivered = council
        client = as_user("thuky")
        response = client.post(
            f"{SESSION}/@circulate",
            data="{}",
            headers={"Content-Type": "text/plain"},
        )
        assert response.status_code == 415
        response = client.post(
            f"{SESSION}/@circulate", json={}, headers={"Origin": EVIL}
        )
        assert response.status_code == 403
        assert states(session) == UNTOUCHED

    def test_one_transition_through_workflow_endpoint_mails_too(self, council, as_user):
        session, delivered = council
        response = as_user("thuky").post(
            f"{SESSION}/bao-cao/@workflow/circulate", json={}
        )
        assert response.status_code == 200, response.text
        messages = delivered()
        assert len(messages) == 2
        text = messages[0].get_payload(decode=True).decode("utf-8")
        assert session["bao-cao"].absolute_url() in text


class TestWhoSees:
    def test_circulated_then_published(self, council, as_user):
        session, _delivered = council
        as_user("thuky").post(f"{SESSION}/@circulate", json={})
        material = f"{SESSION}/to-trinh"
        assert as_user("daibieu1").get(material).status_code == 200
        for user_id in ("daibieukhac", "congdan", None):
            assert as_user(user_id).get(material).status_code == 401, user_id
        found = as_user("daibieu1").get(
            "@search", params={"portal_type": "SessionDocument"}
        )
        assert "Tờ trình về kế hoạch đầu tư công năm 2027" in [
            item["title"] for item in found.json()["items"]
        ]
        found = as_user("daibieukhac").get(
            "@search", params={"portal_type": "SessionDocument"}
        )
        assert found.json()["items_total"] == 0
        as_user("thuky").post(f"{SESSION}/@publish-materials", json={})
        for user_id in ("daibieu1", "daibieukhac", "congdan", None):
            assert as_user(user_id).get(material).status_code == 200, user_id
        assert as_user().get(f"{SESSION}/bao-cao-mat").status_code == 401


class TestPublish:
    def test_circulated_materials_and_the_session(self, council, as_user):
        session, delivered = council
        secretary = as_user("thuky")
        secretary.post(
            f"{SESSION}/@circulate",
            json={
                "materials": [session["to-trinh"].UID(), session["nghi-quyet"].UID()]
            },
        )
        count = len(delivered())
        response = secretary.post(f"{SESSION}/@publish-materials", json={})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["@id"] == f"{session.absolute_url()}/@publish-materials"
        assert item_ids(body["published"]) == ["to-trinh", "nghi-quyet"]
        assert body["refused"] == []
        assert body["session"]["review_state"] == "published"
        assert body["proceedings_date"].startswith("20")
        assert states(session) == {
            **UNTOUCHED,
            "session": "published",
            "to-trinh": "published",
            "nghi-quyet": "published",
        }
        assert session.proceedings_date is not None
        assert len(delivered()) == count  # publishing e-mails nobody

    def test_again_keeps_the_first_date(self, council, as_user):
        session, _delivered = council
        secretary = as_user("thuky")
        secretary.post(
            f"{SESSION}/@circulate", json={"materials": [session["to-trinh"].UID()]}
        )
        first = secretary.post(f"{SESSION}/@publish-materials", json={}).json()
        secretary.post(
            f"{SESSION}/@circulate", json={"materials": [session["bao-cao"].UID()]}
        )
        again = secretary.post(f"{SESSION}/@publish-materials", json={}).json()
        assert item_ids(again["published"]) == ["bao-cao"]
        assert again["proceedings_date"] == first["proceedings_date"]
        third = secretary.post(f"{SESSION}/@publish-materials", json={}).json()
        assert third["published"] == [] and third["refused"] == []
        assert third["proceedings_date"] == first["proceedings_date"]

    def test_chosen_classified_item_refused(self, council, as_user):
        session, _delivered = council
        response = as_user("thuky").post(
            f"{SESSION}/@publish-materials",
            json={"materials": [session["bao-cao-mat"].UID()]},
        )
        assert response.status_code == 200
        body = response.json()
        assert item_ids(body["refused"]) == ["bao-cao-mat"]
        assert "độ mật" in body["refused"][0]["reason"]
        assert states(session)["bao-cao-mat"] == "private"

    def test_bad_uid(self, council, as_user):
        session, _delivered = council
        response = as_user("thuky").post(
            f"{SESSION}/@publish-materials", json={"materials": ["khong-co-uid"]}
        )
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == "materials"
        assert states(session) == UNTOUCHED
        assert session.proceedings_date is None

    @pytest.mark.parametrize("user_id", ["daibieu1", "congdan", None])
    def test_refused_to_whoever_is_not_the_secretary(self, council, as_user, user_id):
        session, _delivered = council
        response = as_user(user_id).post(f"{SESSION}/@publish-materials", json={})
        assert response.status_code in (401, 403)
        assert states(session) == UNTOUCHED
        assert session.proceedings_date is None

    def test_linking_and_unlinking_a_delegate_through_rest(self, council, as_user):
        session, _delivered = council
        secretary = as_user("thuky")
        secretary.post(f"{SESSION}/@circulate", json={})
        material = f"{SESSION}/to-trinh"
        delegate = "hdnd/nhiem-ky-2026-2031/le-van-lam"
        assert as_user("congdan").get(material).status_code == 401
        response = secretary.patch(delegate, json={"user_id": "congdan"})
        assert response.status_code == 204, response.text
        assert as_user("congdan").get(material).status_code == 200
        response = secretary.patch(delegate, json={"user_id": None})
        assert response.status_code == 204, response.text
        assert as_user("congdan").get(material).status_code == 401
