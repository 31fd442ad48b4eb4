"""REST errors of cross-field rules name their field.

plone.restapi's ``DeserializeFromJson`` reports the errors of a schema's
invariants without a ``field``: an integrator cannot tell which value to
correct. The invariants of the official-document behavior raise
``FieldInvalid``, which carries the field; on sites with the add-on (its
browser layer) this deserializer copies it into the error. Everything else
is plone.restapi's own code.
"""

from commune_portal.interfaces import ICommunePortalLayer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from zExceptions import BadRequest
from zope.component import adapter
from zope.interface import implementer


@implementer(IDeserializeFromJson)
@adapter(IDexterityContent, ICommunePortalLayer)
class DeserializeWithInvariantFields(DeserializeFromJson):
    """``DeserializeFromJson`` whose invariant errors carry ``field`` when
    the invariant named one (``FieldInvalid``)."""

    def __call__(
        self, validate_all=False, data=None, create=False, mask_validation_errors=True
    ):
        try:
            return super().__call__(
                validate_all=validate_all,
                data=data,
                create=create,
                # The error objects are needed to read their field; they are
                # masked below as plone.restapi would have.
                mask_validation_errors=False,
            )
        except BadRequest as error:
            errors = error.args[0] if error.args else None
            if isinstance(errors, list):
                for entry in errors:
                    if not isinstance(entry, dict):
                        continue
                    field = getattr(entry.get("error"), "field", None)
                    if isinstance(field, str) and not entry.get("field"):
                        entry["field"] = field
                    if mask_validation_errors:
                        entry["error"] = "ValidationError"
            raise
