"""Open Graph on commune sites: the card Zalo and Facebook show for a link.

Plone's social tags (``plone.app.layout.viewlets.social``, on when "Share
social data" is set in the social media settings, as by default) give
``og:title``, ``og:description``, ``og:url``, ``og:type`` and ``og:image``
(the lead image, else the site logo) to anonymous visitors. On commune
sites this viewlet, registered under the same names for the add-on's
layer, adds what the cards need besides:

- ``og:locale`` from the language of the page (``vi`` -> ``vi_VN``);
- ``og:type`` ``article`` for an item (documents and procedures hold their
  annexes and forms, yet are read as one page), ``website`` for the site,
  folders and collections;
- a description for items without a summary: the start of the text that
  "Nghe bài viết" reads (``ISpokenText``), else the site's description;
- a picture that social networks accept when the item has no lead image
  and the site logo is Plone's SVG (neither reads SVG): the portal's share
  image, ``++resource++commune_portal/share-image.png`` (1200x630), whose
  size is given too. A site logo in PNG or JPEG (site settings) is kept.
"""

from commune_portal.browser.listen import spoken_text
from pathlib import Path
from plone.app.contenttypes.interfaces import ICollection
from plone.app.contenttypes.interfaces import IFolder
from plone.app.layout.viewlets import social
from plone.base.interfaces import IPloneSiteRoot
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter


SHARE_IMAGE = "++resource++commune_portal/share-image.png"
SHARE_IMAGE_SIZE = (1200, 630)
# Open Graph wants language_TERRITORY; Plone's languages are mostly bare.
LOCALES = {"vi": "vi_VN", "en": "en_US", "fr": "fr_FR", "zh": "zh_CN"}
DESCRIPTION_LENGTH = 200
# Plone's templates of the two viewlets, used as they are.
VIEWLETS = Path(social.__file__).parent


def og_locale(language):
    """``"vi"`` -> ``"vi_VN"``, ``"en-gb"`` -> ``"en_GB"``."""
    language = (language or "").replace("_", "-")
    base, _, territory = language.partition("-")
    if territory:
        return f"{base.lower()}_{territory.upper()}"
    return LOCALES.get(base.lower(), base.lower())


def shortened(text, length=DESCRIPTION_LENGTH):
    """``text`` on one line, cut at a word before ``length`` characters."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


class CommuneSocialTagsViewlet(social.SocialTagsViewlet):
    """Plone's social tags with the additions above, in the page's head."""

    index = ViewPageTemplateFile(str(VIEWLETS / "social_tags.pt"))

    def _get_tags(self):
        tags = [dict(tag) for tag in super()._get_tags()]
        if not tags:
            # Social data switched off, or a logged-in user.
            return tags
        portal_state = getMultiAdapter(
            (self.context, self.request), name="plone_portal_state"
        )
        article = not (
            IPloneSiteRoot.providedBy(self.context)
            or IFolder.providedBy(self.context)
            or ICollection.providedBy(self.context)
        )
        for tag in tags:
            if tag.get("property") == "og:type":
                tag["content"] = "article" if article else "website"
        tags.append(
            {"property": "og:locale", "content": og_locale(portal_state.language())}
        )
        self._describe(tags, portal_state)
        self._picture(tags, portal_state)
        return tags

    def _describe(self, tags, portal_state):
        described = [
            tag
            for tag in tags
            if tag.get("property") == "og:description"
            or tag.get("itemprop") == "description"
        ]
        if any((tag.get("content") or "").strip() for tag in described):
            return
        text = spoken_text(self.context, self.request) or ""
        title = self.context.Title()
        # The spoken text starts with the title: the card shows it already.
        if text.startswith(title):
            text = text[len(title) :]
        description = shortened(text) or shortened(portal_state.portal().Description())
        if not described:
            tags.append({"property": "og:description", "content": description})
        for tag in described:
            tag["content"] = description

    def _picture(self, tags, portal_state):
        types = [tag for tag in tags if tag.get("property") == "og:image:type"]
        if any(tag.get("content") != "image/svg+xml" for tag in types):
            return
        url = f"{portal_state.portal_url()}/{SHARE_IMAGE}"
        for tag in tags:
            if tag.get("property") == "og:image" or tag.get("itemprop") == "image":
                tag["content"] = url
            elif tag.get("property") == "og:image:type":
                tag["content"] = "image/png"
        width, height = SHARE_IMAGE_SIZE
        tags.extend(
            [
                {"property": "og:image:width", "content": str(width)},
                {"property": "og:image:height", "content": str(height)},
                {"property": "og:image:alt", "content": portal_state.portal_title()},
            ]
        )


class CommuneSocialBodyTagsViewlet(CommuneSocialTagsViewlet):
    """The same tags with ``itemprop`` (schema.org), in the page's body."""

    index = ViewPageTemplateFile(str(VIEWLETS / "social_tags_body.pt"))
