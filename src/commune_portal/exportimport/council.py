"""What the council records keep beside their fields (``IItemState``).

plone.exportimport exports no annotation. These adapters carry the
council's, as JSON, and set them back on the imported item as the same
persistent structures the council's code writes, so that it works unchanged
on the new site (an open vote still takes votes, a closed one refuses them,
``@votes`` answers the same body):

- ``vote_box`` (``voting.box.BOX_KEY``) of a resolution, an election or a
  vote of confidence: its state, options, seats and electorate, and the
  ballots as the box keeps them. A secret ballot's box keeps who took a
  ballot and, apart, the anonymous ballots by the hash of their token: so
  does its export, never a delegate next to a choice. While a secret vote
  is open, the box keeps the key that signs the delegates' ballots: the
  export carries it (delegates who have not voted yet vote on the new
  site), closing the vote forgets it;
- ``vote_result`` (``voting.result.RESULT_KEY``): the frozen result;
- ``attendance`` (``voting.attendance.ATTENDANCE_KEY``) of a session: every
  mark, with who made it and when;
- ``delegate_grants`` (``council.delegates.GRANTS_KEY``) of a term: the
  users the add-on gave ``CouncilDelegate`` to. Restored after all the
  content and the local roles (``after_content``): importing the delegates
  syncs the term's roles with the grants as they are then, so the grants
  and the role are put back as the export has them afterwards.

Datetimes are ISO strings, tuples lists, big numbers (the key) hexadecimal.
"""

from commune_portal.council import delegates as council_delegates
from commune_portal.exportimport.interfaces import IItemState
from commune_portal.voting import attendance as council_attendance
from commune_portal.voting import box as votes
from commune_portal.voting import result as frozen
from datetime import date
from datetime import datetime
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer


def to_json(value):
    """``value`` as JSON data: tuples and sets as lists (sets sorted),
    datetimes and dates as ISO strings, mappings as dicts."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(to_json(item) for item in value)
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if hasattr(value, "items"):
        return {str(key): to_json(item) for key, item in value.items()}
    return value


def to_tuple(value):
    """A ballot (or a mark) from JSON: lists as tuples, as the council's
    code stores them (an election's choice, a vote of confidence's
    ratings)."""
    if isinstance(value, list):
        return tuple(to_tuple(item) for item in value)
    return value


def _hex(number):
    return None if number is None else format(number, "x")


def _int(text):
    return None if text is None else int(text, 16)


class _Annotation:
    """An ``IItemState`` of one annotation key; ``restore(None)`` keeps
    what the item has (an export made before its state travelled)."""

    key = None

    def __init__(self, context):
        self.context = context

    @property
    def stored(self):
        return IAnnotations(self.context).get(self.key)

    def export(self):
        stored = self.stored
        return None if stored is None else self.dump(stored)

    def restore(self, data):
        if data is not None:
            IAnnotations(self.context)[self.key] = self.load(data)


@implementer(IItemState)
class VoteBoxState(_Annotation):
    """The vote box of a votable item (see the module's docstring)."""

    key = votes.BOX_KEY

    def dump(self, box):
        data = {
            "ballot": box.ballot,
            "status": box.status,
            "opened": box.opened,
            "opened_by": box.opened_by,
            "closed": box.closed,
            "closed_by": box.closed_by,
            "options": to_json(box.options),
            "seats": box.seats,
            "electorate": to_json(box.electorate),
            "received": box.received.value,
            "changes": box.changes.value,
            # Named: delegate UID -> every vote they cast.
            "named": to_json(box.named),
            # Secret: who took a ballot (when), and apart the ballots by
            # the hash of their token, which names nobody.
            "tokens": to_json(box.tokens),
            "ballots": to_json(box.ballots),
        }
        if box.key_n is not None:
            data["key"] = {
                "n": _hex(box.key_n),
                "e": _hex(box.key_e),
                "d": _hex(box._key_d),
            }
        return to_json(data)

    def load(self, data):
        box = votes.VoteBox(
            data["ballot"],
            data.get("options") or {},
            data.get("seats") or 0,
            data.get("electorate") or {},
            data.get("opened_by"),
        )
        box.status = data.get("status") or votes.OPEN
        box.opened = data.get("opened")
        box.closed = data.get("closed")
        box.closed_by = data.get("closed_by")
        for uid, history in (data.get("named") or {}).items():
            box.named[uid] = tuple(
                (to_tuple(value), when, user) for value, when, user in history
            )
        for uid, when in (data.get("tokens") or {}).items():
            box.tokens[uid] = when
        for slot, (value, signature) in (data.get("ballots") or {}).items():
            box.ballots[slot] = (to_tuple(value), signature)
        box.received.set(int(data.get("received") or 0))
        box.changes.set(int(data.get("changes") or 0))
        key = data.get("key")
        if key:
            box.key_n, box.key_e = _int(key["n"]), _int(key["e"])
            box._key_d = _int(key.get("d"))
        return box


# The parts of a frozen result that are not JSON types.
_RESULT_TUPLES = ("present", "voted")


@implementer(IItemState)
class VoteResultState(_Annotation):
    """The frozen result of a vote."""

    key = frozen.RESULT_KEY

    def dump(self, result):
        return to_json(dict(result))

    def load(self, data):
        result = PersistentMapping(data)
        closed = result.get("closed")
        if isinstance(closed, str):
            result["closed"] = datetime.fromisoformat(closed)
        for name in _RESULT_TUPLES:
            if name in result:
                result[name] = tuple(result[name] or ())
        return result


@implementer(IItemState)
class AttendanceState(_Annotation):
    """The attendance marks of a session."""

    key = council_attendance.ATTENDANCE_KEY

    def dump(self, attendance):
        return to_json(attendance.marks)

    def load(self, data):
        attendance = council_attendance.Attendance()
        for uid, marks in data.items():
            attendance.marks[uid] = to_tuple(marks)
        return attendance


@implementer(IItemState)
class DelegateGrantsState:
    """The users the add-on gave ``CouncilDelegate`` to on a term, and who
    held that role on the term (``holders``): restored once the import has
    set the term's exported local roles (``after_content``)."""

    after_content = True

    def __init__(self, context):
        self.context = context

    def export(self):
        # Also when the add-on gave nobody the role: importing the
        # delegates would give it.
        granted = council_delegates.granted(self.context)
        holders = [
            user_id
            for user_id, roles in self.context.get_local_roles()
            if council_delegates.ROLE in roles
        ]
        return {"granted": sorted(granted), "holders": sorted(holders)}

    def restore(self, data):
        if not isinstance(data, dict):
            return
        term = self.context
        holders = set(data.get("holders") or ())
        # The role given while the import added the term's delegates, to a
        # user the export does not give it to (taken away on the old site).
        changed = False
        for user_id, roles in term.get_local_roles():
            if council_delegates.ROLE in roles and user_id not in holders:
                kept = sorted(set(roles) - {council_delegates.ROLE})
                if kept:
                    term.manage_setLocalRoles(user_id, kept)
                else:
                    term.manage_delLocalRoles([user_id])
                changed = True
        annotations = IAnnotations(term)
        granted = tuple(sorted(data.get("granted") or ()))
        if granted:
            annotations[council_delegates.GRANTS_KEY] = granted
        else:
            annotations.pop(council_delegates.GRANTS_KEY, None)
        if changed:
            term.reindexObjectSecurity()
