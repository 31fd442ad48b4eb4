"""The ``Procedure`` type: schema, tables through REST, validation in REST
and in the Classic UI forms, who may add and publish."""

from commune_portal.content.procedure import short_code
from plone import api
from plone.testing.zope import Browser
from tests.helpers import validation_errors
from tests.procedure_helpers import BIRTH
from tests.procedure_helpers import contents
from tests.procedure_helpers import make_procedure
from tests.procedure_helpers import procedures_section
import pytest
import requests
import transaction


def as_json(values):
    """``BIRTH`` as a REST client sends it (dates as ISO strings)."""
    data = {"@type": "Procedure", **values}
    data["legal_basis"] = [
        {**row, "issue_date": row["issue_date"].isoformat()}
        for row in values["legal_basis"]
    ]
    return data


@pytest.fixture
def section(functional_portal):
    folder = procedures_section(functional_portal)
    transaction.commit()
    return folder


@pytest.fixture
def officer(functional_portal, section, user_with_roles):
    """A one-stop-shop officer with the role on the section only."""
    user, password = user_with_roles("motcua")
    api.user.grant_roles(username=user, obj=section, roles=["ProcedureOfficer"])
    section.reindexObjectSecurity()  # as the sharing page does
    transaction.commit()
    return user, password


def api_url(obj):
    return obj.absolute_url().replace(
        obj.portal_url(), obj.portal_url() + "/++api++", 1
    )


def messages(response):
    """The validation messages of a plone.restapi 400, as one text."""
    return " ".join(error["message"] for error in validation_errors(response))


HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}


class TestShortCode:
    @pytest.mark.parametrize(
        "code,short",
        [
            ("1.001193", "1.001193"),
            ("1.001612.000.00.00.H48", "1.001612"),
            ("1.014028.H35", "1.014028"),
            (" 1.001193 ", "1.001193"),
            ("0.001193", None),
            ("1.00119", None),
            ("1.001612.000.00.H48", None),
            ("1.001612.H4", None),
            ("", None),
        ],
    )
    def test_short_code(self, code, short):
        assert short_code(code) == short


class TestSchemaThroughTypes:
    """``@types/Procedure``: what integrators rely on (CONTRACT.md)."""

    def test_pinned(self, functional_portal, section):
        response = requests.get(
            f"{functional_portal.absolute_url()}/@types/Procedure",
            headers={"Accept": "application/json"},
            auth=("admin", "secret"),
        )
        assert response.status_code == 200
        body = response.json()
        properties = body["properties"]
        for name in (
            "title",
            "description",
            "procedure_code",
            "implementation_levels",
            "sectors",
            "target_subjects",
            "implementing_agency",
            "steps",
            "channels",
            "required_documents",
            "result",
            "legal_basis",
            "legal_basis_documents",
            "conditions",
            "online_service",
            "national_portal_url",
            "processing_days",
            "fee_summary",
        ):
            assert name in properties, name
        assert "procedure_code" in body["required"]
        rows = {
            name: set(properties[name]["items"]["properties"])
            for name in ("channels", "required_documents", "legal_basis")
        }
        assert rows == {
            "channels": {"channel", "processing_time", "fee", "description"},
            "required_documents": {"case", "name", "form", "originals", "copies"},
            "legal_basis": {"document_number", "title", "issue_date", "issuing_body"},
        }
        online = properties["online_service"]
        assert online["vocabulary"]["@id"].endswith(
            "commune_portal.vocabularies.OnlineServiceLevels"
        )
        assert properties["processing_days"]["type"] == "integer"
        channel = properties["channels"]["items"]["properties"]["channel"]
        assert channel["vocabulary"]["@id"].endswith(
            "commune_portal.vocabularies.ProcedureChannels"
        )

    def test_vocabulary_tokens(self, functional_portal, section):
        for name, tokens in (
            ("OnlineServiceLevels", ["full", "partial", "information_only"]),
            ("ProcedureChannels", ["direct", "online", "postal"]),
        ):
            response = requests.get(
                f"{functional_portal.absolute_url()}/@vocabularies/"
                f"commune_portal.vocabularies.{name}",
                headers={"Accept": "application/json"},
            )
            assert response.status_code == 200
            assert [item["token"] for item in response.json()["items"]] == tokens


