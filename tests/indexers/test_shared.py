"""Values several indexers need, computed once per ``catalog_object`` call
of any item in our catalogs (``indexers/shared.py``): the current workflow
of a procedure or a page, read by the three workflow indexers."""

from commune_portal.workflows import history
from plone import api
from Products.CMFCore.indexing import processQueue
from tests.helpers import record_calls
from tests.procedure_helpers import make_procedure
from tests.procedure_helpers import procedures_section
import pytest


@pytest.fixture
def calls(monkeypatch):
    """The objects ``history.current_workflow`` was computed for."""
    return record_calls(monkeypatch, history, "current_workflow")


@pytest.fixture
def procedure(portal):
    obj = make_procedure(procedures_section(portal), "khai-sinh")
    processQueue()  # the reindexes of its creation, before counting
    return obj


@pytest.fixture
def page(portal):
    with api.env.adopt_roles(["Manager"]):
        obj = api.content.create(
            portal, "Document", id="gioi-thieu", title="Giới thiệu xã Nghi Dương"
        )
    processQueue()
    return obj


def _brain(portal, obj):
    (brain,) = portal.portal_catalog.unrestrictedSearchResults(UID=obj.UID())
    return brain


@pytest.mark.parametrize("name", ["procedure", "page"])
def test_once_per_reindex(request, portal, calls, name):
    obj = request.getfixturevalue(name)
    del calls[:]  # those of its creation
    portal.portal_catalog.catalog_object(obj, "/".join(obj.getPhysicalPath()))
    assert len(calls) == 1
    obj.reindexObject(idxs=["workflow_actors", "last_review_action"])
    processQueue()
    assert len(calls) == 2


def test_a_transition_between_two_reindexes_is_seen(portal, procedure, calls):
    assert _brain(portal, procedure).last_review["action"] == "publish"
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(procedure, "retract")
    processQueue()
    brain = _brain(portal, procedure)
    assert brain.last_review["action"] == "retract"
    assert brain.review_state == "private"


def _registrations(registry, provided):
    """Every adapter registration for ``provided`` in ``registry`` and the
    registries below it (the test layers stack one on another)."""
    found = [r for r in registry.registeredAdapters() if r.provided is provided]
    for base in registry.__bases__:
        found += _registrations(base, provided)
    return found


def test_ours_wins_in_one_registry_as_in_a_zope(portal, procedure, page, doc):
    """In a Zope every registration is in one global registry, where the
    more specific interface of the object decides before that of the
    catalog: our wrapper must win there against Plone's (and CMFCore's),
    not only in the stacked registries of the test layers."""
    from commune_portal.indexers.shared import SharedValuesWrapper
    from plone.indexer.interfaces import IIndexableObject
    from zope.component import getGlobalSiteManager
    from zope.interface import providedBy
    from zope.interface.adapter import AdapterRegistry

    flat = AdapterRegistry()
    registrations = _registrations(getGlobalSiteManager(), IIndexableObject)
    assert len({r.factory for r in registrations}) >= 3  # CMFCore, Plone, ours
    for registration in registrations:
        flat.register(registration.required, IIndexableObject, "", registration.factory)
    catalog = providedBy(portal.portal_catalog)
    for obj in (procedure, page, portal, doc):
        found = flat.lookup((providedBy(obj), catalog), IIndexableObject, "")
        assert found is SharedValuesWrapper, obj
