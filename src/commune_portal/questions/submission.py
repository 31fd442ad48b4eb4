"""A citizen sends a question: every field checked, then the question is
stored with elevated rights (anonymous has no Add permission anywhere).

One function, ``submit``, serves the Classic UI form (``@@ask-question``)
and ``POST <section>/@questions``. What Decree 20/2008/NĐ-CP (amended by
92/2017/NĐ-CP) asks of a submission is required: the content, the name and
address of the person, and a phone number or an e-mail address to reach
them; text is Unicode, normalised to NFC. Nothing is stored on any refusal:

- ``limited``: the client address sent too many questions this hour
  (``questions/ratelimit.py``);
- ``honeypot``: the hidden field that people do not see was filled in (a
  robot); the answer looks like a success, with a code that leads nowhere;
- ``invalid``: ``errors`` maps each invalid field to its message.
"""

from Acquisition import aq_base
from commune_portal import _
from commune_portal.content import citizen_question as schema
from commune_portal.content.citizen_question import PORTAL_TYPE
from commune_portal.questions import codes
from commune_portal.questions import mail
from commune_portal.questions import ratelimit
from commune_portal.questions.settings import rate_limit
from commune_portal.uploads import FileTooLarge
from commune_portal.uploads import max_upload_size
from dataclasses import dataclass
from dataclasses import field
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.namedfile.file import NamedBlobFile
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import logging
import secrets


logger = logging.getLogger("commune_portal")

# The hidden field of the forms: people leave it empty, robots fill it in.
HONEYPOT = "website"
MAX_ATTACHMENTS = len(schema.ATTACHMENT_FIELDS)

# The fields of a submission, in form order (REST takes these names).
FIELDS = (
    "title",
    "question",
    "sector",
    "asker_name",
    "asker_address",
    "asker_phone",
    "asker_email",
    "attachments",
    "consent",
)
TEXT_FIELDS = FIELDS[:7]

CONTACT_MISSING = _(
    "Give a phone number or an e-mail address so that the commune can reach you."
)


@dataclass
class Attachment:
    """A file sent with a question: its name, content and the form input
    it came from (``None`` through REST)."""

    filename: str
    data: bytes
    field: str | None = None
    # The size when ``data`` was not read (too large to be worth reading).
    size: int | None = None


@dataclass
class Result:
    """What became of a submission."""

    status: str  # created, invalid, honeypot, limited
    code: str | None = None
    question: object = None
    errors: dict = field(default_factory=dict)


def is_questions_section(folder):
    """Whether citizens may send questions to ``folder``: its addable types
    are set and include ``CitizenQuestion`` (the section ``/hoi-dap``).
    Read from the folder's setting itself: Plone's own answer leaves out
    what the current user (an anonymous citizen) may not add."""
    constraints = ISelectableConstrainTypes(folder, None)
    if constraints is None:
        return False
    try:
        enabled = constraints.getConstrainTypesMode() == ENABLED
    except AttributeError:
        return False
    allowed = getattr(aq_base(folder), "locally_allowed_types", None) or ()
    return enabled and PORTAL_TYPE in allowed


def _sector(container, value):
    """The sector as stored (a token or the entry as written), ``None``
    when empty; ``LookupError`` when it is not one of the site's."""
    if not value:
        return None
    vocabulary = getUtility(IVocabularyFactory, "commune_portal.vocabularies.Sectors")(
        container
    )
    for find in (vocabulary.getTermByToken, vocabulary.getTerm):
        try:
            return find(value).value
        except LookupError:
            continue
    normalized = schema.clean_line(value)
    return vocabulary.getTerm(normalized).value  # LookupError when unknown


def _length_error(text, maximum, minimum=0, missing=None):
    if not text:
        return missing
    if len(text) > maximum:
        return _(
            "Too long: at most ${maximum} characters (now ${length}).",
            mapping={"maximum": maximum, "length": len(text)},
        )
    if len(text) < minimum:
        return _(
            "Too short: write at least ${minimum} characters.",
            mapping={"minimum": minimum},
        )
    return None


