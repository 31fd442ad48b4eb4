"""The page of a council session (``council-session-view``): its dates and
place, the agenda with the materials of each item, the materials in agenda
order then the others, the resolutions with the results of their votes,
the elections and votes of confidence with theirs, and the secretary's two
actions (circulate before the session, publish into the kỷ yếu after it).

The materials, resolutions and votes are listed from the catalog, so each
reader sees what the workflow lets them see: the secretary everything, the
delegates the circulated materials, the public the published ones. A
result is shown once its vote has closed, from the catalog's
``vote_result`` column (counts and outcome, never who voted)."""

from AccessControl import getSecurityManager
from commune_portal import _
from commune_portal.browser.council import child_url
from commune_portal.browser.council import council_section
from commune_portal.browser.council import CouncilPage
from commune_portal.browser.council import PROCEEDINGS_SECTION
from commune_portal.browser.council import session_moments
from commune_portal.browser.council import state_badge
from commune_portal.browser.council import state_title
from commune_portal.browser.dates import format_datetime
from commune_portal.content.council_session import MATERIAL_TYPES
from commune_portal.content.council_session import VOTE_TYPES
from commune_portal.vocabularies.council import MATERIAL_KINDS
from commune_portal.vocabularies.council import THRESHOLDS
from commune_portal.voting.kinds import RATING_TITLES
from commune_portal.voting.kinds import RATINGS
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


MATERIAL = "SessionDocument"
RESOLUTION = "Resolution"
ELECTION, CONFIDENCE_VOTE = VOTE_TYPES
MATERIAL_KIND_TITLES = dict(MATERIAL_KINDS)
THRESHOLD_TITLES = dict(THRESHOLDS)
VOTE_KIND_TITLES = {
    ELECTION: _("Election"),
    CONFIDENCE_VOTE: _("Vote of confidence"),
}

# The secretary's actions on a session (views of ``commune_portal.council``).
CIRCULATE = "circulate-materials"
PUBLISH = "publish-materials"
# The voting views of a session and who may use them (docs/voting.md).
ATTENDANCE = "attendance"
VOTING_PANEL = "voting-panel"
RESULTS_BOARD = "results-board"
MANAGE_VOTES = "commune_portal: Manage votes"
CAST_VOTE = "commune_portal: Cast vote"


def vote_summary(result, request):
    """The frozen result of a vote (``voting.result.result_of``) as the
    result box shows it, or ``None`` when the vote has not closed."""
    if not result:
        return None
    threshold = result.get("threshold") or "majority"
    title = THRESHOLD_TITLES.get(threshold)
    return {
        "adopted": bool(result.get("adopted")),
        "yes": result.get("yes", 0),
        "no": result.get("no", 0),
        "abstain": result.get("abstain", 0),
        "not_voted": result.get("not_voted", 0),
        "seats": result.get("total_delegates", 0),
        "threshold": threshold,
        "threshold_title": translate(title, context=request) if title else threshold,
        "closed": format_datetime(result.get("closed"), request),
    }


