"""Relation fields in REST show only the targets the caller may view."""

from commune_portal.behaviors.official_document import RELATIONS
from datetime import date as D
from plone import api
from tests.helpers import make_document
from tests.helpers import reach_state
from tests.procedure_helpers import make_procedure
import pytest
import transaction


# The relation fields of every type on our sites that has them.
RELATION_FIELDS = {
    "Directive": RELATIONS,
    "Procedure": ("legal_basis_documents",),
}


def make_source(portal_type, folder):
    """A published item of ``portal_type`` with id ``kh-15`` in ``folder``."""
    if portal_type == "Procedure":
        return make_procedure(folder, "kh-15")
    return make_document(
        folder,
        "kh-15",
        "Kế hoạch chuyển đổi số năm 2026",
        document_number="15/KH-UBND",
        issue_date=D(2026, 1, 5),
    )


@pytest.fixture
def documents(functional_portal):
    """``/van-ban``: a published plan (``kh-15``) and, as targets, a
    published decision, a private draft, a draft waiting for approval and a
    classified ("Mật") document."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "Folder", id="van-ban", title="Văn bản"
        )
        api.content.transition(folder, "publish")
    targets = {
        "published": make_document(
            folder,
            "qd-12",
            "Quyết định ban hành Quy chế làm việc của UBND xã",
            document_number="12/QĐ-UBND",
            issue_date=D(2026, 2, 1),
        ),
        "private": make_document(
            folder,
            "du-thao",
            "Dự thảo kế hoạch tiếp công dân năm 2027",
            document_number="121/KH-UBND",
            issue_date=D(2026, 11, 21),
            publish=False,
        ),
        "pending": make_document(
            folder,
            "cho-duyet",
            "Dự thảo quy chế phối hợp giữa UBND xã và Công an xã",
            document_number="13/QC-UBND",
            issue_date=D(2026, 11, 2),
            publish=False,
        ),
        "secret": make_document(
            folder,
            "mat",
            "Phương án bảo vệ bí mật nhà nước năm 2027",
            document_number="02/PA-UBND",
            issue_date=D(2026, 11, 3),
            confidentiality="confidential",
            publish=False,
        ),
    }
    reach_state(targets["pending"], "pending_approval")
    transaction.commit()
    return folder, targets


def relate(document, field, targets):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds
    from zope.lifecycleevent import modified

    intids = getUtility(IIntIds)
    # The behavior stores its relation fields on the object, as Procedure.
    setattr(
        document, field, [RelationValue(intids.getId(target)) for target in targets]
    )
    modified(document)


@pytest.mark.parametrize(
    "portal_type,field",
    [(t, f) for t, fields in RELATION_FIELDS.items() for f in fields],
)
def test_hidden_targets_left_out(
    documents, request_factory, manager_request, portal_type, field
):
    folder, targets = documents
    plan = make_source(portal_type, folder)
    relate(plan, field, list(targets.values()))
    transaction.commit()

    anonymous = request_factory().get("/van-ban/kh-15").json()
    assert [t["title"] for t in anonymous[field]] == [targets["published"].Title()]
    hidden = {t.UID() for k, t in targets.items() if k != "published"}
    assert not hidden & {t["UID"] for t in anonymous[field]}
    for target in ("private", "pending", "secret"):
        assert targets[target].Title() not in str(anonymous)

    manager = manager_request.get("/van-ban/kh-15").json()
    assert {t["UID"] for t in manager[field]} == {t.UID() for t in targets.values()}


def test_search_fullobjects(documents, request_factory):
    folder, targets = documents
    plan = make_document(
        folder,
        "kh-15",
        "Kế hoạch chuyển đổi số năm 2026",
        document_number="15/KH-UBND",
        issue_date=D(2026, 1, 5),
    )
    relate(plan, "based_on", list(targets.values()))
    transaction.commit()
    found = request_factory().get(
        "/@search", params={"UID": plan.UID(), "fullobjects": 1}
    )
    assert found.status_code == 200
    (item,) = found.json()["items"]
    assert [t["title"] for t in item["based_on"]] == [targets["published"].Title()]
    assert targets["secret"].Title() not in found.text


def test_owner_of_a_draft_sees_it(documents, request_factory, user_with_roles):
    """Viewing decides, not the state: an editor of the section sees the
    private draft the published plan is based on."""
    folder, targets = documents
    plan = make_document(
        folder,
        "kh-15",
        "Kế hoạch chuyển đổi số năm 2026",
        document_number="15/KH-UBND",
        issue_date=D(2026, 1, 5),
    )
    relate(plan, "based_on", [targets["private"]])
    user_id, password = user_with_roles("bien-tap", "Editor")
    transaction.commit()
    body = request_factory(basic_auth=(user_id, password)).get("/van-ban/kh-15").json()
    assert [t["UID"] for t in body["based_on"]] == [targets["private"].UID()]
