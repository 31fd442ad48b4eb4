"""``Procedure.reindexObjectSecurity``: CMFCore's, without its catalog search
when the procedure is not catalogued yet and holds nothing; the security
indexes of a procedure and of its forms still follow every transition."""

from plone import api
from Products.CMFCore.indexing import processQueue
from tests.helpers import record_calls
from tests.procedure_helpers import make_procedure
from tests.procedure_helpers import procedures_section
import pytest


@pytest.fixture
def searches(portal, monkeypatch):
    """The paths the catalog was searched for without processing the queue
    (``CMFCatalogAware.reindexObjectSecurity``'s search)."""
    return record_calls(
        monkeypatch,
        portal.portal_catalog,
        "_unrestrictedSearchResults",
        lambda *args, **kw: kw.get("path"),
    )


def roles(portal, obj):
    processQueue()
    catalog = portal.portal_catalog
    (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
    return catalog.getIndexDataForRID(brain.getRID())["allowedRolesAndUsers"]


def test_new_procedure_published_without_a_search(portal, searches):
    procedure = make_procedure(procedures_section(portal), "khai-sinh")
    path = "/".join(procedure.getPhysicalPath())
    assert path not in searches
    assert api.content.get_state(procedure) == "published"
    assert roles(portal, procedure) == ["Anonymous"]


def test_catalogued_procedure_follows_its_transitions(portal, searches):
    procedure = make_procedure(procedures_section(portal), "khai-sinh")
    assert roles(portal, procedure) == ["Anonymous"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(procedure, "retract")
    assert "/".join(procedure.getPhysicalPath()) in searches
    assert "Anonymous" not in roles(portal, procedure)


def test_a_new_procedure_holding_a_form_is_searched(portal, searches):
    """CMFCore's way as soon as the procedure holds something."""
    section = procedures_section(portal)
    procedure = make_procedure(section, "khai-sinh", publish=False)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            procedure, "File", id="to-khai-khai-sinh", title="Tờ khai đăng ký khai sinh"
        )
        api.content.transition(procedure, "publish")
    assert "/".join(procedure.getPhysicalPath()) in searches
    assert roles(portal, procedure) == ["Anonymous"]


def test_catalogued_forms_follow_the_sharing_of_their_procedure(portal):
    section = procedures_section(portal)
    procedure = make_procedure(section, "khai-sinh")
    with api.env.adopt_roles(["Manager"]):
        form = api.content.create(
            procedure, "File", id="to-khai-khai-sinh", title="Tờ khai đăng ký khai sinh"
        )
    assert "user:canbo.tuphap" not in roles(portal, form)
    procedure.manage_setLocalRoles("canbo.tuphap", ["Reader"])
    procedure.reindexObjectSecurity()
    assert "user:canbo.tuphap" in roles(portal, form)
