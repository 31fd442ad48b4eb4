"""The demo commune of the journeys: ``commune_portal:structure`` and
``:demo``, two news items, a page and four officers with their roles given
on the sections (as a site administrator does on the sharing page), built
once per session and served by the WSGI server of the test layers."""

from commune_portal.testing import FIXTURE
from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobImage
from plone.testing.zope import WSGI_SERVER_FIXTURE
import base64


PASSWORD = "Mat-khau-hanh-trinh-2026"

# user id, full name, {section: roles given on its sharing page}
OFFICERS = {
    "canbo": (
        "Nguyễn Thị Lan",
        {"van-ban": ["Contributor"], "tin-tuc": ["Contributor"]},
    ),
    "bbt": ("Trần Văn Hùng", {"van-ban": ["Reviewer"], "tin-tuc": ["Reviewer"]}),
    "lanhdao": (
        "Lê Minh Tuấn",
        {"van-ban": ["CommuneApprover"], "tin-tuc": ["CommuneApprover"]},
    ),
    "motcua": ("Phạm Thu Hà", {"thu-tuc-hanh-chinh": ["ProcedureOfficer"]}),
}

NEWS = {
    "id": "ngay-hoi-dai-doan-ket-2026",
    "title": "Xã Nghi Dương tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026",
    "description": (
        "Ngày 15/11/2026, Ủy ban Mặt trận Tổ quốc Việt Nam xã phối hợp với "
        "Ủy ban nhân dân xã tổ chức Ngày hội tại nhà văn hóa các thôn."
    ),
    "text": (
        "<p>Chiều ngày 15/11/2026, tại nhà văn hóa thôn Đông, Ủy ban nhân dân "
        "xã Nghi Dương phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam xã tổ "
        "chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026.</p>"
        "<p>Dịp này, xã trao 12 suất quà cho các hộ gia đình có hoàn cảnh "
        "khó khăn và biểu dương 5 khu dân cư tiêu biểu.</p>"
    ),
}

# A small PNG (1x1, white) as the lead image of a second news item.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4"
    "AAAAAElFTkSuQmCC"
)


class JourneysLayer(PloneSandboxLayer):
    """The demo commune with its officers, as a commune runs it."""

    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "commune_portal:structure")
        applyProfile(portal, "commune_portal:demo")
        with api.env.adopt_roles(["Manager"]):
            for user_id, (fullname, sections) in OFFICERS.items():
                api.user.create(
                    email=f"{user_id}@nghiduong.example.vn",
                    username=user_id,
                    password=PASSWORD,
                    properties={"fullname": fullname},
                )
                for section, roles in sections.items():
                    api.user.grant_roles(
                        username=user_id, obj=portal[section], roles=roles
                    )
                    portal[section].reindexObjectSecurity()
            news = api.content.create(
                portal["tin-tuc"],
                "News Item",
                id=NEWS["id"],
                title=NEWS["title"],
                description=NEWS["description"],
                text=RichTextValue(NEWS["text"], "text/html", "text/x-html-safe"),
            )
            api.content.transition(news, to_state="published")
            pictured = api.content.create(
                portal["tin-tuc"],
                "News Item",
                id="tiem-chung-mo-rong-2026",
                title="Tiêm chủng mở rộng đợt 4 năm 2026",
                description="Trạm y tế xã tiêm chủng cho trẻ em dưới 5 tuổi.",
                image=NamedBlobImage(data=PNG, filename="tiem-chung.png"),
            )
            api.content.transition(pictured, to_state="published")
            page = api.content.create(
                portal["thu-tuc-hanh-chinh"],
                "Document",
                id="gio-lam-viec",
                title="Giờ làm việc của Bộ phận một cửa",
                description="Từ thứ Hai đến thứ Sáu, sáng 7 giờ 30, chiều 13 giờ 30.",
            )
            api.content.transition(page, to_state="published")
        catalog = api.portal.get_tool("portal_catalog")
        directive = catalog.unrestrictedSearchResults(
            portal_type="Directive",
            review_state="published",
            sort_on="getId",
        )
        with_file = [b for b in directive if b.document_file]
        draft = catalog.unrestrictedSearchResults(
            portal_type="Directive", review_state="private", sort_on="getId"
        )
        procedure = catalog.unrestrictedSearchResults(
            portal_type="Procedure", review_state="published", sort_on="getId"
        )
        site = portal.absolute_url_path()
        self["demo_paths"] = {
            "directive": with_file[0].getPath().removeprefix(site),
            "private_directive": draft[0].getPath().removeprefix(site),
            "procedure": procedure[0].getPath().removeprefix(site),
            "news": f"/tin-tuc/{NEWS['id']}",
            "pictured_news": "/tin-tuc/tiem-chung-mo-rong-2026",
            "page": "/thu-tuc-hanh-chinh/gio-lam-viec",
        }


JOURNEYS_FIXTURE = JourneysLayer()
JOURNEYS_TESTING = FunctionalTesting(
    bases=(JOURNEYS_FIXTURE, WSGI_SERVER_FIXTURE), name="CommunePortal:Journeys"
)


JOURNEYS_FIXTURE = JourneysLayer()
JOURNEYS_TESTING = FunctionalTesting(
    bases=(JOURNEYS_FIXTURE, WSGI_SERVER_FIXTURE), name="CommunePortal:Journeys"
)
