"""Catalog indexers of the council records (``indexers/council.py``): the
values the listings filter, sort and count on, the metadata they show, the
full text, nothing acquired by what a record holds, and never a private
contact detail or who raised a petition."""

from commune_portal.indexers.council import excerpt
from commune_portal.indexers.council import INDEX_NAMES
from commune_portal.indexers.council import METADATA
from datetime import date
from datetime import datetime
from Missing import MV
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobImage
from Products.CMFCore.indexing import processQueue
from tests.council_helpers import council_section
from tests.council_helpers import enter_proceedings
from tests.council_helpers import HANOI
from tests.council_helpers import make_delegate
from tests.council_helpers import make_material
from tests.council_helpers import make_petition
from tests.council_helpers import make_resolution
from tests.council_helpers import make_session
from tests.council_helpers import make_term
from tests.council_helpers import PETITIONER
from zope.i18n import translate
import pytest


PRIVATE_PHONE = "0987 654 321"
PRIVATE_ADDRESS = "Xóm Chùa, thôn Bắc"


@pytest.fixture
def catalog(portal):
    return api.portal.get_tool("portal_catalog")


@pytest.fixture
def term(portal):
    return make_term(council_section(portal), khoa="XXI")


def rid_of(catalog, obj):
    processQueue()  # Plone indexes at the end of the request, or now
    return catalog.getrid("/".join(obj.getPhysicalPath()))


def indexed(catalog, obj):
    """``(index data, metadata)`` of ``obj`` as the catalog holds them."""
    rid = rid_of(catalog, obj)
    return catalog.getIndexDataForRID(rid), catalog.getMetadataForRID(rid)


def text_of(catalog, obj):
    return " ".join(indexed(catalog, obj)[0]["SearchableText"])


def found(catalog, text, **query):
    return {
        brain.getId
        for brain in catalog.unrestrictedSearchResults(SearchableText=text, **query)
    }


class TestSessions:
    def test_values(self, catalog, term):
        session = make_session(term, 4, session_kind="thematic")
        index, meta = indexed(catalog, session)
        assert index["session_kind"] == "thematic"
        assert index["session_year"] == 2026
        assert index["term_uid"] == term.UID()
        assert index["proceedings_day"] == 0
        assert meta["session_number"] == 4
        assert meta["session_kind"] == "thematic"
        assert meta["term_uid"] == term.UID()
        assert meta["proceedings_date"] is None
        assert meta["location"] == "Hội trường UBND xã"

    def test_year_in_the_site_zone(self, catalog, term):
        """00:30 on 1 January in Hanoi is still 31 December in UTC."""
        session = make_session(
            term,
            5,
            start=HANOI.localize(datetime(2027, 1, 1, 0, 30)),
            end=HANOI.localize(datetime(2027, 1, 1, 11, 0)),
        )
        assert indexed(catalog, session)[0]["session_year"] == 2027

    def test_entering_the_proceedings(self, catalog, term):
        session = make_session(term)
        enter_proceedings(session, datetime(2026, 7, 20, 23, 30))
        index, meta = indexed(catalog, session)
        assert index["proceedings_day"] == 20260720
        assert meta["proceedings_date"] == session.proceedings_date

    def test_full_text(self, catalog, term):
        session = make_session(
            term,
            4,
            agenda=[
                {
                    "time": "08:00",
                    "item": "Thảo luận tờ trình về kế hoạch đầu tư công",
                    "presenter": "Phó Chủ tịch UBND xã Trần Văn Bình",
                    "documents": [],
                }
            ],
        )
        text = text_of(catalog, session)
        for word in ("ky", "hop", "thu", "tu", "hoi", "truong", "binh", "dau", "tu"):
            assert word in text.split()
        kind = translate(
            "Regular session", domain="commune_portal", target_language="vi"
        )
        assert kind.split()[0].lower() in text
        assert found(catalog, "Trần Văn Bình") == {session.getId()}
        assert found(catalog, "ke hoach dau tu cong") == {session.getId()}


