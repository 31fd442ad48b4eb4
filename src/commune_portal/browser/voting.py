"""The pages of electronic voting on a council session (docs/voting.md).

- ``@@voting-panel``: the delegates' panel on a phone or tablet. A tiny
  page of its own (no Plone bundles: it must load on a slow connection),
  large buttons. A named vote is a plain HTML form post that works without
  JavaScript; a secret ballot needs the small script
  ``++resource++commune_portal/voting-panel.js`` (blind signature). The
  script asks for ``?fragment=1`` every few seconds with the last ETag and
  swaps the votes in when the server answers something else than 304.
- ``@@results-board``: the hall's projector. Shows what anyone may see
  (``describe(public=True)``): the status, how many ballots came in, and
  the counts once the vote is closed, whoever is logged in on the
  projector's computer. ``++resource++commune_portal/results-board.js``
  asks for ``?fragment=1`` every second (304 while nothing changed).
- ``@@attendance``: the secretary marks the delegates present.
"""

from commune_portal import _
from commune_portal.voting import box as votes
from commune_portal.voting.attendance import mark_present
from commune_portal.voting.attendance import present_uids
from commune_portal.voting.attendance import quorum
from commune_portal.voting.council import delegates_of
from commune_portal.voting.errors import VoteRefused
from commune_portal.voting.interfaces import IVotable
from commune_portal.voting.kinds import CHOICE_TITLES
from commune_portal.voting.kinds import RATING_TITLES
from plone import api
from plone.protect import CheckAuthenticator
from plone.transformchain.interfaces import DISABLE_TRANSFORM_REQUEST_KEY
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
import hashlib
import json


STATUS_TITLES = {
    votes.NOT_OPENED: _("Not opened"),
    votes.OPEN: _("Voting"),
    votes.CLOSED: _("Closed"),
}
KIND_TITLES = {
    "resolution": _("Resolution"),
    "election": _("Election"),
    "confidence": _("Vote of confidence"),
}
BALLOT_TITLES = {
    votes.NAMED: _("Named vote"),
    votes.SECRET: _("Secret ballot"),
    votes.MANUAL: _("Counted by hand"),
}


def _items(session):
    return [
        item
        for item in session.objectValues()
        if IVotable.providedBy(item) and api.user.has_permission("View", obj=item)
    ]


def _etag(parts):
    return '"' + hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:20] + '"'


def outcome(data, request):
    """One line saying how a closed vote ended."""

    def t(message):
        return translate(message, context=request)

    if data["kind"] == "resolution":
        return t(_("Adopted")) if data.get("adopted") else t(_("Not adopted"))
    if data["kind"] == "election":
        elected = [c["name"] for c in data.get("candidates") or () if c.get("elected")]
        if not elected:
            return t(_("Nobody elected"))
        return t(_("Elected: ${names}", mapping={"names": ", ".join(elected)}))
    return t(_("Results announced"))


class _Fragmented(BrowserView):
    """A page whose inner part is polled with ``?fragment=1`` and an ETag."""

    page = None
    fragment = None

    def etag_parts(self):
        raise NotImplementedError

    def plain(self):
        """Serve the page as written: no transform adds Plone's scripts to
        it (plone.protect's protect.js; the forms carry their own
        authenticator, checked by ``vote``). The clickjacking header the
        transform would add is set here."""
        self.request.environ[DISABLE_TRANSFORM_REQUEST_KEY] = True
        self.request.response.setHeader("X-Frame-Options", "SAMEORIGIN")

    def __call__(self):
        self.plain()
        if self.request.get("fragment"):
            etag = _etag(self.etag_parts())
            response = self.request.response
            response.setHeader("ETag", etag)
            response.setHeader("Cache-Control", "private, no-cache")
            if etag in (self.request.getHeader("If-None-Match") or "").split(", "):
                response.setStatus(304)
                return ""
            return self.fragment()
        return self.page()

    def t(self, message):
        return translate(message, context=self.request)


