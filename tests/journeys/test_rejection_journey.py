"""Journey: an item sent back comes to its author with the board's comment.

A contributor drafts a directive and submits it; the editorial board sends
it back with a comment (Trạng thái → Nâng cao…, Plone's form of the state
change). The author finds it in "Việc của tôi" (``@@my-work``, list "My
items sent back") with the comment, and in the processing history of the
item.
"""

from tests.journeys import steps


TITLE = "Thông báo lịch tiếp công dân tháng 12 năm 2026"
COMMENT = (
    "Đề nghị ghi rõ địa điểm tiếp công dân và bổ sung bản ký số trước khi "
    "trình lãnh đạo."
)


def test_a_rejected_item_comes_back_with_the_comment(new_page, site_url, screenshot):
    # The clerk drafts a notice and submits it.
    clerk = new_page("canbo")
    clerk.goto(f"{site_url}/van-ban/++add++Directive")
    clerk.fill("#form-widgets-IBasic-title", TITLE)
    clerk.fill("#form-widgets-IOfficialDocument-document_number", "210/TB-UBND")
    clerk.select_option("#form-widgets-IOfficialDocument-document_type", "thong-bao")
    steps.save_form(clerk)
    url = steps.base_url(clerk)
    steps.transition(clerk, "submit")
    assert steps.review_state(clerk) == "pending_review"

    # The board sends it back, saying why.
    board = new_page("bbt")
    board.goto(f"{site_url}/@@my-work")
    waiting = board.locator("#to_review")
    assert TITLE in waiting.inner_text()
    with board.expect_navigation():
        waiting.locator(f"a[href^='{url}']").first.click()
    steps.transition_with_comment(board, "reject", COMMENT)
    board.goto(f"{site_url}/@@my-work")
    assert TITLE not in board.locator("#to_review").inner_text()

    # The author sees it among the items sent back, with the comment.
    clerk.goto(f"{site_url}/@@my-work")
    sent_back = clerk.locator("#rejected")
    row = sent_back.locator("tbody tr", has_text=TITLE)
    assert row.count() == 1, sent_back.inner_text()
    cells = row.locator("td")
    assert cells.nth(2).inner_text().strip() == "Trần Văn Hùng"
    assert cells.nth(4).inner_text().strip() == COMMENT
    sent_back.scroll_into_view_if_needed()
    screenshot(clerk, "tra-lai-viec-cua-toi")

    # ... and in the item's processing history, back in its drafts.
    with clerk.expect_navigation():
        row.locator(f"a[href^='{url}']").first.click()
    assert steps.review_state(clerk) == "private"
    history = clerk.locator("details.commune-audit-trail")
    history.locator("summary").click()
    rejected = history.locator("tr.audit-reject")
    assert rejected.count() == 1, history.inner_text()
    assert COMMENT in rejected.inner_text()
    assert "Trần Văn Hùng" in rejected.inner_text()
