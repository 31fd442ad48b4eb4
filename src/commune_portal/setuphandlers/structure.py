"""The standard sections (``commune_portal:structure``, CONTRACT.md).

Applying the profile again changes nothing: a section that exists keeps its
title, its content and what an administrator set on it; it only gets a
workflow policy and addable types when it has none yet.
"""

from commune_portal.workflows.policies import current_policies
from commune_portal.workflows.policies import switch_policy
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
import logging


logger = logging.getLogger("commune_portal")

# path, title, description, addable types, policy (in and below), layout.
SECTIONS = (
    (
        "van-ban",
        "Văn bản",
        "Văn bản chỉ đạo, điều hành và văn bản quy phạm pháp luật của xã",
        ("Directive", "Folder", "File"),
        "commune_two_step",
        "directives-view",
    ),
    (
        "thu-tuc-hanh-chinh",
        "Thủ tục hành chính",
        "Danh mục thủ tục hành chính giải quyết tại xã, liên kết Cổng Dịch vụ công "
        "quốc gia",
        # Pages stay addable for general guidance (giờ làm việc, hướng dẫn).
        ("Procedure", "Folder", "File", "Document"),
        "commune_one_step",
        "procedures-view",
    ),
    (
        "hdnd",
        "Hội đồng nhân dân",
        "Kỳ họp, tài liệu kỳ họp, nghị quyết và hoạt động của Hội đồng nhân dân xã",
        ("CouncilTerm", "Folder", "File", "Document"),
        "council_materials",
        "council-view",
    ),
    (
        "hdnd/kien-nghi-cu-tri",
        "Kiến nghị cử tri",
        "Kiến nghị của cử tri và kết quả trả lời, giải quyết",
        ("Folder", "File", "Document"),
        "voter_petitions",
        "petitions-view",
    ),
    (
        "hdnd/ky-yeu",
        "Kỷ yếu kỳ họp",
        "Tài liệu và nghị quyết của các kỳ họp Hội đồng nhân dân xã",
        # The archive lists the sessions' materials; a page for guidance.
        ("Document",),
        "council_materials",
        "proceedings-view",
    ),
    (
        "tin-tuc",
        "Tin tức",
        "Tin tức, sự kiện và thông báo của xã",
        ("News Item", "Image", "File"),
        "commune_two_step",
        None,
    ),
    (
        "hoi-dap",
        "Hỏi đáp",
        "Câu hỏi, phản ánh, kiến nghị của người dân và trả lời của chính quyền xã",
        # Questions are sent by citizens (@@ask-question); moderators add
        # those received on paper or by phone; a page for guidance.
        ("CitizenQuestion", "Document"),
        "citizen_questions",
        "questions-view",
    ),
)


def post_install(context):
    """Create the standard sections that are missing."""
    with api.env.adopt_roles(["Manager"]):
        create_sections(api.portal.get())


def create_sections(portal, only=None):
    """Create the missing sections (those of ``only`` when given: an
    upgrade); give existing ones a policy and addable types when they have
    none. Returns the ids of the sections created."""
    created = []
    for path, title, description, addable, policy, layout in SECTIONS:
        if only is not None and path not in only:
            continue
        parent_path, _, folder_id = path.rpartition("/")
        parent = portal.unrestrictedTraverse(parent_path) if parent_path else portal
        folder = parent.get(folder_id)
        if folder is None:
            folder = api.content.create(
                parent, "Folder", id=folder_id, title=title, description=description
            )
            if layout:
                folder.setLayout(layout)
            created.append(path)
        constrains = ISelectableConstrainTypes(folder)
        if constrains.getConstrainTypesMode() != ENABLED:
            constrains.setConstrainTypesMode(ENABLED)
            constrains.setLocallyAllowedTypes(addable)
            constrains.setImmediatelyAddableTypes(addable)
        if current_policies(folder) == ("", ""):
            switch_policy(folder, policy, policy)
        if path in created:
            api.content.transition(folder, to_state="published")
    logger.info("Standard sections: created %s", ", ".join(created) or "none")
    return created


def offer_type(section, portal_type):
    """Let a section made by an earlier version add ``portal_type`` (also
    in its short add menu), when its addable types are restricted and lack
    it.
    Returns whether the section changed."""
    constrains = ISelectableConstrainTypes(section)
    if constrains.getConstrainTypesMode() != ENABLED:
        return False
    allowed = list(constrains.getLocallyAllowedTypes())
    if portal_type in allowed:
        return False
    constrains.setLocallyAllowedTypes([portal_type, *allowed])
    addable = list(constrains.getImmediatelyAddableTypes())
    constrains.setImmediatelyAddableTypes([portal_type, *addable])
    return True
