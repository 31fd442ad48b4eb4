"""The council record types: schemas as integrators see them (``@types``),
containment, validation through REST and the forms (nothing stored on
refusal, Vietnamese messages), who may add them, the private contact
details, a session named by its number, and the upgrade of a 1003 site."""

from commune_portal import _
from commune_portal.content.council_session import ordinal
from plone import api
from plone.testing.zope import Browser
from tests.council_helpers import council_section
from tests.council_helpers import make_delegate
from tests.council_helpers import make_material
from tests.council_helpers import make_petition
from tests.council_helpers import make_resolution
from tests.council_helpers import make_session
from tests.council_helpers import make_term
from tests.helpers import validation_errors
from zope.i18n import translate
import pytest
import requests
import transaction


HEADERS = {
    "Accept": "application/json",
    "Content-Type": "application/json",
    "Accept-Language": "vi",
}
ADMIN = ("admin", "secret")

FIELDS = {
    "CouncilTerm": (
        {"title", "description", "khoa", "start_year", "end_year", "seats"},
        {"title", "start_year", "end_year", "seats"},
    ),
    "Delegate": (
        {
            "title",
            "image",
            "position",
            "committee",
            "delegate_group",
            "constituency",
            "full_time",
            "workplace",
            "email",
            "private_phone",
            "private_address",
            "user_id",
        },
        {"title"},
    ),
    "CouncilSession": (
        {
            "title",
            "description",
            "session_number",
            "session_kind",
            "start",
            "end",
            "whole_day",
            "open_end",
            "location",
            "agenda",
        },
        {"session_number", "session_kind", "start", "end"},
    ),
    "SessionDocument": (
        {"title", "material_kind", "document_number", "document_type", "file"},
        {"title", "material_kind"},
    ),
    "Resolution": (
        {"title", "document_number", "document_type", "ballot", "threshold", "file"},
        {"title", "ballot", "threshold"},
    ),
    "VoterPetition": (
        {
            "title",
            "description",
            "source_meeting",
            "meeting_date",
            "constituency",
            "sectors",
            "content",
            "petitioner_name",
            "petitioner_address",
            "petitioner_phone",
            "responsible_agency",
            "deadline",
            "response",
            "response_date",
        },
        {"title", "content"},
    ),
}


def vi(message):
    """``message`` as a Vietnamese reader gets it."""
    return translate(message, target_language="vi")


def api_url(obj):
    return obj.absolute_url().replace(
        obj.portal_url(), obj.portal_url() + "/++api++", 1
    )


def messages(response):
    return " ".join(error["message"] for error in validation_errors(response))


def fields_of(response):
    return {error.get("field") for error in validation_errors(response)}


@pytest.fixture
def section(functional_portal):
    folder = council_section(functional_portal)
    transaction.commit()
    return folder


@pytest.fixture
def term(section):
    term = make_term(section)
    transaction.commit()
    return term


@pytest.fixture
def secretary(functional_portal, section, user_with_roles):
    """The council secretary, with the role on the council section."""
    user, password = user_with_roles("thuky")
    api.user.grant_roles(username=user, obj=section, roles=["CouncilSecretary"])
    section.reindexObjectSecurity()
    transaction.commit()
    return user, password


class TestSchemas:
    """``@types/<type>``: what integrators rely on (docs/council.md)."""

    @pytest.mark.parametrize("portal_type", sorted(FIELDS))
    def test_pinned(self, functional_portal, section, portal_type):
        response = requests.get(
            f"{functional_portal.absolute_url()}/@types/{portal_type}",
            headers=HEADERS,
            auth=ADMIN,
        )
        assert response.status_code == 200
        body = response.json()
        expected, required = FIELDS[portal_type]
        assert expected <= set(body["properties"]), expected - set(body["properties"])
        assert required <= set(body["required"]), required - set(body["required"])

    def test_rows_and_vocabularies(self, functional_portal, section):
        def properties(portal_type):
            return requests.get(
                f"{functional_portal.absolute_url()}/@types/{portal_type}",
                headers=HEADERS,
                auth=ADMIN,
            ).json()["properties"]

        session = properties("CouncilSession")
        assert set(session["agenda"]["items"]["properties"]) == {
            "time",
            "item",
            "presenter",
            "documents",
        }
        for portal_type, field, name in (
            ("CouncilSession", "session_kind", "SessionKinds"),
            ("Delegate", "committee", "CouncilBodies"),
            ("SessionDocument", "material_kind", "MaterialKinds"),
            ("Resolution", "ballot", "Ballots"),
            ("Resolution", "threshold", "Thresholds"),
        ):
            vocabulary = properties(portal_type)[field]["vocabulary"]["@id"]
            assert vocabulary.endswith(f"commune_portal.vocabularies.{name}")

    @pytest.mark.parametrize(
        "name,tokens",
        [
            ("SessionKinds", ["regular", "thematic", "urgent"]),
            ("Ballots", ["named", "secret", "manual"]),
            ("Thresholds", ["majority", "two_thirds"]),
            (
                "CouncilBodies",
                [
                    "standing",
                    "economy_budget",
                    "culture_society",
                    "legal",
                    "economy_society",
                ],
            ),
        ],
    )
    def test_vocabulary_tokens(self, functional_portal, section, name, tokens):
        response = requests.get(
            f"{functional_portal.absolute_url()}/@vocabularies/"
            f"commune_portal.vocabularies.{name}",
            headers=HEADERS,
        )
        assert response.status_code == 200
        assert [item["token"] for item in response.json()["items"]] == tokens


