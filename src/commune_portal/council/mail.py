"""One e-mail per delegate and circulation: the links to the materials the
secretary has just circulated to the delegates of the term.

However the materials reach ``circulated`` (the secretary's
``@@circulate-materials`` form, ``POST @circulate``, or one item through
Plone's workflow menu or ``POST @workflow/circulate``), the subscriber
``material_circulated`` collects them per transaction and session; a
before-commit hook of the transaction then composes one plain-text e-mail
per delegate of the term and queues it with Plone's MailHost
(``immediate=False``): an aborted transaction sends nothing, and one
circulation is one e-mail per delegate, whichever path.

A delegate is written to at their official ``email``, else at the e-mail
of their linked user; without either they get nothing (the secretary's
report lists them). Mail is sent only when the control panel switch
``notify_delegates`` is on and the site has a sender address; messages are
in the site's language. A failure to compose or queue is logged and never
stops the circulation.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from commune_portal import _
from commune_portal import mail
from commune_portal.browser.dates import format_date
from commune_portal.council.delegates import delegates_of
from commune_portal.council.delegates import linked_user
from commune_portal.interfaces import is_commune_catalog
from commune_portal.text import sort_key
from commune_portal.workflows.guards import setting
from dataclasses import dataclass
from plone import api
from Products.CMFCore.utils import getToolByName
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.component.hooks import site as site_hook
from zope.i18n import translate
import logging
import transaction


logger = logging.getLogger("commune_portal")

CIRCULATED = "circulated"
SESSION_TYPE = "CouncilSession"
SETTING = "notify_delegates"
# Where the pending circulations of a transaction are kept (transaction
# data is keyed by the identity of this object).
_PENDING = object()

# What the secretary's report says about the e-mails.
QUEUED = "queued"
SWITCHED_OFF = "switched_off"
NO_SENDER = "no_sender"
NOTHING_CIRCULATED = "nothing_circulated"


@dataclass
class Recipient:
    """A delegate of the term, as the e-mail sees them."""

    delegate: object
    name: str
    address: str
    user_id: str


@dataclass
class Plan:
    """Who is e-mailed about a circulation (``status``: one of ``QUEUED``,
    ``SWITCHED_OFF``, ``NO_SENDER``, ``NOTHING_CIRCULATED``)."""

    status: str
    mailed: list
    without_email: list


def enabled():
    """Whether the control panel switch is on (off on sites without the
    add-on's settings)."""
    return bool(setting(SETTING, False))


def term_of(session):
    return aq_parent(aq_inner(session))


def recipients(term):
    """The delegates of ``term`` with the address they are written to
    (``""`` when they have none), by name."""
    found = []
    for delegate in delegates_of(term):
        address = (getattr(aq_base(delegate), "email", None) or "").strip()
        user_id = linked_user(delegate)
        if not address and user_id:
            user = api.user.get(userid=user_id)
            if user is not None:
                address = (user.getProperty("email") or "").strip()
        found.append(
            Recipient(
                delegate=delegate,
                name=delegate.Title(),
                address=address,
                user_id=user_id or "",
            )
        )
    return sorted(found, key=lambda recipient: sort_key(recipient.name))


def plan(session, circulated):
    """Who will be e-mailed when ``circulated`` (the materials circulated
    now) are committed: what the secretary's report says."""
    people = recipients(term_of(session))
    without_email = [person for person in people if not person.address]
    if not circulated:
        status = NOTHING_CIRCULATED
    elif not enabled():
        status = SWITCHED_OFF
    elif not mail.sender() or mail.mailhost(session) is None:
        status = NO_SENDER
    else:
        status = QUEUED
    mailed = [person for person in people if person.address] if status == QUEUED else []
    return Plan(status=status, mailed=mailed, without_email=without_email)


# --- Collecting the circulations of a transaction ---------------------------


def material_circulated(material, event):
    """Subscriber of ``IAfterTransitionEvent`` of a session's material:
    remember it for the e-mail when it enters ``circulated``."""
    new_state = getattr(event, "new_state", None)
    old_state = getattr(event, "old_state", None)
    if new_state is None or new_state.getId() != CIRCULATED:
        return
    if old_state is not None and old_state.getId() == CIRCULATED:
        return
    session = aq_parent(aq_inner(material))
    if getattr(aq_base(session), "portal_type", None) != SESSION_TYPE:
        return
    if not is_commune_catalog(getToolByName(material, "portal_catalog", None)):
        return
    if enabled():
        collect(session, material)


def collect(session, material):
    """Add ``material`` to the e-mail of the current transaction about
    ``session`` (the hook that sends it is added once per transaction)."""
    current = transaction.get()
    try:
        pending = current.data(_PENDING)
    except KeyError:
        pending = {}
        current.set_data(_PENDING, pending)
        current.addBeforeCommitHook(send_pending, (pending,))
    entry = pending.setdefault(
        session.getPhysicalPath(),
        {
            "session": session,
            "materials": [],
            # The session's own site, for the hook (see ``send_pending``).
            "site": getToolByName(session, "portal_url").getPortalObject(),
        },
    )
    if not any(aq_base(m) is aq_base(material) for m in entry["materials"]):
        entry["materials"].append(material)


def send_pending(pending):
    """Before-commit hook: one e-mail per delegate and session.

    The hook runs wherever the transaction is committed: a script (the
    demo of ``make start``, a console script) may commit after leaving the
    site, where Plone's registry and tools cannot be found. The e-mail is
    therefore composed with the session's site set, and the caller's site
    (or none) is restored afterwards."""
    for entry in pending.values():
        session = entry["session"]
        try:
            with site_hook(entry["site"]):
                notify_delegates(session, entry["materials"])
        except Exception:
            # An e-mail never stops a circulation.
            logger.exception(
                "Could not e-mail the delegates about %s",
                "/".join(session.getPhysicalPath()),
            )


def notify_delegates(session, materials):
    """Queue one e-mail to each delegate of the session's term with the
    links to ``materials`` (those still circulated); return how many."""
    materials = [m for m in materials if api.content.get_state(m, None) == CIRCULATED]
    if not materials or not enabled():
        return 0
    mfrom = mail.sender()
    host = mail.mailhost(session)
    if not mfrom or host is None:
        logger.info("No sender address or MailHost: delegates not e-mailed.")
        return 0
    materials.sort(key=lambda m: session.getObjectPosition(m.getId()))
    language = mail.site_language()
    count = 0
    for recipient in recipients(term_of(session)):
        if not recipient.address:
            continue
        subject, body = compose(session, materials, recipient, language)
        mail.queue(host, recipient.address, mfrom, subject, body)
        count += 1
    logger.info(
        "Council: %d delegates e-mailed about %d materials of %s",
        count,
        len(materials),
        "/".join(session.getPhysicalPath()),
    )
    return count


# --- The e-mail ----------------------------------------------------------------


def session_name(session):
    """``Kỳ họp thứ Tư``, with the written title when there is one."""
    label = getattr(session, "label", "") or ""
    title = session.Title() or ""
    if label and title and title != label:
        return f"{label} – {title}"
    return label or title


def _site_zone():
    name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def session_dates(session, language):
    """When the session sits, in the site's time zone: ``08:00 ngày
    15/07/2026 đến 11:30 ngày 16/07/2026``; ``""`` without dates."""
    zone = _site_zone()
    whole_day = bool(getattr(session, "whole_day", False))

    def moment(value):
        if value is not None and value.tzinfo is not None and zone is not None:
            return value.astimezone(zone)
        return value

    def written(value):
        if whole_day:
            return format_date(value)
        return translate(
            _(
                "${time} on ${day}",
                mapping={"time": value.strftime("%H:%M"), "day": format_date(value)},
            ),
            target_language=language,
        )

    start = moment(getattr(session, "start", None))
    end = moment(getattr(session, "end", None))
    if start is None:
        return ""
    if end is None or written(end) == written(start):
        return written(start)
    return translate(
        _("${start} to ${end}", mapping={"start": written(start), "end": written(end)}),
        target_language=language,
    )


def material_line(material):
    number = getattr(aq_base(material), "document_number", None)
    title = material.Title()
    if number:
        title = f"{title} ({number})"
    return f"- {title}: {material.absolute_url()}"


def delegates_may_view(obj):
    """Whether a delegate can open ``obj`` in its current state."""
    roles = set(rolesForPermissionOn("View", obj))
    return bool(roles & {"CouncilDelegate", "Anonymous", "Authenticated"})


def compose(session, materials, recipient, language):
    """``(subject, body)`` of the e-mail to ``recipient`` about
    ``materials`` of ``session``."""
    mapping = {
        "session": session_name(session),
        "term": term_of(session).Title(),
        "name": recipient.name,
        "url": session.absolute_url(),
        "location": getattr(session, "location", None) or "",
        "dates": session_dates(session, language),
    }

    def text(message):
        return translate(message, target_language=language)

    subject = text(_("Materials of the ${session}, ${term}", mapping=mapping))
    paragraphs = [
        text(_("Dear delegate ${name},", mapping=mapping)),
        text(
            _(
                "The council office sends you the materials of the "
                "${session} (${term}) to study before the session.",
                mapping=mapping,
            )
        ),
    ]
    details = []
    if mapping["dates"]:
        details.append(text(_("When: ${dates}", mapping=mapping)))
    if mapping["location"]:
        details.append(text(_("Where: ${location}", mapping=mapping)))
    if details:
        paragraphs.append("\n".join(details))
    paragraphs.append(
        "\n".join([text(_("Materials:"))] + [material_line(m) for m in materials])
    )
    if delegates_may_view(session):
        paragraphs.append(text(_("Session page: ${url}", mapping=mapping)))
    if recipient.user_id:
        paragraphs.append(
            text(
                _(
                    "These materials are not public yet: log in to the portal "
                    "with your account to read them."
                )
            )
        )
    else:
        paragraphs.append(
            text(
                _(
                    "You have no account on the portal to read these materials "
                    "yet: please ask the council office for one."
                )
            )
        )
    paragraphs.append(
        text(
            _(
                "This message was sent automatically by the commune portal to "
                "the delegates of the People's Council."
            )
        )
    )
    return subject, "\n\n".join(paragraphs)