def format_percent(value, request):
    """A share in percent as the reader writes it: ``66.67`` ->
    ``"66,67%"`` in Vietnamese, ``"66.67%"`` in English; ``""`` for
    none."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    language = request.get("LANGUAGE", None) or "vi"
    if language.startswith("vi"):
        text = text.replace(".", ",")
    return f"{text}%"


def _counts(result, request):
    """What the boxes of every kind of vote show of the ballots."""
    seats = result.get("total_delegates") or 0
    return {
        "seats": seats,
        "ballots": result.get("ballots", 0),
        "not_voted": result.get("not_voted", 0),
        "closed": format_datetime(result.get("closed"), request),
    }


def election_summary(result, request):
    """The frozen result of an election (``voting.kinds.ElectionVote``) as
    the result box shows it, or ``None`` when the vote has not closed."""
    if not result or "candidates" not in result:
        return None
    candidates = [
        {
            "name": row.get("name", ""),
            "details": row.get("details") or "",
            "votes": row.get("votes", 0),
            "share": format_percent(row.get("share"), request),
            "elected": bool(row.get("elected")),
            "tied": bool(row.get("tied")),
        }
        for row in result["candidates"]
    ]
    return {
        "kind": "election",
        "candidates": candidates,
        "elected": [row["name"] for row in candidates if row["elected"]],
        "tied": any(row["tied"] for row in candidates),
        "seats_to_fill": result.get("seats_to_fill", 1),
        **_counts(result, request),
    }


def confidence_summary(result, request):
    """The frozen result of a vote of confidence
    (``voting.kinds.ConfidenceVoteKind``) as the result box shows it, or
    ``None`` when the vote has not closed. Each official has the counts
    and shares of all the delegates, and which threshold, if any, the
    "low confidence" ratings crossed."""
    if not result or "officials" not in result:
        return None
    # The fractions as the secretary wrote them ("1/2", "2/3").
    review = (result.get("review_share") or "").replace(" ", "")
    dismissal = (result.get("dismissal_share") or "").replace(" ", "")
    officials = []
    for row in result["officials"]:
        shares = row.get("shares") or {}
        if row.get("low_at_least_dismissal_share"):
            crossed = "dismissal"
            outcome = _(
                "Rated low by at least ${share} of the delegates: the body "
                "that nominated this official proposes their dismissal.",
                mapping={"share": dismissal},
            )
        elif row.get("low_more_than_review_share"):
            crossed = "review"
            outcome = _(
                "Rated low by more than ${share} of the delegates: may resign; "
                "otherwise a vote of no confidence is put to the council.",
                mapping={"share": review},
            )
        else:
            crossed = ""
            outcome = _("No threshold crossed")
        officials.append(
            {
                "name": row.get("name", ""),
                "position": row.get("position") or "",
                "ratings": [
                    {
                        "rating": rating,
                        "title": translate(RATING_TITLES[rating], context=request),
                        "count": row.get(rating, 0),
                        "share": format_percent(shares.get(rating), request),
                    }
                    for rating in RATINGS
                ],
                "crossed": crossed,
                "outcome": translate(outcome, context=request),
            }
        )
    return {
        "kind": "confidence",
        "rating_titles": [
            translate(RATING_TITLES[rating], context=request) for rating in RATINGS
        ],
        "officials": officials,
        "review_share": review,
        "dismissal_share": dismissal,
        **_counts(result, request),
    }


SUMMARIES = {
    RESOLUTION: vote_summary,
    ELECTION: election_summary,
    CONFIDENCE_VOTE: confidence_summary,
}


def summary_of(portal_type, result, request):
    """The box's summary of the frozen ``result`` of an item of
    ``portal_type`` (``None`` when the vote has not closed)."""
    summarize = SUMMARIES.get(portal_type)
    return summarize(result, request) if summarize else None


class VoteResultBox:
    """The result box of a vote (``templates/vote_result.pt`` for a
    resolution, ``election_result.pt``, ``confidence_result.pt``), for the
    session page and the voted item's own page."""

    _result_templates = {
        None: ViewPageTemplateFile("templates/vote_result.pt"),
        "election": ViewPageTemplateFile("templates/election_result.pt"),
        "confidence": ViewPageTemplateFile("templates/confidence_result.pt"),
    }

    def result_box(self, summary, heading=True):
        """The box of ``summary`` (``vote_summary``, ``election_summary``,
        ``confidence_summary``), ``""`` for none."""
        if summary is None:
            return ""
        template = self._result_templates[summary.get("kind")]
        return template(self, summary=summary, heading=heading)