class VotingPanel(_Fragmented):
    """The delegates' voting panel of a session."""

    page = ViewPageTemplateFile("templates/voting_panel.pt")
    fragment = ViewPageTemplateFile("templates/voting_panel_votes.pt")

    message = None
    error = False

    def __call__(self):
        if self.request.method == "POST":
            self.plain()
            return self.vote()
        sent = self.request.get("sent")
        if sent:
            self.message = self.t(_("Your vote has been recorded."))
        return super().__call__()

    def vote(self):
        """A named vote posted by the plain HTML form."""
        CheckAuthenticator(self.request)
        item = self._item(self.request.form.get("item"))
        try:
            if item is None:
                raise VoteRefused(404, _("There is no such vote in this session."))
            if votes.ballot_of(item) == votes.SECRET:
                raise VoteRefused(
                    409,
                    _(
                        "A secret ballot needs JavaScript in your browser: it "
                        "sends your ballot without your name."
                    ),
                )
            votes.cast_named(item, self._value(item))
        except VoteRefused as refusal:
            self.request.response.setStatus(refusal.status)
            self.message = self.t(refusal.message)
            self.error = True
            return self.page()
        # Post/redirect/get: reloading the page does not vote again.
        self.request.response.redirect(
            f"{self.context.absolute_url()}/@@voting-panel?sent={item.UID()}#v-{item.UID()}",
            status=303,
        )
        return ""

    def _item(self, uid):
        for item in _items(self.context):
            if item.UID() == uid:
                return item
        return None

    def _value(self, item):
        form = self.request.form
        kind = votes.kind_of(item).kind
        if kind == "election":
            chosen = form.get("vote") or []
            return [chosen] if isinstance(chosen, str) else list(chosen)
        if kind == "confidence":
            prefix = "rating-"
            return {
                name[len(prefix) :]: value
                for name, value in form.items()
                if name.startswith(prefix) and value
            }
        return form.get("vote")

    def etag_parts(self):
        return [
            api.user.get_current().getId() if not api.user.is_anonymous() else "",
            [
                [row["uid"], row["status"], row["my_vote"], row["ballot_taken"]]
                for row in self.rows()
            ],
        ]

    def rows(self):
        """The session's votes as the panel shows them: open ones with their
        options, closed ones with their outcome."""
        if getattr(self, "_rows", None) is None:
            self._rows = [self._row(item) for item in _items(self.context)]
            self._rows = [
                row for row in self._rows if row["status"] != votes.NOT_OPENED
            ]
        return self._rows

    def open_rows(self):
        return [row for row in self.rows() if row["status"] == votes.OPEN]

    def closed_rows(self):
        return [row for row in self.rows() if row["status"] == votes.CLOSED]

    def _row(self, item):
        data = votes.describe(item, with_quorum=False)
        kind = data["kind"]
        mine = data.get("my_vote")
        row = {
            "uid": item.UID(),
            "url": item.absolute_url(),
            "title": data["title"],
            "kind": kind,
            "kind_title": self.t(KIND_TITLES[kind]),
            "status": data["status"],
            "ballot": data["ballot"],
            "secret": data["ballot"] == votes.SECRET,
            "ballot_title": self.t(BALLOT_TITLES.get(data["ballot"], "")),
            "can_vote": data.get("can_vote", False),
            "my_vote": mine,
            "ballot_taken": data.get("ballot_taken"),
            "key": data.get("key") or {},
            "outcome": outcome(data, self.request)
            if data["status"] == votes.CLOSED
            else "",
            "opened": data.get("opened") or "",
        }
        if kind == "resolution":
            row["choices"] = [
                {"value": c, "title": self.t(CHOICE_TITLES[c]), "chosen": mine == c}
                for c in ("yes", "no", "abstain")
            ]
        elif kind == "election":
            row["seats_to_fill"] = data.get("seats_to_fill")
            row["candidates"] = [
                {
                    "key": c["key"],
                    "name": c["name"],
                    "details": c.get("details") or "",
                    "chosen": c["key"] in (mine or ()),
                }
                for c in data.get("candidates") or ()
            ]
        else:
            row["officials"] = [
                {
                    "key": o["key"],
                    "name": o["name"],
                    "position": o.get("position") or "",
                    "ratings": [
                        {
                            "value": r,
                            "title": self.t(RATING_TITLES[r]),
                            "chosen": (mine or {}).get(o["key"]) == r,
                        }
                        for r in ("high", "confidence", "low")
                    ],
                }
                for o in data.get("officials") or ()
            ]
        return row

    def is_delegate(self):
        if api.user.is_anonymous():
            return False
        from commune_portal.voting.council import electorate_of

        return api.user.get_current().getId() in electorate_of(self.context)

    def authenticator(self):
        return api.portal.get().restrictedTraverse("@@authenticator").token()


