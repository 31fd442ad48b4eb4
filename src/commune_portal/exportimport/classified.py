"""plone.exportimport: an imported item never stays classified and public.

plone.exportimport creates or updates an item (fields through
plone.restapi's deserializer, which fires ``ObjectModifiedEvent``), tries
the ``review_state`` of the export with a transition (our guard refuses a
classified item), then *replaces* the workflow history with the exported
one: the item is then in the exported state, with no transition, no event,
no new role mappings. So the items an import touches are remembered and
checked when the import commits (plone.exportimport commits every
``IMPORTER_COMMIT_AFTER`` items and at the end; a caller that disables
intermediate commits commits once): the classified ones in a disclosing
state are withdrawn (``commune_portal.workflows.classified``).

This holds for the content importer used alone too. A whole import also
checks every item in its last step, before anything is committed when
intermediate commits are disabled (``rebuild.py``).
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from commune_portal import confidentiality
from commune_portal.exportimport import importing
from commune_portal.interfaces import is_commune_catalog
from commune_portal.workflows.classified import IMPORTED
from commune_portal.workflows.classified import withdraw
from Products.CMFCore.utils import getToolByName
import transaction


class _Pending:
    """Key of the transaction data: the imported items to check."""


def remember_imported(obj, event):
    """Subscriber of ``IObjectAddedEvent`` and ``IObjectModifiedEvent`` on
    content: during a plone.exportimport import, check the item before the
    transaction commits."""
    if not importing():
        return
    if not is_commune_catalog(getToolByName(obj, "portal_catalog", None)):
        return  # another site of the Zope: its content follows its own rules
    current = transaction.get()
    try:
        pending = current.data(_Pending)
    except KeyError:
        pending = []
        current.set_data(_Pending, pending)
        current.addBeforeCommitHook(withdraw_imported, (pending,))
    pending.append(obj)


def withdraw_imported(pending):
    """Before-commit hook: withdraw the imported items that are classified
    and in a disclosing state now that the import has set their state."""
    seen = set()
    for obj in pending:
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        container = aq_parent(aq_inner(obj))
        if getattr(aq_base(container), obj.getId(), None) is not aq_base(obj):
            continue  # deleted since
        if confidentiality.exposed(obj):
            withdraw(obj, IMPORTED)
