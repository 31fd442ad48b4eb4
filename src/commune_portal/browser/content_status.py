"""Plone's status form (``content_status_modify``), honest on commune sites.

Plone says "Item state changed." even when the transition asked for did not
happen (a guard refused it, or the state does not offer it): the editor
believes a document went to the leader when it did not. Here a refused
transition changes nothing (not even the publication dates of the form)
and the editor is told why, in their language.
"""

from commune_portal.workflows.refusals import refusal
from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from plone.protect import CheckAuthenticator
from zope.i18n import translate


class CommuneContentStatusModifyView(ContentStatusModifyView):
    def __call__(self, workflow_action=None, comment="", **kwargs):
        context = self.context
        # The current state is the history form's "no change": Plone's.
        state = api.content.get_state(context, default=None)
        if workflow_action and workflow_action != state:
            reasons = refusal(context, workflow_action, self.request)
            if reasons:
                CheckAuthenticator(self.request)
                for reason in reasons:
                    api.portal.show_message(
                        translate(reason, context=self.request),
                        request=self.request,
                        type="error",
                    )
                return self.request.response.redirect(context.absolute_url())
        return super().__call__(workflow_action, comment, **kwargs)