class ResultsBoard(_Fragmented):
    """The results board of a session for the hall's projector."""

    page = ViewPageTemplateFile("templates/results_board.pt")
    fragment = ViewPageTemplateFile("templates/results_board_votes.pt")

    def etag_parts(self):
        return [
            len(present_uids(self.context)),
            [[item.UID(), votes.version_of(item)] for item in _items(self.context)],
        ]

    def descriptions(self):
        if getattr(self, "_descriptions", None) is None:
            self._descriptions = [
                votes.describe(item, public=True, with_quorum=False)
                for item in _items(self.context)
            ]
        return self._descriptions

    def current(self):
        """The vote the hall is looking at: the open one, else the one
        closed last."""
        described = self.descriptions()
        open_ = [d for d in described if d["status"] == votes.OPEN]
        if open_:
            return self._board(open_[-1])
        closed = [d for d in described if d["status"] == votes.CLOSED]
        if closed:
            return self._board(max(closed, key=lambda d: d.get("closed") or ""))
        return None

    def others(self):
        current = self.current()
        return [
            {
                "title": d["title"],
                "status": self.t(STATUS_TITLES[d["status"]]),
                "outcome": outcome(d, self.request)
                if d["status"] == votes.CLOSED
                else "",
            }
            for d in self.descriptions()
            if current is None or d["UID"] != current["uid"]
        ]

    def quorum(self):
        return quorum(self.context)

    def _board(self, d):
        seats = d["total_delegates"] or 0
        board = {
            "uid": d["UID"],
            "title": d["title"],
            "kind": d["kind"],
            "kind_title": self.t(KIND_TITLES[d["kind"]]),
            "status": d["status"],
            "status_title": self.t(STATUS_TITLES[d["status"]]),
            "ballot_title": self.t(BALLOT_TITLES.get(d["ballot"], "")),
            "cast": d.get("ballots_cast") or 0,
            "seats": seats,
            "closed": d["status"] == votes.CLOSED,
            "rows": [],
            "outcome": "",
        }
        if not board["closed"]:
            return board
        if d["kind"] == "resolution":
            for choice in ("yes", "no", "abstain"):
                board["rows"].append(
                    self._row(self.t(CHOICE_TITLES[choice]), d[choice], seats)
                )
            board["rows"].append(
                self._row(self.t(_("Did not vote")), d["not_voted"], seats)
            )
            board["adopted"] = d.get("adopted")
            board["outcome"] = (
                self.t(_("ADOPTED")) if d.get("adopted") else self.t(_("NOT ADOPTED"))
            )
        elif d["kind"] == "election":
            for c in d.get("candidates") or ():
                row = self._row(c["name"], c["votes"], seats)
                row["mark"] = (
                    self.t(_("Elected"))
                    if c.get("elected")
                    else (self.t(_("Tie")) if c.get("tied") else "")
                )
                board["rows"].append(row)
        else:
            for o in d.get("officials") or ():
                board["rows"].append(
                    {
                        "label": o["name"],
                        "value": " · ".join(
                            f"{self.t(RATING_TITLES[r])}: {o[r]} ({o['shares'][r]}%)"
                            for r in ("high", "confidence", "low")
                        ),
                        "percent": None,
                        "mark": "",
                    }
                )
        return board

    def _row(self, label, count, seats):
        share = round(100 * count / seats, 2) if seats else 0
        return {"label": label, "value": count, "percent": share, "mark": ""}


class AttendanceView(BrowserView):
    """The secretary's page in the hall (Classic UI): mark who is present,
    open and close the session's votes, see how many ballots came in."""

    template = ViewPageTemplateFile("templates/attendance.pt")

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            try:
                if form.get("action") in ("open", "close"):
                    self._vote_action(form["action"], form.get("item"))
                else:
                    present = form.get("present") or []
                    if isinstance(present, str):
                        present = [present]
                    mark_present(
                        self.context, list(present), api.user.get_current().getId()
                    )
                    self._message(_("Attendance saved."))
            except VoteRefused as refusal:
                self._message(refusal.message, "error")
            else:
                self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@attendance", status=303
                )
                return ""
        return self.template()

    def _message(self, message, kind="info"):
        api.portal.show_message(
            translate(message, context=self.request), self.request, type=kind
        )

    def _vote_action(self, action, uid):
        item = next((i for i in _items(self.context) if i.UID() == uid), None)
        if item is None:
            raise VoteRefused(404, _("There is no such vote in this session."))
        if action == "open":
            votes.open_vote(item)
            self._message(_("The vote is open."))
        else:
            votes.close_vote(item)
            self._message(_("The vote is closed and its result frozen."))

    def delegates(self):
        present = set(present_uids(self.context))
        return [
            {"uid": d.UID(), "title": d.Title(), "present": d.UID() in present}
            for d in delegates_of(self.context)
        ]

    def quorum(self):
        return quorum(self.context)

    def votes(self):
        """The session's votes with what the secretary can do with each."""
        rows = []
        for item in _items(self.context):
            data = votes.describe(item, with_quorum=False)
            rows.append(
                {
                    "uid": item.UID(),
                    "url": item.absolute_url(),
                    "title": data["title"],
                    "kind": translate(KIND_TITLES[data["kind"]], context=self.request),
                    "ballot": translate(
                        BALLOT_TITLES.get(data["ballot"], ""), context=self.request
                    ),
                    "status": data["status"],
                    "status_title": translate(
                        STATUS_TITLES[data["status"]], context=self.request
                    ),
                    "cast": data.get("ballots_cast"),
                    "seats": data["total_delegates"],
                    "outcome": outcome(data, self.request)
                    if data["status"] == votes.CLOSED
                    else "",
                    "manual": data["ballot"] == votes.MANUAL,
                }
            )
        return rows