class TestRestRoundTrip:
    def test_create_read_update(self, functional_portal, section, officer):
        response = requests.post(
            api_url(section), json=as_json(BIRTH), headers=HEADERS, auth=officer
        )
        assert response.status_code == 201, response.text
        url = response.json()["@id"]
        body = requests.get(url, headers=HEADERS, auth=officer).json()
        assert body["procedure_code"] == "1.001193"
        assert body["channels"] == BIRTH["channels"]
        assert body["required_documents"] == BIRTH["required_documents"]
        assert body["legal_basis"] == as_json(BIRTH)["legal_basis"]
        assert body["sectors"][0]["title"] == "Hộ tịch"
        assert body["online_service"]["token"] == "full"
        assert body["processing_days"] == 0
        assert body["review_state"] == "private"

        # What GET gives, PATCHed back with one row more, comes back whole.
        channels = body["channels"] + [
            {
                "channel": "postal",
                "processing_time": "03 ngày làm việc",
                "fee": "Theo giá cước bưu chính",
                "description": "Gửi hồ sơ qua dịch vụ bưu chính công ích",
            }
        ]
        response = requests.patch(
            url,
            json={"channels": channels, "legal_basis": body["legal_basis"]},
            headers=HEADERS,
            auth=officer,
        )
        assert response.status_code == 204, response.text
        again = requests.get(url, headers=HEADERS, auth=officer).json()
        assert again["channels"] == channels
        assert again["legal_basis"] == body["legal_basis"]

        transaction.begin()
        obj = section[url.rsplit("/", 1)[1]]
        assert obj.channels[2]["channel"] == "postal"
        assert obj.legal_basis[0]["issue_date"].isoformat() == "2014-11-20"

    def test_officer_publishes(self, functional_portal, section, officer):
        obj = make_procedure(section, "khai-sinh", publish=False)
        transaction.commit()
        response = requests.post(
            f"{api_url(obj)}/@workflow/publish", headers=HEADERS, auth=officer
        )
        assert response.status_code == 200, response.text
        transaction.begin()
        assert api.content.get_state(obj) == "published"

    def test_anonymous_cannot_add(self, functional_portal, section):
        response = requests.post(api_url(section), json=as_json(BIRTH), headers=HEADERS)
        assert response.status_code == 401
        transaction.begin()
        assert contents(section) == []


# (field, value, where the message says what is wrong)
REFUSALS = [
    ("procedure_code", "1.1193", "mã thủ tục"),
    ("procedure_code", "2.001193.H4", "mã thủ tục"),
    ("national_portal_url", "javascript:alert(1)", "http://"),
    ("national_portal_url", "ftp://dichvucong.gov.vn/x", "http://"),
    ("processing_days", -1, "không được là số âm"),
]


class TestRestValidation:
    @pytest.mark.parametrize("field,value,message", REFUSALS)
    def test_field_refused_on_create(
        self, functional_portal, section, officer, field, value, message
    ):
        data = as_json(BIRTH)
        data[field] = value
        response = requests.post(
            api_url(section), json=data, headers=HEADERS, auth=officer
        )
        assert response.status_code == 400, response.text
        errors = validation_errors(response)
        assert any(message in error["message"] for error in errors), errors
        transaction.begin()
        assert contents(section) == []

    @pytest.mark.parametrize(
        "rows,field,message",
        [
            (
                {"required_documents": [{"name": "Tờ khai", "originals": -1}]},
                "required_documents",
                "không được là số âm",
            ),
            (
                {"required_documents": [{"name": "Tờ khai", "form": "javascript:x()"}]},
                "required_documents",
                "địa chỉ",
            ),
            ({"channels": [{"channel": "fax"}]}, "channels", ""),
        ],
    )
    def test_row_refused_on_update(
        self, functional_portal, section, officer, rows, field, message
    ):
        obj = make_procedure(section, "khai-sinh", publish=False)
        transaction.commit()
        before = (list(obj.required_documents), list(obj.channels))
        response = requests.patch(
            api_url(obj), json=rows, headers=HEADERS, auth=officer
        )
        assert response.status_code == 400, response.text
        assert [error["field"] for error in validation_errors(response)] == [field]
        assert message in messages(response)
        transaction.begin()
        assert (obj.required_documents, obj.channels) == before

    def test_online_service_needs_the_address(
        self, functional_portal, section, officer
    ):
        data = as_json(BIRTH)
        data["national_portal_url"] = None
        response = requests.post(
            api_url(section), json=data, headers=HEADERS, auth=officer
        )
        assert response.status_code == 400
        assert "Cổng Dịch vụ công quốc gia" in messages(response)
        transaction.begin()
        assert contents(section) == []

    def test_code_unique_names_the_other_when_visible(
        self, functional_portal, section, officer
    ):
        make_procedure(section, "khai-sinh", title="Đăng ký khai sinh")
        transaction.commit()
        data = as_json(BIRTH)
        data["procedure_code"] = "1.001193.000.00.00.H48"  # same short code
        response = requests.post(
            api_url(section), json=data, headers=HEADERS, auth=officer
        )
        assert response.status_code == 400
        assert "Đăng ký khai sinh" in messages(response)
        transaction.begin()
        assert contents(section) == ["khai-sinh"]

    def test_code_unique_hides_what_the_user_may_not_see(
        self, functional_portal, section, officer
    ):
        with api.env.adopt_roles(["Manager"]):
            hidden = api.content.create(
                functional_portal, "Folder", id="noi-bo", title="Nội bộ"
            )
        make_procedure(hidden, "bi-mat", title="Thủ tục nháp bí mật", publish=False)
        transaction.commit()
        response = requests.post(
            api_url(section), json=as_json(BIRTH), headers=HEADERS, auth=officer
        )
        assert response.status_code == 400
        assert "bạn không được xem" in messages(response)
        assert "bí mật" not in response.text
        assert "noi-bo" not in response.text
        transaction.begin()
        assert contents(section) == []


