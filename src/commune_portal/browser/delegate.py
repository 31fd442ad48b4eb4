"""The page of a council delegate (``delegate-view``, also its ``@@view``):
what a portal publishes about a delegate (DOMAIN.md), and the private
contact details in a box of their own for who holds the permission
``commune_portal: View private contact details`` only."""

from commune_portal import _
from commune_portal.browser.council import COUNCIL_BODY_TITLES
from commune_portal.browser.council import CouncilPage
from commune_portal.content.delegate import PRIVATE_CONTACT_PERMISSION
from zope.security import checkPermission


class DelegateView(CouncilPage):
    """``@@delegate-view`` of a ``Delegate``."""

    def photo(self):
        """The photo's tag (Plone's image scales), or ``""``."""
        if not getattr(self.context, "image", None):
            return ""
        images = self.context.restrictedTraverse("@@images")
        return images.tag(
            "image",
            scale="preview",
            alt=self.context.Title(),
            css_class="delegate-photo img-fluid rounded",
        )

    def facts(self):
        """``{"field", "label", "value", "url"}`` of the public details,
        empty ones left out."""
        delegate = self.context
        committee = COUNCIL_BODY_TITLES.get(delegate.committee)
        email = delegate.email
        rows = [
            ("position", _("Position"), delegate.position, None),
            (
                "committee",
                _("Committee"),
                self.translate(committee) if committee else None,
                None,
            ),
            ("delegate_group", _("Delegate group"), delegate.delegate_group, None),
            ("constituency", _("Constituency"), delegate.constituency, None),
            (
                "full_time",
                _("Full-time delegate"),
                self.translate(_("Yes") if delegate.full_time else _("No")),
                None,
            ),
            ("workplace", _("Workplace"), delegate.workplace, None),
            (
                "email",
                _("Official e-mail"),
                email,
                f"mailto:{email}" if email else None,
            ),
        ]
        return [
            {
                "field": field,
                "label": self.translate(label),
                "value": value,
                "url": url,
            }
            for field, label, value, url in rows
            if value
        ]

    def private_contact(self):
        """The private phone and address for who may see them, else
        ``None`` (the fields' read permission, checked here too: the page
        never reads them for anyone else)."""
        if not checkPermission(PRIVATE_CONTACT_PERMISSION, self.context):
            return None
        rows = [
            ("private_phone", _("Private phone number"), self.context.private_phone),
            ("private_address", _("Home address"), self.context.private_address),
        ]
        return [
            {"field": field, "label": self.translate(label), "value": value}
            for field, label, value in rows
            if value
        ]
