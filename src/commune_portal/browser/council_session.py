"""The page of a council session (``council-session-view``): its dates and
place, the agenda with the materials of each item, the materials in agenda
order then the others, the resolutions with the results of their votes,
and the secretary's two actions (circulate before the session, publish
into the kỷ yếu after it).

The materials and resolutions are listed from the catalog, so each reader
sees what the workflow lets them see: the secretary everything, the
delegates the circulated materials, the public the published ones."""

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
from commune_portal.vocabularies.council import MATERIAL_KINDS
from commune_portal.vocabularies.council import THRESHOLDS
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


MATERIAL = "SessionDocument"
RESOLUTION = "Resolution"
MATERIAL_KIND_TITLES = dict(MATERIAL_KINDS)
THRESHOLD_TITLES = dict(THRESHOLDS)

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


class VoteResultBox:
    """The result box of a resolution (``templates/vote_result.pt``), for
    the session page and the resolution's own page."""

    _result_template = ViewPageTemplateFile("templates/vote_result.pt")

    def result_box(self, summary, heading=True):
        """The box of ``summary`` (``vote_summary``), ``""`` for none."""
        if summary is None:
            return ""
        return self._result_template(summary=summary, heading=heading)


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
        """The materials and resolutions the user may see, in the order
        of the session's folder (brains)."""
        if not hasattr(self, "_brains"):
            self._brains = api.content.find(
                context=self.context,
                depth=1,
                portal_type=list(MATERIAL_TYPES),
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