class TestUniqueInOneTransaction:
    """The invariant, as the forms and REST run it (z3c.form's ``Data``),
    finds a procedure that code added earlier in the same transaction and
    that is not catalogued yet."""

    def test_added_earlier_in_the_transaction(self, functional_portal, section):
        from commune_portal.content.procedure import IProcedure
        from z3c.form.validator import Data
        from zope.interface import Invalid

        earlier = make_procedure(section, "khai-sinh", title="Đăng ký khai sinh")
        long_code = {"procedure_code": "1.001193.000.00.00.H48"}
        with pytest.raises(Invalid) as raised:
            IProcedure.validateInvariants(Data(IProcedure, long_code, section))
        assert "Đăng ký khai sinh" in str(raised.value.args[0].mapping)
        assert earlier.absolute_url() in str(raised.value.args[0].mapping)
        # The procedure itself is no duplicate of itself.
        IProcedure.validateInvariants(Data(IProcedure, long_code, earlier))
        transaction.abort()


@pytest.fixture
def browser(functional_app, officer):
    user, password = officer
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {user}:{password}")
    return browser


class TestForms:
    def fill_main(self, browser, **fields):
        values = {
            "form.widgets.IBasic.title": "Thủ tục đăng ký khai sinh",
            "form.widgets.procedure_code": "1.001193",
            "form.widgets.national_portal_url": "https://dichvucong.gov.vn/p/x",
            **fields,
        }
        for name, value in values.items():
            browser.getControl(name=name).value = value

    def test_add_form_in_vietnamese(self, browser, section):
        browser.open(f"{section.absolute_url()}/++add++Procedure")
        for label in (
            "Mã thủ tục",
            "Lĩnh vực",
            "Cấp thực hiện",
            "Cách thức thực hiện",
            "Thành phần hồ sơ",
            "Căn cứ pháp lý",
            "Dịch vụ công trực tuyến",
        ):
            assert label in browser.contents, label

    def test_officer_adds(self, browser, section):
        browser.open(f"{section.absolute_url()}/++add++Procedure")
        self.fill_main(browser)
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        obj = section["thu-tuc-dang-ky-khai-sinh"]
        assert obj.procedure_code == "1.001193"
        assert obj.online_service == "information_only"
        assert api.content.get_state(obj) == "private"

    @pytest.mark.parametrize(
        "fields,message",
        [
            ({"form.widgets.procedure_code": "1.1193"}, "mã thủ tục"),
            ({"form.widgets.national_portal_url": "javascript:alert(1)"}, "http://"),
            ({"form.widgets.processing_days": "-3"}, "không được là số âm"),
        ],
    )
    def test_add_refused(self, browser, section, fields, message):
        browser.open(f"{section.absolute_url()}/++add++Procedure")
        self.fill_main(browser, **fields)
        browser.getControl(name="form.buttons.save").click()
        assert message in browser.contents
        transaction.begin()
        assert contents(section) == []

    def test_duplicate_code_refused_in_edit(self, browser, section):
        make_procedure(section, "khai-sinh", title="Đăng ký khai sinh")
        other = make_procedure(
            section,
            "ket-hon",
            title="Đăng ký kết hôn",
            procedure_code="1.000894",
            publish=False,
        )
        transaction.commit()
        browser.open(f"{other.absolute_url()}/edit")
        browser.getControl(name="form.widgets.procedure_code").value = "1.001193"
        browser.getControl(name="form.buttons.save").click()
        assert "Đăng ký khai sinh" in browser.contents
        transaction.begin()
        assert other.procedure_code == "1.000894"
