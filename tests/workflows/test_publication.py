"""Whoever publishes, a published item has its publication date
(``workflows/publication.py``)."""

from DateTime import DateTime
from plone import api
from tests.helpers import make_document
from tests.helpers import reach_state


def approve_as_leader(portal, document):
    # Sparse test documents: the completeness rules have their own tests.
    api.portal.set_registry_record("commune_portal.publication_requirements", [])
    api.user.create(email="ld@xa-nghiduong.example.vn", username="lanh-dao")
    api.user.grant_roles(username="lanh-dao", obj=document, roles=["CommuneApprover"])
    reach_state(document, "pending_approval")
    with api.env.adopt_user(username="lanh-dao"):
        assert not api.user.has_permission("Modify portal content", obj=document)
        api.content.transition(document, "approve")


def test_a_leader_who_cannot_edit_publishes_with_a_date(portal):
    document = make_document(portal, "kh-01", "Kế hoạch", publish=False)
    assert document.EffectiveDate() == "None"
    approve_as_leader(portal, document)
    assert api.content.get_state(document) == "published"
    assert document.effective() > DateTime() - 1 / 24
    [brain] = portal.portal_catalog(UID=document.UID())
    assert brain.effective == document.effective()


def test_a_date_chosen_by_the_editor_is_kept(portal):
    document = make_document(portal, "kh-02", "Kế hoạch", publish=False)
    chosen = DateTime("2026/12/01 08:00:00 GMT+7")
    document.setEffectiveDate(chosen)
    approve_as_leader(portal, document)
    assert document.effective() == chosen


def test_plone_workflows_are_left_alone(portal):
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(portal, "Document", id="trang", title="Trang")
        api.content.transition(page, "publish")  # simple_publication_workflow
    assert page.EffectiveDate() == "None"


def test_upgrade_dates_earlier_publications(portal):
    from commune_portal.upgrades.v1002 import update_published_security

    document = make_document(portal, "kh-03", "Kế hoạch")
    published_at = [
        e["time"]
        for e in portal.portal_workflow.getHistoryOf(
            "commune_editorial_workflow", document
        )
        if e["review_state"] == "published"
    ][-1]
    document.setEffectiveDate(None)  # as 1001 left leaders' publications
    document.reindexObject()
    update_published_security(portal.portal_setup)
    assert document.effective() == published_at
