"""Import of procedures: ``POST @procedures-import`` and the functions the
console script uses. Items are created or updated by code; an invalid item
changes nothing while the valid ones land."""

from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from commune_portal.procedure_import import import_procedures
from commune_portal.procedure_import import items_of
from commune_portal.procedure_import import load
from commune_portal.procedure_import import main
from pathlib import Path
from plone import api
from tests.procedure_helpers import contents
from tests.procedure_helpers import make_procedure
from tests.procedure_helpers import procedures_section
import commune_portal
import copy
import json
import pytest
import re
import requests
import transaction


FIXTURE = Path(commune_portal.__file__).parent / "fixtures" / "procedures.json"
HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}


def fixture_items():
    return load(str(FIXTURE))


@pytest.fixture
def section(functional_portal):
    folder = procedures_section(functional_portal)
    transaction.commit()
    return folder


@pytest.fixture
def officer(section, user_with_roles):
    user, password = user_with_roles("motcua")
    api.user.grant_roles(username=user, obj=section, roles=["ProcedureOfficer"])
    transaction.commit()
    return user, password


def post(section, body, auth):
    return requests.post(
        f"{section.absolute_url()}/@procedures-import",
        data=json.dumps(body),
        headers=HEADERS,
        auth=auth,
    )


class TestFixture:
    def test_ten_procedures_with_national_codes(self):
        items = fixture_items()
        assert len(items) == 10
        assert len({item["procedure_code"] for item in items}) == 10
        titles = " ".join(item["title"] for item in items)
        for words in (
            "khai sinh",
            "kết hôn",
            "khai tử",
            "chứng thực chữ ký",
            "thường trú",
            "trích lục",
            "bản sao từ bản chính",
            "giám hộ",
            "tình trạng hôn nhân",
            "cải chính",
        ):
            assert words in titles, words

    def test_shapes(self):
        assert items_of([{"a": 1}]) == [{"a": 1}]
        with pytest.raises(ValueError):
            items_of({"format": "other/1", "procedures": []})
        with pytest.raises(ValueError):
            items_of({"procedure": []})


