"""Helpers shared by the tests."""

from plone.browserlayer.utils import registered_layers
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.factory import addPloneSite
from zope.component import getSiteManager
from zope.component import getUtility
from zope.component.hooks import getSite
from zope.component.hooks import setSite


def add_plain_site(app, site_id):
    """Add a Plone site as a province runs it without commune_portal:
    content types and plone.restapi, no demo content. The current site is
    left as it was."""
    current = getSite()
    try:
        return addPloneSite(
            app,
            site_id,
            extension_ids=("plone.app.contenttypes:default", "plone.restapi:default"),
            setup_content=False,
        )
    finally:
        setSite(current)


def footprint(site):
    """What an add-on can leave in a site, as comparable sets of names."""
    current = getSite()
    setSite(site)
    try:
        workflow = site.portal_workflow
        actions = site.portal_actions
        return {
            "types": set(site.portal_types.objectIds()),
            "indexes": set(site.portal_catalog.indexes()),
            "metadata": set(site.portal_catalog.schema()),
            "registry": set(getUtility(IRegistry).records.keys()),
            "layers": {layer.__identifier__ for layer in registered_layers()},
            "configlets": {a.id for a in site.portal_controlpanel.listActions()},
            "actions": {
                (category, action)
                for category in actions.objectIds()
                for action in actions[category].objectIds()
            },
            "workflows": set(workflow.objectIds()),
            "chains": {
                **dict(workflow.listChainOverrides()),
                "(default)": tuple(workflow.getDefaultChain()),
            },
            "roles": set(site.validRoles()),
            "utilities": {
                (reg.provided.__identifier__, reg.name)
                for reg in getSiteManager(site).registeredUtilities()
            },
            "adapters": {
                (reg.provided.__identifier__, reg.name)
                for reg in getSiteManager(site).registeredAdapters()
            },
        }
    finally:
        setSite(current)
