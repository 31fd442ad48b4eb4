"""Relations between official documents, in both directions.

The relation fields (``based_on`` … ``guides``) are stored on the document
that states them; the zc.relation catalog answers the other direction
("được thay thế bởi …") through ``plone.api.relation.get``.
"""

from AccessControl import getSecurityManager
from commune_portal import _
from plone import api
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


def _relations_to(context, relationship=None, unrestricted=False):
    """``plone.api.relation.get`` towards ``context`` as a dict of relation
    lists by relation name; empty for an object without intid (not added
    yet), which plone.api does not accept."""
    intids = queryUtility(IIntIds)
    if intids is None or intids.queryId(context) is None:
        return {}
    return api.relation.get(
        target=context,
        relationship=relationship,
        unrestricted=unrestricted,
        as_dict=True,
    )


def _sources(relations):
    """The documents stating ``relations``, but for a document being
    deleted (the relation catalog may still list its relations)."""
    sources = []
    for relation in relations:
        source = relation.from_object
        if source is not None and not getattr(
            source, "_v_commune_portal_removed", False
        ):
            sources.append(source)
    return sources


def inverse_relations(context):
    """``{"replaced_by": [documents], ...}``: the documents that relate to
    ``context``, in every direction, that the current user may view (one
    query of the relation catalog)."""
    # Unrestricted, then the View check on the sources only: plone.api would
    # check the context too, which the user is viewing already.
    found = _relations_to(context, unrestricted=True)
    check = getSecurityManager().checkPermission
    return {
        inverse: [
            source
            for source in _sources(found.get(relation, ()))
            if check("View", source)
        ]
        for relation, (inverse, _title) in INVERSE.items()
    }


def incoming(context, relation, exclude=None):
    """The documents that state ``relation`` towards ``context``, whoever
    may view them (woken up: callers need few of them)."""
    found = _relations_to(context, relation, unrestricted=True)
    return [
        source for source in _sources(found.get(relation, ())) if source is not exclude
    ]