class TestRest:
    def test_officer_imports_the_fixture(self, section, officer):
        body = {"procedures": fixture_items(), "publish": True}
        response = post(section, body, officer)
        assert response.status_code == 200, response.text
        report = response.json()
        assert (report["created"], report["updated"], report["refused"]) == (10, 0, 0)
        assert report["sectors_added"] == ["Đăng ký, quản lý cư trú"]
        assert [item["status"] for item in report["items"]] == ["created"] * 10
        transaction.begin()
        assert len(contents(section)) == 10
        birth = section["thu-tuc-dang-ky-khai-sinh"]
        assert api.content.get_state(birth) == "published"
        assert birth.channels[1]["channel"] == "online"
        assert birth.legal_basis[0]["document_number"] == "60/2014/QH13"
        assert birth.legal_basis[0]["issue_date"].isoformat() == "2014-11-20"
        # The same file again: every procedure is updated, none added.
        again = post(section, body, officer).json()
        assert (again["created"], again["updated"], again["refused"]) == (0, 10, 0)
        transaction.begin()
        assert len(contents(section)) == 10

    def test_partly_invalid_file(self, section, officer):
        existing = make_procedure(
            section, "khai-sinh", title="Đăng ký khai sinh (cũ)", fee_summary="Cũ"
        )
        marriage = make_procedure(
            section,
            "ket-hon",
            title="Đăng ký kết hôn (cũ)",
            procedure_code="1.000894",
            fee_summary="Cũ",
        )
        transaction.commit()
        items = {item["procedure_code"]: item for item in fixture_items()}
        update = copy.deepcopy(items["1.001193"])
        update["procedure_code"] = "1.001193.000.00.00.H48"  # long code, same procedure
        broken_update = copy.deepcopy(items["1.000894"])
        broken_update["required_documents"][0]["copies"] = -2  # invalid row
        bad_code = copy.deepcopy(items["1.000656"])
        bad_code["procedure_code"] = "1.656"
        bad_url = copy.deepcopy(items["1.004873"])
        bad_url["national_portal_url"] = "javascript:alert(1)"
        unknown_key = copy.deepcopy(items["2.000815"])
        unknown_key["ma_thu_tuc"] = "2.000815"
        new = copy.deepcopy(items["2.000908"])
        body = {
            "procedures": [update, broken_update, bad_code, bad_url, unknown_key, new]
        }

        response = post(section, body, officer)
        assert response.status_code == 200, response.text
        report = response.json()
        assert [item["status"] for item in report["items"]] == [
            "updated",
            "refused",
            "refused",
            "refused",
            "refused",
            "created",
        ]
        assert (report["created"], report["updated"], report["refused"]) == (1, 1, 4)
        fields = [
            {error["field"] for error in item.get("errors", [])}
            for item in report["items"]
        ]
        assert fields[1] == {"required_documents"}
        assert fields[2] == {"procedure_code"}
        assert fields[3] == {"national_portal_url"}
        assert fields[4] == {None}
        assert "ma_thu_tuc" in report["items"][4]["errors"][0]["message"]

        transaction.begin()
        # The valid items landed ...
        assert existing.title == "Thủ tục đăng ký khai sinh"
        assert existing.procedure_code == "1.001193.000.00.00.H48"
        assert existing.fee_summary == "Miễn lệ phí (đăng ký đúng hạn)"
        assert report["items"][0]["@id"] == existing.absolute_url()
        created = api.content.get(path=report["items"][5]["@id"].split("/plone", 1)[1])
        assert created.procedure_code == "2.000908"
        assert api.content.get_state(created) == "private"  # not asked to publish
        # ... the invalid ones did not, not even in part.
        assert marriage.title == "Đăng ký kết hôn (cũ)"
        assert marriage.fee_summary == "Cũ"
        assert marriage.required_documents == existing_rows(marriage)
        catalog = api.portal.get_tool("portal_catalog")
        for code in ("1.000656", "1.004873", "2.000815"):
            assert not catalog.unrestrictedSearchResults(procedure_code_key=code)
        assert len(contents(section)) == 3

    def test_sectors_added_only_by_the_items_that_land(self, section, officer):
        items = {item["procedure_code"]: item for item in fixture_items()}
        landing = copy.deepcopy(items["1.001193"])
        landing["sectors"] = ["Hộ tịch", "Hộ tịch điện tử"]
        refused = copy.deepcopy(items["1.000894"])
        refused["sectors"] = ["Lĩnh vực thử nghiệm"]
        refused["national_portal_url"] = "ftp://dichvucong.gov.vn/1.000894"
        response = post(section, {"procedures": [landing, refused]}, officer)
        assert response.status_code == 200, response.text
        report = response.json()
        assert [item["status"] for item in report["items"]] == ["created", "refused"]
        assert report["sectors_added"] == ["Hộ tịch điện tử"]
        transaction.begin()
        listed = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.sectors")
        assert "Hộ tịch điện tử" in listed
        assert "Lĩnh vực thử nghiệm" not in listed
        assert contents(section) == ["thu-tuc-dang-ky-khai-sinh"]

    def test_refused_for_others(self, section, user_with_roles):
        contributor = user_with_roles("phongvien", "Contributor")
        for auth in (None, contributor):
            response = post(section, {"procedures": fixture_items()}, auth)
            assert response.status_code == 401, response.text
        transaction.begin()
        assert contents(section) == []

    @pytest.mark.parametrize(
        "body,parameter",
        [
            ({"items": []}, "procedures"),
            ({"procedures": "not a list"}, "procedures"),
            ({"procedures": [], "publish": "yes"}, "publish"),
        ],
    )
    def test_bad_body(self, section, officer, body, parameter):
        response = post(section, body, officer)
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == parameter


