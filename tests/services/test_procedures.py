"""``GET @procedures``: filters, facets, batching, lookup by code, 400 on
bad parameters, what anonymous visitors and officers see."""

from datetime import date as D
from pathlib import Path
from plone import api
from tests.procedure_helpers import demo_catalogue
from tests.procedure_helpers import replace_decree
import commune_portal
import pytest
import requests
import transaction


FIXTURE = Path(commune_portal.__file__).parent / "fixtures" / "procedures.json"
HEADERS = {"Accept": "application/json"}


@pytest.fixture
def catalogue(functional_portal):
    return demo_catalogue(functional_portal)


def get(context, auth=None, **params):
    return requests.get(
        f"{context.absolute_url()}/@procedures",
        params=params,
        headers=HEADERS,
        auth=auth,
    )


def codes(response):
    assert response.status_code == 200, response.text
    return sorted(item["procedure_code"] for item in response.json()["items"])


@pytest.fixture
def officer(catalogue, user_with_roles):
    user, password = user_with_roles("motcua")
    api.user.grant_roles(
        username=user, obj=catalogue["section"], roles=["ProcedureOfficer"]
    )
    catalogue["section"].reindexObjectSecurity()  # as the sharing page does
    transaction.commit()
    return user, password


class TestVisibility:
    def test_anonymous_sees_published_only(self, catalogue):
        response = get(catalogue["section"])
        assert response.json()["items_total"] == 10
        assert "1.999999" not in codes(response)

    def test_officer_sees_the_draft(self, catalogue, officer):
        response = get(catalogue["section"], auth=officer)
        assert response.json()["items_total"] == 11
        assert "1.999999" in codes(response)


class TestFilters:
    def test_everything_with_items_from_metadata(self, catalogue):
        body = get(catalogue["section"], b_size=50).json()
        assert body["@id"].endswith("/thu-tuc-hanh-chinh/@procedures")
        (birth,) = [i for i in body["items"] if i["procedure_code"] == "1.001193"]
        assert birth["title"] == "Thủ tục đăng ký khai sinh"
        assert birth["@type"] == "Procedure"
        assert birth["sectors"] == ["Hộ tịch"]
        assert birth["online_service"] == {
            "token": "full",
            "title": "Dịch vụ công trực tuyến toàn trình",
        }
        assert birth["processing_days"] == 0
        assert birth["fee_summary"] == "Miễn lệ phí (đăng ký đúng hạn)"
        assert birth["national_portal_url"].startswith("https://dichvucong.gov.vn/")
        assert birth["review_state"] == "published"
        assert birth["legal_basis_outdated"] is False
        # Vietnamese order of titles by default.
        titles = [i["title"] for i in body["items"]]
        assert titles[0].startswith("Đăng ký thường trú")

    @pytest.mark.parametrize(
        "code", ["1.001193", "1.001193.000.00.00.H48", "1.001193.H35", " 1.001193 "]
    )
    def test_code_short_or_long(self, catalogue, code):
        assert codes(get(catalogue["section"], code=code)) == ["1.001193"]

    def test_unknown_code(self, catalogue):
        assert codes(get(catalogue["section"], code="1.000001")) == []

    @pytest.mark.parametrize(
        "query,expected",
        [
            ("khai sinh", ["1.001193"]),
            ("dang ky ket hon", ["1.000894"]),  # without tone marks
            ("thường trú", ["1.004222"]),
            ("2.000815", ["2.000815"]),  # the code is searchable text too
        ],
    )
    def test_q(self, catalogue, query, expected):
        assert codes(get(catalogue["section"], q=query)) == expected

    def test_sector_by_token_or_as_written(self, catalogue):
        assert len(codes(get(catalogue["section"], sector="ho-tich"))) == 7
        assert codes(get(catalogue["section"], sector="Chứng thực")) == [
            "2.000815",
            "2.000908",
        ]
        both = get(catalogue["section"], sector=["chung-thuc", "ho-tich"])
        assert len(codes(both)) == 9

    def test_online_service(self, catalogue):
        assert codes(get(catalogue["section"], online_service="information_only")) == [
            "2.000815"
        ]
        assert codes(get(catalogue["section"], online_service="partial")) == [
            "1.000894",
            "1.004837",
            "2.000908",
        ]

    def test_implementation_level(self, catalogue):
        assert codes(get(catalogue["section"], implementation_level="province")) == [
            "2.000815",
            "2.000908",
        ]
        assert (
            len(codes(get(catalogue["section"], implementation_level="commune"))) == 10
        )

    def test_legal_basis_outdated(self, catalogue, frozen_today):
        section = catalogue["section"]
        birth = section["thu-tuc-dang-ky-khai-sinh"]
        # The import linked the decree found on the site by its number.
        assert [r.to_object for r in birth.legal_basis_documents] == [
            catalogue["decree"]
        ]
        assert codes(get(section, legal_basis_outdated="true")) == []
        replace_decree(catalogue)
        transaction.commit()
        cited = {
            "1.000656",
            "1.000894",
            "1.001193",
            "1.004837",
            "1.004859",
            "1.004873",
            "1.004884",
        }
        frozen_today(D(2026, 2, 28))  # the new decree is not in force yet
        assert codes(get(section, legal_basis_outdated="true")) == []
        frozen_today(D(2026, 3, 1))
        outdated = get(section, legal_basis_outdated="true")
        current = get(section, legal_basis_outdated="false")
        assert set(codes(outdated)) == cited
        assert all(i["legal_basis_outdated"] for i in outdated.json()["items"])
        assert set(codes(current)) == {"1.004222", "2.000815", "2.000908"}

    def test_sort_by_code(self, catalogue):
        body = get(catalogue["section"], sort_on="procedure_code", b_size=50).json()
        found = [i["procedure_code"] for i in body["items"]]
        assert found == sorted(found)
        body = get(
            catalogue["section"],
            sort_on="procedure_code",
            sort_order="descending",
            b_size=50,
        ).json()
        assert [i["procedure_code"] for i in body["items"]] == sorted(
            found, reverse=True
        )


