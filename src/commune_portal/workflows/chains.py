"""Workflow chains of procedures, looked up once per item in a bulk import.

Plone asks the chain of an item (``portal_workflow.getChainFor``, through
the ``IWorkflowChain`` adapter) about eleven times while it adds and
publishes it: the initial state, the transition, its guards, the catalog's
workflow indexes, the security reindex. With placeful policies each ask
walks up the item's containers looking for a policy
(``Products.CMFPlacefulWorkflow.adapter.PlacefulWorkflowChain``): a tenth
of the procedure import's time (bench/procedures.py).

Within ``chains_held()`` the chain of a procedure is asked to
CMFPlacefulWorkflow once per item (its path and type) and remembered for
the rest of the block. The block is for an operation that sets no
workflow policy and moves nothing: the procedure import. Outside it, and
for every other type, the chain is looked up as Plone does.
"""

from commune_portal.content.procedure import IProcedure
from contextlib import contextmanager
from plone.base.interfaces import IWorkflowChain
from Products.CMFPlacefulWorkflow.adapter import PlacefulWorkflowChain
from Products.CMFPlacefulWorkflow.interfaces import IPlacefulMarker
from zope.component import adapter
from zope.interface import implementer
import contextvars


# path and type of an item -> its chain, within ``chains_held()``
_held = contextvars.ContextVar("commune_portal_chains", default=None)


@contextmanager
def chains_held():
    """Remember the chains of the procedures looked up within the block."""
    if _held.get() is not None:  # nested: the outer block holds them
        yield
        return
    token = _held.set({})
    try:
        yield
    finally:
        _held.reset(token)


@adapter(IProcedure, IPlacefulMarker)
@implementer(IWorkflowChain)
def procedure_chain(ob, tool):
    """CMFPlacefulWorkflow's chain, remembered within ``chains_held()``."""
    held = _held.get()
    if held is None:
        return PlacefulWorkflowChain(ob, tool)
    key = (ob.getPhysicalPath(), ob.getPortalTypeName())
    if key not in held:
        held[key] = tuple(PlacefulWorkflowChain(ob, tool))
    return held[key]
