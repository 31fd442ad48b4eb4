"""A refused voting action: an HTTP status, a type and a translated
message. Raised before anything is written, so a refusal changes nothing."""


class VoteRefused(Exception):
    """``status`` 400 (bad ballot), 401 (log in), 403 (not allowed), 404
    (no such thing), 409 (the vote's state does not allow it)."""

    TYPES = {
        400: "BadRequest",
        401: "Unauthorized",
        403: "Forbidden",
        404: "NotFound",
        409: "Conflict",
    }

    def __init__(self, status, message, parameter=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter

    @property
    def type(self):
        return self.TYPES.get(self.status, "Error")

    def body(self, request):
        """The JSON error body, the message translated for ``request``."""
        from zope.i18n import translate

        error = {"type": self.type, "message": translate(self.message, context=request)}
        if self.parameter:
            error["parameter"] = self.parameter
        return {"error": error}