class TestMaterials:
    def test_kind_and_term(self, catalog, term):
        session = make_session(term)
        material = make_material(
            session, "Văn bản số 45", material_kind="review_report"
        )
        resolution = make_resolution(session)
        index, meta = indexed(catalog, material)
        assert index["material_kind"] == "review_report"
        assert meta["material_kind"] == "review_report"
        assert index["term_uid"] == meta["term_uid"] == term.UID()
        index, meta = indexed(catalog, resolution)
        assert index["term_uid"] == term.UID()
        assert not index["material_kind"]

    def test_kind_in_the_full_text(self, catalog, term):
        """The kind of material is searchable in the site's language, with
        the official-document text (number, title)."""
        session = make_session(term)
        material = make_material(
            session, "Văn bản số 45", material_kind="review_report"
        )
        kind = translate(
            "Committee review report", domain="commune_portal", target_language="vi"
        )
        assert found(catalog, kind) == {material.getId()}
        assert found(catalog, "45/TTr-UBND") == {material.getId()}

    def test_nothing_acquired_by_what_a_record_holds(self, catalog, term):
        """A photo in a session, an annex of a resolution: no session
        number, kind, term or year of their parent."""
        session = make_session(term)
        resolution = make_resolution(session)
        with api.env.adopt_roles(["Manager"]):
            photo = api.content.create(
                session,
                "Image",
                title="Toàn cảnh kỳ họp",
                image=NamedBlobImage(data=b"GIF89a", filename="a.gif"),
            )
            annex = api.content.create(resolution, "File", title="Phụ lục")
        for obj in (photo, annex):
            index, meta = indexed(catalog, obj)
            for name in INDEX_NAMES:
                assert index.get(name) in (None, "", []), (obj, name)
            for name in METADATA:
                assert meta[name] in (None, MV), (obj, name)


class TestDelegates:
    def test_values_and_text(self, catalog, term):
        delegate = make_delegate(
            term,
            "Phạm Thị Lan",
            committee="culture_society",
            constituency="Đơn  vị bầu cử số 3",
            workplace="Trường Tiểu học Nghi Dương",
            private_phone=PRIVATE_PHONE,
            private_address=PRIVATE_ADDRESS,
        )
        index, meta = indexed(catalog, delegate)
        # One normal form: NFC, single spaces.
        assert index["constituency"] == meta["constituency"] == "Đơn vị bầu cử số 3"
        assert meta["position"] == "Đại biểu HĐND xã"
        assert meta["committee"] == "culture_society"
        assert index["term_uid"] == term.UID()
        assert found(catalog, "Tieu hoc Nghi Duong") == {delegate.getId()}
        committee = translate(
            "Culture and society committee",
            domain="commune_portal",
            target_language="vi",
        )
        assert delegate.getId() in found(catalog, committee)

    def test_private_contact_details_nowhere(self, catalog, term):
        delegate = make_delegate(
            term, private_phone=PRIVATE_PHONE, private_address=PRIVATE_ADDRESS
        )
        index, meta = indexed(catalog, delegate)
        everything = repr(index) + repr(dict(meta))
        # Whole values and their distinctive parts (a UID may hold "654").
        for secret in (PRIVATE_PHONE, "0987", PRIVATE_ADDRESS, "Chùa", "chua"):
            assert secret not in everything
        assert not found(catalog, PRIVATE_PHONE)
        assert not found(catalog, "Xóm Chùa")


class TestTerms:
    def test_values_and_text(self, catalog, term):
        index, meta = indexed(catalog, term)
        assert meta["khoa"] == "XXI"
        assert meta["start_year"] == 2026
        assert meta["end_year"] == 2031
        assert not index["term_uid"]
        assert term.getId() in found(catalog, "khóa XXI")
        assert term.getId() in found(catalog, "2026-2031")


