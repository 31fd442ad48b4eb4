"""Create (once) the benchmark site and its generated official documents.

Documents are created the way plone.restapi's ``POST`` and the add form do
it: the object is made by its factory, the behavior fields are set through
``IOfficialDocument(obj)``, ``ObjectCreatedEvent`` is notified (the UUID),
the object is added to its container (``ObjectAddedEvent``: indexing, the
add-on's subscribers) and then
published with the workflow transition ``publish`` (a second, partial
indexing). Creating with ``plone.api.content.create`` first and setting the
fields afterwards would index every document twice more.
"""

from _data import PDF
from _data import specs as make_specs
from AccessControl.SecurityManagement import newSecurityManager
from Acquisition import aq_base
from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from plone import api
from plone.app.relationfield.event import update_behavior_relations
from plone.base.utils import get_installer
from plone.namedfile.file import NamedBlobFile
from plone.restapi.services.content.utils import add
from plone.restapi.services.content.utils import create
from Products.CMFPlone.factory import addPloneSite
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectCreatedEvent
import resource
import time
import transaction


ROOT_FOLDER = "van-ban"


def rss_mb():
    """(current, peak) resident memory of this process in MiB."""
    current = 0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return current, peak


def log(message):
    print(f"[bench] {message}", flush=True)


def login_manager(app):
    """Act as the instance's ``admin`` (created by mkwsgiinstance)."""
    user = app.acl_users.getUserById("admin")
    if user is None:
        from AccessControl.SpecialUsers import system

        newSecurityManager(None, system)
    else:
        newSecurityManager(None, user.__of__(app.acl_users))


def get_site(app, site_id):
    """The Plone site ``site_id``, created as ``scripts/create_site.py``
    does (classic distribution, Vietnamese, Asia/Ho_Chi_Minh) with
    commune_portal installed."""
    if site_id not in app.objectIds():
        log(f"creating the Plone site '{site_id}'")
        addPloneSite(
            app,
            site_id,
            title="Cổng thông tin điện tử xã (benchmark)",
            distribution_name="classic",
            default_language="vi",
            portal_timezone="Asia/Ho_Chi_Minh",
        )
    site = app[site_id]
    setSite(site)
    installer = get_installer(site, site.REQUEST)
    if not installer.is_product_installed("commune_portal"):
        log("installing commune_portal")
        installer.install_product("commune_portal")
    else:
        # A site built by an earlier version of the add-on: upgrade it, as
        # a site administrator would, so that the code measured is today's.
        setup = site.portal_setup
        profile = "commune_portal:default"
        if setup.listUpgrades(profile):
            log(
                "upgrading commune_portal from "
                f"{'.'.join(setup.getLastVersionForProfile(profile))}"
            )
            setup.upgradeProfile(profile)
    # 80 % of the generated documents have no signed file (as the data of
    # the earlier runs): the benchmark site does not require one before
    # publication, a choice every site has in the control panel.
    record = f"{REGISTRY_PREFIX}.publication_requirements"
    required = api.portal.get_registry_record(record)
    if "file" in (required or ()):
        api.portal.set_registry_record(
            record, [name for name in required if name != "file"]
        )
    transaction.commit()
    return site


def count_documents(site):
    catalog = site.portal_catalog
    return len(
        catalog.unrestrictedSearchResults(
            portal_type="Directive",
            path="/".join(site.getPhysicalPath()) + "/" + ROOT_FOLDER,
        )
    )


# The transitions that lead to ``published``, per workflow (CONTRACT.md).
PUBLISH_PATHS = {
    "commune_editorial_workflow": ("submit", "review", "approve"),
    "commune_simple_workflow": ("submit", "publish"),
}


def publish(obj):
    """Take ``obj`` to ``published`` along its workflow's path; Plone's own
    workflows (folders) have ``publish``."""
    chain = api.portal.get_tool("portal_workflow").getChainFor(obj)
    for transition in PUBLISH_PATHS.get(chain[0] if chain else "", ("publish",)):
        api.content.transition(obj, transition)


