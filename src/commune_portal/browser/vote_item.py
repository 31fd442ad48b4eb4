"""The pages of an election (``Election``) and a vote of confidence
(``ConfidenceVote``): what is voted on (the candidates and the seats to
fill, the officials and the thresholds), how (the ballot), where the vote
stands, and once it has closed the frozen result (per candidate the votes
and who was elected; per official the counts and shares of all the
delegates and the threshold crossed). Nothing about who voted."""

from commune_portal import _
from commune_portal.browser.council_session import summary_of
from commune_portal.browser.council_session import VOTE_KIND_TITLES
from commune_portal.browser.council_session import VoteResultBox
from commune_portal.browser.voting import BALLOT_TITLES
from commune_portal.browser.voting import STATUS_TITLES
from commune_portal.voting import box as votes
from commune_portal.voting.result import result_of
from Products.Five.browser import BrowserView
from zope.i18n import translate


class VotedItemView(VoteResultBox, BrowserView):
    """``@@view`` of an ``Election`` or a ``ConfidenceVote``."""

    def t(self, message):
        return translate(message, context=self.request)

    def facts(self):
        """The kind of vote, its ballot and where it stands."""
        status = votes.status_of(self.context)
        return {
            "kind": self.t(VOTE_KIND_TITLES[self.context.portal_type]),
            "ballot": self.t(BALLOT_TITLES.get(votes.ballot_of(self.context), "")),
            "status": status,
            "status_title": self.t(STATUS_TITLES[status]),
        }

    def candidates(self):
        """An election's candidates as the secretary listed them."""
        return [
            {"name": row.get("name") or "", "details": row.get("details") or ""}
            for row in getattr(self.context, "candidates", None) or ()
            if (row or {}).get("name")
        ]

    def seats_to_fill(self):
        return getattr(self.context, "seats_to_fill", None)

    def officials(self):
        """A vote of confidence's officials as the secretary listed them."""
        return [
            {"name": row.get("name") or "", "position": row.get("position") or ""}
            for row in getattr(self.context, "officials", None) or ()
            if (row or {}).get("name")
        ]

    def thresholds(self):
        """The thresholds of a vote of confidence (``None`` for an
        election): the fractions as the secretary wrote them."""
        if self.context.portal_type != "ConfidenceVote":
            return None
        return {
            "review": self.context.review_share,
            "dismissal": self.context.dismissal_share,
        }

    def result(self):
        """The result box of the closed vote (HTML), or ``""``."""
        return self.result_box(
            summary_of(self.context.portal_type, result_of(self.context), self.request)
        )

    def no_result_message(self):
        """Why there is no result yet."""
        if votes.status_of(self.context) == votes.OPEN:
            return self.t(
                _("Voting is under way: the result is shown once the vote closes.")
            )
        return self.t(_("The vote has not opened yet."))
