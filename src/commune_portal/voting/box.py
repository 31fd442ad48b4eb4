"""The one voting machinery of the council: open, vote, close, count by hand.

Resolutions, elections and votes of confidence differ only in what a ballot
is and how it is counted (``voting.kinds``); everything here is shared.

A vote lives in a ``VoteBox`` annotation of the voted item, made when the
secretary opens it. While it is open, a vote writes only into per-delegate
(or per-token) keys of BTrees and into ``BTrees.Length`` counters, never
into the item or the box itself: votes of different delegates at the same
moment, in several threads or Zope processes, resolve without conflict,
and a conflict that cannot be resolved (the same delegate twice at once, a
bucket split) is retried by Zope's publisher, so no vote is lost or
counted twice.

Named ballot: ``named[delegate UID]`` is the tuple of every vote that
delegate cast, ``(vote, when, user id)``, the last one counts.

Secret ballot (docs/voting.md): the box holds a fresh RSA key (``blind``).
A delegate takes one blind signature, logged in: ``tokens[delegate UID] =
when``, nothing else (not the blinded number, not the signature). The
ballot comes later in an anonymous request: ``ballots[token] = (vote,
signature)``, the token being a random number the server signed without
seeing it. Nothing stored links a token to a delegate; casting again with
the same token replaces that ballot (a changed vote). Closing forgets the
private key.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from commune_portal import _
from commune_portal.voting import blind
from commune_portal.voting.attendance import present_uids
from commune_portal.voting.attendance import quorum
from commune_portal.voting.council import delegates_of
from commune_portal.voting.council import electorate_of
from commune_portal.voting.council import seats_of
from commune_portal.voting.council import session_of
from commune_portal.voting.errors import VoteRefused
from commune_portal.voting.interfaces import IVoteKind
from commune_portal.voting.result import result_of
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations
import datetime
import hashlib
import transaction


BOX_KEY = "commune_portal.vote_box"

MANAGE_VOTES = "commune_portal: Manage votes"
CAST_VOTE = "commune_portal: Cast vote"

NOT_OPENED = "not_opened"
OPEN = "open"
CLOSED = "closed"

NAMED = "named"
SECRET = "secret"
MANUAL = "manual"


class VoteBox(Persistent):
    """The vote on one item (see the module's docstring)."""

    status = OPEN
    opened = opened_by = closed = closed_by = None
    key_n = key_e = None
    _key_d = None

    def __init__(self, ballot, options, seats, electorate, by):
        self.ballot = ballot
        self.options = options
        self.seats = seats
        self.electorate = dict(electorate)
        self.opened = _now()
        self.opened_by = by
        self.named = OOBTree()
        self.tokens = OOBTree()
        self.ballots = OOBTree()
        self.received = Length()
        self.changes = Length()

    @property
    def key(self):
        if self.key_n is None:
            return None
        return blind.Key(self.key_n, self.key_e, self._key_d)


def _now():
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def box_of(item):
    """The item's ``VoteBox``, or ``None`` before its vote opened."""
    return IAnnotations(item).get(BOX_KEY)


def kind_of(item):
    """The ``IVoteKind`` of a votable item."""
    return IVoteKind(item)


def status_of(item):
    """``not_opened``, ``open`` or ``closed`` (a frozen result is closed,
    however it was entered)."""
    if result_of(item) is not None:
        return CLOSED
    box = box_of(item)
    return box.status if box is not None else NOT_OPENED


def ballot_of(item):
    """How the item is voted: the box's once open, else the item's field."""
    box = box_of(item)
    if box is not None:
        return box.ballot
    return getattr(item, "ballot", None) or NAMED


def version_of(item):
    """A short string that changes with every accepted vote and change of
    state: the ETag of what the board shows."""
    box = box_of(item)
    if box is None:
        return f"{status_of(item)}"
    return f"{status_of(item)}.{box.changes.value}.{box.received.value}"


# Who may do what -------------------------------------------------------


def _user_id():
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def can_manage(item):
    """Whether the current user opens and closes votes here (the
    secretary, a site administrator, a manager)."""
    return not api.user.is_anonymous() and api.user.has_permission(
        MANAGE_VOTES, obj=item
    )


def require_manager(item):
    if api.user.is_anonymous():
        raise VoteRefused(401, _("Log in as the council secretary to do this."))
    if not can_manage(item):
        raise VoteRefused(
            403, _("Only the council secretary opens, closes and counts votes.")
        )
    return _user_id()


def voter_of(item, box):
    """The current user's delegate UID in the vote ``box``, or a refusal:
    401 when anonymous, 403 unless a delegate of the item's term."""
    if api.user.is_anonymous():
        raise VoteRefused(401, _("Log in with your delegate's account to vote."))
    if not api.user.has_permission(CAST_VOTE, obj=item):
        raise VoteRefused(403, _("Only the council's delegates vote."))
    user_id = _user_id()
    electorate = box.electorate if box is not None else electorate_of(item)
    uid = electorate.get(user_id)
    if uid is None:
        raise VoteRefused(
            403, _("Your account does not act for a delegate of this term.")
        )
    return uid, user_id


def _open_box(item):
    box = box_of(item)
    status = status_of(item)
    if status == NOT_OPENED:
        raise VoteRefused(409, _("The vote has not been opened."))
    if status == CLOSED:
        raise VoteRefused(409, _("The vote is closed; it no longer takes votes."))
    return box


def _delegates_see(item):
    roles = rolesForPermissionOn("View", item)
    if isinstance(roles, str):
        roles = [roles]
    return bool({"Anonymous", "CouncilDelegate", "Authenticated"} & set(roles or ()))


# The secretary's actions -------------------------------------------------


def open_vote(item):
    """Open the vote on ``item``; return the new box."""
    by = require_manager(item)
    status = status_of(item)
    if status == OPEN:
        raise VoteRefused(409, _("The vote is already open."))
    if status == CLOSED:
        raise VoteRefused(409, _("The vote is closed; its result is frozen."))
    ballot = ballot_of(item)
    if ballot == MANUAL:
        raise VoteRefused(
            409,
            _("This vote is counted by hand: enter the counts (@votes/tally)."),
        )
    kind = kind_of(item)
    options = kind.options()
    missing = kind.ready(options)
    if missing:
        raise VoteRefused(409, missing)
    if not _delegates_see(item):
        raise VoteRefused(
            409,
            _("The delegates cannot see this item yet: circulate it to them first."),
        )
    session = session_of(item)
    if session is None:
        raise VoteRefused(409, _("Only items of a council session are voted on."))
    present = quorum(session)
    if not present["met"]:
        raise VoteRefused(
            409,
            _(
                "No quorum: ${present} of ${seats} delegates are marked present, "
                "${needed} are needed. Mark the attendance first.",
                mapping=present,
            ),
        )
    electorate = electorate_of(item)
    if not electorate:
        raise VoteRefused(
            409, _("No delegate of the term is linked to a user account who can vote.")
        )
    box = VoteBox(ballot, options, seats_of(item), electorate, by)
    if ballot == SECRET:
        key = blind.generate_key()
        box.key_n, box.key_e, box._key_d = key.n, key.e, key.d
    IAnnotations(item)[BOX_KEY] = box
    return box


def _ballots(box):
    """``(ballots, voters)``: the ballots to count and the UIDs of the
    delegates who voted (secret: who took a ballot)."""
    if box.ballot == SECRET:
        return [value for value, _signature in box.ballots.values()], list(box.tokens)
    return [history[-1][0] for history in box.named.values()], list(box.named)


def _in_folder_order(item, uids):
    wanted = set(uids)
    return [d.UID() for d in delegates_of(item) if d.UID() in wanted]


def close_vote(item):
    """Close the open vote on ``item`` and freeze its result (returned)."""
    by = require_manager(item)
    box = _open_box(item)
    kind = kind_of(item)
    ballots, voters = _ballots(box)
    tally = kind.count(ballots, box.options)
    session = session_of(item)
    present = set(present_uids(session)) | set(voters)
    result = kind.freeze(
        tally,
        len(ballots),
        box.seats,
        box.options,
        present=_in_folder_order(item, present),
        voted=_in_folder_order(item, voters),
        ballot=box.ballot,
    )
    box.status = CLOSED
    box.closed = _now()
    box.closed_by = by
    # Nobody can sign a ballot for this vote any more.
    box._key_d = None
    box.changes.change(1)
    item.reindexObject()
    return result


def enter_tally(item, data):
    """The secretary enters the counts of a vote counted by hand; the
    result is frozen at once (returned)."""
    by = require_manager(item)
    if status_of(item) == CLOSED:
        raise VoteRefused(409, _("The vote is closed; its result is frozen."))
    if ballot_of(item) != MANUAL:
        raise VoteRefused(
            409,
            _(
                "Only a vote counted by hand takes counts; this one is voted "
                "by the delegates."
            ),
        )
    if not isinstance(data, dict):
        raise VoteRefused(400, _("Send a JSON object."))
    session = session_of(item)
    if session is None:
        raise VoteRefused(409, _("Only items of a council session are voted on."))
    present = quorum(session)
    if not present["met"]:
        raise VoteRefused(
            409,
            _(
                "No quorum: ${present} of ${seats} delegates are marked present, "
                "${needed} are needed. Mark the attendance first.",
                mapping=present,
            ),
        )
    kind = kind_of(item)
    options = kind.options()
    seats = seats_of(item)
    tally, ballots = kind.parse_tally(data, options, seats)
    result = kind.freeze(
        tally,
        ballots,
        seats,
        options,
        present=present_uids(session),
        voted=(),
        ballot=MANUAL,
    )
    box = VoteBox(MANUAL, options, seats, {}, by)
    box.status = CLOSED
    box.closed = _now()
    box.closed_by = by
    IAnnotations(item)[BOX_KEY] = box
    item.reindexObject()
    return result


# The delegates' actions --------------------------------------------------


def cast_named(item, value):
    """Record the current delegate's vote (a later vote replaces the
    earlier one; both are kept). Returns ``(vote, changed)``."""
    box = box_of(item)
    uid, user_id = voter_of(item, box)
    box = _open_box(item)
    if box.ballot == SECRET:
        raise VoteRefused(
            409,
            _(
                "This is a secret ballot: vote on the voting panel, which sends "
                "your ballot without your name."
            ),
        )
    value = kind_of(item).validate(value, box.options)
    history = box.named.get(uid, ())
    if history and history[-1][0] == value:
        return value, False
    box.named[uid] = (*history, (value, _now(), user_id))
    if not history:
        box.received.change(1)
    box.changes.change(1)
    return value, bool(history)


def issue_token(item, blinded_hex):
    """Sign the current delegate's blinded token, once per delegate and
    vote; records only *that* the delegate took a ballot."""
    box = box_of(item)
    uid, _user = voter_of(item, box)
    box = _open_box(item)
    if box.ballot != SECRET:
        raise VoteRefused(409, _("This vote is not a secret ballot."))
    try:
        blinded = int(blinded_hex, 16)
    except (TypeError, ValueError):
        raise VoteRefused(
            400, _("Send the blinded token as a hexadecimal number."), "blinded"
        ) from None
    key = box.key
    if not 0 < blinded < key.n:
        raise VoteRefused(400, _("The blinded token is out of range."), "blinded")
    if uid in box.tokens:
        raise VoteRefused(409, _("You already took your ballot for this vote."))
    box.tokens[uid] = _now()
    return format(blind.sign_blinded(key, blinded), "x")


def _forget_who_and_what(request):
    """The ballot's transaction carries no user, path or note: FileStorage
    keeps them (undo log, history) next to the ballot it writes."""
    txn = transaction.get()
    txn.user = ""
    txn.description = ""
    txn.extension.clear()


def cast_secret(item, token_hex, signature_hex, value, request=None):
    """Put an anonymous ballot in the box of a secret vote. Casting again
    with the same token replaces that ballot. Returns ``changed``."""
    if not api.user.is_anonymous():
        raise VoteRefused(
            400,
            _(
                "Send a secret ballot without logging in: a ballot sent with "
                "your account would carry your name."
            ),
        )
    box = _open_box(item)
    if box.ballot != SECRET:
        raise VoteRefused(409, _("This vote is not a secret ballot."))
    try:
        token = bytes.fromhex(token_hex)
        signature = int(signature_hex, 16)
    except (TypeError, ValueError):
        raise VoteRefused(
            400, _("Send the token and its signature in hexadecimal."), "token"
        ) from None
    if len(token) != blind.TOKEN_BYTES or not blind.verify(box.key, token, signature):
        raise VoteRefused(403, _("This ballot's token is not valid for this vote."))
    value = kind_of(item).validate(value, box.options)
    # The key in the box is a hash of the token: the token stays with the
    # delegate, who alone can change their ballot.
    slot = hashlib.sha256(token).hexdigest()
    previous = box.ballots.get(slot)
    _forget_who_and_what(request)
    if previous is not None and previous[0] == value:
        return False
    box.ballots[slot] = (value, format(signature, "x"))
    if previous is None:
        box.received.change(1)
    box.changes.change(1)
    return previous is not None


# What each one sees --------------------------------------------------------


def _delegate_rows(item):
    return {
        d.UID(): {"@id": d.absolute_url(), "UID": d.UID(), "title": d.Title()}
        for d in delegates_of(item)
    }


def describe(item, public=False, with_quorum=True):
    """The vote on ``item`` as the current user may see it (``@votes``);
    with ``public``, as anyone may (the results board in the hall shows
    that much whoever is logged in on the projector's computer).

    Everyone who can see the item: status, ballot, seats, how many ballots
    came in, the quorum; the counts and result once closed. The secretary
    also: the counts of an open named vote and each delegate's vote with
    its history (named), or who took a ballot (secret, never how they
    voted). A delegate: whether they may vote, and their own named vote.
    """
    kind = kind_of(item)
    box = box_of(item)
    status = status_of(item)
    frozen = result_of(item)
    manager = not public and can_manage(item)
    options = box.options if box is not None else kind.options()
    seats = box.seats if box is not None else seats_of(item)
    ballot = (frozen or {}).get("ballot") or ballot_of(item)
    session = session_of(item)
    data = {
        "@id": f"{item.absolute_url()}/@votes",
        "UID": item.UID(),
        "title": item.Title(),
        "kind": kind.kind,
        "status": status,
        "ballot": ballot,
        "total_delegates": seats,
        "ballots_cast": box.received.value if box is not None else None,
        "opened": box.opened if box is not None else None,
        "closed": (box.closed if box is not None else None),
    }
    if with_quorum:
        data["quorum"] = quorum(session) if session is not None else None
    empty = kind.result(kind.count((), options), 0, seats, options)
    if frozen is not None:
        shown = {key: frozen[key] for key in empty if key in frozen}
        data["closed"] = _iso(frozen.get("closed")) or data["closed"]
        data["ballots_cast"] = _cast_of(frozen, kind)
        data["present"] = len(frozen.get("present") or ())
        data["voted"] = len(frozen.get("voted") or ())
        if kind.kind == "resolution":
            data["adopted"] = frozen["adopted"]
    elif manager and box is not None and box.ballot == NAMED and status == OPEN:
        ballots, _voters = _ballots(box)
        shown = kind.result(kind.count(ballots, options), len(ballots), seats, options)
        if kind.kind == "resolution":
            data["adopted"] = None  # not decided until closed
    else:
        shown = _hidden(empty)
        if kind.kind == "resolution":
            data["adopted"] = None
    data.update(shown)
    if kind.kind == "resolution":
        data["threshold"] = (frozen or {}).get("threshold") or options["threshold"]
        data["needed"] = _needed(seats, data["threshold"])
    if box is not None and box.ballot == SECRET and status == OPEN:
        data["key"] = box.key.public()
    if not public:
        data.update(_mine(item, box, status))
    if manager and box is not None:
        data.update(_secretary(item, box))
    return data


def _iso(value):
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return value.isoformat(timespec="seconds")


def _cast_of(frozen, kind):
    if kind.kind == "resolution":
        return frozen["yes"] + frozen["no"] + frozen["abstain"]
    return frozen.get("ballots")


def _needed(seats, threshold):
    if threshold == "two_thirds":
        return -(-2 * seats // 3)
    return seats // 2 + 1


def _hidden(empty):
    """The result's shape with every count ``None`` (before closing)."""
    hidden = {}
    for key, value in empty.items():
        if key in (
            "total_delegates",
            "threshold",
            "seats_to_fill",
            "review_share",
            "dismissal_share",
        ):
            hidden[key] = value
        elif isinstance(value, list):
            hidden[key] = [
                {
                    k: (v if k in ("key", "name", "details", "position") else None)
                    for k, v in row.items()
                }
                for row in value
                if isinstance(row, dict)
            ]
        else:
            hidden[key] = None
    return hidden


def _mine(item, box, status):
    if api.user.is_anonymous():
        return {"can_vote": False}
    try:
        uid, _user = voter_of(item, box)
    except VoteRefused:
        return {"can_vote": False}
    mine = {"can_vote": status == OPEN}
    if box is not None and box.ballot == NAMED:
        history = box.named.get(uid, ())
        mine["my_vote"] = _jsonable(history[-1][0]) if history else None
    elif box is not None and box.ballot == SECRET:
        mine["ballot_taken"] = uid in box.tokens
    return mine


def _jsonable(value):
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        return dict(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _secretary(item, box):
    rows = _delegate_rows(item)
    extra = {"opened_by": box.opened_by, "closed_by": box.closed_by}
    if box.ballot == NAMED:
        votes = []
        for uid, history in box.named.items():
            delegate = rows.get(uid, {"UID": uid})
            votes.append(
                {
                    "delegate": delegate,
                    "vote": _jsonable(history[-1][0]),
                    "time": history[-1][1],
                    "history": [
                        {"vote": _jsonable(v), "time": when, "user": user}
                        for v, when, user in history
                    ],
                }
            )
        votes.sort(key=lambda row: row["delegate"].get("title", ""))
        extra["votes"] = votes
    elif box.ballot == SECRET:
        extra["ballots_taken"] = [
            rows.get(uid, {"UID": uid}) for uid in _in_folder_order(item, box.tokens)
        ]
    return extra
