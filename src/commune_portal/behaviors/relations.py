"""Relations between official documents, in both directions.

The relation fields (``based_on`` … ``guides``) are stored on the document
that states them; the zc.relation catalog answers the other direction
("được thay thế bởi …").
"""

from AccessControl import getSecurityManager
from commune_portal import _
from plone import api
from zc.relation.interfaces import ICatalog
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds


# relation field -> (name of the other direction, its title on the view)
INVERSE = {
    "based_on": ("basis_for", _("Basis for")),
    "amends": ("amended_by", _("Amended by")),
    "replaces": ("replaced_by", _("Replaced by")),
    "repeals": ("repealed_by", _("Repealed by")),
    "corrects": ("corrected_by", _("Corrected by")),
    "guides": ("guided_by", _("Guided by")),
}


def inverse_relations(context):
    """``{"replaced_by": [documents], ...}``: the documents that relate to
    ``context``, in every direction, that the current user may view."""
    check = getSecurityManager().checkPermission
    found = {}
    for relation, (inverse, _title) in INVERSE.items():
        found[inverse] = [
            source for source in incoming(context, relation) if check("View", source)
        ]
    return found


def incoming(context, relation, exclude=None):
    """The documents that state ``relation`` towards ``context`` (woken up:
    callers need few of them)."""
    intids = queryUtility(IIntIds)
    catalog = queryUtility(ICatalog)
    if intids is None or catalog is None:
        return []
    intid = intids.queryId(context)
    if intid is None:
        return []
    sources = []
    for rel in catalog.findRelations({"to_id": intid, "from_attribute": relation}):
        source = rel.from_object
        removed = getattr(source, "_v_commune_portal_removed", False)
        if source is not None and source is not exclude and not removed:
            sources.append(source)
    return sources


def ended_on(context, exclude=None):
    """The earliest day a *published* document replacing or repealing
    ``context`` takes effect, or ``None``."""
    from commune_portal.behaviors.official_document import IOfficialDocument

    days = []
    for relation in ("replaces", "repeals"):
        for source in incoming(context, relation, exclude=exclude):
            if api.content.get_state(source, default=None) != "published":
                continue
            document = IOfficialDocument(source, None)
            if document is None:
                continue
            day = document.effective_date or document.issue_date
            if day is not None:
                days.append(day)
    return min(days) if days else None


def ending_targets(context):
    """The documents that ``context`` replaces or repeals."""
    from commune_portal.behaviors.official_document import IOfficialDocument

    document = IOfficialDocument(context)
    targets = []
    for relation in (document.replaces or []) + (document.repeals or []):
        target = getattr(relation, "to_object", None)
        if target is not None:
            targets.append(target)
    return targets
