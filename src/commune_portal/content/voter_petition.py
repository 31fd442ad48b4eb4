"""``VoterPetition``: a petition of voters (kiến nghị cử tri) raised at a
meeting of delegates with voters, forwarded to the agency that must answer
it, answered, then published with its answer (``voter_petition_workflow``).

Who raised it (name, address, phone) is kept for the council (read and
write permission ``commune_portal: View private contact details``: Manager,
Site Administrator, CouncilSecretary): never in public pages, REST, the
catalog's full text or its metadata.
"""

from commune_portal import _
from commune_portal.behaviors.official_document import FieldInvalid
from commune_portal.content.delegate import PRIVATE_CONTACT_PERMISSION
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


PORTAL_TYPE = "VoterPetition"


class IVoterPetition(model.Schema):
    """Schema of ``VoterPetition`` (title and summary from ``plone.basic``)."""

    model.fieldset(
        "petitioner",
        label=_("Who raised it"),
        fields=["petitioner_name", "petitioner_address", "petitioner_phone"],
    )
    model.fieldset(
        "response",
        label=_("Response"),
        fields=["responsible_agency", "deadline", "response", "response_date"],
    )

    source_meeting = schema.TextLine(
        title=_("Meeting with voters"),
        description=_(
            "For example Hội nghị tiếp xúc cử tri trước Kỳ họp thứ Tư, thôn Đông."
        ),
        required=False,
    )

    meeting_date = schema.Date(
        title=_("Date of the meeting"),
        required=False,
    )

    constituency = schema.TextLine(
        title=_("Constituency"),
        description=_("For example Đơn vị bầu cử số 2."),
        required=False,
    )

    sectors = schema.List(
        title=_("Sectors"),
        value_type=schema.Choice(vocabulary="commune_portal.vocabularies.Sectors"),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget("sectors", CheckBoxFieldWidget)

    content = schema.Text(
        title=_("Content of the petition"),
        required=True,
    )

    petitioner_name = schema.TextLine(
        title=_("Voter's name"),
        description=_("Seen by the council only, never published."),
        required=False,
    )
    petitioner_address = schema.TextLine(
        title=_("Voter's address"),
        description=_("Seen by the council only, never published."),
        required=False,
    )
    petitioner_phone = schema.TextLine(
        title=_("Voter's phone number"),
        description=_("Seen by the council only, never published."),
        required=False,
    )
    directives.read_permission(
        petitioner_name=PRIVATE_CONTACT_PERMISSION,
        petitioner_address=PRIVATE_CONTACT_PERMISSION,
        petitioner_phone=PRIVATE_CONTACT_PERMISSION,
    )
    directives.write_permission(
        petitioner_name=PRIVATE_CONTACT_PERMISSION,
        petitioner_address=PRIVATE_CONTACT_PERMISSION,
        petitioner_phone=PRIVATE_CONTACT_PERMISSION,
    )

    responsible_agency = schema.TextLine(
        title=_("Responsible agency"),
        description=_("Who must answer, for example UBND xã, Công an xã."),
        required=False,
    )

    deadline = schema.Date(
        title=_("Answer due by"),
        required=False,
    )

    response = RichText(
        title=_("Response"),
        required=False,
    )

    response_date = schema.Date(
        title=_("Date of the response"),
        required=False,
    )

    @invariant
    def response_after_meeting(data):
        """An answer is not dated before the voters raised the petition."""
        met = getattr(data, "meeting_date", None)
        answered = getattr(data, "response_date", None)
        if met and answered and answered < met:
            raise FieldInvalid(
                _("The response cannot be dated before the meeting with voters."),
                "response_date",
            )


@implementer(IVoterPetition)
class VoterPetition(Item):
    """A petition of voters and its response."""
