"""The delegates' access: a delegate's linked user (``Delegate.user_id``)
holds the local role ``CouncilDelegate`` on the delegate's term, so that
they read what the secretary circulates in the term's sessions (the
workflow ``council_material_workflow`` gives *View* to ``CouncilDelegate``
in ``circulated``) before it is public.

The add-on remembers which users it gave the role to (an annotation of the
term) and takes back only those: a role an administrator gave by hand on
the sharing page stays, whatever happens to the delegates. ``sync`` puts
the term in step with its delegates (who is linked now); the subscribers
call it when a delegate is added, changed, removed or moved and when a term
is copied with its delegates, and forget a grant an administrator took
away on the sharing page (so that a role they give again by hand is
theirs).
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from commune_portal.interfaces import is_commune_catalog
from Products.CMFCore.utils import getToolByName
from zope.annotation.interfaces import IAnnotations
import logging


logger = logging.getLogger("commune_portal")

ROLE = "CouncilDelegate"
TERM_TYPE = "CouncilTerm"
DELEGATE_TYPE = "Delegate"
# On the term: the user ids the add-on gave ``ROLE`` to (a sorted tuple).
GRANTS_KEY = "commune_portal.council.delegate_grants"


def is_term(obj):
    return getattr(aq_base(obj), "portal_type", None) == TERM_TYPE


def linked_user(delegate):
    """The user id linked to ``delegate``, stripped, or ``None``."""
    return (getattr(aq_base(delegate), "user_id", None) or "").strip() or None


def delegates_of(term):
    """The ``Delegate`` items of ``term`` (found through the catalog, then
    taken from the term itself: no acquisition through the catalog)."""
    catalog = getToolByName(term, "portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=DELEGATE_TYPE,
        path={"query": "/".join(term.getPhysicalPath()), "depth": 1},
    )
    found = []
    for brain in brains:
        delegate = term._getOb(brain.getId, None)
        if delegate is not None:
            found.append(delegate)
    return found


def granted(term):
    """The users the add-on gave ``ROLE`` to on ``term``."""
    annotations = IAnnotations(term, None)
    if annotations is None:
        return set()
    return set(annotations.get(GRANTS_KEY, ()))


def _remember(term, users):
    annotations = IAnnotations(term)
    if users:
        annotations[GRANTS_KEY] = tuple(sorted(users))
    elif GRANTS_KEY in annotations:
        del annotations[GRANTS_KEY]


def _local_roles(term, user_id):
    return set(term.get_local_roles_for_userid(user_id))


def sync(term, joining=None, leaving=None):
    """Give ``ROLE`` on ``term`` to the users linked to its delegates and
    take it back from the users the add-on gave it to who are linked no
    more. ``joining`` is a delegate being added to the term, ``leaving`` one
    being removed from it (the catalog may not know yet). Returns whether
    the term's local roles changed."""
    delegates = [
        delegate
        for delegate in delegates_of(term)
        if leaving is None or aq_base(delegate) is not aq_base(leaving)
    ]
    if joining is not None and not any(
        aq_base(delegate) is aq_base(joining) for delegate in delegates
    ):
        delegates.append(joining)
    wanted = {user for user in map(linked_user, delegates) if user}
    ours = granted(term)
    changed = False
    for user_id in sorted(wanted - ours):
        if ROLE in _local_roles(term, user_id):
            continue  # given by hand: the administrator's, not ours
        term.manage_addLocalRoles(user_id, [ROLE])
        ours.add(user_id)
        changed = True
        logger.info("Council: %s reads the circulated materials of %s", user_id, term)
    for user_id in sorted(ours - wanted):
        ours.discard(user_id)
        roles = _local_roles(term, user_id)
        if ROLE not in roles:
            continue  # already taken away on the sharing page
        roles.discard(ROLE)
        if roles:
            term.manage_setLocalRoles(user_id, sorted(roles))
        else:
            term.manage_delLocalRoles([user_id])
        changed = True
        logger.info("Council: %s no longer reads the materials of %s", user_id, term)
    if ours != granted(term):
        _remember(term, ours)
    if changed:
        term.reindexObjectSecurity()
    return changed


def _on_commune_site(obj):
    return is_commune_catalog(getToolByName(obj, "portal_catalog", None))


def delegate_moved(delegate, event):
    """Subscriber of ``IObjectMovedEvent`` (added, removed, moved) of a
    delegate. When a term is added, moved or removed with its delegates,
    the term's own local roles go with it: nothing to do."""
    if aq_base(event.object) is not aq_base(delegate):
        return
    old, new = event.oldParent, event.newParent
    if old is not None and new is not None and aq_base(old) is aq_base(new):
        return  # renamed: the same term
    if old is not None and is_term(old) and _on_commune_site(old):
        sync(old, leaving=delegate)
    if new is not None and is_term(new) and _on_commune_site(new):
        sync(new, joining=delegate)


def delegate_modified(delegate, event):
    """Subscriber of ``IObjectModifiedEvent`` of a delegate: the linked
    user may have changed."""
    term = aq_parent(aq_inner(delegate))
    if term is not None and is_term(term) and _on_commune_site(term):
        sync(term)


def _forget_lost_grants(term):
    """Forget the grants the term no longer holds."""
    ours = granted(term)
    kept = {user_id for user_id in ours if ROLE in _local_roles(term, user_id)}
    if kept != ours:
        _remember(term, kept)


def sharing_changed(term, event):
    """Subscriber of ``ILocalrolesModifiedEvent`` of a term (the sharing
    page): forget the grants an administrator took away, so that the role
    they give again by hand stays theirs."""
    _forget_lost_grants(term)


def term_added(term, event):
    """Subscriber of ``IObjectAddedEvent`` of a term: a copy (or an
    import) comes with its delegates and the remembered grants, but Plone
    leaves a copy's local roles behind: give them again."""
    if _on_commune_site(term):
        _forget_lost_grants(term)
        sync(term)
