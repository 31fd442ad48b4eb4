"""The People's Council pages: the council section (``council-view``, the
layout of ``/hdnd``) and a term (``council-term-view``), plus what the
session, delegate and petition pages share (states, session dates, the
sections the pages link to).

Lists come from catalog brains and their metadata, never from the objects
(STYLE.md). The metadata they read, besides Plone's own (``Title``,
``review_state``, ``start``, ``end``, ``location``, ``image_scales``):

- terms: ``start_year``, ``end_year``, ``khoa``;
- delegates: ``position``, ``committee``, ``constituency``;
- sessions: ``session_number``, ``session_kind``, ``proceedings_date``;
- materials: ``material_kind``, ``document_number``, ``document_file``,
  ``getObjSize``.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_inner
from Acquisition import aq_parent
from collections import Counter
from commune_portal import _
from commune_portal.browser.dates import format_datetime
from commune_portal.browser.dates import format_time
from commune_portal.browser.dates import localized_date
from commune_portal.browser.dates import site_day
from commune_portal.content.council_session import session_label
from commune_portal.vocabularies.council import COUNCIL_BODIES
from commune_portal.vocabularies.council import SESSION_KINDS
from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate


TERM = "CouncilTerm"
DELEGATE = "Delegate"
SESSION = "CouncilSession"
PETITION = "VoterPetition"

# The sections the structure profile makes in the council section.
PROCEEDINGS_SECTION = "ky-yeu"
PETITIONS_SECTION = "kien-nghi-cu-tri"
PETITIONS_VIEW = "petitions-view"

SESSION_KIND_TITLES = dict(SESSION_KINDS)
COUNCIL_BODY_TITLES = dict(COUNCIL_BODIES)

# Bootstrap 5 badges of the workflow states of council records and
# petitions.
STATE_BADGES = {
    "private": "text-bg-secondary",
    "circulated": "text-bg-info",
    "published": "text-bg-success",
    "received": "text-bg-secondary",
    "forwarded": "text-bg-info",
    "answered": "text-bg-primary",
}

# The petition states in the order of the workflow.
PETITION_STATES = ("received", "forwarded", "answered", "published")

# How many past sessions the council page shows.
RECENT_SESSIONS = 3


def state_badge(state):
    """The Bootstrap classes of the badge of workflow state ``state``."""
    return f"badge {STATE_BADGES.get(state, 'text-bg-light')} state-{state}"


def state_title(state, portal_type, request):
    """The title of ``state`` in the workflow of ``portal_type`` (the
    workflows' titles are in Plone's domain)."""
    if not state:
        return ""
    tool = api.portal.get_tool("portal_workflow")
    title = tool.getTitleForStateOnType(state, portal_type) or state
    return translate(title, domain="plone", context=request)


def session_days(start, end, request=None):
    """``15/07/2026`` or ``15/07/2026 - 16/07/2026``: the days of a session
    in the site's time zone, in the reader's date format."""
    first = site_day(start)
    last = site_day(end)
    if first is None:
        return ""
    shown = localized_date(first, request)
    if last is not None and last != first:
        shown = f"{shown} - {localized_date(last, request)}"
    return shown


def session_moments(start, end, whole_day=False, request=None):
    """The session's dates with their hours (``15/07/2026 08:00 -
    16/07/2026 11:30``, ``27/03/2026 07:30 - 17:00`` within a day), days
    only for a whole-day session."""
    if whole_day:
        return session_days(start, end, request)
    if not start:
        return ""
    shown = format_datetime(start, request)
    if not end or end == start:
        return shown
    # A session of one day: its end is a time of that day.
    if site_day(end) == site_day(start):
        return f"{shown} - {format_time(end, request)}"
    return f"{shown} - {format_datetime(end, request)}"


def council_section(obj):
    """The section holding ``obj``'s term (``/hdnd``): the parent of the
    term ``obj`` is or is in, or ``None``."""
    item = aq_inner(obj)
    while item is not None and getattr(item, "portal_type", None) != TERM:
        item = aq_parent(item)
    return aq_parent(item) if item is not None else None


def child_url(section, name):
    """The address of ``section``'s child ``name`` when the user may see
    it, else ``None``."""
    if section is None:
        return None
    child = section.get(name) if hasattr(section, "get") else None
    if child is None or not api.user.has_permission("View", obj=child):
        return None
    return child.absolute_url()


def petitions_url(section, term_uid=None, term_url=None):
    """The petitions listing (``/hdnd/kien-nghi-cu-tri``), filtered by the
    term when ``term_uid`` is given; the term's own listing when the
    section has none."""
    url = child_url(section, PETITIONS_SECTION)
    if url is None:
        if term_url is None:
            return None
        url = f"{term_url}/@@{PETITIONS_VIEW}"
    if term_uid:
        url = f"{url}?{urlencode({'term': term_uid})}"
    return url


class CouncilPage(BrowserView):
    """What the council pages share: translation, the kind of a session,
    a session's row from its brain."""

    def translate(self, message):
        return translate(message, context=self.request)

    def session_kind_title(self, token):
        title = SESSION_KIND_TITLES.get(token)
        return self.translate(title) if title else (token or "")

    def shows_states(self):
        """Editors of the page's item see the workflow state of what it
        lists."""
        check = getSecurityManager().checkPermission
        return bool(
            check("Modify portal content", self.context)
            or check("Review portal content", self.context)
        )

    def session_row(self, brain):
        """A listed session: ``{"url", "number", "label", "title", "kind",
        "days", "location", "state", "state_title", "badge"}`` from its
        brain."""
        label = session_label(brain.session_number)
        return {
            "url": brain.getURL(),
            "uid": brain.UID,
            "number": brain.session_number,
            "label": label,
            # A session without its own title is called by its label.
            "title": brain.Title if brain.Title != label else "",
            "kind": self.session_kind_title(brain.session_kind),
            "days": session_days(brain.start, brain.end, self.request),
            "location": brain.location or "",
            "state": brain.review_state,
            "state_title": state_title(brain.review_state, SESSION, self.request),
            "badge": state_badge(brain.review_state),
            "in_proceedings": bool(brain.proceedings_date),
        }


