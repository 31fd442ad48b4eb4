"""``@@questions-stats``: the statistics of the board, the same numbers as
``GET @questions-stats`` (``questions/stats.py``)."""

from commune_portal.browser.dates import format_date
from commune_portal.questions.stats import statistics
from Products.Five.browser import BrowserView


class StatsView(BrowserView):
    """``@@questions-stats`` of a questions section."""

    def __call__(self):
        year = self.request.form.get("year")
        try:
            self.year = int(year) if year else None
        except (TypeError, ValueError):
            self.year = None
        if self.year is not None and not 2000 <= self.year <= 2100:
            self.year = None
        self.result = statistics(self.context, year=self.year)
        return self.index()

    def on(self):
        return format_date(self.result["on"])

    def years(self):
        this = self.result["on"].year
        return list(range(this, this - 6, -1))

    def number(self, value):
        """A number as Vietnamese writes it (decimal comma); "—" for none."""
        if value is None:
            return "—"
        return str(value).replace(".", ",")
