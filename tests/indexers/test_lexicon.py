"""Site-wide full-text search ignoring tone marks (``indexers/lexicon.py``).

Pages and news items of Plone itself are searched, through the catalog's
``SearchableText`` and ``Title`` (ZCTextIndex query syntax) and through
Plone's search page and ``@search``.
"""

from commune_portal.indexers.lexicon import pipeline_names
from commune_portal.indexers.lexicon import PLONE_PIPELINE
from commune_portal.indexers.lexicon import VIETNAMESE_PIPELINE
from plone import api
from plone.base.utils import get_installer
from tests.helpers import add_plain_site
from tests.helpers import make_document
from zope.component.hooks import setSite
import logging
import pytest
import transaction
import unicodedata


PAGES = {
    "qd-ubnd": "Quyết định thành lập Ban chỉ đạo của Ủy ban nhân dân xã",
    "tb-tiep-dan": "Thông báo của Uỷ ban nhân dân về lịch tiếp công dân",
    "hoa-giai": "Tổ hòa giải ở cơ sở thôn Đông Hòa",
    "kh-hoa-giai": "Kế hoạch hoà giải tranh chấp đất đai",
    "an-ninh": "Ổn định tình hình an ninh trật tự",
    "nq-dang-uy": "Nghị quyết của Đảng ủy xã về xây dựng nông thôn mới",
    "bien-dong": "Đăng ký biến động đất đai",
    "khai-sinh": "Thủ tục đăng ký khai sinh, hộ tịch",
    "thuy-loi": "Kế hoạch thủy lợi vụ Đông Xuân",
    "nguoi-cao-tuoi": "Chăm sóc sức khỏe người cao tuổi",
    "nghia-vu": "Khám sức khoẻ nghĩa vụ quân sự",
    "ap-binh-an": "Ấp Bình An tổ chức ngày hội đại đoàn kết",
    "vung-lu": "Hỗ trợ người ở vùng lũ",
    "ho-ngheo": "Ưu đãi tín dụng cho hộ nghèo",
    "quy-thien-tai": "Quỹ phòng, chống thiên tai năm 2026",
    "cam-hoa": "Hội thi cắm hoa chào mừng ngày 8/3",
}
UBND = {"qd-ubnd", "tb-tiep-dan"}
HOA_GIAI = {"hoa-giai", "kh-hoa-giai"}
SUC_KHOE = {"nguoi-cao-tuoi", "nghia-vu"}
DAT_DAI = {"bien-dong", "kh-hoa-giai"}


def nfd(text):
    return unicodedata.normalize("NFD", text)


