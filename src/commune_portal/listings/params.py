"""Reading and checking listing parameters from a request.

Every bad value raises ``BadParameter`` naming the parameter, with a
translated message; services answer it with HTTP 400.
"""

from commune_portal import _
from datetime import date
from zope.i18n import translate


class BadParameter(ValueError):
    """A listing parameter with a value that cannot be used."""

    def __init__(self, name, message):
        super().__init__(name, message)
        self.name = name
        self.message = message


def bad_request(request, parameter, message):
    """Answer HTTP 400 with the error body of the add-on's services
    (CONTRACT.md): ``{"error": {"type": "BadRequest", "parameter": ...,
    "message": ...}}``, the message translated for the request."""
    request.response.setStatus(400)
    return {
        "error": {
            "type": "BadRequest",
            "parameter": parameter,
            "message": translate(message, context=request),
        }
    }


def values(form, name):
    """All values given for ``name`` (repeated, or ``name:list``), stripped,
    empty ones left out."""
    raw = form.get(name, form.get(f"{name}:list"))
    if raw is None:
        return []
    if not isinstance(raw, (list, tuple)):
        raw = [raw]
    return [str(v).strip() for v in raw if str(v).strip()]


def single(form, name):
    """The one value of ``name`` or ``None``; several values are refused."""
    found = values(form, name)
    if len(found) > 1:
        raise BadParameter(name, _("Give this parameter only once."))
    return found[0] if found else None


def integer(form, name, default, minimum, maximum):
    value = single(form, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or not minimum <= number <= maximum:
        raise BadParameter(
            name,
            _(
                "Expected a whole number from ${minimum} to ${maximum}.",
                mapping={"minimum": minimum, "maximum": maximum},
            ),
        )
    return number


def iso_date(form, name):
    value = single(form, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(
            name, _("Expected a date written YYYY-MM-DD, for example 2026-01-05.")
        ) from None


def boolean(form, name):
    value = single(form, name)
    if value is None:
        return None
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise BadParameter(name, _("Expected true or false."))


def choices(form, name, allowed):
    """The values of ``name``, each one of ``allowed``."""
    found = values(form, name)
    unknown = [v for v in found if v not in allowed]
    if unknown:
        raise BadParameter(
            name,
            _(
                'Unknown value "${value}". Allowed: ${allowed}.',
                mapping={"value": unknown[0], "allowed": ", ".join(allowed)},
            ),
        )
    return found


def sort_order(form, default_reverse):
    value = single(form, "sort_order")
    if value is None:
        return default_reverse
    lowered = value.lower()
    if lowered in ("descending", "desc", "reverse"):
        return True
    if lowered in ("ascending", "asc"):
        return False
    raise BadParameter("sort_order", _("Expected ascending or descending."))


def known(form, allowed):
    """Refuse a parameter that is not one of ``allowed`` (``name:list``,
    ``name:int`` … count as ``name``): a misspelt filter would otherwise
    be ignored and answer the unfiltered list."""
    for key in form:
        name = key.split(":", 1)[0]
        if name not in allowed:
            raise BadParameter(
                name,
                _(
                    'Unknown parameter "${name}". Allowed: ${allowed}.',
                    mapping={"name": name, "allowed": ", ".join(allowed)},
                ),
            )
