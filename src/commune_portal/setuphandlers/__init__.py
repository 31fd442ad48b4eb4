"""Install and uninstall handlers of the GenericSetup profiles."""

from Acquisition import aq_base
from commune_portal.interfaces import ICommunePortalCatalog
from plone import api
from plone.base.interfaces import INonInstallable
from plone.base.utils import get_installer
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.interface import noLongerProvides
import logging


logger = logging.getLogger("commune_portal")

PLACEFUL_WORKFLOW = "Products.CMFPlacefulWorkflow"


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the technical profiles out of the add-on control panel."""

    def getNonInstallableProfiles(self):
        return [
            "commune_portal:uninstall",
        ]

    def getNonInstallableProducts(self):
        return []


def post_install(context):
    """After ``commune_portal:default``: what its XML cannot set."""
    from commune_portal.workflows.policies import POLICY_DESCRIPTIONS

    placeful = api.portal.get_tool("portal_placeful_workflow")
    for policy_id, description in POLICY_DESCRIPTIONS.items():
        placeful.getWorkflowPolicyById(policy_id).setDescription(description)
    catalog = api.portal.get_tool("portal_catalog")
    mark_catalog(catalog)
    vietnamese_search(catalog)


def mark_catalog(catalog):
    """Let the add-on's indexers work in this site's catalog (they are
    registered for ``ICommunePortalCatalog`` only). Idempotent; returns
    whether the catalog was marked now."""
    if ICommunePortalCatalog.providedBy(catalog):
        return False
    alsoProvides(aq_base(catalog), ICommunePortalCatalog)
    logger.info("Catalog of %s marked for commune_portal", catalog.absolute_url(1))
    return True


def unmark_catalog(catalog):
    """The contrary of ``mark_catalog``, at uninstall: the marker would keep
    the indexers at work, and a marker of a package no longer in the Zope
    cannot be loaded."""
    if ICommunePortalCatalog.providedBy(catalog):
        noLongerProvides(aq_base(catalog), ICommunePortalCatalog)


# Indexes ``catalog.xml`` adds for all content: GenericSetup leaves new
# indexes empty, so content that predates the add-on is indexed here.
CONTENT_INDEXES = ("sortable_title_vi",)


def vietnamese_search(catalog):
    """Search ignoring tone marks and Vietnamese title order in place: the
    Vietnamese lexicon, then one pass over the content for the text indexes
    it emptied and the title sort key where it is still empty. Idempotent."""
    from commune_portal.indexers import lexicon

    index_ids = lexicon.use_vietnamese_lexicon(catalog)
    if len(catalog):
        # An upgrade step of an earlier version may run this before the
        # step that adds the index: then that step fills it.
        index_ids += [
            index_id
            for index_id in CONTENT_INDEXES
            if index_id in catalog.indexes()
            and not catalog.Indexes[index_id].numObjects()
        ]
    if index_ids:
        lexicon.reindex(catalog, index_ids)


def pre_uninstall(context):
    """Before ``profiles/uninstall`` removes the workflows: sections using
    our policies go back to Plone's workflows, their items keeping their
    state where Plone's workflow has it (content is never deleted)."""
    from commune_portal.workflows.policies import release_folders

    if getattr(api.portal.get(), "portal_placeful_workflow", None) is None:
        return
    with api.env.adopt_roles(["Manager"]):
        released = release_folders(api.portal.get())
    logger.info("Folders back to Plone's workflows: %s", ", ".join(released) or "none")
    reset = release_layouts(api.portal.get())
    logger.info("Folders back to Plone's listing: %s", ", ".join(reset) or "none")


# Display views of the add-on that folders (and the site root) may use; they
# are gone with the browser layer, so such a folder would answer 404.
OUR_LAYOUTS = (
    "directives-view",
    "procedures-view",
    "proceedings-view",
    "petitions-view",
    "questions-view",
    "council-view",
)


def release_layouts(portal):
    """Give the folders showing one of our views Plone's default view again.
    Returns their paths."""
    catalog = api.portal.get_tool("portal_catalog")
    folders = [portal] + [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(is_folderish=True)
    ]
    reset = []
    for folder in folders:
        if getattr(aq_base(folder), "layout", None) in OUR_LAYOUTS:
            del folder.layout
            reset.append("/".join(folder.getPhysicalPath()))
    return reset


def uninstall(context):
    """What ``profiles/uninstall`` cannot express in XML: Plone's lexicon
    (the text indexes are reindexed), the catalog marker, the roles, and the
    placeful workflow support when nothing else uses it.

    Local role assignments of the roles stay on content (content is never
    touched); without the role they grant nothing.
    """
    from commune_portal.indexers import lexicon
    from commune_portal.questions.assignment import TECHNICAL_ROLES as QUESTION_ROLES
    from commune_portal.workflows.roles import ROLES
    from commune_portal.workflows.security import TECHNICAL_ROLES

    roles = ROLES + TECHNICAL_ROLES + QUESTION_ROLES
    portal = api.portal.get()
    catalog = api.portal.get_tool("portal_catalog")
    lexicon.reindex(catalog, lexicon.use_plone_lexicon(catalog))
    unmark_catalog(catalog)
    portal._delRoles([role for role in roles if role in portal.__ac_roles__])
    role_manager = portal.acl_users.portal_role_manager
    for role in roles:
        if role in role_manager.listRoleIds():
            role_manager.removeRole(role)
    _remove_unused_placeful_workflow(portal)
    from commune_portal.setuphandlers.procedures import remove_datagridfield

    remove_datagridfield(portal)


def _remove_unused_placeful_workflow(portal):
    """``commune_portal:default`` depends on CMFPlacefulWorkflow's base
    profile. Remove it again unless someone else uses it: the full product
    is installed, or a policy other than ours is left."""
    tool = getattr(portal, "portal_placeful_workflow", None)
    if tool is None:
        return
    if get_installer(portal).is_product_installed(PLACEFUL_WORKFLOW):
        return
    if tool.getWorkflowPolicyIds():
        return
    logger.info("Removing the placeful workflow support that commune_portal added")
    portal.portal_setup.runAllImportStepsFromProfile(
        "profile-Products.CMFPlacefulWorkflow:uninstall"
    )