# query (catalog syntax) -> ids of the pages found
TABLE = [
    ("uy ban nhan dan", UBND),
    ("Ủy ban nhân dân", UBND),
    ("Uỷ ban nhân dân", UBND),
    ("UỶ BAN NHÂN DÂN", UBND),
    ("ỦY BAN", UBND),
    (nfd("Ủy ban nhân dân"), UBND),
    (nfd("Uỷ ban"), UBND),
    ("uy", UBND | {"nq-dang-uy"}),
    ("hoa giai", HOA_GIAI),
    ("hòa giải", HOA_GIAI),
    ("hoà giải", HOA_GIAI),
    ("HOÀ GIẢI", HOA_GIAI),
    (nfd("hoà giải"), HOA_GIAI),
    ("dong hoa", {"hoa-giai"}),
    ("Đông Hoà", {"hoa-giai"}),
    ("on dinh", {"an-ninh"}),
    ("ổn định", {"an-ninh"}),
    ("ON DINH", {"an-ninh"}),
    ("Ổn", {"an-ninh"}),
    ("dang uy", {"nq-dang-uy"}),
    ("Đảng ủy", {"nq-dang-uy"}),
    ("đảng uỷ", {"nq-dang-uy"}),
    ("nong thon moi", {"nq-dang-uy"}),
    ("nông thôn mới", {"nq-dang-uy"}),
    ("dat dai", DAT_DAI),
    ("đất đai", DAT_DAI),
    ("DAT DAI", DAT_DAI),
    ("Đất Đai", DAT_DAI),
    ("dang ky", {"bien-dong", "khai-sinh"}),
    ("đăng ký khai sinh", {"khai-sinh"}),
    ("ho tich", {"khai-sinh"}),
    ("thuy loi", {"thuy-loi"}),
    ("thuỷ lợi", {"thuy-loi"}),
    ("dong xuan", {"thuy-loi"}),
    ("dong", {"hoa-giai", "thuy-loi", "bien-dong"}),
    ("bien dong", {"bien-dong"}),
    ("suc khoe", SUC_KHOE),
    ("sức khỏe", SUC_KHOE),
    ("sức khoẻ", SUC_KHOE),
    ("nghia vu quan su", {"nghia-vu"}),
    ("ap binh an", {"ap-binh-an"}),
    ("Ấp", {"ap-binh-an"}),
    ("ấp bình an", {"ap-binh-an"}),
    ("o vung lu", {"vung-lu"}),
    ("ở vùng lũ", {"vung-lu"}),
    ("uu dai", {"ho-ngheo"}),
    ("ƯU ĐÃI", {"ho-ngheo"}),
    ("ho ngheo", {"ho-ngheo"}),
    ("quy phong chong thien tai", {"quy-thien-tai"}),
    ("Quỹ", {"quy-thien-tai"}),
    ("tiep cong dan", {"tb-tiep-dan"}),
    ('"uy ban nhan dan"', UBND),
    ('"Ủy ban nhân dân xã"', {"qd-ubnd"}),
    ('"nhân dân về"', {"tb-tiep-dan"}),
    ('"dan uy ban"', set()),
    ("uy ban OR dang uy", UBND | {"nq-dang-uy"}),
    ("dat AND NOT hoa", {"bien-dong"}),
    ("dai*", DAT_DAI | {"ap-binh-an", "ho-ngheo"}),
    ("hoa", HOA_GIAI | {"cam-hoa"}),
    ("ủy ban nhân dân huyện", set()),
    ("xyz", set()),
]


@pytest.fixture
def pages(portal):
    with api.env.adopt_roles(["Manager"]):
        for page_id, title in PAGES.items():
            api.content.create(portal, "Document", id=page_id, title=title)
    return portal


def found(catalog, **query):
    return {brain.getId for brain in catalog(**query)}


def test_the_site_uses_the_vietnamese_lexicon(portal):
    assert pipeline_names(portal.portal_catalog.plone_lexicon) == VIETNAMESE_PIPELINE


@pytest.mark.parametrize("query,expected", TABLE)
def test_searchable_text(pages, query, expected):
    assert found(pages.portal_catalog, SearchableText=query) == expected


@pytest.mark.parametrize(
    "query,expected",
    [
        ("uy ban nhan dan", UBND),
        ("Uỷ ban", UBND),
        ("hoa giai", HOA_GIAI),
        ("on dinh", {"an-ninh"}),
        ("dat dai", DAT_DAI),
    ],
)
def test_title(pages, query, expected):
    assert found(pages.portal_catalog, Title=query) == expected


def test_description_and_official_documents(portal):
    document = make_document(portal, "kh-15", "Kế hoạch tuyên truyền")
    document.setDescription("Phổ biến, giáo dục pháp luật năm 2026 trên địa bàn xã")
    document.reindexObject()
    catalog = portal.portal_catalog
    assert found(catalog, Description="pho bien giao duc") == {"kh-15"}
    assert found(catalog, SearchableText="GIÁO DỤC PHÁP LUẬT") == {"kh-15"}
    assert found(catalog, SearchableText="dia ban xa") == {"kh-15"}


@pytest.mark.parametrize(
    "query,first",
    [
        ("hòa", HOA_GIAI),
        ("hoà", HOA_GIAI),
        ("Đông", {"hoa-giai", "thuy-loi"}),
        ("động", {"bien-dong"}),
    ],
)
def test_exact_accents_rank_first(pages, query, first):
    """Without sort_on, results come by relevance: the pages spelled as
    asked before the pages only equal without tone marks."""
    ranked = [brain.getId for brain in pages.portal_catalog(SearchableText=query)]
    assert set(ranked[: len(first)]) == first
    assert len(ranked) > len(first)


