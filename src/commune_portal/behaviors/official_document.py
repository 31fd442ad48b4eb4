"""Behavior ``commune_portal.official_document``: the metadata of an
official document (văn bản), on ``Directive``, ``Resolution`` and
``SessionDocument``: the schema and the adapter storing it.

Every rule on the data is stated here, at the schema (field constraints and
invariants), so that it holds for the edit forms and for plone.restapi alike.
The computed legal status is added by ``validity.py`` (it depends on other
documents); this module imports no other module of ``behaviors``, which
all build on it.
"""

from Acquisition import aq_base
from commune_portal import _
from commune_portal import confidentiality
from commune_portal import document_number
from commune_portal.behaviors.uniqueness import find_duplicate
from commune_portal.behaviors.uniqueness import may_view
from commune_portal.text import normalize
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


OFFICIAL_DOCUMENT_TYPES = ("Directive", "Resolution", "SessionDocument")

RELATIONS = ("based_on", "amends", "replaces", "repeals", "corrects", "guides")


class NotAnOfficialDocument(schema.ValidationError):
    __doc__ = _(
        "Only official documents (directives, resolutions, session documents) "
        "can be related here."
    )


def official_documents_only(value):
    """Constraint of the relation fields: the target is an official document."""
    target = getattr(value, "to_object", value)
    if getattr(target, "portal_type", None) not in OFFICIAL_DOCUMENT_TYPES:
        raise NotAnOfficialDocument()
    return True


# The longest real numbers are about twenty characters (81/2016/NQ-HĐND,
# 1397-BC/BCSĐ); a longer text is no number.
NUMBER_MAX_LENGTH = 60


class NumberTooLong(schema.ValidationError):
    __doc__ = _(
        "A number and symbol has at most ${max} characters, for example 15/KH-UBND.",
        mapping={"max": NUMBER_MAX_LENGTH},
    )


def number_constraint(value):
    """Constraint of ``document_number``: not longer than a number can be
    (checked before it is parsed), then the format."""
    if value and len(value) > NUMBER_MAX_LENGTH:
        raise NumberTooLong(value)
    return document_number.validate_number(value)


class FieldInvalid(Invalid):
    """A cross-field (invariant) error that names the field to correct:
    plone.restapi reports it under ``field`` (``behaviors/deserializer.py``);
    Plone's forms show it above the form, as any invariant error."""

    def __init__(self, message, field):
        super().__init__(message)
        self.field = field


def value_of(data, name):
    """A field's value in invariant ``data``; ``None`` when neither the
    submitted data nor the context has it (add forms validate against the
    container)."""
    try:
        return getattr(data, name, None)
    except (TypeError, Invalid):
        return None


def _relation_list(title, description):
    return RelationList(
        title=title,
        description=description,
        value_type=RelationChoice(
            vocabulary="plone.app.vocabularies.Catalog",
            constraint=official_documents_only,
        ),
        default=[],
        missing_value=[],
        required=False,
    )


def _relation_widget(name):
    directives.widget(
        name,
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={
            "selectableTypes": list(OFFICIAL_DOCUMENT_TYPES),
            "baseCriteria": [
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": list(OFFICIAL_DOCUMENT_TYPES),
                }
            ],
        },
    )


