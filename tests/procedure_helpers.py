"""Sample procedures for the tests of ``Procedure``, ``@procedures`` and
the import."""

from datetime import date
from plone import api
from tests.helpers import reach_state
from zope.lifecycleevent import modified


BIRTH = {
    "title": "Thủ tục đăng ký khai sinh",
    "procedure_code": "1.001193",
    "implementation_levels": ["commune"],
    "sectors": ["Hộ tịch"],
    "target_subjects": ["Công dân Việt Nam"],
    "implementing_agency": "Ủy ban nhân dân cấp xã",
    "steps": "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.",
    "channels": [
        {
            "channel": "direct",
            "processing_time": "Ngay trong ngày tiếp nhận hồ sơ",
            "fee": "Miễn lệ phí",
            "description": "Nộp tại Bộ phận Một cửa",
        },
        {
            "channel": "online",
            "processing_time": "Ngay trong ngày tiếp nhận hồ sơ",
            "fee": "Miễn lệ phí",
            "description": None,
        },
    ],
    "required_documents": [
        {
            "case": None,
            "name": "Tờ khai đăng ký khai sinh",
            "form": "https://dichvucong.gov.vn/p/home/dvc-tthc-bieu-mau.html",
            "originals": 1,
            "copies": 0,
        },
        {
            "case": None,
            "name": "Giấy chứng sinh",
            "form": None,
            "originals": 1,
            "copies": 0,
        },
    ],
    "result": "Giấy khai sinh (bản chính)",
    "legal_basis": [
        {
            "document_number": "60/2014/QH13",
            "title": "Luật Hộ tịch",
            "issue_date": date(2014, 11, 20),
            "issuing_body": "Quốc hội",
        }
    ],
    "conditions": "Không",
    "online_service": "full",
    "national_portal_url": "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193",
    "processing_days": 0,
    "fee_summary": "Miễn lệ phí",
}


def make_procedure(container, proc_id, publish=True, **fields):
    """Create a procedure with ``fields`` over those of ``BIRTH`` (as
    Manager) and publish it."""
    values = {**BIRTH, **fields}
    title = values.pop("title")
    relations = values.pop("legal_basis_documents", None)
    with api.env.adopt_roles(["Manager"]):
        obj = api.content.create(
            container, "Procedure", id=proc_id, title=title, safe_id=False
        )
        for name, value in values.items():
            setattr(obj, name, value)
        if relations is not None:
            from z3c.relationfield import RelationValue
            from zope.component import getUtility
            from zope.intid.interfaces import IIntIds

            intids = getUtility(IIntIds)
            obj.legal_basis_documents = [
                RelationValue(intids.getId(target)) for target in relations
            ]
        modified(obj)
        if publish:
            reach_state(obj)
    return obj


def procedures_section(portal):
    """``/thu-tuc-hanh-chinh`` as the structure profile makes it."""
    from commune_portal.setuphandlers.structure import create_sections

    if "thu-tuc-hanh-chinh" not in portal.objectIds():
        with api.env.adopt_roles(["Manager"]):
            create_sections(portal)
    return portal["thu-tuc-hanh-chinh"]


def contents(folder):
    """The ids of the items in ``folder`` (not its ``.wf_policy_config``)."""
    return [item_id for item_id in folder.objectIds() if not item_id.startswith(".")]


def demo_catalogue(portal):
    """The ten procedures of the fixture, published, in the section of
    procedures; a private draft ("Thủ tục nháp chưa công bố"); the Decree
    on civil status published in ``/van-ban``. Committed."""
    from commune_portal.procedure_import import import_procedures
    from commune_portal.procedure_import import load
    from pathlib import Path
    from tests.helpers import make_document
    import commune_portal
    import transaction

    fixture = Path(commune_portal.__file__).parent / "fixtures" / "procedures.json"
    with api.env.adopt_roles(["Manager"]):
        documents = api.content.create(portal, "Folder", id="van-ban", title="Văn bản")
        api.content.transition(documents, "publish")
    decree = make_document(
        documents,
        "nd-123-2015",
        "Nghị định quy định chi tiết Luật Hộ tịch",
        document_number="123/2015/NĐ-CP",
        issue_date=date(2015, 11, 15),
        issuing_body="Chính phủ",
    )
    section = procedures_section(portal)
    with api.env.adopt_roles(["Manager"]):
        report = import_procedures(section, load(str(fixture)), publish=True)
    assert report["created"] == 10, report
    make_procedure(
        section,
        "nhap",
        title="Thủ tục nháp chưa công bố",
        procedure_code="1.999999",
        publish=False,
    )
    transaction.commit()
    return {"section": section, "decree": decree, "documents": documents}


def replace_decree(catalogue):
    """Publish a (invented) decree replacing the Decree on civil status of
    ``demo_catalogue`` from 1 March 2026: the procedures based on it have
    an outdated legal basis from then on."""
    from tests.helpers import make_document

    return make_document(
        catalogue["documents"],
        "nd-999-2026",
        "Nghị định thay thế",
        document_number="999/2026/NĐ-CP",
        issue_date=date(2026, 1, 10),
        effective_date=date(2026, 3, 1),
        issuing_body="Chính phủ",
        replaces=[catalogue["decree"]],
    )
