"""``CitizenQuestion``: a question, feedback or petition a citizen sends to
the commune (hỏi – đáp, phản ánh, kiến nghị), and its answer.

The person asking is protected (Decree 13/2023/NĐ-CP on personal data):
their name, address, phone, e-mail and consent are read and written only
with ``commune_portal: Access asker data`` (the question moderator, Site
Administrator, Manager), their attachments read only with
``commune_portal: View question attachments`` (also the officer who
answers). plone.autoform's field permissions hold for the forms,
plone.restapi and restricted code alike (plone.dexterity's attribute
validator); the catalog never sees these fields (``questions/indexers.py``).

The rules on single values are stated here, at the schema, so that the
moderators' forms, REST and the anonymous submission
(``commune_portal.questions.submission``) refuse the same values with the
same Vietnamese messages. This module is a leaf: of the add-on it imports
only the message factory and the text helpers.
"""

from commune_portal import _
from commune_portal.text import normalize
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
import os
import re
import unicodedata


PORTAL_TYPE = "CitizenQuestion"

# Permissions (permissions.zcml; who has them: profiles/default/rolemap.xml).
ACCESS_ASKER_DATA = "commune_portal.AccessAskerData"
VIEW_ATTACHMENTS = "commune_portal.ViewQuestionAttachments"
MODERATE = "commune_portal.ModerateQuestions"

# Field names of the asker's personal data: never indexed, never public.
ASKER_FIELDS = (
    "asker_name",
    "asker_address",
    "asker_phone",
    "asker_email",
    "asker_consent",
)
ATTACHMENT_FIELDS = ("attachment_1", "attachment_2", "attachment_3")

# Length limits (characters, after normalisation).
MAX_TITLE = 200
MAX_QUESTION = 5000
MIN_QUESTION = 10
MAX_NAME = 100
MAX_ADDRESS = 250
MAX_EMAIL = 254
MAX_ANSWERING_OFFICER = 200
MAX_REASON = 2000

# Attachments: what a citizen sends with a question (a scan, a photo, a
# letter). The extension must be one of these and the content must start
# with the signature of that kind of file: a renamed executable is refused.
ATTACHMENT_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".doc": ("application/msword", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
}
_SIGNATURE_LENGTH = 8

# Vietnamese numbers: mobile 0[35789]xxxxxxxx, landline 02xxxxxxxxx (since
# 2017), written with +84 or 84 instead of the leading 0 as well.
_PHONE = re.compile(r"^(?:\+?84|0)([35789]\d{8}|2\d{9})$")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
# Control characters but line breaks and tabs.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# -- errors (their docstring is the message users read) -----------------------


class InvalidPhone(schema.ValidationError):
    __doc__ = _(
        "This is not a Vietnamese phone number. Write the 10 digits of a "
        "mobile number (for example 0912 345 678) or the 11 digits of a "
        "landline with its area code (for example 0225 3123 456)."
    )


class InvalidEmail(schema.ValidationError):
    __doc__ = _(
        "This is not an e-mail address. Write it as name@example.com, without spaces."
    )


class AttachmentTypeNotAllowed(schema.ValidationError):
    __doc__ = _(
        "Only PDF, JPEG, PNG and Word (DOC, DOCX) files are accepted, and "
        "the content must match the file name's extension."
    )


# -- value helpers -----------------------------------------------------------


def clean_line(value):
    """One line of text as stored: NFC, no control characters, inner runs
    of white space folded, outer spaces stripped."""
    return normalize(_CONTROL.sub(" ", value or ""))


