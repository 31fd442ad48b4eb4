"""The ``commune_portal:structure`` profile: the standard sections."""

from commune_portal.workflows.policies import current_policies
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
import pytest


PROFILE = "profile-commune_portal:structure"
SECTIONS = {
    "van-ban": ("Văn bản", "commune_two_step", {"Directive", "Folder", "File"}),
    "thu-tuc-hanh-chinh": (
        "Thủ tục hành chính",
        "commune_one_step",
        {"Procedure", "Folder", "File", "Document"},
    ),
    "hdnd": (
        "Hội đồng nhân dân",
        "council_materials",
        {"CouncilTerm", "Folder", "File", "Document"},
    ),
    "hdnd/kien-nghi-cu-tri": (
        "Kiến nghị cử tri",
        "voter_petitions",
        {"Folder", "File", "Document"},
    ),
    "hdnd/ky-yeu": ("Kỷ yếu kỳ họp", "council_materials", {"Document"}),
    "tin-tuc": ("Tin tức", "commune_two_step", {"News Item", "Image", "File"}),
}


@pytest.fixture
def structure(portal, setup_tool):
    setup_tool.runAllImportStepsFromProfile(PROFILE)
    return portal


@pytest.mark.parametrize("path", sorted(SECTIONS))
def test_sections(structure, path):
    title, policy, addable = SECTIONS[path]
    folder = structure.unrestrictedTraverse(path)
    assert folder.portal_type == "Folder"
    assert folder.title == title
    assert folder.description
    assert current_policies(folder) == (policy, policy)
    assert api.content.get_state(folder) == "published"
    constrains = ISelectableConstrainTypes(folder)
    assert constrains.getConstrainTypesMode() == ENABLED
    assert set(constrains.getLocallyAllowedTypes()) == addable
    assert set(constrains.getImmediatelyAddableTypes()) == addable


def test_documents_listing(structure):
    assert structure["van-ban"].getLayout() == "directives-view"


def test_council_listings(structure):
    """The kỷ yếu and the voters' petitions show their listings."""
    assert structure["hdnd"]["ky-yeu"].getLayout() == "proceedings-view"
    assert structure["hdnd"]["kien-nghi-cu-tri"].getLayout() == "petitions-view"


@pytest.mark.parametrize(
    "path,portal_type,workflow",
    [
        ("van-ban", "Directive", "commune_editorial_workflow"),
        ("van-ban", "File", "commune_editorial_workflow"),
        ("van-ban", "Folder", "commune_simple_workflow"),
        ("tin-tuc", "News Item", "commune_editorial_workflow"),
        ("tin-tuc", "Image", "commune_editorial_workflow"),
        ("thu-tuc-hanh-chinh", "Document", "commune_simple_workflow"),
        ("hdnd", "Document", "council_material_workflow"),
        ("hdnd", "Folder", "council_material_workflow"),
        ("hdnd/kien-nghi-cu-tri", "Document", "voter_petition_workflow"),
        ("hdnd/kien-nghi-cu-tri", "File", "council_material_workflow"),
    ],
)
def test_items_get_the_workflow_of_their_section(
    structure, path, portal_type, workflow
):
    with api.env.adopt_roles(["Manager"]):
        obj = api.content.create(
            structure.unrestrictedTraverse(path), portal_type, title="Mục thử"
        )
    assert api.portal.get_tool("portal_workflow").getChainFor(obj) == (workflow,)


def test_applying_again_changes_nothing(structure, setup_tool):
    folder = structure["thu-tuc-hanh-chinh"]
    with api.env.adopt_roles(["Manager"]):
        folder.title = "Thủ tục"
        ISelectableConstrainTypes(folder).setLocallyAllowedTypes(["Document"])
        api.content.transition(folder, "retract")
        page = api.content.create(folder, "Document", id="trang", title="Trang")
    history = len(page.workflow_history["commune_simple_workflow"])
    setup_tool.runAllImportStepsFromProfile(PROFILE)
    assert folder.title == "Thủ tục"
    assert ISelectableConstrainTypes(folder).getLocallyAllowedTypes() == ["Document"]
    assert api.content.get_state(folder) == "private"
    assert len(page.workflow_history["commune_simple_workflow"]) == history
    assert sorted(structure.objectIds()).count("van-ban") == 1


def test_existing_folder_gets_a_policy(portal, setup_tool):
    """A site that had /van-ban before (made by hand or by an older demo):
    the folder is kept and its documents move to the two-step workflow in
    their state."""
    from tests.helpers import make_document

    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "Folder", id="van-ban", title="VB cũ")
        api.content.transition(folder, "publish")
    document = make_document(folder, "kh-01", "Kế hoạch", document_number="01/KH-UBND")
    setup_tool.runAllImportStepsFromProfile(PROFILE)
    assert folder.title == "VB cũ"
    assert current_policies(folder) == ("commune_two_step", "commune_two_step")
    assert api.content.get_state(document) == "published"
    assert api.content.get_state(folder) == "published"


def test_demo_uses_the_documents_section(structure, setup_tool):
    setup_tool.runAllImportStepsFromProfile("profile-commune_portal:demo")
    folder = structure["van-ban"]
    assert folder.title == "Văn bản"
    documents = [o for o in folder.objectValues() if o.portal_type == "Directive"]
    assert documents
    states = {api.content.get_state(d) for d in documents}
    assert states == {"published", "private"}
    catalog = api.portal.get_tool("portal_catalog")
    published = catalog.unrestrictedSearchResults(
        portal_type="Directive", review_state="published"
    )
    assert len(published) == sum(
        1 for d in documents if api.content.get_state(d) == "published"
    )
