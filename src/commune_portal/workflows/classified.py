"""Keeping classified items out of the disclosing states on every path.

The rule is stated in ``commune_portal.confidentiality``. Transitions ask
it through the guards, edits through the schema's invariant (refused, with
the reason). The paths that bypass both withdraw the item instead: it goes
to its workflow's initial state (``private``, ``received``) with a history
entry ``commune_portal:withdraw_classified`` whose comment says why, its
role mappings are updated (and narrowed to who may see a classified
item: ``commune_portal.workflows.security``) and it is reindexed:

- an edit that skips validation (Python code setting the field, then
  ``ObjectModifiedEvent``): ``withdraw_if_exposed``;
- a profile import (``IProfileImportedEvent``), e.g. the workflows
  imported again: ``withdraw_exposed_after_profile`` looks for classified
  items in disclosing states in the catalog;
- plone.exportimport (``exportimport/classified.py``): checked when the
  import commits, after it has set the workflow history.

The placeful policy switch and moves choose the new state themselves
(``commune_portal.workflows.policies``).
"""

from Acquisition import aq_parent
from commune_portal import _
from commune_portal import confidentiality
from commune_portal.interfaces import is_commune_catalog
from commune_portal.workflows.catalog import reindex_state
from commune_portal.workflows.security import narrow
from DateTime import DateTime
from plone import api
from zope.i18n import translate
import logging


logger = logging.getLogger("commune_portal")

# The ``action`` of the history entry written when an item is withdrawn.
WITHDRAW_ACTION = "commune_portal:withdraw_classified"

# Why an item is withdrawn: the path that would have disclosed it.
EDITED = _("changed without the form's checks")
IMPORTED = _("content import")
PROFILE_IMPORTED = _("configuration (profile) import")


def comment(obj, state_id, workflow, cause):
    """The history comment of a withdrawal, in the site's language: it is
    stored as text and shown as it is by Plone's history."""
    language = api.portal.get_default_language()
    state = workflow.states.get(state_id)
    state_title = state.title if state is not None else state_id
    return translate(
        _(
            "Withdrawn from “${state}”: the document is classified "
            "“${level}”, and a classified document is never published or "
            "circulated (${cause}).",
            mapping={
                "state": translate(
                    state_title, domain="plone", target_language=language
                ),
                "level": confidentiality.level_title(confidentiality.level_of(obj)),
                "cause": cause,
            },
        ),
        target_language=language,
    )


def withdraw(obj, cause):
    """Move ``obj`` to the initial state of each of its workflows in which
    it is in a state its confidentiality forbids, with a history entry
    saying why (``cause``: a message naming the path); update its security
    and catalog entry. Unrestricted. Returns whether it was withdrawn."""
    level = confidentiality.level_of(obj)
    workflow_tool = api.portal.get_tool("portal_workflow")
    actor = api.user.get_current().getId()
    withdrawn = False
    for workflow in workflow_tool.getWorkflowsFor(obj):
        state = workflow._getWorkflowStateOf(obj, id_only=True)
        if not confidentiality.forbidden(level, state):
            continue
        workflow_tool.setStatusOf(
            workflow.getId(),
            obj,
            {
                workflow.state_var: workflow.initial_state,
                "action": WITHDRAW_ACTION,
                "actor": actor,
                "comments": comment(obj, state, workflow, cause),
                "time": DateTime(),
            },
        )
        workflow.updateRoleMappingsFor(obj)
        narrow(obj)
        withdrawn = True
    if withdrawn:
        reindex_state(obj)
        logger.warning(
            "Classified item %s withdrawn from a disclosing state (%s)",
            "/".join(obj.getPhysicalPath()),
            translate(cause, target_language="en"),
        )
    return withdrawn


def withdraw_if_exposed(obj, event=None, cause=EDITED):
    """Subscriber of ``IObjectModifiedEvent`` on official documents: an edit
    that did not go through the schema's invariant (Python code) withdraws
    the item it made classified while public."""
    if confidentiality.exposed(obj):
        withdraw(obj, cause)


def withdraw_exposed(cause):
    """Withdraw every classified item the catalog lists in a disclosing
    state (one query on two indexes). Returns the paths withdrawn."""
    catalog = api.portal.get_tool("portal_catalog")
    if confidentiality.FIELD not in catalog.indexes():
        return []
    withdrawn = []
    for brain in catalog.unrestrictedSearchResults(
        confidentiality=list(confidentiality.CLASSIFIED_LEVELS),
        review_state=list(confidentiality.DISCLOSING_STATES),
    ):
        obj = brain._unrestrictedGetObject()
        if withdraw(obj, cause):
            withdrawn.append(brain.getPath())
    return withdrawn


def withdraw_exposed_after_profile(event):
    """Subscriber of ``IProfileImportedEvent``: whatever the profile
    changed (workflows, chains), no classified item is left disclosed. Only
    on sites with commune_portal."""
    catalog = getattr(aq_parent(event.tool), "portal_catalog", None)
    if not is_commune_catalog(catalog):
        return
    withdraw_exposed(PROFILE_IMPORTED)
