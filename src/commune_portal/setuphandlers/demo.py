"""The demo commune (``commune_portal:demo``): Xã Nghi Dương, Hải Phòng."""

from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.behaviors.official_document import RELATIONS
from commune_portal.setuphandlers.demo_council import create_council
from commune_portal.setuphandlers.demo_documents import DOCUMENTS
from commune_portal.setuphandlers.demo_documents import minimal_pdf
from commune_portal.text import slugify
from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified
import logging


logger = logging.getLogger("commune_portal")

SITE_TITLE = "Cổng thông tin điện tử xã Nghi Dương"
SITE_DESCRIPTION = (
    "Cổng thông tin điện tử của Hội đồng nhân dân và Ủy ban nhân dân "
    "xã Nghi Dương, thành phố Hải Phòng"
)
DOCUMENTS_FOLDER = (
    "van-ban",
    "Văn bản",
    "Văn bản chỉ đạo, điều hành của xã Nghi Dương",
)
DATE_FIELDS = ("issue_date", "effective_date", "expiry_date")
PROCEDURES_FOLDER = (
    "thu-tuc-hanh-chinh",
    "Thủ tục hành chính",
    "Danh mục thủ tục hành chính giải quyết tại xã Nghi Dương, liên kết Cổng "
    "Dịch vụ công quốc gia",
)


def post_install(context):
    """Title the site as the demo commune and add its documents,
    procedures and council records."""
    portal = api.portal.get()
    portal.title = SITE_TITLE
    portal.description = SITE_DESCRIPTION
    portal.reindexObject()
    with api.env.adopt_roles(["Manager"]):
        create_documents(documents_folder(portal))
        create_procedures(procedures_folder(portal))
    # The council's records, kept by the demo's council secretary.
    create_council(portal)


def documents_folder(portal):
    """The "Văn bản" section, created when missing (the structure profile
    creates it on real sites)."""
    folder_id, title, description = DOCUMENTS_FOLDER
    if folder_id not in portal.objectIds():
        folder = api.content.create(
            portal, "Folder", id=folder_id, title=title, description=description
        )
        folder.setLayout("directives-view")
        api.content.transition(folder, to_state="published")
    return portal[folder_id]


def _pdf(entry):
    lines = [
        entry["issuing_body"].upper(),
        f"So: {entry['document_number']}",
        "",
        entry["title"],
        "",
        entry["body"],
        "",
        f"{entry['signing_authority']} {entry['signer_position']}".strip(),
        entry["signer"],
    ]
    filename = slugify(entry["document_number"]) + ".pdf"
    return NamedBlobFile(
        data=minimal_pdf(lines), contentType="application/pdf", filename=filename
    )


def create_documents(folder):
    """Create the demo documents that do not exist yet, in issue order, so
    that relations point to documents already there."""
    intids = getUtility(IIntIds)
    created = 0
    for entry in DOCUMENTS:
        if entry["id"] in folder.objectIds():
            continue
        obj = api.content.create(
            folder,
            "Directive",
            id=entry["id"],
            title=entry["title"],
            description=entry.get("description", ""),
            safe_id=False,
        )
        document = IOfficialDocument(obj)
        for name in (
            "document_number",
            "document_type",
            "issuing_body",
            "signer",
            "signer_position",
            "signing_authority",
            "sectors",
            "is_legal_normative",
            "confidentiality",
            "urgency",
        ):
            setattr(document, name, entry.get(name) or None)
        for name in DATE_FIELDS:
            value = entry.get(name)
            setattr(document, name, date.fromisoformat(value) if value else None)
        for name in RELATIONS:
            setattr(
                document,
                name,
                [RelationValue(intids.getId(folder[target])) for target in entry[name]],
            )
        document.file = _pdf(entry)
        modified(obj)
        if entry["published"]:
            # Through every step of the section's workflow (two steps in
            # the standard sections).
            api.content.transition(obj, to_state="published")
        created += 1
    logger.info(
        "Demo: %d official documents created in %s", created, folder.absolute_url_path()
    )


def procedures_folder(portal):
    """The "Thủ tục hành chính" section, created when missing (the structure
    profile creates it on real sites)."""
    folder_id, title, description = PROCEDURES_FOLDER
    if folder_id not in portal.objectIds():
        folder = api.content.create(
            portal, "Folder", id=folder_id, title=title, description=description
        )
        folder.setLayout("procedures-view")
        api.content.transition(folder, to_state="published")
    return portal[folder_id]


def create_procedures(folder):
    """The ten procedures of the package's fixture, published; those already
    on the site (by code) are brought in line with it."""
    from commune_portal.procedure_import import FIXTURE
    from commune_portal.procedure_import import import_procedures
    from commune_portal.procedure_import import load

    report = import_procedures(folder, load(FIXTURE), publish=True)
    logger.info(
        "Demo: procedures %d created, %d updated, %d refused",
        report["created"],
        report["updated"],
        report["refused"],
    )
