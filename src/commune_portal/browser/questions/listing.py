"""``@@questions-view``: the "Hỏi đáp" section as citizens see it: the
published questions and their answers, searchable (tone marks ignored),
filtered by sector with counts, newest answers first, twenty to a page;
with the links to send a question and to follow one. The query is the one
of ``@questions`` (``commune_portal.listings.questions``)."""

from commune_portal.browser.dates import format_date
from commune_portal.browser.printing import print_stylesheet_url
from commune_portal.listings.params import BadParameter
from commune_portal.listings.questions import QuestionListing
from commune_portal.questions.submission import is_questions_section
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate


PAGE_SIZE = 20


class QuestionsView(BrowserView):
    """``@@questions-view`` of a questions section."""

    error = None

    def __call__(self):
        form = self.request.form
        # The page lists the published answers (moderators have their own).
        form.pop("review_state", None)
        form["b_size"] = str(PAGE_SIZE)
        self.listing = QuestionListing(self.context, self.request)
        try:
            self.listing.parse().search()
        except BadParameter as error:
            self.error = {
                "name": error.name,
                "message": translate(error.message, context=self.request),
            }
            self.listing.total, self.listing.brains, self.listing.facets = 0, (), None
        return self.index()

    def print_css_url(self):
        return print_stylesheet_url()

    def base_url(self):
        return f"{self.context.absolute_url()}/@@questions-view"

    def text(self):
        return self.request.form.get("q", "")

    def takes_questions(self):
        return is_questions_section(self.context)

    def can_moderate(self):
        return api.user.has_permission(
            "commune_portal: Moderate questions", obj=self.context
        )

    def can_see_statistics(self):
        return api.user.has_permission(
            "commune_portal: View question statistics", obj=self.context
        )

    def _url(self, **changes):
        params = {
            key: value
            for key, value in self.request.form.items()
            if key in ("q", "sector") and value
        }
        params.update(changes)
        params = {key: value for key, value in params.items() if value is not None}
        query = urlencode(params, doseq=True)
        return f"{self.base_url()}?{query}" if query else self.base_url()

    def sectors(self):
        """``[{"title", "count", "url", "selected"}]`` of the sector facet and
        the URL that clears it (``None`` when no sector is chosen)."""
        chosen = self.request.form.get("sector")
        chosen = chosen if isinstance(chosen, list) else [chosen] if chosen else []
        options = [
            {
                "title": option["title"],
                "count": option["count"],
                "url": self._url(sector=option["token"], b_start=None),
                "selected": option["token"] in chosen or option["title"] in chosen,
            }
            for option in (self.listing.facets or {}).get("sector", ())
        ]
        return options, (self._url(sector=None, b_start=None) if chosen else None)

    def rows(self):
        return [
            {
                "row": row,
                "answered": format_date(row.answered),
                "published": format_date(row.published),
            }
            for row in (self.listing.row(brain) for brain in self.listing.brains)
        ]

    def total(self):
        return self.listing.total

    def pages(self):
        """``{"previous", "next"}`` URLs (``None`` at the ends)."""
        start = getattr(self.listing, "b_start", 0)
        size = getattr(self.listing, "b_size", PAGE_SIZE)
        total = self.listing.total
        previous = self._url(b_start=max(start - size, 0)) if start > 0 else None
        following = self._url(b_start=start + size) if start + size < total else None
        return {"previous": previous, "next": following}
