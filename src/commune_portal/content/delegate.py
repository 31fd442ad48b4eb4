"""``Delegate``: a delegate (đại biểu) of the People's Council in one term.

What a portal publishes about a delegate (DOMAIN.md): name, photo (the
``plone.leadimage`` behavior), position, committee, delegate group,
constituency, whether full-time, workplace and official e-mail. The private
phone number and home address are kept for the council secretary only:
their read and write permission (``commune_portal: View private contact
details``) is given to Manager, Site Administrator and CouncilSecretary, so
Plone's forms, plone.restapi and the views leave them out for everyone
else.

``user_id`` links the Plone user who acts for the delegate: that user reads
the materials circulated to the term's delegates and votes.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from commune_portal import _
from commune_portal.behaviors.official_document import FieldInvalid
from plone import api
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


PORTAL_TYPE = "Delegate"
PRIVATE_CONTACT_PERMISSION = "commune_portal.ViewPrivateContact"


class UnknownUser(schema.ValidationError):
    __doc__ = _("There is no user with this login name on the site.")


def existing_user(value):
    """The linked user must exist on the site."""
    if value and api.user.get(userid=value.strip()) is None:
        raise UnknownUser(value)
    return True


class IDelegate(model.Schema):
    """Schema of ``Delegate``."""

    model.fieldset(
        "private",
        label=_("Private contact details"),
        fields=["private_phone", "private_address"],
    )
    model.fieldset(
        "voting",
        label=_("Voting account"),
        fields=["user_id"],
    )

    title = schema.TextLine(
        title=_("Full name"),
        required=True,
    )

    position = schema.TextLine(
        title=_("Position"),
        description=_("For example Chủ tịch HĐND xã, Trưởng Ban Kinh tế - Ngân sách."),
        required=False,
    )

    committee = schema.Choice(
        title=_("Committee"),
        description=_("Leave empty for a delegate who is in no committee."),
        vocabulary="commune_portal.vocabularies.CouncilBodies",
        required=False,
    )

    delegate_group = schema.TextLine(
        title=_("Delegate group"),
        description=_("For example Tổ đại biểu số 1."),
        required=False,
    )

    constituency = schema.TextLine(
        title=_("Constituency"),
        description=_("For example Đơn vị bầu cử số 2 (thôn Đông, thôn Tây)."),
        required=False,
    )

    full_time = schema.Bool(
        title=_("Full-time delegate"),
        default=False,
        required=False,
    )

    workplace = schema.TextLine(
        title=_("Workplace"),
        required=False,
    )

    email = Email(
        title=_("Official e-mail"),
        description=_("Published; session materials are sent to it."),
        required=False,
    )

    private_phone = schema.TextLine(
        title=_("Private phone number"),
        description=_("Seen by the council secretary only, never published."),
        required=False,
    )
    directives.read_permission(private_phone=PRIVATE_CONTACT_PERMISSION)
    directives.write_permission(private_phone=PRIVATE_CONTACT_PERMISSION)

    private_address = schema.TextLine(
        title=_("Home address"),
        description=_("Seen by the council secretary only, never published."),
        required=False,
    )
    directives.read_permission(private_address=PRIVATE_CONTACT_PERMISSION)
    directives.write_permission(private_address=PRIVATE_CONTACT_PERMISSION)

    user_id = schema.TextLine(
        title=_("User who acts for the delegate"),
        description=_(
            "The delegate's login on this site: they read the materials sent "
            "to the delegates before they are public, and vote."
        ),
        required=False,
        constraint=existing_user,
    )
    directives.widget(
        "user_id",
        AjaxSelectFieldWidget,
        vocabulary="plone.app.vocabularies.Users",
        pattern_options={"maximumSelectionSize": 1},
    )
    directives.write_permission(user_id=PRIVATE_CONTACT_PERMISSION)

    @invariant
    def one_delegate_per_user(data):
        """A user acts for one delegate of a term: they vote once."""
        user_id = (getattr(data, "user_id", None) or "").strip()
        context = getattr(data, "__context__", None)
        if not user_id or context is None:
            return
        term = context
        if getattr(aq_base(context), "portal_type", None) == PORTAL_TYPE:
            term = aq_parent(aq_inner(context))
        for delegate in term.objectValues():
            if (
                getattr(aq_base(delegate), "portal_type", None) == PORTAL_TYPE
                and aq_base(delegate) is not aq_base(context)
                and (getattr(aq_base(delegate), "user_id", None) or "") == user_id
            ):
                raise FieldInvalid(
                    _(
                        "The user ${user} already acts for another delegate of "
                        "this term.",
                        mapping={"user": user_id},
                    ),
                    "user_id",
                )


@implementer(IDelegate)
class Delegate(Item):
    """A delegate of the People's Council."""
