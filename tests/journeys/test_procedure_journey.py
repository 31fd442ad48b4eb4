"""Journey: a procedure from the one-stop-shop officer to the national portal.

The one-stop-shop officer (ProcedureOfficer on /thu-tuc-hanh-chinh) adds a
procedure with its channels and papers (rows of the data grid) and
publishes it (one step in the section of procedures). A citizen finds it
in the catalogue, opens it and follows "Nộp hồ sơ trực tuyến" to the
national public-service portal, which the test answers itself: no request
leaves this machine.
"""

from tests.journeys import steps


TITLE = "Cấp bản sao trích lục hộ tịch"
CODE = "2.000635"
NATIONAL_PORTAL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
    f"?ma_thu_tuc={CODE}"
)
CHANNELS = (
    ("direct", "Ngay trong ngày làm việc", "8.000 đồng/bản sao"),
    ("online", "Ngay trong ngày làm việc", "4.000 đồng/bản sao"),
)
PAPERS = (
    ("Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)", "1", "0"),
    ("Văn bản ủy quyền (trường hợp ủy quyền)", "1", "0"),
)


def fill_rows(page, field, rows, columns):
    """Fill the rows of a data grid field, adding a row after the first."""
    grid = page.locator(
        f"#form-widgets-{field} tr.datagridwidget-row:not(.datagridwidget-empty-row)"
    )
    for number, values in enumerate(rows):
        if number:
            grid.nth(number - 1).locator(".dgf--row-add").click()
            grid.nth(number).wait_for()
        for column, value in zip(columns, values, strict=True):
            cell = grid.nth(number).locator(f"[id$='-widgets-{column}']")
            if cell.evaluate("e => e.tagName") == "SELECT":
                cell.select_option(value)
            else:
                cell.fill(value)


def test_a_procedure_from_the_officer_to_the_national_portal(
    new_page, site_url, outside_world, screenshot
):
    # The one-stop-shop officer adds the procedure, tab by tab.
    officer = new_page("motcua")
    officer.goto(f"{site_url}/thu-tuc-hanh-chinh/++add++Procedure")
    officer.fill("#form-widgets-IBasic-title", TITLE)
    officer.fill(
        "#form-widgets-IBasic-description",
        "Cấp bản sao trích lục khai sinh, kết hôn, khai tử đã đăng ký tại xã.",
    )
    officer.fill("#form-widgets-procedure_code", CODE)
    officer.select_option("#form-widgets-online_service", "full")
    officer.fill("#form-widgets-national_portal_url", NATIONAL_PORTAL)
    officer.fill("#form-widgets-processing_days", "0")
    officer.fill("#form-widgets-fee_summary", "8.000 đồng/bản sao")
    steps.open_tab(officer, "Trình tự, cách thức thực hiện")
    officer.fill(
        "#form-widgets-steps",
        "Bước 1: Nộp tờ khai tại Bộ phận một cửa hoặc trực tuyến.\n"
        "Bước 2: Công chức tư pháp - hộ tịch cấp bản sao trích lục.",
    )
    fill_rows(officer, "channels", CHANNELS, ("channel", "processing_time", "fee"))
    steps.open_tab(officer, "Thành phần hồ sơ")
    fill_rows(officer, "required_documents", PAPERS, ("name", "originals", "copies"))
    steps.save_form(officer)
    url = steps.base_url(officer)
    assert url.startswith(f"{site_url}/thu-tuc-hanh-chinh/"), url
    assert steps.review_state(officer) == "private"

    # ... and publishes it on the portal.
    steps.transition(officer, "publish")
    assert steps.review_state(officer) == "published"

    # A citizen finds it in the catalogue of procedures.
    citizen = new_page()
    requested = outside_world(citizen.context)
    citizen.goto(f"{site_url}/thu-tuc-hanh-chinh")
    citizen.fill("#procedures-q", "trich luc ho tich")
    with citizen.expect_navigation():
        citizen.press("#procedures-q", "Enter")
    link = citizen.locator(f".procedures-sector a[href='{url}']")
    assert link.count() == 1, citizen.locator(".procedures-catalogue").inner_text()
    with citizen.expect_navigation():
        link.click()

    # The page lists both channels with their fees, and both papers.
    channels = citizen.locator(".procedure-channels tbody tr")
    assert channels.count() == 2
    assert "4.000 đồng/bản sao" in channels.nth(1).inner_text()
    papers = citizen.locator(".procedure-papers tbody tr")
    assert [papers.nth(i).locator("td").first.inner_text() for i in range(2)] == [
        name for name, _originals, _copies in PAPERS
    ]

    # "Nộp hồ sơ trực tuyến" opens the national portal's page of the
    # procedure in a new tab.
    button = citizen.locator("a.procedure-apply-online")
    assert button.get_attribute("href") == NATIONAL_PORTAL
    screenshot(citizen, "thu-tuc-nguoi-dan-nop-truc-tuyen")
    with citizen.context.expect_page() as opened:
        button.click()
    portal_page = opened.value
    portal_page.wait_for_load_state()
    assert portal_page.url == NATIONAL_PORTAL
    assert requested == [NATIONAL_PORTAL]
    assert "Cổng Dịch vụ công quốc gia" in portal_page.title()
