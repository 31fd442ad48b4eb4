"""``GET @directives``: filters, facets, sorting, batching, errors, visibility."""

from datetime import date
import pytest
import transaction
import unicodedata


D = date


@pytest.fixture
def documents(sample_documents):
    return sample_documents


@pytest.fixture(autouse=True)
def today(frozen_today):
    frozen_today(D(2026, 11, 23))


@pytest.fixture
def anonymous(request_factory):
    return request_factory()


@pytest.fixture
def manager(request_factory, site_owner_name, site_owner_password):
    return request_factory(basic_auth=(site_owner_name, site_owner_password))


def ids(response):
    assert response.status_code == 200, response.text
    return [item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]]


def facet(response, name):
    return {f["token"]: f["count"] for f in response.json()["facets"][name]}


class TestDefault:
    def test_newest_first_for_anonymous(self, documents, anonymous):
        assert ids(anonymous.get("van-ban/@directives")) == [
            "kh-120-2026",
            "nq-15-2026",
            "qd-30-2026",
            "kh-05-2026",
            "cv-245-2025",
            "nq-01-2025",
            "qd-12-2024",
        ]

    def test_editor_sees_the_draft(self, documents, manager):
        assert "du-thao" in ids(manager.get("van-ban/@directives"))

    def test_item(self, documents, anonymous):
        items = anonymous.get(
            "van-ban/@directives", params={"document_number": "30/QĐ-UBND"}
        ).json()["items"]
        (item,) = items
        assert item["@type"] == "Directive"
        assert item["title"] == "Quyết định ban hành Quy chế làm việc (thay thế)"
        assert item["document_number"] == "30/QĐ-UBND"
        assert item["document_type"] == {"token": "quyet-dinh", "title": "Quyết định"}
        assert item["issuing_body"] == "Ủy ban nhân dân"
        assert item["issue_date"] == "2026-03-01"
        assert item["effective_date"] is None
        assert item["legal_status"] == {"token": "in_force", "title": "Còn hiệu lực"}
        assert item["sectors"] == ["Nội vụ"]
        assert item["review_state"] == "published"
        assert item["file"] is None
        assert len(item["UID"]) == 32

    def test_folder_scope(self, documents, anonymous):
        assert ids(anonymous.get("van-ban/hdnd/@directives")) == ["nq-15-2026"]

    def test_site_scope_includes_everything(self, documents, anonymous):
        assert anonymous.get("@directives").json()["items_total"] == 7


class TestFilters:
    @pytest.mark.parametrize(
        "params,expected",
        [
            ({"document_type": "ke-hoach"}, ["kh-120-2026", "kh-05-2026"]),
            (
                {"document_type": ["ke-hoach", "nghi-quyet"]},
                ["kh-120-2026", "nq-15-2026", "kh-05-2026", "nq-01-2025"],
            ),
            ({"document_number": "Số: 5/kh-ubnd"}, ["kh-05-2026"]),
            ({"issuing_body": "Hội đồng nhân dân"}, ["nq-15-2026", "nq-01-2025"]),
            ({"issuing_body": "hoi-dong-nhan-dan"}, ["nq-15-2026", "nq-01-2025"]),
            ({"sector": "Nội vụ"}, ["qd-30-2026", "qd-12-2024"]),
            (
                {"sector": ["noi-vu", "chuyen-doi-so"]},
                ["qd-30-2026", "kh-05-2026", "qd-12-2024"],
            ),
            ({"year": "2025"}, ["cv-245-2025", "nq-01-2025"]),
            (
                {"issued_after": "2026-01-05", "issued_before": "2026-03-01"},
                ["qd-30-2026", "kh-05-2026"],
            ),
            ({"issued_after": "2026-11-19"}, ["kh-120-2026", "nq-15-2026"]),
            ({"issued_before": "2024-12-31"}, ["qd-12-2024"]),
            ({"legal_status": "pending"}, ["kh-120-2026"]),
            ({"legal_status": "expired"}, ["cv-245-2025", "qd-12-2024"]),
            (
                {"legal_status": "in_force"},
                ["nq-15-2026", "qd-30-2026", "kh-05-2026", "nq-01-2025"],
            ),
            ({"is_legal_normative": "true"}, ["nq-01-2025"]),
            ({"is_legal_normative": "false", "year": "2024"}, ["qd-12-2024"]),
            ({"portal_type": "SessionDocument"}, []),
        ],
    )
    def test_filter(self, documents, anonymous, params, expected):
        assert ids(anonymous.get("van-ban/@directives", params=params)) == expected

    @pytest.mark.parametrize(
        "text,expected",
        [
            ("quy che lam viec", ["qd-30-2026", "qd-12-2024"]),
            ("QUY CHẾ LÀM VIỆC", ["qd-30-2026", "qd-12-2024"]),
            (
                "Uỷ ban",
                [
                    "qd-30-2026",
                    "kh-120-2026",
                    "kh-05-2026",
                    "cv-245-2025",
                    "qd-12-2024",
                ],
            ),
            (
                "uy ban nhan dan",
                [
                    "qd-30-2026",
                    "kh-120-2026",
                    "kh-05-2026",
                    "cv-245-2025",
                    "qd-12-2024",
                ],
            ),
            (unicodedata.normalize("NFD", "chuyển đổi số"), ["kh-05-2026"]),
            ("tet nguyen dan dinh mui", ["kh-120-2026"]),
            ("phong chong bao", ["cv-245-2025"]),
            ("hoi dong nhan dan", ["nq-15-2026", "nq-01-2025"]),
            ("thu gom rac", ["nq-01-2025"]),
            ("245/UBND-VP", ["cv-245-2025"]),
        ],
    )
    def test_full_text_ignores_tone_marks(self, documents, anonymous, text, expected):
        found = ids(anonymous.get("van-ban/@directives", params={"q": text}))
        assert sorted(found) == sorted(expected)

    def test_full_text(self, documents, anonymous):
        assert ids(
            anonymous.get("van-ban/@directives", params={"q": "Quy chế làm việc"})
        ) == [
            "qd-30-2026",
            "qd-12-2024",
        ]