class CouncilSessionView(VoteResultBox, CouncilPage):
    """``@@council-session-view`` of a ``CouncilSession``."""

    # -- header -----------------------------------------------------------

    def facts(self):
        """Label, kind, dates and place of the session (the context)."""
        session = self.context
        label = session.label
        return {
            "label": label,
            "own_title": session.Title() != label,
            "kind": self.session_kind_title(session.session_kind),
            "dates": session_moments(
                session.start,
                session.end,
                getattr(session, "whole_day", False),
                self.request,
            ),
            "location": getattr(session, "location", None) or "",
        }

    def proceedings(self):
        """``{"date", "url"}`` when the materials went into the kỷ yếu."""
        moment = self.context.proceedings_date
        if not moment:
            return None
        return {
            "date": format_datetime(moment, self.request),
            "url": child_url(council_section(self.context), PROCEEDINGS_SECTION),
        }

    def secretary_actions(self):
        """Links to the secretary's actions, for who may review the
        session's content (not by role name: the permission decides)."""
        if not getSecurityManager().checkPermission(
            "Review portal content", self.context
        ):
            return []
        url = self.context.absolute_url()
        return [
            {
                "name": CIRCULATE,
                "url": f"{url}/@@{CIRCULATE}",
                "title": self.translate(_("Circulate the materials to delegates")),
            },
            {
                "name": PUBLISH,
                "url": f"{url}/@@{PUBLISH}",
                "title": self.translate(_("Publish the materials into the kỷ yếu")),
            },
        ]

    def voting_links(self):
        """Links to the voting views of the session (``browser/voting.zcml``)
        for who may use each: the results board for every reader, the
        voting panel for the delegates, attendance and votes for the
        secretary (by permission, not by role name)."""
        checker = getSecurityManager().checkPermission
        url = self.context.absolute_url()
        links = []
        if checker(MANAGE_VOTES, self.context):
            links.append(
                {
                    "name": ATTENDANCE,
                    "url": f"{url}/@@{ATTENDANCE}",
                    "title": self.translate(_("Attendance and votes")),
                }
            )
        if checker(CAST_VOTE, self.context):
            links.append(
                {
                    "name": VOTING_PANEL,
                    "url": f"{url}/@@{VOTING_PANEL}",
                    "title": self.translate(_("Voting panel")),
                }
            )
        links.append(
            {
                "name": RESULTS_BOARD,
                "url": f"{url}/@@{RESULTS_BOARD}",
                "title": self.translate(_("Results board")),
            }
        )
        return links

    # -- contents ---------------------------------------------------------

    def _contents(self):
        """The materials, resolutions, elections and votes of confidence
        the user may see, in the order of the session's folder (brains of
        one query)."""
        if not hasattr(self, "_brains"):
            self._brains = api.content.find(
                context=self.context,
                depth=1,
                portal_type=[*MATERIAL_TYPES, *VOTE_TYPES],
                sort_on="getObjPositionInParent",
            )
        return self._brains

    def _agenda_uids(self):
        """UIDs named by the agenda, in agenda order, each once."""
        seen = []
        for row in self.context.agenda or ():
            for uid in row.get("documents") or ():
                if uid not in seen:
                    seen.append(uid)
        return seen

    def _in_agenda_order(self, portal_type):
        brains = [b for b in self._contents() if b.portal_type == portal_type]
        order = {uid: index for index, uid in enumerate(self._agenda_uids())}
        # ``sorted`` is stable: the others keep the folder's order.
        return sorted(brains, key=lambda brain: order.get(brain.UID, len(order)))

    def material_row(self, brain):
        kind = getattr(brain, "material_kind", None)
        title = MATERIAL_KIND_TITLES.get(kind) if kind else None
        return {
            "uid": brain.UID,
            "url": brain.getURL(),
            "title": brain.Title,
            "portal_type": brain.portal_type,
            "kind": self.translate(title) if title else "",
            "number": brain.document_number or "",
            "file": (
                {
                    "url": f"{brain.getURL()}/@@download/file",
                    "filename": brain.document_file,
                    "size": brain.getObjSize,
                }
                if brain.document_file
                else None
            ),
            "state": brain.review_state,
            "state_title": state_title(
                brain.review_state, brain.portal_type, self.request
            ),
            "badge": state_badge(brain.review_state),
        }

    def agenda(self):
        """The agenda rows with the materials of each (those the user may
        see): ``{"time", "item", "presenter", "materials"}``."""
        rows_by_uid = {brain.UID: brain for brain in self._contents()}
        agenda = []
        for row in self.context.agenda or ():
            materials = [
                self.material_row(rows_by_uid[uid])
                for uid in row.get("documents") or ()
                if uid in rows_by_uid
            ]
            agenda.append(
                {
                    "time": row.get("time") or "",
                    "item": row.get("item") or "",
                    "presenter": row.get("presenter") or "",
                    "materials": materials,
                }
            )
        return agenda

    def materials(self):
        """The session's documents: those of the agenda in its order, then
        the others."""
        return [self.material_row(brain) for brain in self._in_agenda_order(MATERIAL)]

    def resolutions(self):
        """The resolutions in agenda order, then the others, each with the
        result of its vote."""
        rows = []
        for brain in self._in_agenda_order(RESOLUTION):
            row = self.material_row(brain)
            # The frozen result's counts, kept in the catalog
            # (indexers/council.py ``vote_result``).
            row["result"] = vote_summary(brain.vote_result, self.request)
            rows.append(row)
        return rows

    def votes(self):
        """The session's elections and votes of confidence in the folder's
        order (the agenda names only documents), each with the result of
        its vote once closed."""
        rows = []
        for brain in self._contents():
            if brain.portal_type not in VOTE_TYPES:
                continue
            title = VOTE_KIND_TITLES[brain.portal_type]
            rows.append(
                {
                    "uid": brain.UID,
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "portal_type": brain.portal_type,
                    "kind": self.translate(title),
                    "state": brain.review_state,
                    "state_title": state_title(
                        brain.review_state, brain.portal_type, self.request
                    ),
                    "badge": state_badge(brain.review_state),
                    # The frozen result, kept in the catalog
                    # (indexers/council.py ``vote_result``).
                    "result": summary_of(
                        brain.portal_type, brain.vote_result, self.request
                    ),
                }
            )
        return rows