class TestFacets:
    def test_over_the_whole_filtered_result(self, catalogue):
        body = get(catalogue["section"], b_size=2).json()
        assert len(body["items"]) == 2
        sectors = {f["title"]: f["count"] for f in body["facets"]["sector"]}
        assert sectors == {"Hộ tịch": 7, "Chứng thực": 2, "Đăng ký, quản lý cư trú": 1}
        assert body["facets"]["sector"][0] == {
            "token": "ho-tich",
            "title": "Hộ tịch",
            "count": 7,
        }
        assert body["facets"]["online_service"] == [
            {
                "token": "full",
                "title": "Dịch vụ công trực tuyến toàn trình",
                "count": 6,
            },
            {
                "token": "partial",
                "title": "Dịch vụ công trực tuyến một phần",
                "count": 3,
            },
            {
                "token": "information_only",
                "title": "Chỉ cung cấp thông tin",
                "count": 1,
            },
        ]

    def test_follow_the_filters(self, catalogue):
        body = get(catalogue["section"], online_service="partial").json()
        sectors = {f["title"]: f["count"] for f in body["facets"]["sector"]}
        assert sectors == {"Hộ tịch": 2, "Chứng thực": 1}

    def test_can_be_left_out(self, catalogue):
        assert "facets" not in get(catalogue["section"], facets="false").json()

    def test_fresh_after_the_sector_list_changes(self, catalogue):
        """Facet tokens come from the control panel's list, which the
        cached facets follow."""

        def tokens():
            body = get(catalogue["section"]).json()
            return {f["title"]: f["token"] for f in body["facets"]["sector"]}

        assert tokens()["Hộ tịch"] == "ho-tich"
        record = "commune_portal.sectors"
        listed = api.portal.get_registry_record(record)
        api.portal.set_registry_record(record, [s for s in listed if s != "Hộ tịch"])
        transaction.commit()
        assert tokens()["Hộ tịch"] == "Hộ tịch"  # no longer a listed sector

    def test_in_the_language_asked(self, catalogue):
        api.portal.set_registry_record("plone.use_request_negotiation", True)
        transaction.commit()

        def titles(language):
            response = requests.get(
                f"{catalogue['section'].absolute_url()}/@procedures",
                headers={**HEADERS, "Accept-Language": language},
            )
            return {
                f["token"]: f["title"]
                for f in response.json()["facets"]["online_service"]
            }

        assert titles("vi")["full"] == "Dịch vụ công trực tuyến toàn trình"
        assert titles("en")["full"] == "Fully online public service"
        assert titles("vi")["full"] == "Dịch vụ công trực tuyến toàn trình"


class TestBatching:
    def test_pages(self, catalogue):
        first = get(catalogue["section"], b_size=4).json()
        assert first["items_total"] == 10
        assert len(first["items"]) == 4
        assert "b_start=4" in first["batching"]["next"]
        last = get(catalogue["section"], b_size=4, b_start=8).json()
        assert len(last["items"]) == 2
        everything = {
            i["procedure_code"]
            for start in (0, 4, 8)
            for i in get(catalogue["section"], b_size=4, b_start=start).json()["items"]
        }
        assert len(everything) == 10


class TestBadParameters:
    @pytest.mark.parametrize(
        "params,name",
        [
            ({"code": "1.1193"}, "code"),
            ({"online_service": "muc-do-4"}, "online_service"),
            ({"implementation_level": "huyen"}, "implementation_level"),
            ({"legal_basis_outdated": "maybe"}, "legal_basis_outdated"),
            ({"sort_on": "fee"}, "sort_on"),
            ({"b_size": "0"}, "b_size"),
            ({"q": "x", "portal_type": "Directive"}, "portal_type"),
            ({"linh_vuc": "ho-tich"}, "linh_vuc"),
        ],
    )
    def test_400_names_the_parameter(self, catalogue, params, name):
        response = get(catalogue["section"], **params)
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["type"] == "BadRequest"
        assert error["parameter"] == name
        assert error["message"]