class TestContainment:
    @pytest.mark.parametrize(
        "where,portal_type,allowed",
        [
            ("section", "CouncilTerm", True),
            ("section", "Delegate", False),
            ("section", "CouncilSession", False),
            ("section", "VoterPetition", False),
            ("term", "Delegate", True),
            ("term", "CouncilSession", True),
            ("term", "VoterPetition", True),
            ("term", "CouncilTerm", False),
            ("term", "SessionDocument", False),
            ("term", "Resolution", False),
            ("session", "SessionDocument", True),
            ("session", "Resolution", True),
            ("session", "Image", True),
            ("session", "Delegate", False),
            ("session", "VoterPetition", False),
            ("session", "Directive", False),
            ("resolution", "File", True),
            ("resolution", "SessionDocument", False),
        ],
    )
    def test_allowed_types(self, section, where, portal_type, allowed):
        term = make_term(section)
        session = make_session(term)
        containers = {
            "section": section,
            "term": term,
            "session": session,
            "resolution": make_resolution(session),
        }
        allowed_types = {fti.getId() for fti in containers[where].allowedContentTypes()}
        assert (portal_type in allowed_types) is allowed

    def test_rest_refuses_a_delegate_outside_a_term(self, section, secretary):
        response = requests.post(
            api_url(section),
            json={"@type": "Delegate", "title": "Lê Văn Nam"},
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code in (400, 403), response.text
        transaction.begin()
        assert not [i for i in section.objectValues() if i.portal_type == "Delegate"]

    def test_terms_are_addable_only_where_offered(self, functional_portal, section):
        # A term is global_allow, but the standard sections restrict what
        # they take: none of the others offers terms.
        from commune_portal.setuphandlers.structure import SECTIONS

        for path, _title, _description, addable, _policy, _layout in SECTIONS:
            assert ("CouncilTerm" in addable) is (path == "hdnd"), path


class TestWhoMayAdd:
    def test_secretary_adds_a_term(self, section, secretary):
        response = requests.post(
            api_url(section),
            json={
                "@type": "CouncilTerm",
                "title": "HĐND xã Nghi Dương khóa I, nhiệm kỳ 2026-2031",
                "khoa": "I",
                "start_year": 2026,
                "end_year": 2031,
                "seats": 25,
            },
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["seats"] == 25
        assert body["review_state"] == "private"

    def test_member_cannot_add(self, section, user_with_roles):
        member = user_with_roles("congdan")
        response = requests.post(
            api_url(section),
            json={"@type": "CouncilTerm", "title": "X", "start_year": 2026},
            headers=HEADERS,
            auth=member,
        )
        assert response.status_code in (401, 403)

    def test_anonymous_cannot_add(self, section):
        response = requests.post(
            api_url(section),
            json={"@type": "CouncilTerm", "title": "X"},
            headers=HEADERS,
        )
        assert response.status_code == 401
        transaction.begin()
        assert not [i for i in section.objectValues() if i.portal_type == "CouncilTerm"]


class TestValidation:
    """The same rules through REST and the forms; nothing is stored."""

    TERM = {
        "@type": "CouncilTerm",
        "title": "HĐND xã Nghi Dương khóa I",
        "khoa": "I",
        "start_year": 2026,
        "end_year": 2031,
        "seats": 25,
    }

    @pytest.mark.parametrize(
        "change,field,message",
        [
            ({"khoa": "21"}, "khoa", "số La Mã"),
            ({"end_year": 2026}, "end_year", "năm cuối"),
            ({"seats": 0}, "seats", None),
        ],
    )
    def test_term_refused(self, section, secretary, change, field, message):
        response = requests.post(
            api_url(section),
            json={**self.TERM, **change},
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code == 400, response.text
        assert field in fields_of(response)
        if message:
            assert message in messages(response).lower() or message in messages(
                response
            )
        transaction.begin()
        assert not [i for i in section.objectValues() if i.portal_type == "CouncilTerm"]

    def test_unknown_user_refused(self, term, secretary):
        response = requests.post(
            api_url(term),
            json={"@type": "Delegate", "title": "Lê Văn Nam", "user_id": "khongco"},
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code == 400, response.text
        assert "user_id" in fields_of(response)
        assert "Không có người dùng" in messages(response)
        transaction.begin()
        assert term.objectIds() == []

    def test_one_delegate_per_user_in_a_term(self, term, secretary, user_with_roles):
        user, _password = user_with_roles("daibieu1")
        make_delegate(term, user_id=user)
        transaction.commit()
        response = requests.post(
            api_url(term),
            json={"@type": "Delegate", "title": "Lê Văn Nam", "user_id": user},
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code == 400, response.text
        assert "user_id" in fields_of(response)
        assert "daibieu1" in messages(response)
        transaction.begin()
        assert len(term.objectIds()) == 1

    def test_agenda_names_only_materials_of_the_session(self, term, secretary):
        session = make_session(term, 4)
        other = make_session(term, 5)
        resolution = make_resolution(other)
        own = make_resolution(session, document_number="16/NQ-HĐND")
        transaction.commit()
        row = {"time": "08:00", "item": "Khai mạc kỳ họp", "presenter": "Chủ tọa"}
        response = requests.patch(
            api_url(session),
            json={"agenda": [{**row, "documents": [resolution.UID()]}]},
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code == 400, response.text
        assert "agenda" in fields_of(response)
        # Which row, which UID, in the reader's language.
        assert messages(response) == vi(
            _(
                "The agenda item “${item}” names materials that are not in "
                "this session: ${uids}. Add the materials to the session first.",
                mapping={"item": "Khai mạc kỳ họp", "uids": resolution.UID()},
            )
        )
        transaction.begin()
        assert session.agenda == []
        response = requests.patch(
            api_url(session),
            json={"agenda": [{**row, "documents": [own.UID()]}]},
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code == 204, response.text
        transaction.begin()
        assert session.agenda[0]["documents"] == [own.UID()]

    def test_response_not_before_the_meeting(self, term, secretary):
        response = requests.post(
            api_url(term),
            json={
                "@type": "VoterPetition",
                "title": "Đề nghị nạo vét kênh mương nội đồng",
                "content": "Cử tri thôn Tây đề nghị nạo vét kênh mương.",
                "meeting_date": "2026-06-20",
                "response_date": "2026-06-01",
            },
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code == 400, response.text
        assert "response_date" in fields_of(response)
        transaction.begin()
        assert term.objectIds() == []

    def test_form_refuses_in_vietnamese(self, functional_app, section, secretary):
        user, password = secretary
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{password}")
        browser.addHeader("Accept-Language", "vi")
        browser.open(f"{section.absolute_url()}/++add++CouncilTerm")
        for label in ("Khóa", "Số đại biểu"):
            assert label in browser.contents, label
        browser.getControl(name="form.widgets.IBasic.title").value = "HĐND xã khóa I"
        browser.getControl(name="form.widgets.khoa").value = "I"
        browser.getControl(name="form.widgets.start_year").value = "2026"
        browser.getControl(name="form.widgets.end_year").value = "2021"
        browser.getControl(name="form.widgets.seats").value = "25"
        browser.getControl(name="form.buttons.save").click()
        assert "Năm cuối của nhiệm kỳ phải sau năm đầu" in browser.contents
        transaction.begin()
        assert not [i for i in section.objectValues() if i.portal_type == "CouncilTerm"]


class TestAgendaPicker:
    """The edit form offers the session's own materials by title and number
    (check boxes in each agenda row) and stores their UIDs; the add form
    says there are none yet; the vocabulary lists the same."""

    @pytest.fixture
    def session(self, term):
        session = make_session(term, 4)
        make_material(session, id="to-trinh")
        make_resolution(session, id="nghi-quyet")
        other = make_session(term, 5)
        make_resolution(other, "Nghị quyết của kỳ họp khác", id="khac")
        session.agenda = [
            {
                "time": "08:00",
                "item": "Thảo luận kế hoạch đầu tư công",
                "presenter": "",
                "documents": [],
            }
        ]
        transaction.commit()
        return session

    def browser(self, app, secretary):
        user, password = secretary
        browser = Browser(app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{password}")
        browser.addHeader("Accept-Language", "vi")
        return browser

    CELL = "form.widgets.agenda.0.widgets.documents:list"

    def test_edit_form_offers_the_sessions_materials(
        self, functional_app, session, secretary
    ):
        browser = self.browser(functional_app, secretary)
        browser.open(f"{session.absolute_url()}/@@edit")
        control = browser.getControl(name=self.CELL)
        own = [session["to-trinh"].UID(), session["nghi-quyet"].UID()]
        assert control.options == own  # in the session's order
        assert control.displayOptions == [
            "Tờ trình về kế hoạch đầu tư công năm 2027 (45/TTr-UBND)",
            "Nghị quyết về kế hoạch đầu tư công năm 2027 (15/NQ-HĐND)",
        ]
        assert control.value == []
        # New rows (the grid's template row) offer the same.
        template = browser.getControl(
            name="form.widgets.agenda.TT.widgets.documents:list"
        )
        assert template.options == own

    def test_edit_form_saves_the_ticked_uids(self, functional_app, session, secretary):
        browser = self.browser(functional_app, secretary)
        browser.open(f"{session.absolute_url()}/@@edit")
        resolution = session["nghi-quyet"].UID()
        browser.getControl(name=self.CELL).value = [resolution]
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        assert session.agenda[0]["documents"] == [resolution]
        assert session.agenda[0]["item"] == "Thảo luận kế hoạch đầu tư công"
        # Shown ticked again, and untouched by a save without changes.
        browser.open(f"{session.absolute_url()}/@@edit")
        assert browser.getControl(name=self.CELL).value == [resolution]
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        assert session.agenda[0]["documents"] == [resolution]

    def test_add_form_says_there_are_none_yet(self, functional_app, term, secretary):
        browser = self.browser(functional_app, secretary)
        browser.open(f"{term.absolute_url()}/++add++CouncilSession")
        assert "session-materials-none" in browser.contents
        assert (
            vi(
                _(
                    "This session has no materials yet: save the session, add "
                    "its materials and resolutions, then choose them here."
                )
            )
            in browser.contents
        )

    def test_vocabulary(self, session, secretary):
        response = requests.get(
            f"{session.absolute_url()}/@vocabularies/"
            "commune_portal.vocabularies.SessionMaterials",
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code == 200, response.text
        assert [(i["token"], i["title"]) for i in response.json()["items"]] == [
            (
                session["to-trinh"].UID(),
                "Tờ trình về kế hoạch đầu tư công năm 2027 (45/TTr-UBND)",
            ),
            (
                session["nghi-quyet"].UID(),
                "Nghị quyết về kế hoạch đầu tư công năm 2027 (15/NQ-HĐND)",
            ),
        ]
        # Nothing on anything but a session.
        response = requests.get(
            f"{session.aq_parent.absolute_url()}/@vocabularies/"
            "commune_portal.vocabularies.SessionMaterials",
            headers=HEADERS,
            auth=secretary,
        )
        assert response.json()["items"] == []


class TestPrivateContactDetails:
    @pytest.fixture
    def records(self, term):
        delegate = make_delegate(
            term, private_phone="0912 345 678", private_address="Số 5, thôn Đông"
        )
        petition = make_petition(
            term,
            petitioner_name="Trần Văn Bình",
            petitioner_address="Thôn Tây",
            petitioner_phone="0987 654 321",
        )
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(term, "publish")
            api.content.transition(delegate, "publish")
            for transition in ("forward", "answer", "publish"):
                if transition == "answer":
                    petition.response = None
                api.content.transition(petition, transition)
        transaction.commit()
        return delegate, petition

    PRIVATE = {
        "Delegate": ("private_phone", "private_address"),
        "VoterPetition": ("petitioner_name", "petitioner_address", "petitioner_phone"),
    }

    def test_anonymous_rest_has_none(self, records):
        for obj in records:
            response = requests.get(api_url(obj), headers=HEADERS)
            assert response.status_code == 200, response.text
            body = response.json()
            for name in self.PRIVATE[obj.portal_type]:
                assert name not in body
            assert "0912 345 678" not in response.text
            assert "Trần Văn Bình" not in response.text

    def test_a_member_has_none(self, records, user_with_roles):
        member = user_with_roles("canbo", "Editor")
        for obj in records:
            body = requests.get(api_url(obj), headers=HEADERS, auth=member).json()
            for name in self.PRIVATE[obj.portal_type]:
                assert name not in body

    def test_the_secretary_reads_them(self, records, secretary):
        delegate, petition = records
        body = requests.get(api_url(delegate), headers=HEADERS, auth=secretary).json()
        assert body["private_phone"] == "0912 345 678"
        body = requests.get(api_url(petition), headers=HEADERS, auth=secretary).json()
        assert body["petitioner_name"] == "Trần Văn Bình"

    def test_an_editor_cannot_write_them(self, records, user_with_roles):
        delegate, _petition = records
        editor = user_with_roles("bientap", "Editor")
        response = requests.patch(
            api_url(delegate),
            json={"private_phone": "0900 000 000", "workplace": "UBND xã"},
            headers=HEADERS,
            auth=editor,
        )
        assert response.status_code in (204, 400, 401, 403), response.text
        transaction.begin()
        assert delegate.private_phone == "0912 345 678"

    def test_anonymous_html_has_none(self, records):
        for obj in records:
            page = requests.get(obj.absolute_url())
            assert page.status_code == 200
            assert "0912 345 678" not in page.text
            assert "Số 5, thôn Đông" not in page.text
            assert "Trần Văn Bình" not in page.text
            assert "0987 654 321" not in page.text


class TestSessionNames:
    @pytest.mark.parametrize(
        "number,words",
        [
            (1, "Nhất"),
            (2, "Hai"),
            (4, "Tư"),
            (7, "Bảy"),
            (10, "Mười"),
            (11, "Mười một"),
            (14, "Mười bốn"),
            (15, "Mười lăm"),
            (20, "Hai mươi"),
            (21, "Hai mươi mốt"),
            (24, "Hai mươi tư"),
            (25, "Hai mươi lăm"),
            (34, "Ba mươi tư"),
        ],
    )
    def test_ordinal(self, number, words):
        assert ordinal(number) == words

    def test_untitled_session_is_named_by_its_number(self, term, secretary):
        response = requests.post(
            api_url(term),
            json={
                "@type": "CouncilSession",
                "session_number": 4,
                "session_kind": "regular",
                "start": "2026-07-15T08:00:00+07:00",
                "end": "2026-07-16T11:30:00+07:00",
                "location": "Hội trường UBND xã",
            },
            headers=HEADERS,
            auth=secretary,
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["title"] == "Kỳ họp thứ Tư"
        assert body["@id"].endswith("/ky-hop-thu-tu")
        transaction.begin()
        (brain,) = api.portal.get_tool("portal_catalog")(portal_type="CouncilSession")
        assert brain.Title == "Kỳ họp thứ Tư"

    def test_written_title_wins(self, term):
        session = make_session(term, 2, title="Kỳ họp chuyên đề về đầu tư công")
        assert session.title == "Kỳ họp chuyên đề về đầu tư công"
        assert session.label == "Kỳ họp thứ Hai"


def test_upgrade_from_1003(portal, setup_tool):
    """A site of 1003: no council types, policies without them, the council
    section not offering terms. The upgrade brings them and keeps what the
    administrator set."""
    from plone.base.interfaces.constrains import ISelectableConstrainTypes

    section = council_section(portal)
    types_tool = api.portal.get_tool("portal_types")
    types_tool.manage_delObjects(
        [
            "CouncilTerm",
            "Delegate",
            "CouncilSession",
            "SessionDocument",
            "Resolution",
            "VoterPetition",
        ]
    )
    constrains = ISelectableConstrainTypes(section)
    constrains.setLocallyAllowedTypes(["Folder", "File", "Document", "Link"])
    constrains.setImmediatelyAddableTypes(["Folder", "Document"])
    setup_tool.setLastVersionForProfile("commune_portal:default", "1003")

    setup_tool.upgradeProfile("commune_portal:default")

    assert "CouncilTerm" in types_tool.objectIds()
    assert "CouncilTerm" in constrains.getLocallyAllowedTypes()
    assert "CouncilTerm" in constrains.getImmediatelyAddableTypes()
    assert "Link" in constrains.getLocallyAllowedTypes()  # what the admin set
    term = make_term(section)
    petition = make_petition(term)
    workflow = api.portal.get_tool("portal_workflow")
    assert workflow.getChainFor(petition) == ("voter_petition_workflow",)
    assert workflow.getChainFor(make_session(term)) == ("council_material_workflow",)