class TestFacets:
    def test_counts_over_the_whole_filtered_result(self, documents, anonymous):
        response = anonymous.get(
            "van-ban/@directives", params={"b_size": 2, "year": "2026"}
        )
        assert response.json()["items_total"] == 4
        assert len(response.json()["items"]) == 2
        assert facet(response, "document_type") == {
            "ke-hoach": 2,
            "quyet-dinh": 1,
            "nghi-quyet": 1,
        }
        assert facet(response, "year") == {"2026": 4}
        assert facet(response, "legal_status") == {"in_force": 3, "pending": 1}
        assert facet(response, "sector") == {
            "noi-vu": 1,
            "chuyen-doi-so": 1,
            "van-hoa-the-thao-va-du-lich": 1,
            "tai-chinh-ngan-sach": 1,
        }

    def test_titles_translated(self, documents, anonymous):
        response = anonymous.get("van-ban/@directives")
        titles = {
            f["token"]: f["title"] for f in response.json()["facets"]["legal_status"]
        }
        assert titles == {
            "in_force": "Còn hiệu lực",
            "pending": "Chưa có hiệu lực",
            "expired": "Hết hiệu lực toàn bộ",
        }

    def test_anonymous_counts_leave_out_drafts(self, documents, anonymous, manager):
        assert (
            facet(anonymous.get("van-ban/@directives"), "document_type")["ke-hoach"]
            == 2
        )
        assert (
            facet(manager.get("van-ban/@directives"), "document_type")["ke-hoach"] == 3
        )

    def test_facets_can_be_skipped(self, documents, anonymous):
        assert (
            "facets"
            not in anonymous.get(
                "van-ban/@directives", params={"facets": "false"}
            ).json()
        )


class TestSorting:
    @pytest.mark.parametrize(
        "params,expected",
        [
            (
                {"sort_on": "issue_date", "sort_order": "ascending"},
                [
                    "qd-12-2024",
                    "nq-01-2025",
                    "cv-245-2025",
                    "kh-05-2026",
                    "qd-30-2026",
                    "nq-15-2026",
                    "kh-120-2026",
                ],
            ),
            (
                {"sort_on": "document_number", "year": "2026"},
                ["kh-05-2026", "nq-15-2026", "qd-30-2026", "kh-120-2026"],
            ),
            (
                {
                    "sort_on": "document_number",
                    "sort_order": "descending",
                    "year": "2026",
                },
                ["kh-120-2026", "qd-30-2026", "nq-15-2026", "kh-05-2026"],
            ),
            (
                {"sort_on": "effective_date", "year": "2025"},
                ["cv-245-2025", "nq-01-2025"],
            ),
            (
                {"sort_on": "title", "document_type": "ke-hoach"},
                ["kh-05-2026", "kh-120-2026"],
            ),
        ],
    )
    def test_sort(self, documents, anonymous, params, expected):
        assert ids(anonymous.get("van-ban/@directives", params=params)) == expected


