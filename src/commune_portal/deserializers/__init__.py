"""REST input of the right shape on commune sites.

plone.restapi turns what it is sent into field values generously: a bare
string becomes a one-item list or a file, any non-empty string is ``True``,
an object where a list of choices is expected ends in a 500. On sites with
the add-on (its browser layer), these deserializers first check the JSON
shape a field needs and refuse anything else with a translated message,
which plone.restapi reports as a 400 naming the field; nothing is stored.
The values are then turned into field values by plone.restapi's own code.
"""

from commune_portal import _
from commune_portal.exportimport import import_file
from commune_portal.exportimport import importing
from commune_portal.interfaces import ICommunePortalLayer
from datetime import date
from plone.dexterity.interfaces import IDexterityContent
from plone.namedfile.interfaces import INamedField
from plone.restapi.deserializer.dxfields import CollectionFieldDeserializer
from plone.restapi.deserializer.dxfields import DatetimeFieldDeserializer
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.deserializer.dxfields import NamedFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from plone.restapi.services.content.tus import TUSUpload
from zope.component import adapter
from zope.interface import implementer
from zope.schema import ValidationError
from zope.schema.interfaces import IBool
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IObject


SCALARS = (str, int, float)


class NotAList(ValidationError):
    __doc__ = _('Send a list (JSON array), for example ["Hộ tịch", "Chứng thực"].')


class NotAListOfValues(ValidationError):
    __doc__ = _(
        "Each entry of the list must be a text or a number (or an object "
        "with a “token”), not a list or an object."
    )


class NotABoolean(ValidationError):
    __doc__ = _("Send true or false.")


class NotADate(ValidationError):
    def __init__(self, value):
        super().__init__(value)
        self.value = value

    def doc(self):
        return _(
            "“${value}” is not a date: write it as year-month-day, for "
            "example 2026-01-05.",
            mapping={"value": str(self.value)},
        )


class NotAFile(ValidationError):
    __doc__ = _(
        "Send a file as an object with “data”, “encoding” (base64), "
        "“filename” and “content-type”, not as a bare text."
    )


def _is_value(item):
    if isinstance(item, dict):
        return set(item) >= {"token"} and isinstance(item["token"], SCALARS)
    return isinstance(item, SCALARS) and not isinstance(item, bool)


@implementer(IFieldDeserializer)
@adapter(ICollection, IDexterityContent, ICommunePortalLayer)
class CollectionDeserializer(CollectionFieldDeserializer):
    """A list field takes a JSON array; a list of simple values (choices,
    texts) takes no nested lists or objects (but Volto's ``{"token": …}``)."""

    def __call__(self, value):
        if not isinstance(value, list):
            raise NotAList()
        # Rows of a datagrid (DictRow, an Object field) are objects.
        rows = IObject.providedBy(self.field.value_type)
        if not rows and not all(_is_value(item) for item in value):
            raise NotAListOfValues()
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IBool, IDexterityContent, ICommunePortalLayer)
class BoolDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if not isinstance(value, bool):
            raise NotABoolean()
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(INamedField, IDexterityContent, ICommunePortalLayer)
class FileDeserializer(NamedFieldDeserializer):
    """A file is an object (or a TUS upload): a bare string would be stored
    as a file with that text as content (and pass the signed-file check)."""

    def __call__(self, value):
        if importing(self.request):
            # plone.exportimport: the file is a blob of the export, which its
            # own deserializer reads (this one would store nothing).
            return import_file(self.field, self.context, self.request, value)
        if value and not isinstance(value, (dict, TUSUpload)):
            raise NotAFile()
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IDate, IDexterityContent, ICommunePortalLayer)
class DateDeserializer(DefaultFieldDeserializer):
    """ISO dates (``2026-01-05``; a full ISO date-time keeps its date) with
    a message in the user's language instead of Python's ``strptime`` one."""

    def __call__(self, value):
        if value is None:
            self.field.validate(value)
            return None
        if not isinstance(value, str):
            raise NotADate(value)
        try:
            parsed = date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise NotADate(value) from None
        self.field.validate(parsed)
        return parsed


@implementer(IFieldDeserializer)
@adapter(IDatetime, IDexterityContent, ICommunePortalLayer)
class DatetimeDeserializer(DatetimeFieldDeserializer):
    def __call__(self, value):
        if value is not None and not isinstance(value, str):
            raise NotADate(value)
        try:
            return super().__call__(value)
        except ValueError:
            raise NotADate(value) from None
