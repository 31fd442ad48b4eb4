"""Each caller formats the query layer's plain values: the REST services
write ISO dates, the Classic UI pages the reader's short date (Plone's
localized formats) in the site's time zone."""

from commune_portal.browser.dates import format_datetime
from commune_portal.browser.dates import localized_date
from commune_portal.listings.directives import DirectiveListing
from commune_portal.listings.directives import DirectiveRow
from datetime import date
from datetime import datetime
from datetime import UTC
from lxml import html
from plone import api
import pytest
import transaction


@pytest.fixture
def today(frozen_today):
    frozen_today(date(2026, 11, 23))


def issue_dates(response):
    assert response.status_code == 200, response.text
    tree = html.fromstring(response.text)
    return {
        row.xpath("string(.//td[contains(@class, 'directive-number')])").split()[
            0
        ]: row.xpath("string(.//td[contains(@class, 'directive-issue-date')])").strip()
        for row in tree.xpath("//tr[contains(@class, 'directive-row')]")
    }


def test_rows_are_plain_values(sample_documents, today):
    request = api.portal.get().REQUEST
    request.form = {"document_number": "05/KH-UBND"}
    listing = DirectiveListing(sample_documents, request).parse().search()
    (row,) = listing.rows()
    assert isinstance(row, DirectiveRow)
    assert row.issue_date == date(2026, 1, 5)
    assert row.effective_date is None
    assert row.legal_status == "in_force"
    assert row.has_file is True
    assert row.url == sample_documents["kh-05-2026"].absolute_url()


def test_view_vietnamese_short_date(sample_documents, request_factory, today):
    dates = issue_dates(request_factory().get("van-ban/@@directives-view"))
    assert dates["05/KH-UBND"] == "05/01/2026"


def test_view_english_short_date(sample_documents, request_factory, today):
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    transaction.commit()
    response = request_factory().get(
        "van-ban/@@directives-view", headers={"Accept-Language": "en"}
    )
    assert issue_dates(response)["05/KH-UBND"] == "Jan 05, 2026"


def test_rest_dates_stay_iso(sample_documents, request_factory, today):
    items = (
        request_factory()
        .get("van-ban/@directives", params={"document_number": "120/KH-UBND"})
        .json()["items"]
    )
    assert items[0]["issue_date"] == "2026-11-20"
    assert items[0]["effective_date"] == "2027-01-01"


def test_localized_date(portal):
    assert localized_date(date(2026, 3, 1)) == "01/03/2026"
    assert localized_date(None) == ""


@pytest.mark.parametrize(
    "value",
    [
        "2026-01-05T07:30:00+00:00",
        datetime(2026, 1, 5, 7, 30, tzinfo=UTC),
    ],
)
def test_moments_in_the_site_time_zone(portal, value):
    assert format_datetime(value) == "05/01/2026 14:30"
