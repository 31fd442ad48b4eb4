"""The demo commune (``commune_portal:demo``): Xã Nghi Dương, Hải Phòng."""

from plone import api


SITE_TITLE = "Cổng thông tin điện tử xã Nghi Dương"
SITE_DESCRIPTION = (
    "Cổng thông tin điện tử của Hội đồng nhân dân và Ủy ban nhân dân "
    "xã Nghi Dương, thành phố Hải Phòng"
)


def post_install(context):
    """Give the site root the demo commune's title and description (the
    registry's ``plone.site_title`` is set by the profile's registry.xml)."""
    portal = api.portal.get()
    portal.title = SITE_TITLE
    portal.description = SITE_DESCRIPTION
    portal.reindexObject()