def _folder(container, folder_id, title):
    if folder_id in container.objectIds():
        return container[folder_id]
    folder = api.content.create(
        container, "Folder", id=folder_id, title=title, safe_id=False
    )
    publish(folder)
    return folder


def _create_document(container, spec, created, intids):
    from commune_portal.behaviors.official_document import IOfficialDocument

    obj = create(container, "Directive", id_=spec.id, title=spec.title)
    obj = obj.__of__(container)  # as plone.restapi does, for vocabularies
    obj.description = spec.description
    document = IOfficialDocument(obj)
    document.document_number = spec.document_number
    document.document_type = spec.document_type
    document.issuing_body = spec.issuing_body
    document.issue_date = spec.issue_date
    document.effective_date = spec.effective_date  # document_effective_date
    document.expiry_date = spec.expiry_date
    document.sectors = list(spec.sectors)
    document.is_legal_normative = spec.is_legal_normative
    document.signer = spec.signer
    document.signer_position = spec.signer_position
    document.signing_authority = spec.signing_authority
    document.legal_status_override = spec.legal_status_override
    if spec.has_file:
        document.file = NamedBlobFile(
            data=PDF, contentType="application/pdf", filename=spec.file_name
        )
    if spec.replaces:
        document.replaces = [
            RelationValue(intids.getId(created[index])) for index in spec.replaces
        ]
    obj = aq_base(obj)
    notify(ObjectCreatedEvent(obj))  # gives the UUID
    obj = add(container, obj, rename=False)
    if spec.replaces:
        # plone.app.relationfield catalogs the relations of behavior fields
        # on ObjectModifiedEvent only, which neither the add form nor
        # plone.restapi's POST notifies: register them as an edit would.
        update_behavior_relations(obj, None)
    publish(obj)
    return obj


def build(app, site, size, commit_every=500, seed=2026, file_ratio=0.2):
    """Create the documents that are missing up to ``size``; return the
    build statistics, or ``None`` when the site already held them."""
    existing = count_documents(site)
    if existing >= size:
        log(f"site already holds {existing} documents: reused")
        return None
    log(f"generating {size} document specs (seed {seed})")
    all_specs = make_specs(size, seed=seed, file_ratio=file_ratio)
    root = _folder(site, ROOT_FOLDER, "Văn bản")
    intids = getUtility(IIntIds)
    created = {}  # spec index -> object, only those that are replaced later
    wanted = {index for spec in all_specs for index in spec.replaces}
    if existing:
        log(f"resuming after {existing} documents")
        for index in wanted:
            if index < existing:
                spec = all_specs[index]
                created[index] = root[str(spec.year)][spec.id]

    rss_before, _peak = rss_mb()
    started = time.perf_counter()
    batch_started = started
    batches = []
    folders = {}
    for spec in all_specs[existing:]:
        year = str(spec.year)
        if year not in folders:
            folders[year] = _folder(root, year, f"Năm {year}")
        obj = _create_document(folders[year], spec, created, intids)
        if spec.index in wanted:
            created[spec.index] = obj
        done = spec.index + 1
        if done % commit_every == 0 or done == size:
            transaction.commit()
            app._p_jar.cacheGC()
            now = time.perf_counter()
            count = done - existing - sum(b["documents"] for b in batches)
            batches.append(
                {
                    "documents": count,
                    "seconds": now - batch_started,
                    "total": done,
                }
            )
            current, peak = rss_mb()
            rate = count / (now - batch_started)
            left = (size - done) / rate if rate else 0
            log(
                f"{done}/{size} documents, {rate:.0f}/s in the last batch, "
                f"RSS {current:.0f} MiB (peak {peak:.0f}), ~{left / 60:.1f} min left"
            )
            batch_started = now
    seconds = time.perf_counter() - started
    current, peak = rss_mb()
    return {
        "size": size,
        "created": size - existing,
        "resumed_from": existing,
        "seconds": seconds,
        "rss_before_mb": rss_before,
        "rss_after_mb": current,
        "peak_rss_mb": peak,
        "commit_every": commit_every,
        "file_ratio": file_ratio,
        "replacements": sum(1 for spec in all_specs if spec.replaces),
        "batches": batches,
    }