class TestSearchPages:
    """Plone's own search, as a citizen uses it."""

    @pytest.fixture
    def site(self, functional_portal):
        with api.env.adopt_roles(["Manager"]):
            for page_id, title in PAGES.items():
                page = api.content.create(
                    functional_portal, "Document", id=page_id, title=title
                )
                api.content.transition(page, "publish")
        transaction.commit()
        return functional_portal.absolute_url()

    @pytest.mark.parametrize(
        "query,expected",
        [
            ("uy ban nhan dan", UBND),
            ("Ủy ban", UBND),
            ("sức khoẻ", SUC_KHOE),
            ("on dinh tinh hinh", {"an-ninh"}),
        ],
    )
    def test_rest_search(self, site, request_factory, query, expected):
        response = request_factory().get(
            f"{site}/@search", params={"SearchableText": query}
        )
        assert response.status_code == 200
        assert {item["@id"].rsplit("/", 1)[1] for item in response.json()["items"]} == (
            expected
        )

    def test_search_page(self, site, request_factory):
        response = request_factory().get(
            f"{site}/@@search", params={"SearchableText": "uy ban nhan dan"}
        )
        assert response.status_code == 200
        results = response.text.split('id="search-results"', 1)[1]
        results = results.split("</ol>", 1)[0]
        for page_id in UBND:
            assert f"{site}/{page_id}" in results
        assert f"{site}/nq-dang-uy" not in results


class TestOtherSites:
    def test_plain_site_keeps_plone_search(self, app, portal):
        """Another site of the same Zope keeps Plone's lexicon and its
        behaviour: "uy ban" does not find "Ủy ban" there."""
        other = add_plain_site(app, "other")
        setSite(other)
        try:
            with api.env.adopt_roles(["Manager"]):
                api.content.create(other, "Document", id="ubnd", title=PAGES["qd-ubnd"])
            catalog = other.portal_catalog
            assert pipeline_names(catalog.plone_lexicon) == PLONE_PIPELINE
            assert found(catalog, SearchableText="Ủy ban nhân dân") == {"ubnd"}
            assert found(catalog, SearchableText="uy ban nhan dan") == set()
        finally:
            setSite(portal)


class TestInstallAndUninstall:
    def test_uninstall_restores_plone_lexicon(self, portal, pages):
        get_installer(portal, portal.REQUEST).uninstall_product("commune_portal")
        catalog = portal.portal_catalog
        assert pipeline_names(catalog.plone_lexicon) == PLONE_PIPELINE
        # Reindexed with Plone's lexicon, as Plone searches: "Uỷ" (first
        # letter below U+0250) is folded, "Ủy" is not.
        assert found(catalog, SearchableText="Ủy ban nhân dân") == {"qd-ubnd"}
        assert found(catalog, SearchableText="uy ban nhan dan") == {"tb-tiep-dan"}
        assert "ổn" in catalog.plone_lexicon.words()

    def test_install_reindexes_existing_content(self, portal, pages):
        installer = get_installer(portal, portal.REQUEST)
        installer.uninstall_product("commune_portal")
        installer.install_product("commune_portal")
        catalog = portal.portal_catalog
        assert found(catalog, SearchableText="uy ban nhan dan") == UBND
        assert found(catalog, SearchableText="thuy loi") == {"thuy-loi"}

    def test_upgrade_from_1001(self, portal, pages, caplog):
        from commune_portal.indexers import lexicon

        catalog = portal.portal_catalog
        setup = portal.portal_setup
        # As version 1001 left the site: Plone's lexicon, no title sort key.
        lexicon.reindex(catalog, lexicon.use_plone_lexicon(catalog))
        catalog.delIndex("sortable_title_vi")
        setup.setLastVersionForProfile("commune_portal:default", "1001")
        assert found(catalog, SearchableText="uy ban nhan dan") == {"tb-tiep-dan"}

        with caplog.at_level(logging.INFO):
            setup.upgradeProfile("commune_portal:default")

        assert found(catalog, SearchableText="uy ban nhan dan") == UBND
        ordered = ["ap-binh-an", "bien-dong", "khai-sinh", "ho-ngheo"]
        brains = catalog(sort_on="sortable_title_vi", id=ordered)
        assert [brain.getId for brain in brains] == ordered
        assert "Reindexing " in caplog.text
        assert "SearchableText" in caplog.text
        assert "sortable_title_vi" in caplog.text
        # Running the step again changes nothing.
        from commune_portal.upgrades.v1002 import install_vietnamese_search

        caplog.clear()
        with caplog.at_level(logging.INFO):
            install_vietnamese_search(setup)
        assert "Reindexing" not in caplog.text
