"""commune_portal: the e-information portal of a Vietnamese commune or ward."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "commune_portal"

_ = MessageFactory(PACKAGE_NAME)
