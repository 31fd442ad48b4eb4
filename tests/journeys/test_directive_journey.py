"""Journey: a document from the clerk's draft to the citizen's download.

A contributor (cán bộ) drafts a directive with its signed PDF in /van-ban
and submits it; the editorial board (Reviewer) passes it to the leader; the
leader (CommuneApprover) approves it (two steps, docs/workflows.md). An
anonymous citizen then finds it by typing words without tone marks, on
Plone's search page and in the documents listing, opens it and downloads
the signed file.
"""

from tests.journeys import steps


TITLE = "Kế hoạch ổn định bờ sông Lạch Tray, phòng chống sạt lở mùa mưa bão năm 2027"
# Without tone marks; "on" stands for "ổn", a word starting with a letter
# of Latin Extended Additional, which Plone's own lexicon does not fold.
QUERY = "on dinh bo song lach tray"
LISTING_QUERY = "sat lo mua mua bao"


def test_a_directive_from_draft_to_download(new_page, site_url, signed_pdf, screenshot):
    pdf = signed_pdf(
        "UY BAN NHAN DAN XA NGHI DUONG",
        "So: 152/KH-UBND",
        TITLE,
        "Ky so: Nguyen Van An, Chu tich UBND xa",
    )

    # The clerk drafts it with its signed file and sends it to the board.
    clerk = new_page("canbo")
    clerk.goto(f"{site_url}/van-ban/++add++Directive")
    clerk.fill("#form-widgets-IBasic-title", TITLE)
    clerk.fill(
        "#form-widgets-IBasic-description",
        "Bảo đảm an toàn cho các hộ dân ven sông trong mùa mưa bão năm 2027.",
    )
    clerk.fill("#form-widgets-IOfficialDocument-document_number", "Số: 152/KH-UBND")
    clerk.select_option("#form-widgets-IOfficialDocument-document_type", "ke-hoach")
    clerk.select_option(
        "#form-widgets-IOfficialDocument-issuing_body",
        label="Ủy ban nhân dân xã Nghi Dương",
    )
    clerk.fill("#form-widgets-IOfficialDocument-issue_date", "2026-11-02")
    steps.upload(
        clerk, "#form-widgets-IOfficialDocument-file-input", "152-KH-UBND.pdf", pdf
    )
    steps.save_form(clerk)
    url = steps.base_url(clerk)
    assert url.startswith(f"{site_url}/van-ban/"), url
    assert steps.review_state(clerk) == "private"
    steps.transition(clerk, "submit")
    assert steps.review_state(clerk) == "pending_review"

    # The editorial board checks it and passes it to the leader.
    board = new_page("bbt")
    board.goto(url)
    steps.transition(board, "review")
    assert steps.review_state(board) == "pending_approval"

    # Before approval a citizen cannot open it.
    citizen = new_page()
    citizen.goto(url)
    assert citizen.locator("#login-form").count() == 1, citizen.url
    assert TITLE not in citizen.content()

    # The leader approves its publication.
    leader = new_page("lanhdao")
    leader.goto(url)
    steps.transition(leader, "approve")
    assert steps.review_state(leader) == "published"

    # A citizen searches the site from the header, without tone marks.
    citizen.goto(site_url)
    citizen.fill("#searchGadget", QUERY)
    with citizen.expect_navigation():
        citizen.press("#searchGadget", "Enter")
    assert "@@search" in citizen.url
    found = citizen.locator(f"#search-results a[href^='{url}']")
    assert found.count() >= 1, citizen.locator("#search-results").inner_text()
    assert TITLE in citizen.locator("#search-results").inner_text()

    # ... and in the documents listing, by its text field.
    citizen.goto(f"{site_url}/van-ban")
    citizen.fill("form#directives-search input[name='q']", LISTING_QUERY)
    with citizen.expect_navigation():
        citizen.press("form#directives-search input[name='q']", "Enter")
    rows = citizen.locator(".directives-table tr.directive-row")
    assert rows.count() == 1, citizen.locator(".directives-table").inner_text()
    assert "152/KH-UBND" in rows.first.inner_text()

    # It opens the document and downloads the signed file.
    with citizen.expect_navigation():
        rows.first.locator(".directive-title a").first.click()
    assert steps.base_url(citizen) == url
    assert citizen.locator("h1").first.inner_text().strip() == TITLE
    with citizen.expect_download() as download:
        citizen.click("a.document-download")
    assert download.value.suggested_filename == "152-KH-UBND.pdf"
    with open(download.value.path(), "rb") as downloaded:
        assert downloaded.read() == pdf
    screenshot(citizen, "van-ban-nguoi-dan-tai-ve")
