"""``GET/POST <session>/@attendance``: the secretary marks the delegates
present (``{"present": [UID, ...]}``: exactly these are present) and sees
the quorum."""

from commune_portal import _
from commune_portal.services.protection import check_write
from commune_portal.voting.attendance import attendance_of
from commune_portal.voting.attendance import mark_present
from commune_portal.voting.attendance import quorum
from commune_portal.voting.council import delegates_of
from commune_portal.voting.errors import VoteRefused
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service


def attendance_data(session):
    """The delegates of the session's term with their last mark, and the
    quorum."""
    attendance = attendance_of(session)
    delegates = []
    for delegate in delegates_of(session):
        marks = attendance.marks.get(delegate.UID(), ()) if attendance else ()
        last = marks[-1] if marks else (False, None, None)
        delegates.append(
            {
                "@id": delegate.absolute_url(),
                "UID": delegate.UID(),
                "title": delegate.Title(),
                "present": last[0],
                "marked": last[1],
                "marked_by": last[2],
            }
        )
    return {
        "@id": f"{session.absolute_url()}/@attendance",
        "delegates": delegates,
        "quorum": quorum(session),
    }


class AttendanceGet(Service):
    def reply(self):
        return attendance_data(self.context)


class AttendancePost(Service):
    def reply(self):
        refused = check_write(self)
        if refused is not None:
            return refused
        try:
            try:
                data = json_body(self.request)
            except Exception:
                data = None
            present = data.get("present") if isinstance(data, dict) else None
            if not isinstance(present, list) or not all(
                isinstance(uid, str) for uid in present
            ):
                raise VoteRefused(
                    400,
                    _('Send the delegates present: {"present": [UID, ...]}.'),
                    "present",
                )
            mark_present(self.context, present, api.user.get_current().getId())
        except VoteRefused as refusal:
            self.request.response.setStatus(refusal.status)
            return refusal.body(self.request)
        return attendance_data(self.context)
