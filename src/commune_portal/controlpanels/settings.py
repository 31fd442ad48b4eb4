"""The control panel "Cổng thông tin xã": what a commune sets once.

The settings live in the Plone registry under the prefix ``commune_portal``
(``commune_portal.sectors`` ...). The same schema drives the Classic UI form
and the ``@controlpanels/commune-portal`` REST endpoint, so a rule stated
here holds for both.
"""

from commune_portal import _
from commune_portal.interfaces import ICommunePortalLayer
from commune_portal.questions import settings as questions
from commune_portal.text import fold
from commune_portal.text import normalize
from commune_portal.voting.shares import valid_share
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.autoform import directives
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.supermodel import model
from plone.z3cform import layout
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.component import adapter
from zope.interface import Interface
import re


REGISTRY_PREFIX = "commune_portal"

DEFAULT_ISSUING_BODIES = [
    "Hội đồng nhân dân",
    "Thường trực Hội đồng nhân dân",
    "Ủy ban nhân dân",
    "Chủ tịch Ủy ban nhân dân",
    "Văn phòng HĐND và UBND",
]

# The sectors (lĩnh vực) a commune or ward usually publishes documents and
# procedures for, after the 2025 two-level local government reform.
DEFAULT_SECTORS = [
    "Hộ tịch",
    "Chứng thực",
    "Nuôi con nuôi",
    "Đất đai",
    "Xây dựng",
    "Môi trường",
    "Nông nghiệp",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Văn hóa, thể thao và du lịch",
    "Bảo trợ xã hội",
    "Người có công",
    "Lao động, việc làm",
    "Tư pháp",
    "Nội vụ",
    "Tài chính, ngân sách",
    "Kinh tế, kế hoạch và đầu tư",
    "Công thương",
    "Giao thông vận tải",
    "Quốc phòng, quân sự địa phương",
    "An ninh, trật tự",
    "Thi đua, khen thưởng",
    "Tôn giáo, tín ngưỡng",
    "Dân tộc",
    "Tiếp công dân, khiếu nại, tố cáo",
    "Chuyển đổi số",
]

DEFAULT_SIGNER_POSITIONS = [
    "Chủ tịch Ủy ban nhân dân",
    "Phó Chủ tịch Ủy ban nhân dân",
    "Chủ tịch Hội đồng nhân dân",
    "Phó Chủ tịch Hội đồng nhân dân",
    "Trưởng ban Kinh tế - Ngân sách",
    "Trưởng ban Văn hóa - Xã hội",
    "Chánh Văn phòng HĐND và UBND",
]

# What citizens need to find and use a published document (field names of
# the official-document behavior).
DEFAULT_PUBLICATION_REQUIREMENTS = (
    "document_number",
    "document_type",
    "issue_date",
    "file",
)

# Megabytes: a digitally signed PDF of a commune document is rarely above
# a few MB; scans of long annexes may be larger.
DEFAULT_MAX_UPLOAD_SIZE = 10

_TERM = re.compile(r"^\s*(\d{4})\s*[-–—‑]\s*(\d{4})\s*$")


class DuplicateEntry(schema.ValidationError):
    __doc__ = _(
        "Each entry may appear only once (entries that differ only in tone "
        "marks or case count as the same)."
    )


class EmptyEntry(schema.ValidationError):
    __doc__ = _("Entries may not be empty.")


class InvalidTerm(schema.ValidationError):
    __doc__ = _(
        "Write the term as two years joined by a hyphen, the first before "
        "the second, for example 2026-2031."
    )


def unique_entries(value):
    """Refuse empty entries and entries that match another one once tone
    marks, case and Unicode form are ignored."""
    seen = set()
    for entry in value or ():
        key = fold(entry)
        if not key:
            raise EmptyEntry()
        if key in seen:
            raise DuplicateEntry()
        seen.add(key)
    return True


def valid_term(value):
    """Accept a council term written ``2026-2031``."""
    match = _TERM.match(normalize(value))
    if not match or int(match.group(1)) >= int(match.group(2)):
        raise InvalidTerm()
    return True


def _entry_list(title, description, default):
    return schema.List(
        title=title,
        description=description,
        # Blank entries reach the constraint, which explains the refusal.
        value_type=schema.TextLine(required=False),
        default=list(default),
        missing_value=[],
        required=False,
        constraint=unique_entries,
    )


