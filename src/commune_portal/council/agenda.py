"""The choices of an agenda row of a ``CouncilSession``: the session's
own ``SessionDocument`` and ``Resolution`` items, listed from the catalog.

The named vocabulary ``commune_portal.vocabularies.SessionMaterials``
(``GET <session>/@vocabularies/commune_portal.vocabularies.SessionMaterials``)
and the agenda's picker in the edit form (``browser/council_agenda.py``).
What a row may store is the schema's invariant
(``content/council_session.py``), for the forms and REST alike.
"""

from Acquisition import aq_base
from commune_portal.content.council_session import MATERIAL_TYPES
from commune_portal.content.council_session import PORTAL_TYPE
from Products.CMFCore.utils import getToolByName
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def session_of(context):
    """``context`` when it is a council session, else ``None`` (the add
    form of a session is shown on its term, which has no materials)."""
    if getattr(aq_base(context), "portal_type", None) == PORTAL_TYPE:
        return context
    return None


def material_label(title, document_number):
    """How the picker names a material: its title with its number."""
    return f"{title} ({document_number})" if document_number else title


@provider(IVocabularyFactory)
def session_materials(context):
    """The materials of the session ``context`` the user can see, in the
    session's order, from the catalog: token and value the UID, title the
    title with the document number. Empty on anything but a session."""
    session = session_of(context)
    catalog = getToolByName(context, "portal_catalog", None)
    if session is None or catalog is None:
        return SimpleVocabulary([])
    brains = catalog(
        path={"query": "/".join(session.getPhysicalPath()), "depth": 1},
        portal_type=list(MATERIAL_TYPES),
        sort_on="getObjPositionInParent",
    )
    return SimpleVocabulary(
        [
            SimpleTerm(
                value=brain.UID,
                token=brain.UID,
                title=material_label(
                    brain.Title, getattr(brain, "document_number", None)
                ),
            )
            for brain in brains
        ]
    )
