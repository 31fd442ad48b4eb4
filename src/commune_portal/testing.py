"""Test layers of commune_portal (see CONTRACT.md, "Package").

``FIXTURE`` is a Plone site in Vietnamese (timezone Asia/Ho_Chi_Minh), as a
commune runs it, with plone.app.contenttypes, plone.restapi (so anonymous
REST calls work) and ``commune_portal:default`` installed.
"""

from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.registry.interfaces import IRegistry
from plone.testing.zope import WSGI_SERVER_FIXTURE
from zope.component import getUtility


SITE_LANGUAGE = "vi"
SITE_TIMEZONE = "Asia/Ho_Chi_Minh"


class CommunePortalLayer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import commune_portal
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=commune_portal)

    def setUpPloneSite(self, portal):
        registry = getUtility(IRegistry)
        registry["plone.default_language"] = SITE_LANGUAGE
        registry["plone.available_languages"] = [SITE_LANGUAGE, "en"]
        registry["plone.portal_timezone"] = SITE_TIMEZONE
        applyProfile(portal, "plone.restapi:default")
        applyProfile(portal, "commune_portal:default")


FIXTURE = CommunePortalLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="CommunePortal:Integration",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="CommunePortal:Functional",
)
