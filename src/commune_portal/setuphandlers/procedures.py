"""Install and uninstall details of administrative procedures."""

from plone.base.utils import get_installer
import logging


logger = logging.getLogger("commune_portal")

DATAGRIDFIELD = "collective.z3cform.datagridfield"
DATAGRIDFIELD_PROFILE = f"profile-{DATAGRIDFIELD}:default"
OWN_PROFILE = "commune_portal:default"


def _needed_by_others(setup):
    """Whether an installed profile other than ours depends on the
    datagrid field's profile."""
    for info in setup.listProfileInfo():
        profile_id = info.get("id")
        if profile_id == OWN_PROFILE or not profile_id:
            continue
        if setup.getLastVersionForProfile(profile_id) == "unknown":
            continue
        if DATAGRIDFIELD_PROFILE in (setup.getDependenciesForProfile(profile_id) or ()):
            return True
    return False


def remove_datagridfield(portal):
    """``commune_portal:default`` installs the datagrid field (the tables
    of procedures): take it out again at uninstall (its browser layer and
    its bundle) unless another installed add-on depends on it."""
    installer = get_installer(portal)
    if not installer.is_product_installed(DATAGRIDFIELD):
        return
    if _needed_by_others(portal.portal_setup):
        return
    logger.info("Removing the datagrid field that commune_portal installed")
    installer.uninstall_product(DATAGRIDFIELD)
