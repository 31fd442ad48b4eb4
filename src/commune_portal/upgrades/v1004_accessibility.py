"""Upgrade 1003 -> 1004, accessibility (docs/accessibility.md): the bundle
of "Nghe bài viết" and the theme's accessibility fixes in the resource
registry; the skip link first in the header (import step ``viewlets``,
declared in configure.zcml). Open Graph, the labelled search page and the
views of the button need no data."""

from plone.base.interfaces import IBundleRegistry
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
import logging


logger = logging.getLogger(__name__)

BUNDLE = "plone.bundles/commune-portal"
BUNDLE_VALUES = {
    "enabled": True,
    "jscompilation": "++resource++commune_portal/listen.js",
    "csscompilation": "++resource++commune_portal/accessibility.css",
    "depends": "plone",
    "load_async": False,
    "load_defer": True,
}


def add_accessibility_bundle(setup_tool):
    """Register the bundle ``commune-portal`` where it is missing, as the
    profile does. A bundle that is there already (an administrator may
    have switched it off) is left as it is. Idempotent."""
    registry = getUtility(IRegistry)
    if f"{BUNDLE}.jscompilation" in registry.records:
        logger.info("Bundle %s already registered: kept as it is", BUNDLE)
        return
    registry.registerInterface(IBundleRegistry, prefix=BUNDLE)
    bundle = registry.forInterface(IBundleRegistry, prefix=BUNDLE)
    for name, value in BUNDLE_VALUES.items():
        setattr(bundle, name, value)
    logger.info("Registered the bundle %s (listen.js, accessibility.css)", BUNDLE)
