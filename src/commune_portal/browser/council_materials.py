"""The council secretary's two forms on a session (Classic UI):

- ``@@circulate-materials``: choose the private materials, circulate them
  (and the session) to the delegates, who are e-mailed;
- ``@@publish-materials``: after the session, publish the circulated
  materials and the session into the kỷ yếu.

Each shows what will happen (what each item will do, what the guards will
refuse, who gets an e-mail), asks for confirmation (a POST carrying
plone.protect's authenticator), then says what happened in status messages
and goes back to the session. The work is done by ``council/materials.py``,
as for ``POST @circulate`` and ``POST @publish-materials``.
"""

from Acquisition import aq_base
from commune_portal import _
from commune_portal import mail as portal_mail
from commune_portal.browser.dates import format_datetime
from commune_portal.council import mail
from commune_portal.council import materials
from commune_portal.workflows.refusals import refusal
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate


class MaterialsForm(BrowserView):
    """What both forms share."""

    transition = None
    button = None

    def __call__(self):
        form = self.request.form
        if form.get("form.buttons.cancel"):
            return self.back()
        if self.request.method == "POST" and form.get(self.button):
            CheckAuthenticator(self.request)
            return self.submit()
        return self.index()

    def t(self, message):
        return translate(message, context=self.request)

    def back(self):
        return self.request.response.redirect(self.context.absolute_url())

    def say(self, message, kind="info"):
        api.portal.show_message(self.t(message), request=self.request, type=kind)

    def candidates(self):
        """The items the form offers, with what the guards would say."""
        rows = []
        for item in self.default_items():
            reasons = [self.t(r) for r in refusal(item, self.transition)]
            rows.append(
                {
                    "uid": item.UID(),
                    "title": item.Title(),
                    "url": item.absolute_url(),
                    "number": getattr(aq_base(item), "document_number", None) or "",
                    "type": self.type_title(item),
                    "reasons": reasons,
                    "checked": not reasons,
                }
            )
        return rows

    def type_title(self, item):
        fti = api.portal.get_tool("portal_types").get(item.portal_type)
        if fti is None:
            return item.portal_type
        return translate(fti.Title(), domain=fti.i18n_domain, context=self.request)

    def session_state(self):
        return materials.state_of(self.context)

    def session_dates(self):
        return mail.session_dates(self.context, portal_mail.site_language())

    def chosen(self):
        """The items ticked in the form, or ``None`` (with an error shown)
        when none or unknown ones are."""
        uids = self.request.form.get("materials") or []
        if isinstance(uids, str):
            uids = [uids]
        if not uids:
            self.say(_("Choose at least one item."), "error")
            return None
        try:
            return materials.resolve(self.context, uids)
        except ValueError:
            self.say(
                _("Some of the items chosen are no longer in this session."),
                "error",
            )
            return None

    def report_refusals(self, outcome, message):
        """One warning per refused item: ``message(mapping)`` with the
        item's ``title`` and ``reason``."""
        refused = list(outcome.refused)
        if outcome.session_refused:
            refused.append((self.context, outcome.session_refused))
        for item, reasons in refused:
            reason = " ".join(self.t(r) for r in reasons)
            self.say(message({"title": item.Title(), "reason": reason}), "warning")

    @staticmethod
    def titles(items):
        return "; ".join(f"“{item.Title()}”" for item in items)


class CirculateMaterialsView(MaterialsForm):
    """``@@circulate-materials``."""

    transition = materials.CIRCULATE
    button = "form.buttons.circulate"

    def default_items(self):
        return materials.to_circulate(self.context)

    def already(self):
        return [
            {"title": item.Title(), "url": item.absolute_url()}
            for item in materials.in_state(self.context, materials.CIRCULATED)
        ]

    def mail_plan(self):
        """Who would be e-mailed if the offered items were circulated."""
        plan = mail.plan(self.context, self.default_items())
        return {
            "status": plan.status,
            "mailed": [
                {"name": person.name, "address": person.address}
                for person in plan.mailed
            ],
            "without_email": [person.name for person in plan.without_email],
        }

    def submit(self):
        chosen = self.chosen()
        if chosen is None:
            return self.index()
        outcome = materials.circulate(self.context, chosen)
        plan = mail.plan(self.context, outcome.done)
        if outcome.done:
            self.say(
                _(
                    "Circulated to the delegates: ${items}.",
                    mapping={"items": self.titles(outcome.done)},
                )
            )
        if outcome.session_moved:
            self.say(_("The delegates can now open the session page."))
        self.report_refusals(
            outcome,
            lambda mapping: _("Not circulated: “${title}”. ${reason}", mapping=mapping),
        )
        if plan.status == mail.QUEUED:
            self.say(
                _(
                    "E-mailed ${count} delegates.",
                    mapping={"count": len(plan.mailed)},
                )
            )
        elif plan.status == mail.SWITCHED_OFF:
            self.say(
                _(
                    "The delegates were not e-mailed: e-mail to the delegates "
                    "is switched off in the commune portal's settings."
                ),
                "warning",
            )
        elif plan.status == mail.NO_SENDER:
            self.say(
                _(
                    "The delegates were not e-mailed: the site has no sender "
                    "e-mail address (Site setup, E-mail)."
                ),
                "warning",
            )
        else:
            self.say(_("Nothing was circulated."), "warning")
        if plan.without_email and plan.status == mail.QUEUED:
            self.say(
                _(
                    "No e-mail address, not e-mailed: ${names}.",
                    mapping={"names": ", ".join(p.name for p in plan.without_email)},
                ),
                "warning",
            )
        return self.back()


class PublishMaterialsView(MaterialsForm):
    """``@@publish-materials``."""

    transition = materials.PUBLISH
    button = "form.buttons.publish"

    def default_items(self):
        return materials.to_publish(self.context)

    def staying_private(self):
        return [
            {"title": item.Title(), "url": item.absolute_url()}
            for item in materials.in_state(self.context, materials.PRIVATE)
        ]

    def proceedings_date(self):
        return format_datetime(self.context.proceedings_date, self.request)

    def chosen(self):
        # Publishing the session alone (nothing circulated) is allowed.
        if not self.request.form.get("materials"):
            return []
        return super().chosen()

    def submit(self):
        chosen = self.chosen()
        if chosen is None:
            return self.index()
        outcome = materials.publish(self.context, chosen)
        if outcome.done:
            self.say(
                _(
                    "Published: ${items}.",
                    mapping={"items": self.titles(outcome.done)},
                )
            )
        self.report_refusals(
            outcome,
            lambda mapping: _("Not published: “${title}”. ${reason}", mapping=mapping),
        )
        if self.context.proceedings_date is not None:
            self.say(
                _(
                    "The session is in the kỷ yếu (since ${date}).",
                    mapping={"date": self.proceedings_date()},
                )
            )
        return self.back()
