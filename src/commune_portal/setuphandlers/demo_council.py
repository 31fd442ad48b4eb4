"""The People's Council of the demo commune (``commune_portal:demo``).

Creates, from ``demo_council_data``, the council's term with its
delegates, two sessions with their agendas, materials and resolutions (the
result of each vote frozen as ``commune_portal.voting`` keeps it), and the
voters' petitions; and the demo accounts of the council secretary and of
two delegates. Everything moves through the workflows' transitions, as the
council secretary's account (the history reads like her work); the
sessions through her own two actions, circulate and publish
(``council.materials``).

Applying the profile again changes nothing: when the term is there, its
records are left as they are (an administrator may have changed them).
"""

from commune_portal.council import materials as secretary_actions
from commune_portal.indexers.workflow import reindex_workflow_indexes
from commune_portal.setuphandlers import demo_council_data as data
from commune_portal.setuphandlers.demo_documents import minimal_pdf
from commune_portal.setuphandlers.structure import create_sections
from commune_portal.setuphandlers.structure import SECTIONS
from commune_portal.text import slugify
from commune_portal.voting import result
from datetime import date
from datetime import datetime
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from zope.lifecycleevent import modified
import logging
import pytz
import time


logger = logging.getLogger("commune_portal")

SECTION = "hdnd"
HANOI = pytz.timezone("Asia/Ho_Chi_Minh")
TERM_FIELDS = ("khoa", "start_year", "end_year", "seats")
DELEGATE_FIELDS = (
    "position",
    "committee",
    "delegate_group",
    "constituency",
    "full_time",
    "workplace",
    "email",
    "private_phone",
    "private_address",
)
OFFICIAL_FIELDS = (
    "document_number",
    "document_type",
    "issuing_body",
    "signer",
    "signer_position",
    "signing_authority",
    "sectors",
)
PETITION_FIELDS = (
    "source_meeting",
    "constituency",
    "sectors",
    "content",
    "responsible_agency",
    "petitioner_name",
    "petitioner_address",
    "petitioner_phone",
)
# The transitions that take a new petition to its state.
PETITION_PATHS = {
    "received": (),
    "forwarded": ("forward",),
    "answered": ("forward", "answer"),
    "published": ("forward", "answer", "publish"),
}


def create_council(portal):
    """Create the council records of the demo in the council section
    (made when missing). Returns the term, or ``None`` when it was there
    already."""
    started = time.perf_counter()
    with api.env.adopt_roles(["Manager"]):
        section = council_section(portal)
        if data.TERM["id"] in section.objectIds():
            logger.info("Demo: the council's term is there already, left as it is")
            return None
        secretary = demo_user(data.SECRETARY)
        delegate_users = {
            user["user_id"]: demo_user(user) for user in data.DELEGATE_USERS
        }
        api.user.grant_roles(user=secretary, obj=section, roles=["CouncilSecretary"])
        # As the sharing page does: the catalog learns what the role lets
        # her see and act on in the section as it is (plone.api does not
        # reindex; what is created below is indexed with the role).
        section.reindexObjectSecurity()
        reindex_workflow_indexes(section, below=True)
    with api.env.adopt_user(user=secretary):
        term = _create(
            section,
            "CouncilTerm",
            data.TERM,
            **{name: data.TERM[name] for name in TERM_FIELDS},
        )
        api.content.transition(term, transition="publish")
        delegates = {
            entry["id"]: create_delegate(term, entry, delegate_users)
            for entry in data.DELEGATES
        }
        # Their linked users now read what is circulated in the term
        # (``council.delegates``).
        for entry in data.SESSIONS:
            create_session(term, entry, delegates)
        for entry in data.PETITIONS:
            create_petition(term, entry)
        # A delegate the council removed is taken off the public list.
        for entry in data.DELEGATES:
            if entry["state"] == "private":
                api.content.transition(
                    delegates[entry["id"]],
                    transition="retract",
                    comment="Bãi nhiệm theo Nghị quyết số 33/NQ-HĐND ngày 02/12/2026.",
                )
    logger.info(
        "Demo: council term with %d delegates, %d sessions and %d petitions "
        "created in %.1f s",
        len(data.DELEGATES),
        len(data.SESSIONS),
        len(data.PETITIONS),
        time.perf_counter() - started,
    )
    return term


def council_section(portal):
    """The council section ``/hdnd``. On a site without the standard
    sections, the council's ones (``/hdnd`` and the pages below it) are
    made as the structure profile makes them: addable types, workflow
    policies, views."""
    if SECTION not in portal.objectIds():
        create_sections(
            portal,
            only=[
                path
                for path, *_rest in SECTIONS
                if path == SECTION or path.startswith(SECTION + "/")
            ],
        )
    return portal[SECTION]


def demo_user(entry):
    """The demo account of ``entry`` (``user_id``, ``fullname``, ``email``),
    created with the demo password when missing."""
    user = api.user.get(username=entry["user_id"])
    if user is None:
        user = api.user.create(
            email=entry["email"],
            username=entry["user_id"],
            password=data.DEMO_PASSWORD,
            properties={"fullname": entry["fullname"]},
        )
        logger.info("Demo: account %s created (demo password)", entry["user_id"])
    return user


