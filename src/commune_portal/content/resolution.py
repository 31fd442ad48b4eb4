"""``Resolution``: a resolution (nghị quyết) of the People's Council, an
official document (behavior ``commune_portal.official_document``) adopted
at a session by a vote. ``ballot`` says how the delegates vote and
``threshold`` what it takes to pass: more than half of all the term's
delegates, or two thirds for the decisions that need it (DOMAIN.md). The
vote's frozen result is kept by ``commune_portal.voting``."""

from commune_portal import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


PORTAL_TYPE = "Resolution"


class IResolution(model.Schema):
    """Schema of ``Resolution`` (the document's metadata comes from the
    official-document behavior)."""

    model.fieldset(
        "vote",
        label=_("Vote"),
        fields=["ballot", "threshold"],
    )

    ballot = schema.Choice(
        title=_("Ballot"),
        description=_(
            "Named: each delegate's vote is recorded. Secret: nobody can tell "
            "how a delegate voted. Counted by hand: the secretary enters the "
            "counts."
        ),
        vocabulary="commune_portal.vocabularies.Ballots",
        default="named",
        required=True,
    )

    threshold = schema.Choice(
        title=_("Needed to pass"),
        vocabulary="commune_portal.vocabularies.Thresholds",
        default="majority",
        required=True,
    )


@implementer(IResolution)
class Resolution(Container):
    """A resolution of the People's Council, with its annexes."""
