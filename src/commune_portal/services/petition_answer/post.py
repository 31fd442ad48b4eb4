"""``POST <petition>/@answer``: the council secretary records the answer
to a voters' petition (``council/petitions.py``), also on a published
petition, which stays published.

Body: ``{"response": "<p>…</p>" or {"data", "content-type"},
"response_date": "2026-10-05"}`` (``response_date`` defaults to today).
Answer: ``{"@id", "response": {"data", "content-type", "encoding"},
"response_date", "review_state"}``. A broken rule is a 400 naming the
field (``{"error": {"type": "BadRequest", "parameter", "message"}}``) and
nothing is stored; whoever may not answer gets 401.
"""

from commune_portal import _
from commune_portal.content.voter_petition import IVoterPetition
from commune_portal.council import petitions
from commune_portal.listings.params import bad_request
from commune_portal.services.protection import check_write
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.interfaces import IFieldDeserializer
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.services import Service
from zope.component import queryMultiAdapter
from zope.schema import ValidationError


class AnswerPost(Service):
    """Record the answer to the petition."""

    def deserialize(self, name, value):
        field = IVoterPetition[name]
        deserializer = queryMultiAdapter(
            (field, self.context, self.request), IFieldDeserializer
        )
        return deserializer(value)

    def serialize(self, name):
        serializer = queryMultiAdapter(
            (IVoterPetition[name], self.context, self.request), IFieldSerializer
        )
        return serializer()

    def reply(self):
        refused = check_write(self)
        if refused is not None:
            return refused
        data = json_body(self.request)
        if not isinstance(data, dict):
            return bad_request(self.request, "response", _("Write the answer."))
        values = {}
        for name in petitions.ANSWER_FIELDS:
            raw = data.get(name)
            if raw in (None, ""):
                values[name] = None
                continue
            try:
                values[name] = self.deserialize(name, raw)
            except (ValueError, ValidationError):
                return bad_request(
                    self.request,
                    name,
                    _(
                        "“${value}” is not a valid ${field}.",
                        mapping={
                            "value": str(raw)[:80],
                            "field": IVoterPetition[name].title,
                        },
                    ),
                )
        try:
            petitions.record_answer(
                self.context, values["response"], values["response_date"]
            )
        except petitions.AnswerRefused as error:
            return bad_request(self.request, error.field, error.message)
        return {
            "@id": f"{self.context.absolute_url()}/@answer",
            **{name: self.serialize(name) for name in petitions.ANSWER_FIELDS},
            "review_state": api.content.get_state(self.context, default=None),
        }
