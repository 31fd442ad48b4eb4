"""Create (once) and update the demo commune site of ``make start``.

Run by ``zconsole run instance/etc/zope.conf scripts/create_site.py``, which
provides ``app``. Re-running keeps the data: it creates the site only if it
is missing, runs pending upgrade steps of commune_portal, and applies the
``structure`` and ``demo`` profiles once, as soon as they exist.
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone.base.utils import get_installer
from Products.CMFPlone.factory import addPloneSite
from Products.GenericSetup.tool import UNKNOWN
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import os
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
ADMIN = os.environ.get("ADMIN_USER", "admin")
EXTRA_PROFILES = ("commune_portal:structure", "commune_portal:demo")


def log(message):
    print(f"[create_site] {message}", flush=True)


def main(app):
    app = makerequest(app)
    user = app.acl_users.getUserById(ADMIN)
    newSecurityManager(None, user.__of__(app.acl_users))

    if SITE_ID not in app.objectIds():
        log(f"creating the Plone site '{SITE_ID}' (vi, Asia/Ho_Chi_Minh)")
        addPloneSite(
            app,
            SITE_ID,
            title="Cổng thông tin điện tử xã",
            distribution_name="classic",
            default_language="vi",
            portal_timezone="Asia/Ho_Chi_Minh",
        )
    site = app[SITE_ID]
    setSite(site)
    setup = site.portal_setup
    installer = get_installer(site, site.REQUEST)

    if not installer.is_product_installed("commune_portal"):
        log("installing commune_portal")
        installer.install_product("commune_portal")
    elif setup.listUpgrades("commune_portal:default"):
        log("running the pending upgrade steps of commune_portal:default")
        setup.upgradeProfile("commune_portal:default")

    known = {info["id"] for info in setup.listProfileInfo()}
    for profile in EXTRA_PROFILES:
        if profile in known and setup.getLastVersionForProfile(profile) == UNKNOWN:
            log(f"applying {profile}")
            setup.runAllImportStepsFromProfile(f"profile-{profile}")

    transaction.commit()
    # Close cleanly, so that the FileStorage index is saved for the server.
    app._p_jar.db().close()
    log(f"site ready: '{SITE_ID}'")


main(app)  # noqa: F821 (``app`` is provided by zconsole)