class TestBatching:
    def test_pages(self, documents, anonymous):
        first = anonymous.get("van-ban/@directives", params={"b_size": 3})
        body = first.json()
        assert body["items_total"] == 7
        assert ids(first) == ["kh-120-2026", "nq-15-2026", "qd-30-2026"]
        assert "b_start=3" in body["batching"]["next"]
        assert "b_start=6" in body["batching"]["last"]
        assert "prev" not in body["batching"]
        third = anonymous.get(body["batching"]["last"])
        assert ids(third) == ["qd-12-2024"]
        assert "next" not in third.json()["batching"]
        assert "b_start=3" in third.json()["batching"]["prev"]

    def test_one_page_has_no_batching(self, documents, anonymous):
        assert "batching" not in anonymous.get("van-ban/@directives").json()

    def test_past_the_end(self, documents, anonymous):
        body = anonymous.get("van-ban/@directives", params={"b_start": 50}).json()
        assert body["items"] == [] and body["items_total"] == 7


class TestBadParameters:
    @pytest.mark.parametrize(
        "params,parameter,message",
        [
            ({"year": "năm nay"}, "year", "số nguyên từ 1945 đến 2100"),
            ({"year": "1800"}, "year", "số nguyên từ 1945 đến 2100"),
            ({"b_size": "0"}, "b_size", "số nguyên"),
            ({"b_start": "-1"}, "b_start", "số nguyên"),
            ({"issued_after": "05/01/2026"}, "issued_after", "NNNN-TT-NN"),
            (
                {"issued_after": "2026-03-01", "issued_before": "2026-01-01"},
                "issued_before",
                "issued_before",
            ),
            (
                {"document_type": "sac-lenh"},
                "document_type",
                'Giá trị "sac-lenh" không hợp lệ',
            ),
            ({"legal_status": "valid"}, "legal_status", "không hợp lệ"),
            (
                {"legal_status": ["pending", "expired"]},
                "legal_status",
                "chỉ được truyền một lần",
            ),
            ({"portal_type": "Document"}, "portal_type", "không hợp lệ"),
            ({"is_legal_normative": "có"}, "is_legal_normative", "true hoặc false"),
            ({"sort_on": "modified"}, "sort_on", "không hợp lệ"),
            ({"sort_order": "up"}, "sort_order", "ascending"),
            (
                {"document_number": "KH-UBND"},
                "document_number",
                "không phải là số ký hiệu",
            ),
        ],
    )
    def test_400_names_the_parameter(
        self, documents, anonymous, params, parameter, message
    ):
        response = anonymous.get("van-ban/@directives", params=params)
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["parameter"] == parameter
        assert message in error["message"]


def test_not_on_a_site_without_the_addon(documents, anonymous, functional_app):
    from tests.helpers import add_plain_site

    add_plain_site(functional_app, "other")
    transaction.commit()
    response = anonymous.get(
        functional_app.absolute_url() + "/other/++api++/@directives"
    )
    assert response.status_code == 404


class TestVietnameseOrder:
    """``sort_on=title`` follows the Vietnamese alphabet (a ă â b c d đ …),
    not code points, which put "Đ", "Ư" and "Ấ" after "Z"."""

    TITLES = {
        "to-trinh": "Tờ trình xin chủ trương đầu tư",
        "uu-tien": "Ưu tiên bố trí vốn xây dựng trường học",
        "an-dinh": "Ấn định thời gian niêm yết công khai",
        "de-an": "Đề án sắp xếp thôn, tổ dân phố",
        "bao-cao": "Báo cáo kết quả thu ngân sách",
        "dang-ky": "Danh mục dự án đầu tư công",
        "uy-quyen": "Ủy quyền ký văn bản",
        "an-toan": "An toàn thực phẩm Tết Nguyên đán",
    }
    ORDER = [
        "an-toan",
        "an-dinh",
        "bao-cao",
        "dang-ky",
        "de-an",
        "to-trinh",
        "uy-quyen",
        "uu-tien",
    ]

    @pytest.fixture
    def titled(self, functional_portal):
        from plone import api
        from tests.helpers import make_document

        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(functional_portal, "Folder", id="thu-tu")
        for doc_id, title in self.TITLES.items():
            make_document(folder, doc_id, title)
        transaction.commit()

    def test_ascending(self, titled, manager):
        response = manager.get("thu-tu/@directives", params={"sort_on": "title"})
        assert ids(response) == self.ORDER

    def test_descending(self, titled, manager):
        response = manager.get(
            "thu-tu/@directives",
            params={"sort_on": "title", "sort_order": "descending"},
        )
        assert ids(response) == self.ORDER[::-1]