class ICommuneSettings(model.Schema):
    """Settings of one commune portal, stored in the registry."""

    model.fieldset(
        "lists",
        label=_("Lists"),
        fields=["issuing_bodies", "sectors", "signer_positions"],
    )
    model.fieldset(
        "services",
        label=_("Public services"),
        fields=["national_portal_url"],
    )
    model.fieldset(
        "workflow",
        label=_("Workflow"),
        fields=[
            "publication_requirements",
            "four_eyes",
            "notify_reviewers",
            "notify_delegates",
        ],
    )
    model.fieldset(
        "files",
        label=_("Files"),
        fields=["max_upload_size"],
    )
    model.fieldset(
        "council",
        label=_("People's Council"),
        fields=["council_quorum"],
    )
    model.fieldset(
        "questions",
        label=_("Questions and answers"),
        fields=[
            "question_code_prefix",
            "question_answer_deadline",
            "question_rate_limit",
            "question_lookup_limit",
            "question_notifications",
        ],
    )

    commune_name = schema.TextLine(
        title=_("Commune or ward name"),
        description=_(
            "As written in official documents, for example "
            '"Xã Nghi Dương" or "Phường Hồng Bàng".'
        ),
        default="",
        missing_value="",
        required=False,
    )

    province = schema.TextLine(
        title=_("Province or city"),
        description=_('For example "Thành phố Hải Phòng" or "Tỉnh Ninh Bình".'),
        default="",
        missing_value="",
        required=False,
    )

    current_term = schema.TextLine(
        title=_("Current council term"),
        description=_(
            "The term of the People's Council now sitting, for example 2026-2031."
        ),
        default="2026-2031",
        required=True,
        constraint=valid_term,
    )

    council_quorum = schema.TextLine(
        title=_("Quorum of the council"),
        description=_(
            "Share of the term's delegates that must be marked present before "
            "a vote opens, as a fraction: 2/3 means at least two thirds."
        ),
        default="2/3",
        required=True,
        constraint=valid_share,
    )

    issuing_bodies = _entry_list(
        _("Issuing bodies"),
        _("Bodies that issue the documents published on the portal, one per line."),
        DEFAULT_ISSUING_BODIES,
    )

    sectors = _entry_list(
        _("Sectors"),
        _(
            "Sectors (lĩnh vực) used to classify documents and procedures, one per line."
        ),
        DEFAULT_SECTORS,
    )

    signer_positions = _entry_list(
        _("Signer positions"),
        _("Positions of the people who sign documents, one per line."),
        DEFAULT_SIGNER_POSITIONS,
    )

    national_portal_url = schema.URI(
        title=_("National public-service portal"),
        description=_(
            "Base address of the public-service portal that procedures link "
            "to for online submission."
        ),
        default="https://dichvucong.gov.vn",
        required=True,
    )

    publication_requirements = schema.List(
        title=_("Required before publication"),
        description=_(
            "What an official document must have before it can be published "
            "(or passed on by the editorial board): what citizens need to "
            "find and use it."
        ),
        value_type=schema.Choice(
            vocabulary="commune_portal.vocabularies.PublicationRequirementFields"
        ),
        default=list(DEFAULT_PUBLICATION_REQUIREMENTS),
        missing_value=[],
        required=False,
    )
    directives.widget("publication_requirements", CheckBoxFieldWidget)

    four_eyes = schema.Bool(
        title=_("Four-eyes principle"),
        description=_(
            "Whoever submitted an item cannot approve or publish it too, "
            "whatever their role (managers included)."
        ),
        default=False,
        required=False,
    )

    notify_reviewers = schema.Bool(
        title=_("Notify reviewers by e-mail"),
        description=_(
            "When an item waits for review or approval, e-mail the people "
            "who can act on it. Needs the site's e-mail settings."
        ),
        default=True,
        required=False,
    )

    notify_delegates = schema.Bool(
        title=_("E-mail the delegates when materials are circulated"),
        description=_(
            "When the council secretary circulates a session's materials, "
            "each delegate of the term gets one e-mail with the links. Needs "
            "the site's e-mail settings."
        ),
        default=True,
        required=False,
    )

    max_upload_size = schema.Int(
        title=_("Largest file (MB)"),
        description=_(
            "Files and images larger than this are refused, in the forms and "
            "through REST: signed documents, annexes, pictures."
        ),
        default=DEFAULT_MAX_UPLOAD_SIZE,
        min=1,
        max=1024,
        required=True,
    )

    question_code_prefix = schema.TextLine(
        title=_("Tracking code prefix"),
        description=_(
            "Codes given to citizens read PREFIX-YEAR-NUMBER, for example "
            "XA-HD-2026-000123; numbers restart every year."
        ),
        default=questions.DEFAULT_CODE_PREFIX,
        required=True,
        constraint=questions.valid_code_prefix,
    )

    question_answer_deadline = schema.Int(
        title=_("Time to answer (working days)"),
        description=_(
            "From submission to answer; later answers and questions still "
            "open after it count as overdue in the statistics."
        ),
        default=questions.DEFAULT_ANSWER_DEADLINE,
        min=1,
        max=365,
        required=True,
    )

    question_rate_limit = schema.Int(
        title=_("Questions per hour from one address"),
        description=_(
            "More questions sent from the same network address within an "
            "hour are refused (spam)."
        ),
        default=questions.DEFAULT_RATE_LIMIT,
        min=1,
        max=1000,
        required=True,
    )

    question_lookup_limit = schema.Int(
        title=_("Failed look-ups per hour from one address"),
        description=_(
            "Against guessing tracking codes: after this many wrong code and "
            "e-mail pairs, look-ups from that address wait for the hour to end."
        ),
        default=questions.DEFAULT_LOOKUP_LIMIT,
        min=1,
        max=1000,
        required=True,
    )

    question_notifications = schema.List(
        title=_("E-mails about questions"),
        description=_(
            "When the person asking (and the officer in charge) is e-mailed. "
            "Needs the site's e-mail settings."
        ),
        value_type=schema.Choice(vocabulary=questions.NOTIFICATIONS_VOCABULARY_NAME),
        default=list(questions.DEFAULT_NOTIFICATIONS),
        missing_value=[],
        required=False,
    )
    directives.widget("question_notifications", CheckBoxFieldWidget)


class CommuneSettingsEditForm(RegistryEditForm):
    schema = ICommuneSettings
    schema_prefix = REGISTRY_PREFIX
    default_fieldset_label = _("Commune or ward")
    label = _("Commune portal")
    description = _(
        "What a commune or ward sets once: its name, the council term and the "
        "lists editors choose from."
    )


CommuneSettingsView = layout.wrap_form(CommuneSettingsEditForm, ControlPanelFormWrapper)


@adapter(Interface, ICommunePortalLayer)
class CommuneSettingsControlpanel(RegistryConfigletPanel):
    """The settings as ``@controlpanels/commune-portal`` in plone.restapi."""

    schema = ICommuneSettings
    schema_prefix = REGISTRY_PREFIX
    configlet_id = "commune-portal"
    configlet_category_id = "Products"
