"""Catalog indexers of administrative procedures (``Procedure``).

Registered for ``IProcedure`` in the catalogs of the add-on's sites only
(``ICommunePortalCatalog``). For every other object of those sites
``no_value`` stops Plone from acquiring a procedure's values (a form File
inside a procedure would otherwise be indexed with its online-service level).

``legal_basis_end`` is the first day (YYYYMMDD) one of the procedure's legal
basis documents on the site is no longer in force (replaced, repealed or
expired: ``commune_portal.legal_status``), ``END_OF_TIME`` when none ends.
It is a day, not a yes/no, because time passes without anyone editing: a
listing compares it with today. ``refresh_procedures`` reindexes it when a
document's validity may have changed.
"""

from Acquisition import aq_base
from commune_portal.behaviors.validity import ending_targets
from commune_portal.behaviors.validity import validity_window
from commune_portal.confidentiality import PUBLISHED
from commune_portal.content.procedure import IProcedure
from commune_portal.content.procedure import short_code
from commune_portal.interfaces import ICommunePortalCatalog
from commune_portal.interfaces import is_commune_catalog
from commune_portal.legal_status import DATED
from commune_portal.legal_status import END_OF_TIME
from plone import api
from plone.indexer import indexer
from Products.CMFCore.interfaces import IActionSucceededEvent
from Products.CMFCore.utils import getToolByName
from zope.interface import Interface


INDEX_NAMES = (
    "procedure_code",
    "procedure_code_key",
    "online_service",
    "implementation_levels",
    "processing_days",
    "fee_summary",
    "national_portal_url",
    "legal_basis_end",
)

RELATION = "legal_basis_documents"


@indexer(Interface, ICommunePortalCatalog)
def no_value(obj):
    raise AttributeError("not a procedure")


def _field(name):
    """An indexer returning the procedure's field ``name`` (``None`` when
    empty: the index leaves the procedure out)."""

    @indexer(IProcedure, ICommunePortalCatalog)
    def read(obj):
        value = getattr(obj, name, None)
        if value in ("", [], ()):
            return None
        return value

    return read


procedure_code = _field("procedure_code")
online_service = _field("online_service")
implementation_levels = _field("implementation_levels")
processing_days = _field("processing_days")
fee_summary = _field("fee_summary")
national_portal_url = _field("national_portal_url")
sectors = _field("sectors")


@indexer(IProcedure, ICommunePortalCatalog)
def procedure_code_key(obj):
    """The short code (``1.001612``), what ``@procedures?code=`` and the
    uniqueness rule look for, whether the long or short code is given."""
    return short_code(getattr(obj, "procedure_code", None))


def legal_basis_documents(procedure):
    """The documents of the legal basis that are on the site (broken
    relations left out)."""
    found = []
    for relation in getattr(procedure, RELATION, None) or []:
        target = getattr(relation, "to_object", None)
        if target is not None:
            found.append(target)
    return found


def ended_documents(procedure, day):
    """The documents of the legal basis no longer in force on ``day``
    (a day number), with the day they ended."""
    ended = []
    for document in legal_basis_documents(procedure):
        mode, _start, end = validity_window(document)
        if mode == DATED and end <= day:
            ended.append((document, end))
    return ended


@indexer(IProcedure, ICommunePortalCatalog)
def legal_basis_end(obj):
    ends = [
        end
        for mode, _start, end in (
            validity_window(document) for document in legal_basis_documents(obj)
        )
        if mode == DATED
    ]
    return min(ends) if ends else END_OF_TIME


@indexer(IProcedure, ICommunePortalCatalog)
def searchable_text(obj):
    """``SearchableText`` of a procedure: name, summary, code (long and
    short), sectors, agency and who may apply; the site's lexicon folds
    tone marks."""
    code = getattr(obj, "procedure_code", None)
    parts = [
        obj.Title(),
        obj.Description(),
        code,
        short_code(code),
        getattr(obj, "implementing_agency", None),
        *(getattr(obj, "sectors", None) or []),
        *(getattr(obj, "target_subjects", None) or []),
    ]
    return " ".join(part for part in parts if part)


def procedures_citing(documents):
    """The procedures whose legal basis relates to one of ``documents``."""
    found = {}
    for document in documents:
        for relation in api.relation.get(
            target=document, relationship=RELATION, unrestricted=True
        ):
            source = relation.from_object
            if source is not None:
                found[id(source)] = source
    return list(found.values())


def _publication_unchanged(document, event):
    """Whether ``event`` is a workflow transition that neither entered nor
    left ``published``. A document's own state never changes its own
    validity, only that of what it replaces or repeals, and only when it
    enters or leaves ``published`` (``behaviors.validity.ended_on``)."""
    if not IActionSucceededEvent.providedBy(event):
        return False
    workflow_id = getattr(getattr(event, "workflow", None), "getId", None)
    history = getattr(aq_base(document), "workflow_history", None) or {}
    entries = history.get(workflow_id()) if workflow_id is not None else None
    if not entries or len(entries) < 2:
        return False  # unknown: do the work
    before, after = (entry.get("review_state") for entry in entries[-2:])
    return (before == PUBLISHED) == (after == PUBLISHED)


def refresh_procedures(document, event):
    """A document was edited, moved along its workflow or removed: the
    validity of itself and of what it replaces or repeals may have changed;
    reindex the procedures that cite them."""
    if _publication_unchanged(document, event):
        return  # submit, review ...: no validity changed
    catalog = getToolByName(document, "portal_catalog", None)
    if not is_commune_catalog(catalog):
        return
    documents = [document, *ending_targets(document)]
    for procedure in procedures_citing(documents):
        procedure.reindexObject(idxs=["legal_basis_end"])