def validate(container, data, attachments):
    """``(clean, errors)``: the values to store, and the message of each
    invalid field (``{field: message}``; attachments under their form input
    or ``attachments``)."""
    errors = {}
    clean = {}
    for name in TEXT_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            errors[name] = _("Expected text.")
            data = {**data, name: ""}

    clean["title"] = schema.clean_line(data.get("title"))
    clean["question"] = schema.clean_text(data.get("question"))
    clean["asker_name"] = schema.clean_line(data.get("asker_name"))
    clean["asker_address"] = schema.clean_line(data.get("asker_address"))
    phone = schema.clean_line(data.get("asker_phone"))
    email = schema.clean_line(data.get("asker_email"))

    checks = (
        (
            "title",
            _length_error(
                clean["title"],
                schema.MAX_TITLE,
                missing=_("Write the subject of your question."),
            ),
        ),
        (
            "question",
            _length_error(
                clean["question"],
                schema.MAX_QUESTION,
                schema.MIN_QUESTION,
                missing=_("Write your question."),
            ),
        ),
        (
            "asker_name",
            _length_error(
                clean["asker_name"],
                schema.MAX_NAME,
                missing=_("Write your full name."),
            ),
        ),
        (
            "asker_address",
            _length_error(
                clean["asker_address"],
                schema.MAX_ADDRESS,
                missing=_(
                    "Write your address (house number, street or hamlet, "
                    "commune or ward, province)."
                ),
            ),
        ),
    )
    for name, message in checks:
        if message is not None:
            errors.setdefault(name, message)

    try:
        clean["sector"] = _sector(container, data.get("sector"))
    except LookupError:
        errors.setdefault(
            "sector", _("Choose a sector from the list, or leave it empty.")
        )

    clean["asker_phone"] = schema.normalize_phone(phone) if phone else None
    if phone and clean["asker_phone"] is None:
        errors.setdefault("asker_phone", schema.InvalidPhone.__doc__)
    clean["asker_email"] = schema.normalize_email(email) if email else None
    if email and clean["asker_email"] is None:
        errors.setdefault("asker_email", schema.InvalidEmail.__doc__)
    if not phone and not email:
        errors.setdefault("asker_phone", CONTACT_MISSING)
        errors.setdefault("asker_email", CONTACT_MISSING)

    consent = data.get("consent")
    if consent not in (True, "on", "true", "1", "yes"):
        errors["consent"] = _(
            "Agree to the processing of your personal data: the commune "
            "needs it to answer you."
        )
    clean["asker_consent"] = True

    clean["files"] = _check_attachments(attachments, errors)
    return clean, errors


def _check_attachments(attachments, errors):
    """The attachments as files to store; their errors into ``errors``."""
    files = []
    if len(attachments) > MAX_ATTACHMENTS:
        errors["attachments"] = _(
            "Send at most ${maximum} files.", mapping={"maximum": MAX_ATTACHMENTS}
        )
        return files
    limit = max_upload_size()
    for attachment in attachments:
        name = attachment.field or "attachments"
        filename = schema.clean_line(attachment.filename).replace("/", "-")
        data = attachment.data or b""
        size = attachment.size if attachment.size is not None else len(data)
        message = None
        if not size:
            message = _(
                "The file ${filename} is empty.", mapping={"filename": filename}
            )
        elif limit and size > limit:
            message = FileTooLarge(size, limit).doc()
        else:
            content_type = schema.attachment_type(filename, data[:16])
            if content_type is None:
                message = schema.AttachmentTypeNotAllowed.__doc__
        if message is not None:
            errors.setdefault(name, message)
            continue
        files.append(
            NamedBlobFile(data=data, contentType=content_type, filename=filename)
        )
    return files


def store(container, clean):
    """Create the question from checked values, with elevated rights (the
    sender is anonymous). Returns it."""
    code = codes.next_code()
    values = {
        name: clean[name]
        for name in (
            "title",
            "question",
            "sector",
            "asker_name",
            "asker_address",
            "asker_phone",
            "asker_email",
            "asker_consent",
        )
        if clean.get(name) is not None
    }
    for name, file in zip(schema.ATTACHMENT_FIELDS, clean["files"], strict=False):
        values[name] = file
    with api.env.adopt_roles(["Manager"]):
        question = api.content.create(
            container,
            PORTAL_TYPE,
            id=code.lower(),
            safe_id=False,
            tracking_code=code,
            **values,
        )
    logger.info("Question %s received in %s", code, container.absolute_url(1))
    return question


def fake_code():
    """A code of the site's shape that no question has (the honeypot)."""
    return codes.format_code(
        codes.code_prefix(), codes.now().year, secrets.randbelow(900000) + 100000
    )


def submit(container, request, data, attachments=()):
    """Check and store a citizen's question sent to ``container`` (a
    questions section). ``data`` maps ``FIELDS`` (and the honeypot) to the
    values sent; ``attachments`` are ``Attachment``. Returns a ``Result``."""
    key = ratelimit.request_key(container, request, "submit")
    if ratelimit.exceeded(key, rate_limit()):
        return Result("limited")
    if data.get(HONEYPOT):
        ratelimit.hit(key)
        logger.info("Question refused in %s: honeypot", container.absolute_url(1))
        return Result("honeypot", code=fake_code())
    clean, errors = validate(container, data, list(attachments))
    if errors:
        return Result("invalid", errors=errors)
    question = store(container, clean)
    ratelimit.hit_after_commit(key)
    mail.notify_asker(question, "submitted")
    return Result("created", code=question.tracking_code, question=question)