def clean_text(value):
    """A text of several lines as stored: NFC, Unix line breaks, no control
    characters, no trailing spaces, at most one empty line in a row."""
    text = unicodedata.normalize("NFC", value or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def normalize_phone(value):
    """``0912345678`` for ``+84 912.345.678``; ``None`` when ``value`` is
    not a Vietnamese phone number."""
    compact = _PHONE_SEPARATORS.sub("", value or "")
    match = _PHONE.match(compact)
    return "0" + match.group(1) if match else None


def normalize_email(value):
    """The address stripped, its domain in lower case; ``None`` when it is
    not an e-mail address."""
    address = (value or "").strip()
    if len(address) > MAX_EMAIL or not _EMAIL.match(address):
        return None
    local, _at, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def same_email(one, other):
    """Whether two e-mail addresses are the same mailbox (case ignored)."""
    one, other = normalize_email(one), normalize_email(other)
    return bool(one) and bool(other) and one.lower() == other.lower()


def validate_phone(value):
    """Constraint of ``asker_phone``."""
    if value and normalize_phone(value) is None:
        raise InvalidPhone(value)
    return True


def validate_email(value):
    """Constraint of ``asker_email``."""
    if value and normalize_email(value) is None:
        raise InvalidEmail(value)
    return True


def attachment_type(filename, head):
    """The content type of an attachment named ``filename`` whose content
    starts with ``head``, or ``None`` when it is not allowed."""
    extension = os.path.splitext((filename or "").lower())[1]
    allowed = ATTACHMENT_TYPES.get(extension)
    if allowed is None:
        return None
    content_type, signatures = allowed
    if not any(head.startswith(signature) for signature in signatures):
        return None
    return content_type


def file_head(value, length=_SIGNATURE_LENGTH):
    """The first bytes of a plone.namedfile value."""
    opener = getattr(value, "open", None)
    if opener is not None:
        try:
            with opener() as stream:
                return stream.read(length)
        except (AttributeError, OSError, ValueError):
            pass
    return bytes(getattr(value, "data", b"") or b"")[:length]


def validate_attachment(value):
    """Constraint of the attachment fields: an allowed kind of file (the
    size limit is the site's, ``commune_portal.uploads``)."""
    if value is not None and attachment_type(value.filename, file_head(value)) is None:
        raise AttachmentTypeNotAllowed(getattr(value, "filename", None))
    return True


def excerpt(text, length=300):
    """The beginning of ``text`` on one line, cut at a word."""
    flat = normalize(text or "")
    if len(flat) <= length:
        return flat
    return flat[:length].rsplit(" ", 1)[0] + " …"


def _attachment(title):
    return NamedBlobFile(
        title=title,
        required=False,
        constraint=validate_attachment,
    )


# -- the type ----------------------------------------------------------------


class ICitizenQuestion(model.Schema):
    """Schema of ``CitizenQuestion``."""

    model.fieldset(
        "asker",
        label=_("The person asking"),
        fields=list(ASKER_FIELDS),
    )
    model.fieldset(
        "attachments",
        label=_("Attachments"),
        fields=list(ATTACHMENT_FIELDS),
    )
    model.fieldset(
        "answer_tab",
        label=_("Answer"),
        fields=["answer", "answering_officer", "answered_date"],
    )
    model.fieldset(
        "handling",
        label=_("Handling"),
        fields=["tracking_code", "assigned_to", "rejection_reason"],
    )

    # Main tab: what the public reads once the answer is published. The
    # moderator may edit personal details out of it before publishing.
    title = schema.TextLine(
        title=_("Subject"),
        required=True,
        max_length=MAX_TITLE,
    )
    question = schema.Text(
        title=_("Question"),
        description=_(
            "Published with the answer: leave out names, addresses and "
            "numbers of people."
        ),
        required=True,
        max_length=MAX_QUESTION,
    )
    sector = schema.Choice(
        title=_("Sector"),
        vocabulary="commune_portal.vocabularies.Sectors",
        required=False,
    )
    directives.write_permission(title=MODERATE, question=MODERATE, sector=MODERATE)

    # The person asking: private.
    asker_name = schema.TextLine(
        title=_("Full name"),
        required=False,
        max_length=MAX_NAME,
    )
    asker_address = schema.TextLine(
        title=_("Address"),
        required=False,
        max_length=MAX_ADDRESS,
    )
    asker_phone = schema.TextLine(
        title=_("Phone"),
        required=False,
        constraint=validate_phone,
    )
    asker_email = schema.TextLine(
        title=_("E-mail"),
        required=False,
        max_length=MAX_EMAIL,
        constraint=validate_email,
    )
    asker_consent = schema.Bool(
        title=_("Agreed to the processing of their personal data"),
        description=_(
            "To answer the question only (Decree 13/2023/NĐ-CP); given when "
            "the question was sent."
        ),
        default=False,
        required=False,
    )
    directives.read_permission(**dict.fromkeys(ASKER_FIELDS, ACCESS_ASKER_DATA))
    directives.write_permission(**dict.fromkeys(ASKER_FIELDS, ACCESS_ASKER_DATA))

    attachment_1 = _attachment(_("Attachment 1"))
    attachment_2 = _attachment(_("Attachment 2"))
    attachment_3 = _attachment(_("Attachment 3"))
    directives.read_permission(**dict.fromkeys(ATTACHMENT_FIELDS, VIEW_ATTACHMENTS))
    directives.write_permission(**dict.fromkeys(ATTACHMENT_FIELDS, MODERATE))

    answer = RichText(
        title=_("Answer"),
        required=False,
    )
    answering_officer = schema.TextLine(
        title=_("Answered by"),
        description=_(
            "Name and position as published, for example Công chức Tư pháp - "
            "Hộ tịch. Filled in with the name of the officer who records the "
            "answer when left empty."
        ),
        required=False,
        max_length=MAX_ANSWERING_OFFICER,
    )
    answered_date = schema.Datetime(
        title=_("Answered on"),
        description=_("Set when the answer is recorded."),
        required=False,
    )
    directives.write_permission(answered_date=MODERATE)

    tracking_code = schema.TextLine(
        title=_("Tracking code"),
        description=_("Given to the person asking when the question is sent."),
        required=False,
        readonly=True,
    )
    assigned_to = schema.TextLine(
        title=_("Officer in charge"),
        description=_(
            "User id of the officer who writes the answer; the assignment "
            "form lists the users."
        ),
        required=False,
    )
    directives.omitted("assigned_to")
    directives.read_permission(assigned_to=MODERATE)
    directives.write_permission(assigned_to=MODERATE)
    rejection_reason = schema.Text(
        title=_("Reason for rejection"),
        description=_("Shown to the person asking when they look the code up."),
        required=False,
        max_length=MAX_REASON,
    )
    # The person asking reads it through the look-up by code, never on the
    # question, whose state may change later.
    directives.read_permission(rejection_reason=MODERATE)
    directives.write_permission(rejection_reason=MODERATE)


@implementer(ICitizenQuestion)
class CitizenQuestion(Item):
    """A citizen's question and the commune's answer."""

    # Hundreds of questions do not belong in the navigation.
    exclude_from_nav = True

    def Description(self):
        """The beginning of the question (listings and search results;
        never the asker's data)."""
        return excerpt(getattr(self, "question", None))