class TestPetitions:
    def test_values(self, catalog, term):
        petition = make_petition(
            term,
            sectors=["Giao thông vận tải", "Đất đai"],
            response_date=date(2026, 8, 20),
        )
        index, meta = indexed(catalog, petition)
        assert index["meeting_day"] == 20260620
        assert index["deadline_day"] == 20260930
        assert index["constituency"] == "Đơn vị bầu cử số 1"
        assert index["term_uid"] == term.UID()
        assert sorted(index["sectors"]) == ["Giao thông vận tải", "Đất đai"]
        assert meta["meeting_date"] == date(2026, 6, 20)
        assert meta["deadline"] == date(2026, 9, 30)
        assert meta["response_date"] == date(2026, 8, 20)
        assert meta["source_meeting"].startswith("Tiếp xúc cử tri")
        assert meta["responsible_agency"] == "UBND xã"
        assert list(meta["sectors"]) == ["Giao thông vận tải", "Đất đai"]
        assert meta["response_excerpt"] is None

    def test_dates_every_petition_has_for_sorting(self, catalog, term):
        """Without a meeting date or a deadline, a petition still has a
        sort key (ZCatalog drops what a sort index does not know)."""
        petition = make_petition(term, meeting_date=None, deadline=None)
        index, meta = indexed(catalog, petition)
        assert index["meeting_day"] == 0
        assert index["deadline_day"] == 99991231
        assert meta["deadline"] is None

    def test_response_in_text_and_excerpt(self, catalog, term):
        long_answer = "Ủy ban nhân dân xã đã khảo sát hiện trạng. " * 30
        petition = make_petition(
            term,
            response=RichTextValue(
                f"<p>{long_answer}</p><p>Đã bố trí kinh phí năm 2027.</p>",
                "text/html",
                "text/x-html-safe",
            ),
        )
        _index, meta = indexed(catalog, petition)
        assert meta["response_excerpt"].startswith("Ủy ban nhân dân xã đã khảo sát")
        assert meta["response_excerpt"].endswith("…")
        assert "<p>" not in meta["response_excerpt"]
        assert len(meta["response_excerpt"]) <= 402
        assert found(catalog, "bo tri kinh phi nam 2027") == {petition.getId()}

    def test_who_raised_it_nowhere(self, catalog, term):
        petition = make_petition(term, **PETITIONER)
        index, meta = indexed(catalog, petition)
        everything = repr(index) + repr(dict(meta))
        # The words only who raised it has (the content names thôn Đông).
        for word in ("Trịnh", "trinh", "Khiếu", "khieu", "Hòe", "hoe", "Nhai"):
            assert word not in everything, word
        for digits in (PETITIONER["petitioner_phone"], "0912"):
            assert digits not in everything
        assert not found(catalog, "Trịnh Văn Khiếu")
        assert not found(catalog, "Hòe Nhai")
        assert not found(catalog, "0912")


def test_excerpt_cuts_after_a_word():
    assert excerpt("một hai ba", 100) == "một hai ba"
    assert excerpt("một  hai\nba bốn năm", 9) == "một hai …"


class TestUpgrade:
    """Upgrade 1003 -> 1004 (``upgrades/v1004_council_catalog.py``): the
    indexes and metadata, the council records indexed, the kỷ yếu section,
    the petitions listing; what an administrator set stays."""

    @pytest.fixture
    def old_site(self, portal, setup_tool, catalog):
        """A site of 1003 with the standard sections and a council record
        made by the new code before the upgrade ran."""
        setup_tool.runAllImportStepsFromProfile("profile-commune_portal:structure")
        section = portal["hdnd"]
        with api.env.adopt_roles(["Manager"]):
            section.manage_delObjects(["ky-yeu"])
        del section["kien-nghi-cu-tri"].layout  # Plone's listing
        petition = make_petition(make_term(section), sectors=["Đất đai"])
        for name in INDEX_NAMES:
            catalog.delIndex(name)
        for name in METADATA:
            if name in catalog.schema():
                catalog.delColumn(name)
        setup_tool.setLastVersionForProfile("commune_portal:default", "1003")
        return petition

    def test_upgrade(self, portal, setup_tool, catalog, old_site):
        setup_tool.upgradeProfile("commune_portal:default")

        assert set(INDEX_NAMES) <= set(catalog.indexes())
        assert set(METADATA) <= set(catalog.schema())
        (brain,) = catalog.unrestrictedSearchResults(
            portal_type="VoterPetition", deadline_day=20260930
        )
        assert brain.getObject() == old_site
        assert brain.constituency == "Đơn vị bầu cử số 1"
        assert brain.term_uid == old_site.aq_parent.UID()
        archive = portal["hdnd"]["ky-yeu"]
        assert archive.title == "Kỷ yếu kỳ họp"
        assert archive.getLayout() == "proceedings-view"
        assert api.content.get_state(archive) == "published"
        assert portal["hdnd"]["kien-nghi-cu-tri"].getLayout() == "petitions-view"
        assert "petitions-view" in portal.portal_types["Folder"].view_methods

    def test_what_the_administrator_set_stays(
        self, portal, setup_tool, catalog, old_site
    ):
        section = portal["hdnd"]
        section["kien-nghi-cu-tri"].setLayout("summary_view")
        with api.env.adopt_roles(["Manager"]):
            api.content.create(section, "Folder", id="ky-yeu", title="Kỷ yếu cũ")

        setup_tool.upgradeProfile("commune_portal:default")

        assert section["kien-nghi-cu-tri"].getLayout() == "summary_view"
        assert section["ky-yeu"].title == "Kỷ yếu cũ"
        assert section["ky-yeu"].getLayout() != "proceedings-view"

    def test_a_site_without_a_council_section(self, portal, setup_tool):
        from commune_portal.upgrades.v1004_council_catalog import add_council_sections

        assert "hdnd" not in portal.objectIds()
        add_council_sections(setup_tool)
        assert "hdnd" not in portal.objectIds()
