"""``POST <session>/@circulate`` and ``POST <session>/@publish-materials``:
the council secretary's two actions (``council/materials.py``), as the
forms ``@@circulate-materials`` and ``@@publish-materials`` do them.

Body (optional): ``{"materials": [UID, ...]}``, materials and resolutions
of this session; without it, the private ones are circulated, the
circulated ones published. The answer reports per item what was done and
what was refused and why::

    {"@id": ..., "circulated": [{"@id", "UID", "@type", "title",
     "review_state"}], "refused": [{"@id", "UID", "title", "reason"}],
     "session": {...}, "mailed": 12, "without_email": [{"@id", "title"}],
     "mail": "queued"}

``@publish-materials`` answers ``published`` and ``proceedings_date``
instead of the e-mails. A UID that names no material of the session is a
400 naming ``materials``, and nothing changes.
"""

from commune_portal import _
from commune_portal.council import mail
from commune_portal.council import materials
from commune_portal.listings.params import bad_request
from commune_portal.services.protection import check_write
from plone.restapi.deserializer import json_body
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service


PARAMETER = "materials"


class MaterialsAction(Service):
    """The shared reading of the request; subclasses act."""

    name = None

    def act(self, chosen):
        raise NotImplementedError

    def reply(self):
        # JSON from the portal itself or from a client that is not a
        # browser (services/protection.py); then plone.protect is off, as
        # for plone.restapi's own write services.
        refused = check_write(self)
        if refused is not None:
            return refused
        data = json_body(self.request)
        chosen = None
        if PARAMETER in data:
            uids = data[PARAMETER]
            if (
                not isinstance(uids, list)
                or not uids
                or not all(isinstance(uid, str) and uid for uid in uids)
            ):
                return bad_request(
                    self.request,
                    PARAMETER,
                    _(
                        "Send a list of the UIDs of materials or resolutions "
                        "of this session, or leave the parameter out."
                    ),
                )
            try:
                chosen = materials.resolve(self.context, uids)
            except ValueError as error:
                return bad_request(
                    self.request,
                    PARAMETER,
                    _(
                        "These UIDs name no material or resolution of this "
                        "session: ${uids}.",
                        mapping={"uids": ", ".join(error.args[0])},
                    ),
                )
        return {"@id": f"{self.context.absolute_url()}/{self.name}", **self.act(chosen)}


class CirculatePost(MaterialsAction):
    name = "@circulate"

    def act(self, chosen):
        outcome = materials.circulate(self.context, chosen)
        plan = mail.plan(self.context, outcome.done)
        return materials.report(outcome, "circulated", self.request, plan)


class PublishMaterialsPost(MaterialsAction):
    name = "@publish-materials"

    def act(self, chosen):
        outcome = materials.publish(self.context, chosen)
        body = materials.report(outcome, "published", self.request)
        body["proceedings_date"] = json_compatible(self.context.proceedings_date)
        return body