def _create(container, portal_type, entry, **values):
    """Add ``portal_type`` as ``entry["id"]``, its fields set before it is
    added (through the behaviors' adapters): one event, one indexing."""
    values = {
        "title": entry.get("title"),
        "description": entry.get("description"),
        **values,
    }
    return createContentInContainer(
        container,
        portal_type,
        id=entry["id"],
        **{name: value for name, value in values.items() if value is not None},
    )


def _day(value):
    return date.fromisoformat(value) if value else None


def _moment(value):
    return HANOI.localize(datetime.fromisoformat(value)) if value else None


def _comment(text, day):
    """``text`` dated as the commune writes dates (``20/03/2026``)."""
    return f"{text} ngày {_day(day[:10]).strftime('%d/%m/%Y')}."


def create_delegate(term, entry, users):
    """A published delegate of ``term`` (linked to its demo account, if
    any)."""
    user = users.get(entry["user_id"])
    delegate = _create(
        term,
        "Delegate",
        entry,
        user_id=user.getId() if user is not None else None,
        **{name: entry[name] for name in DELEGATE_FIELDS},
    )
    api.content.transition(delegate, transition="publish")
    return delegate


def _signed_pdf(entry):
    """The signed PDF of a material or resolution (a draft says so)."""
    number = entry["document_number"]
    lines = [
        entry["issuing_body"].upper(),
        f"So: {number}" if number else "DU THAO",
        "",
        entry["title"],
        "",
        entry["body"],
        "",
    ]
    if entry["signer"]:
        lines += [
            f"{entry['signing_authority']} {entry['signer_position']}".strip(),
            entry["signer"],
        ]
    filename = slugify(number or entry["id"]) + ".pdf"
    return NamedBlobFile(
        data=minimal_pdf(lines), contentType="application/pdf", filename=filename
    )


def create_material(session, portal_type, entry, **values):
    """A material or resolution of ``session`` with its official-document
    fields and its signed file."""
    return _create(
        session,
        portal_type,
        entry,
        issue_date=_day(entry["issue_date"]),
        file=_signed_pdf(entry),
        **{name: entry[name] or None for name in OFFICIAL_FIELDS},
        **values,
    )


def create_session(term, entry, delegates):
    """A session with its materials, resolutions (votes frozen) and agenda,
    circulated to the delegates and, when ``entry["state"]`` says so,
    published after the session into the kỷ yếu."""
    session = _create(
        term,
        "CouncilSession",
        entry,
        session_number=entry["session_number"],
        session_kind=entry["session_kind"],
        start=_moment(entry["start"]),
        end=_moment(entry["end"]),
        location=entry["location"],
    )
    items = {}
    for material in entry["materials"]:
        items[material["id"]] = create_material(
            session,
            "SessionDocument",
            material,
            material_kind=material["material_kind"],
        )
    present = [
        delegate.UID()
        for delegate_id, delegate in delegates.items()
        if delegate_id not in entry["absent"]
    ]
    last_day = entry["end"][:10]
    for resolution in entry["resolutions"]:
        obj = create_material(
            session,
            "Resolution",
            resolution,
            ballot=resolution["ballot"],
            threshold=resolution["threshold"],
        )
        yes, no, abstain, closed = resolution["vote"]
        result.freeze(
            obj,
            yes=yes,
            no=no,
            abstain=abstain,
            seats=term.seats,
            threshold=resolution["threshold"],
            present=present,
            # Counted by hand: the secretary knows the counts, not who voted.
            voted=present if resolution["ballot"] != "manual" else (),
            closed=_moment(f"{last_day}T{closed}"),
        )
        items[resolution["id"]] = obj
    session.agenda = [
        {
            "time": time_,
            "item": item,
            "presenter": presenter,
            "documents": [items[item_id].UID() for item_id in documents],
        }
        for time_, item, presenter, documents in entry["agenda"]
    ]
    modified(session)

    # The secretary's own two actions (``@@circulate-materials``,
    # ``@@publish-materials``).
    _done(secretary_actions.circulate(session))
    if entry["state"] == "published":
        _done(secretary_actions.publish(session))
        # Into the kỷ yếu on the day of the story, not today.
        session.proceedings_date = _moment(entry["proceedings_date"])
        session.reindexObject()
    return session


def _done(outcome):
    """Refuse a demo whose session was not moved whole."""
    refused = [item.getId() for item, _reasons in outcome.refused]
    if refused or outcome.session_refused:
        raise ValueError(
            f"Demo: {outcome.session.getId()} not moved: {refused} "
            f"{outcome.session_refused}"
        )


def create_petition(term, entry):
    """A petition of the term, taken to its state by the workflow."""
    response = entry["response"]
    petition = _create(
        term,
        "VoterPetition",
        entry,
        meeting_date=_day(entry["meeting_date"]),
        deadline=_day(entry["deadline"]),
        response_date=_day(entry["response_date"]),
        response=RichTextValue(response, "text/html", "text/x-html-safe")
        if response
        else None,
        **{name: entry[name] for name in PETITION_FIELDS},
    )
    for transition in PETITION_PATHS[entry["state"]]:
        api.content.transition(
            petition,
            transition=transition,
            comment=_petition_comment(entry, transition),
        )
    return petition


def _petition_comment(entry, transition):
    if transition == "forward":
        return f"Chuyển {entry['responsible_agency']} trả lời."
    if transition == "answer":
        return _comment("Đã nhận văn bản trả lời", entry["response_date"])
    return "Công khai kết quả trả lời kiến nghị cử tri."