class CouncilView(CouncilPage):
    """``@@council-view``: the council section (``/hdnd``), with its
    current term, the next and the last sessions, and the ways to the kỷ
    yếu and to the voters' petitions."""

    def terms(self):
        """The terms the user may see, newest first (by first year)."""
        brains = api.content.find(context=self.context, depth=1, portal_type=TERM)
        return sorted(brains, key=lambda brain: brain.start_year or 0, reverse=True)

    def term_row(self, brain):
        return {
            "url": brain.getURL(),
            "title": brain.Title,
            "khoa": brain.khoa or "",
            "years": (
                f"{brain.start_year}-{brain.end_year}"
                if brain.start_year and brain.end_year
                else ""
            ),
        }

    def current_term(self):
        """The newest term, with its seats and counts, or ``None``."""
        terms = self.terms()
        if not terms:
            return None
        brain = terms[0]
        row = self.term_row(brain)
        row["seats"] = brain.seats
        row["description"] = brain.Description
        row["delegates"] = len(
            api.content.find(
                path={"query": brain.getPath(), "depth": 1}, portal_type=DELEGATE
            )
        )
        row["petitions_url"] = petitions_url(self.context, brain.UID, brain.getURL())
        return row

    def earlier_terms(self):
        return [self.term_row(brain) for brain in self.terms()[1:]]

    def _sessions(self, **query):
        return api.content.find(
            context=self.context, portal_type=SESSION, sort_on="start", **query
        )

    def next_session(self):
        """The session in progress or the next one, or ``None``."""
        now = DateTime()
        brains = self._sessions(end={"query": now, "range": "min"}, sort_limit=1)
        return self.session_row(brains[0]) if brains else None

    def last_sessions(self):
        """The sessions that have ended, the latest first."""
        now = DateTime()
        brains = self._sessions(
            end={"query": now, "range": "max"},
            sort_order="descending",
            sort_limit=RECENT_SESSIONS,
        )
        return [self.session_row(brain) for brain in brains[:RECENT_SESSIONS]]

    def proceedings_url(self):
        return child_url(self.context, PROCEEDINGS_SECTION)

    def petitions_url(self):
        return child_url(self.context, PETITIONS_SECTION)


class CouncilTermView(CouncilPage):
    """``@@council-term-view``: a term, with its delegates grouped by
    committee, its sessions in order and its voters' petitions counted by
    state."""

    def facts(self):
        """The term's khóa, years and seats (attributes of the context)."""
        term = self.context
        return {
            "khoa": term.khoa or "",
            "years": term.years,
            "seats": term.seats,
        }

    def delegate_row(self, brain):
        scales = brain.image_scales or {}
        return {
            "url": brain.getURL(),
            "name": brain.Title,
            "position": brain.position or "",
            "constituency": brain.constituency or "",
            # Plone's scaling view makes the tag from the brain's metadata.
            "brain": brain if "image" in scales else None,
        }

    def committees(self):
        """``{"token", "title", "delegates"}`` per committee, in the order
        of the vocabulary (the standing committee first), then the
        delegates in no committee; delegates in their order in the term."""
        brains = api.content.find(
            context=self.context,
            depth=1,
            portal_type=DELEGATE,
            sort_on="getObjPositionInParent",
        )
        members = {}
        for brain in brains:
            token = brain.committee
            if token not in COUNCIL_BODY_TITLES:
                token = None
            members.setdefault(token, []).append(self.delegate_row(brain))
        groups = [
            {
                "token": token,
                "title": self.translate(title),
                "delegates": members[token],
            }
            for token, title in COUNCIL_BODIES
            if token in members
        ]
        if None in members:
            groups.append(
                {
                    "token": "none",
                    "title": self.translate(_("Delegates in no committee")),
                    "delegates": members[None],
                }
            )
        return groups

    def thumbnail(self, row):
        """The photo's thumbnail tag of a listed delegate, or ``""``."""
        if row["brain"] is None:
            return ""
        scaling = api.portal.get().restrictedTraverse("@@image_scale")
        return (
            scaling.tag(
                row["brain"],
                "image",
                scale="thumb",
                alt=row["name"],
                css_class="delegate-photo rounded",
            )
            or ""
        )

    def sessions(self):
        """The term's sessions by number."""
        brains = api.content.find(context=self.context, depth=1, portal_type=SESSION)
        rows = [self.session_row(brain) for brain in brains]
        return sorted(rows, key=lambda row: (row["number"] or 0, row["title"]))

    def petitions(self):
        """The term's petitions the user may see, counted by state:
        ``{"total", "states": [{"token", "title", "count", "badge"}],
        "url"}``."""
        brains = api.content.find(context=self.context, depth=1, portal_type=PETITION)
        counts = Counter(brain.review_state for brain in brains)
        states = [
            {
                "token": token,
                "title": state_title(token, PETITION, self.request),
                "count": counts[token],
                "badge": state_badge(token),
            }
            for token in (
                *PETITION_STATES,
                *sorted(set(counts) - set(PETITION_STATES)),
            )
            if counts[token]
        ]
        return {
            "total": len(brains),
            "states": states,
            "url": petitions_url(
                aq_parent(aq_inner(self.context)),
                self.context.UID(),
                self.context.absolute_url(),
            ),
        }