class TestOnceAFile:
    """A file names each procedure once; codes are found without flushing
    the indexing queue per item, also what the same transaction added."""

    def test_second_item_with_the_same_code_refused(self, section, officer):
        items = {item["procedure_code"]: item for item in fixture_items()}
        first = copy.deepcopy(items["1.001193"])
        second = copy.deepcopy(items["1.001193"])
        second["procedure_code"] = "1.001193.000.00.00.H48"  # same short code
        second["fee_summary"] = "Lệ phí của mục thứ hai"
        other = copy.deepcopy(items["2.000908"])
        body = {"procedures": [first, other, second]}
        report = post(section, body, officer).json()
        assert [item["status"] for item in report["items"]] == [
            "created",
            "created",
            "refused",
        ]
        assert (report["created"], report["updated"], report["refused"]) == (2, 0, 1)
        (error,) = report["items"][2]["errors"]
        assert error["field"] == "procedure_code"
        assert re.search(r"\b1\b", error["message"])  # names the item with the code
        transaction.begin()
        birth = section["thu-tuc-dang-ky-khai-sinh"]
        assert birth.procedure_code == "1.001193"
        assert birth.fee_summary == "Miễn lệ phí (đăng ký đúng hạn)"
        catalog = api.portal.get_tool("portal_catalog")
        assert (
            len(catalog.unrestrictedSearchResults(procedure_code_key="1.001193")) == 1
        )
        assert len(contents(section)) == 2
        # The same file again: the first two update, the third is still refused.
        again = post(section, body, officer).json()
        assert [item["status"] for item in again["items"]] == [
            "updated",
            "updated",
            "refused",
        ]
        transaction.begin()
        assert section["thu-tuc-dang-ky-khai-sinh"].fee_summary == (
            "Miễn lệ phí (đăng ký đúng hạn)"
        )
        assert len(contents(section)) == 2

    def test_what_the_transaction_added_is_found(self, section):
        items = {item["procedure_code"]: item for item in fixture_items()}
        birth = copy.deepcopy(items["1.001193"])
        birth["procedure_code"] = "1.001193.000.00.00.H48"
        marriage = copy.deepcopy(items["1.000894"])
        catalog = api.portal.get_tool("portal_catalog")
        with api.env.adopt_roles(["Manager"]):
            # Added by other code of the same transaction, not catalogued yet.
            earlier = make_procedure(section, "khai-sinh", fee_summary="Cũ")
            first = import_procedures(section, [birth, marriage], publish=True)
            # The import catalogues what it made before it returns (while it
            # holds the workflow chains, workflows/chains.py).
            assert catalog._unrestrictedSearchResults(procedure_code_key="1.000894")
            second = import_procedures(section, [copy.deepcopy(marriage)])
        assert [item["status"] for item in first["items"]] == ["updated", "created"]
        assert [item["status"] for item in second["items"]] == ["updated"]
        assert earlier.fee_summary == "Miễn lệ phí (đăng ký đúng hạn)"
        assert earlier.procedure_code == "1.001193.000.00.00.H48"
        assert sorted(contents(section)) == ["khai-sinh", "thu-tuc-dang-ky-ket-hon"]
        for key in ("1.001193", "1.000894"):
            assert len(catalog.unrestrictedSearchResults(procedure_code_key=key)) == 1
        transaction.abort()

    def test_once_across_the_calls_of_one_file(self, section):
        """The console script imports a file in batches, each committed."""
        items = {item["procedure_code"]: item for item in fixture_items()}
        seen = {}
        with api.env.adopt_roles(["Manager"]):
            first = import_procedures(
                section, [items["1.001193"], items["1.000894"]], seen=seen
            )
            transaction.commit()
            again = copy.deepcopy(items["1.000894"])
            again["title"] = "Đăng ký kết hôn (lần hai)"
            second = import_procedures(
                section, [items["2.000908"], again], offset=2, seen=seen
            )
            transaction.commit()
        assert [item["status"] for item in first["items"]] == ["created", "created"]
        assert [(item["position"], item["status"]) for item in second["items"]] == [
            (3, "created"),
            (4, "refused"),
        ]
        assert re.search(r"\b2\b", second["items"][1]["errors"][0]["message"])
        assert section["thu-tuc-dang-ky-ket-hon"].title == "Thủ tục đăng ký kết hôn"
        assert len(contents(section)) == 3


def existing_rows(procedure):
    """The rows ``make_procedure`` stored (those of ``BIRTH``)."""
    from tests.procedure_helpers import BIRTH

    return BIRTH["required_documents"]


def test_console_script_needs_a_configuration(capsys):
    with pytest.raises(SystemExit):
        main(["--site", "Plone", str(FIXTURE)])
    assert "--config" in capsys.readouterr().err