@provider(IFormFieldProvider)
class IOfficialDocument(model.Schema):
    """Official-document metadata, as on the national legal database."""

    model.fieldset(
        "signing",
        label=_("Signing"),
        fields=["signer", "signer_position", "signing_authority"],
    )
    # Invariants only see the fields of one fieldset in Plone's forms: the
    # three dates stay together on the main tab, where the number is.
    model.fieldset(
        "validity",
        label=_("Validity"),
        fields=["legal_status", "legal_status_override"],
    )
    model.fieldset(
        "classification",
        label=_("Classification"),
        fields=["sectors", "is_legal_normative", "confidentiality", "urgency"],
    )
    model.fieldset(
        "relations",
        label=_("Related documents"),
        fields=list(RELATIONS),
    )

    document_number = schema.TextLine(
        title=_("Number and symbol (số ký hiệu)"),
        description=_(
            "As printed under the issuing body, for example 15/KH-UBND, "
            "01/2026/NQ-HĐND or 245/UBND-VP."
        ),
        required=False,
        max_length=NUMBER_MAX_LENGTH,
        constraint=number_constraint,
    )

    document_type = schema.Choice(
        title=_("Document type"),
        description=_("Left empty, it is taken from the number."),
        vocabulary="commune_portal.vocabularies.DocumentTypes",
        required=False,
    )

    issuing_body = schema.Choice(
        title=_("Issuing body"),
        vocabulary="commune_portal.vocabularies.IssuingBodies",
        required=False,
    )

    issue_date = schema.Date(
        title=_("Issue date"),
        required=False,
    )

    effective_date = schema.Date(
        title=_("Effective date"),
        description=_("Left empty, the document is in force from its issue date."),
        required=False,
    )

    expiry_date = schema.Date(
        title=_("Expiry date"),
        required=False,
    )

    file = NamedBlobFile(
        title=_("Signed document"),
        description=_("The signed file, usually a digitally signed PDF."),
        required=False,
    )

    signer = schema.TextLine(
        title=_("Signed by"),
        required=False,
    )

    signer_position = schema.Choice(
        title=_("Position of the signer"),
        vocabulary="commune_portal.vocabularies.SignerPositions",
        required=False,
    )

    signing_authority = schema.Choice(
        title=_("Signing authority"),
        description=_("TM., KT., Q., TL. or TUQ., when the document shows one."),
        vocabulary="commune_portal.vocabularies.SigningAuthorities",
        required=False,
    )

    legal_status = schema.Choice(
        title=_("Legal status"),
        description=_(
            "Computed from the dates and from the documents that replace or "
            "repeal this one."
        ),
        vocabulary="commune_portal.vocabularies.LegalStatuses",
        required=False,
        readonly=True,
    )
    directives.omitted("legal_status")

    legal_status_override = schema.Choice(
        title=_("Legal status set by hand"),
        description=_("Only when the computed status is wrong; it then wins."),
        vocabulary="commune_portal.vocabularies.LegalStatuses",
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

    is_legal_normative = schema.Bool(
        title=_("Legal normative document (văn bản QPPL)"),
        default=False,
        required=False,
    )

    confidentiality = schema.Choice(
        title=_("Confidentiality"),
        description=_("A classified document can never be published on the portal."),
        vocabulary="commune_portal.vocabularies.Confidentiality",
        default="normal",
        required=True,
    )

    urgency = schema.Choice(
        title=_("Urgency"),
        vocabulary="commune_portal.vocabularies.Urgency",
        default="normal",
        required=True,
    )

    based_on = _relation_list(
        _("Based on (căn cứ)"), _("Documents this one is based on.")
    )
    _relation_widget("based_on")
    amends = _relation_list(
        _("Amends (sửa đổi, bổ sung)"),
        _("Documents this one amends; they stay in force."),
    )
    _relation_widget("amends")
    replaces = _relation_list(
        _("Replaces (thay thế)"),
        _("Documents this one replaces; they expire when this one takes effect."),
    )
    _relation_widget("replaces")
    repeals = _relation_list(
        _("Repeals (bãi bỏ)"),
        _("Documents this one repeals; they expire when this one takes effect."),
    )
    _relation_widget("repeals")
    corrects = _relation_list(
        _("Corrects (đính chính)"), _("Documents this one corrects.")
    )
    _relation_widget("corrects")
    guides = _relation_list(
        _("Guides (hướng dẫn, quy định chi tiết)"),
        _("Documents this one guides or details."),
    )
    _relation_widget("guides")

    @invariant
    def dates_in_order(data):
        """The effective date is not before the issue date; the expiry date
        comes after the effective date (or the issue date)."""
        issued = value_of(data, "issue_date")
        effective = value_of(data, "effective_date")
        expiry = value_of(data, "expiry_date")
        if issued and effective and effective < issued:
            raise FieldInvalid(
                _("The effective date cannot be before the issue date."),
                "effective_date",
            )
        start = effective or issued
        if start and expiry and expiry <= start:
            raise FieldInvalid(
                _(
                    "The expiry date must come after the effective date (or the issue date)."
                ),
                "expiry_date",
            )

    @invariant
    def number_agrees_with_type(data):
        """The type abbreviation in the number agrees with the document type."""
        number = value_of(data, "document_number")
        document_type = value_of(data, "document_type")
        if not number or not document_type:
            return
        try:
            parsed = document_number.parse(number)
        except document_number.InvalidDocumentNumber:
            return  # the field constraint reports it
        try:
            document_number.check_type(parsed, document_type)
        except document_number.DocumentTypeMismatch as error:
            raise FieldInvalid(error.doc(), "document_type") from None

    @invariant
    def number_is_unique(data):
        """No other document of the same issuer and year has the same number.
        The other document is named only to those who may view it."""
        duplicate = find_duplicate(
            getattr(data, "__context__", None),
            value_of(data, "document_number"),
            value_of(data, "issue_date"),
            value_of(data, "issuing_body"),
        )
        if duplicate is None:
            return
        if not may_view(duplicate):
            raise FieldInvalid(
                _(
                    "The number ${number} is already used by another document "
                    "of the same issuer and year, which you may not see. Numbers "
                    "restart every year for each issuer, but cannot repeat "
                    "within one year.",
                    mapping={"number": duplicate.document_number},
                ),
                "document_number",
            )
        raise FieldInvalid(
            _(
                'The number ${number} is already used by "${title}" '
                "(${url}). Numbers restart every year for each issuer, but "
                "cannot repeat within one year.",
                mapping={
                    "number": duplicate.document_number,
                    "title": duplicate.Title,
                    "url": duplicate.getURL(),
                },
            ),
            "document_number",
        )

    @invariant
    def classified_never_disclosed(data):
        """A published or circulated document cannot be made classified
        (the rule: ``commune_portal.confidentiality``); it is retracted
        first."""
        context = getattr(data, "__context__", None)
        # Add forms validate against the container: a new document is in
        # its workflow's initial state, never a disclosing one.
        if not IOfficialDocumentMarker.providedBy(context):
            return
        level = value_of(data, "confidentiality")
        state = confidentiality.state_of(context)
        if confidentiality.forbidden(level, state):
            raise FieldInvalid(
                confidentiality.edit_refusal(level, state), "confidentiality"
            )


class IOfficialDocumentMarker(Interface):
    """Marker of content with the official-document behavior."""


def _attribute(name):
    """Store the field ``name`` on the content object; the Dublin Core
    publication date already lives in ``effective_date``, so ours is stored
    as ``document_effective_date``."""
    attribute = "document_effective_date" if name == "effective_date" else name
    field = IOfficialDocument[name]

    def get(self):
        value = getattr(aq_base(self.context), attribute, None)
        if value is not None:
            return value
        if field.default is not None:
            return (
                list(field.default)
                if isinstance(field.default, list)
                else field.default
            )
        return field.missing_value

    def set(self, value):
        if name == "document_number" and value:
            value = document_number.normalize(value)
        elif isinstance(value, str):
            value = normalize(value)
        setattr(self.context, attribute, value)

    return property(get, set)


@implementer(IOfficialDocument)
class OfficialDocument:
    """Adapter storing the behavior's fields on the content object."""

    def __init__(self, context):
        self.context = context

    document_number = _attribute("document_number")
    document_type = _attribute("document_type")
    issuing_body = _attribute("issuing_body")
    issue_date = _attribute("issue_date")
    file = _attribute("file")
    signer = _attribute("signer")
    signer_position = _attribute("signer_position")
    signing_authority = _attribute("signing_authority")
    effective_date = _attribute("effective_date")
    expiry_date = _attribute("expiry_date")
    legal_status_override = _attribute("legal_status_override")
    sectors = _attribute("sectors")
    is_legal_normative = _attribute("is_legal_normative")
    confidentiality = _attribute("confidentiality")
    urgency = _attribute("urgency")
    based_on = _attribute("based_on")
    amends = _attribute("amends")
    replaces = _attribute("replaces")
    repeals = _attribute("repeals")
    corrects = _attribute("corrects")
    guides = _attribute("guides")
