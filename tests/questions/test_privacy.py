"""The person asking appears in no anonymous output, ever: the pages (the
question, the section's listing, the search page), the feeds, REST (the
item, ``@search``, ``@questions``, ``@querystring-search``), the catalog's
indexes and metadata; their attachments are not downloadable either."""

from plone import api
from plone.base.interfaces.syndication import IFeedSettings
from tests.questions.helpers import make_question
from tests.questions.helpers import PDF
import json
import pytest
import requests
import transaction


# Values no other content of the site holds, in every spelling searched.
PERSON = {
    "asker_name": "Phùng Thị Xuyến",
    "asker_address": "Xóm Giếng Đá, thôn Quỳnh Lâm",
    "asker_phone": "0912345678",
    "asker_email": "xuyen.phung@example.vn",
}
TRACES = (
    "Phùng",
    "Xuyến",
    "xuyen",
    "phung",
    "Giếng Đá",
    "gieng",
    "Quỳnh Lâm",
    "quynh",
    "0912345678",
    "912345678",
    "0912 345 678",
    "xuyen.phung",
)
ANSWER = "<p>Ông/bà nộp hồ sơ tại Bộ phận Một cửa, thời hạn 03 ngày làm việc.</p>"
TITLE = "Xin hỏi về thủ tục cấp giấy xác nhận tình trạng hôn nhân"


def leaks(text, asked=""):
    """The traces of the person found in ``text`` (but for the search text
    ``asked`` that a page shows back)."""
    lowered = text.lower().replace(asked.lower(), "") if asked else text.lower()
    return [trace for trace in TRACES if trace.lower() in lowered]


@pytest.fixture
def published(section):
    from plone.namedfile.file import NamedBlobFile

    question = make_question(
        section,
        "published",
        answer=ANSWER,
        title=TITLE,
        question="Tôi cần giấy tờ gì để xin giấy xác nhận tình trạng hôn nhân?",
        sector="Hộ tịch",
        **PERSON,
        attachment_1=NamedBlobFile(
            data=PDF, filename="cccd-xuyen.pdf", contentType="application/pdf"
        ),
    )
    # A question still waiting, by the same person.
    make_question(section, "submitted", title="Câu hỏi chưa trả lời", **PERSON)
    IFeedSettings(section).enabled = True
    transaction.commit()
    return question


def anonymous(url, **kwargs):
    response = requests.get(url, **kwargs)
    assert response.status_code == 200, (url, response.status_code)
    return response.text


class TestPages:
    def test_the_question(self, published):
        html = anonymous(published.absolute_url())
        assert TITLE in html
        assert "Bộ phận Một cửa" in html  # the answer
        assert leaks(html) == []
        assert "@@download/attachment_1" not in html

    def test_the_section(self, section, published):
        html = anonymous(section.absolute_url())
        assert TITLE in html
        assert "Câu hỏi chưa trả lời" not in html
        assert leaks(html) == []

    def test_the_search_page(self, section, published):
        portal = section.aq_parent
        for text in ("tình trạng hôn nhân", "xuyen", "0912345678", "Giếng Đá"):
            html = anonymous(
                f"{portal.absolute_url()}/@@search", params={"SearchableText": text}
            )
            assert leaks(html, asked=text) == [], text
        html = anonymous(
            f"{portal.absolute_url()}/@@search",
            params={"SearchableText": "tinh trang hon nhan"},
        )
        assert TITLE in html

    @pytest.mark.parametrize("feed", ["RSS", "rss.xml", "atom.xml"])
    def test_the_feeds(self, section, published, feed):
        xml = anonymous(f"{section.absolute_url()}/{feed}")
        assert TITLE in xml
        assert leaks(xml) == []

    def test_the_attachment_is_not_public(self, published):
        response = requests.get(
            f"{published.absolute_url()}/@@download/attachment_1",
            allow_redirects=False,
        )
        assert response.status_code in (302, 401, 403, 404)
        assert PDF not in response.content


class TestRest:
    headers = {"Accept": "application/json"}

    def get(self, url, **params):
        """The JSON answer as text, non-ASCII as it is."""
        response = requests.get(url, params=params, headers=self.headers)
        assert response.status_code == 200, (url, response.text)
        return json.dumps(response.json(), ensure_ascii=False)

    def test_the_item(self, published):
        text = self.get(published.absolute_url())
        assert TITLE in text
        assert leaks(text) == []
        item = requests.get(published.absolute_url(), headers=self.headers).json()
        for name in (
            *PERSON,
            "asker_consent",
            "attachment_1",
            "assigned_to",
            "rejection_reason",
        ):
            assert name not in item, name

    def test_search(self, section, published):
        portal_url = section.aq_parent.absolute_url()
        for params in (
            {"SearchableText": "hôn nhân", "fullobjects": "1"},
            {"SearchableText": "hon nhan", "metadata_fields": "_all"},
            {"portal_type": "CitizenQuestion", "metadata_fields": "_all"},
            {"SearchableText": "xuyen"},
            {"SearchableText": "0912345678"},
        ):
            text = self.get(f"{portal_url}/@search", **params)
            assert leaks(text, asked=params.get("SearchableText", "")) == [], params
        body = requests.get(
            f"{portal_url}/@search",
            params={"portal_type": "CitizenQuestion"},
            headers=self.headers,
        ).json()
        assert body["items_total"] == 1  # the waiting one is not listed

    def test_questions(self, section, published):
        text = self.get(f"{section.absolute_url()}/@questions")
        assert TITLE in text
        assert leaks(text) == []

    def test_querystring_search(self, section, published):
        response = requests.post(
            f"{section.aq_parent.absolute_url()}/@querystring-search",
            json={
                "query": [
                    {
                        "i": "portal_type",
                        "o": "plone.app.querystring.operation.selection.any",
                        "v": ["CitizenQuestion"],
                    }
                ],
                "metadata_fields": "_all",
                "fullobjects": True,
            },
            headers={**self.headers, "Content-Type": "application/json"},
        )
        assert response.status_code == 200, response.text
        text = json.dumps(response.json(), ensure_ascii=False)
        assert TITLE in text
        assert leaks(text) == []


def test_the_catalog_holds_none_of_it(section, published):
    """Not in any index nor metadata column, for anyone: what anonymous
    visitors may query and read there cannot hold it."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="CitizenQuestion")
    assert len(brains) == 2
    for brain in brains:
        rid = brain.getRID()
        indexed = str(catalog.getIndexDataForRID(rid))
        metadata = str(catalog.getMetadataForRID(rid))
        assert leaks(indexed) == [], brain.getPath()
        assert leaks(metadata) == [], brain.getPath()
    for text in ("xuyen", "Phùng", "0912345678", "giếng"):
        assert not catalog.unrestrictedSearchResults(SearchableText=text), text
