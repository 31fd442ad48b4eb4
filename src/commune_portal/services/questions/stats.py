"""``GET <section>/@questions-stats``: the statistics of the board
(``questions/stats.py``), the same numbers as ``@@questions-stats``."""

from commune_portal.listings import params
from commune_portal.listings.params import bad_request
from commune_portal.listings.params import BadParameter
from commune_portal.questions.stats import statistics
from plone.restapi.services import Service


class QuestionsStatsGet(Service):
    def reply(self):
        form = self.request.form
        try:
            params.known(form, ("year",))
            year = params.integer(form, "year", None, 2000, 2100)
        except BadParameter as error:
            return bad_request(self.request, error.name, error.message)
        result = statistics(self.context, year=year)
        result["on"] = result["on"].isoformat()
        return {"@id": f"{self.context.absolute_url()}/@questions-stats", **result}
