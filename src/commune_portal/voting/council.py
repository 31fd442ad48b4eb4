"""Where a vote stands in the council records: its session, its term, the
term's seats and delegates, the delegate a user acts for."""

from Acquisition import aq_chain
from Acquisition import aq_inner


TERM_TYPE = "CouncilTerm"
SESSION_TYPE = "CouncilSession"
DELEGATE_TYPE = "Delegate"


def _ancestor(item, portal_type):
    for obj in aq_chain(aq_inner(item)):
        if getattr(obj, "portal_type", None) == portal_type:
            return obj
    return None


def term_of(item):
    """The ``CouncilTerm`` holding ``item`` (or ``item`` itself), or ``None``."""
    return _ancestor(item, TERM_TYPE)


def session_of(item):
    """The ``CouncilSession`` holding ``item`` (or ``item`` itself), or ``None``."""
    return _ancestor(item, SESSION_TYPE)


def seats_of(item):
    """The number of seats of the term: what majorities count against."""
    term = term_of(item)
    return int(getattr(term, "seats", 0) or 0) if term is not None else 0


def delegates_of(item):
    """The ``Delegate`` items of the term of ``item``, in folder order."""
    term = term_of(item)
    if term is None:
        return []
    return [d for d in term.objectValues() if d.portal_type == DELEGATE_TYPE]


def electorate_of(item):
    """``{user id: delegate UID}`` of the term's delegates linked to a user."""
    electorate = {}
    for delegate in delegates_of(item):
        user_id = (getattr(delegate, "user_id", None) or "").strip()
        if user_id:
            electorate[user_id] = delegate.UID()
    return electorate
