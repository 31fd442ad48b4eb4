"""Uploads on commune sites: a size limit for every file and image field.

The limit is the control panel's ``max_upload_size`` (MB). It is checked
through plone.namedfile's pluggable field validation, which both the
Classic UI forms (z3c.form validates the field) and plone.restapi (its file
deserializer validates the field) call, so one rule holds for both. On a
site without the add-on there is no such setting and nothing is checked.
"""

from commune_portal import _
from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from plone.namedfile.interfaces import INamedField
from plone.namedfile.interfaces import IPluggableFileFieldValidation
from plone.namedfile.interfaces import IPluggableImageFieldValidation
from plone.registry.interfaces import IRegistry
from zope.component import adapter
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.interface import implementer
from zope.interface import Interface
from zope.schema import ValidationError
import math


MEGABYTE = 1024 * 1024


def max_upload_size():
    """The limit in bytes on this site, or ``None`` (a site without the
    add-on)."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return None
    megabytes = registry.get(f"{REGISTRY_PREFIX}.max_upload_size")
    return megabytes * MEGABYTE if megabytes else None


def _megabytes(size):
    """``size`` in MB, rounded up to a tenth (a file just over the limit
    must not read as the limit), with the decimal comma in Vietnamese."""
    tenths = math.ceil(size * 10 / MEGABYTE)
    text = str(tenths // 10) if tenths % 10 == 0 else f"{tenths / 10:.1f}"
    request = getRequest()
    language = request.get("LANGUAGE", "") if request is not None else ""
    return text.replace(".", ",") if language.startswith("vi") else text


class FileTooLarge(ValidationError):
    """A file over the site's limit; the message gives both sizes."""

    def __init__(self, size, limit):
        super().__init__(size, limit)
        self.size = size
        self.limit = limit

    def doc(self):
        return _(
            "The file is ${size} MB; this site accepts files of at most "
            "${limit} MB. Make it smaller (for example save the scan at a "
            "lower resolution) or split it into annexes.",
            mapping={"size": _megabytes(self.size), "limit": _megabytes(self.limit)},
        )


@adapter(INamedField, Interface)
class SizeLimit:
    """Pluggable validation of plone.namedfile fields (named adapter)."""

    def __init__(self, field, value):
        self.field = field
        self.value = value

    def __call__(self):
        limit = max_upload_size()
        size = getattr(self.value, "size", None) if self.value is not None else None
        if limit and size and size > limit:
            raise FileTooLarge(size, limit)


@implementer(IPluggableFileFieldValidation)
class FileSizeLimit(SizeLimit):
    pass


@implementer(IPluggableImageFieldValidation)
class ImageSizeLimit(SizeLimit):
    pass
