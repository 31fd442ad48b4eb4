"""``legal_basis_end`` of the procedures follows the workflow of the
documents that replace their legal basis (``indexers/procedures.py``,
``refresh_procedures``)."""

from commune_portal.legal_status import day_number
from commune_portal.legal_status import END_OF_TIME
from datetime import date
from plone import api
from Products.CMFCore.indexing import processQueue
from tests.helpers import make_document
from tests.helpers import reach_state
from tests.procedure_helpers import make_procedure


def _end(portal, procedure):
    processQueue()
    (brain,) = portal.portal_catalog.unrestrictedSearchResults(UID=procedure.UID())
    return portal.portal_catalog.getIndexDataForRID(brain.getRID())["legal_basis_end"]


def test_entering_and_leaving_published(portal):
    law = make_document(
        portal,
        "luat-60",
        "Luật Hộ tịch",
        document_number="60/2014/QH13",
        issue_date=date(2014, 11, 20),
    )
    birth = make_procedure(portal, "khai-sinh", legal_basis_documents=[law])
    new_law = make_document(
        portal,
        "luat-99",
        "Luật Hộ tịch (sửa đổi)",
        publish=False,
        document_number="99/2026/QH15",
        issue_date=date(2026, 1, 10),
        effective_date=date(2026, 7, 1),
        replaces=[law],
    )
    assert _end(portal, birth) == END_OF_TIME
    # On its way up the replacing law ends nothing yet.
    reach_state(new_law, "pending_review")
    assert _end(portal, birth) == END_OF_TIME
    reach_state(new_law, "pending_approval")
    assert _end(portal, birth) == END_OF_TIME
    reach_state(new_law, "published")
    assert _end(portal, birth) == day_number(date(2026, 7, 1))
    # Withdrawn: the old law is in force again.
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(new_law, "retract")
    assert _end(portal, birth) == END_OF_TIME
