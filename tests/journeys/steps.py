"""Steps of the journeys, as a person does them in Plone's Classic UI.

Each takes a Playwright ``page`` and waits until the page shows the result,
so that a journey reads as the list of what its people do.
"""

from urllib.parse import urlsplit


def base_url(page):
    """The item's address of the current page, without a view, form or
    query (``…/van-ban/ke-hoach-152`` for ``…/ke-hoach-152/view?x=1``)."""
    parts = urlsplit(page.url)
    path = parts.path.rstrip("/")
    for suffix in ("/view", "/edit", "/@@edit", "/content_status_history"):
        path = path.removesuffix(suffix)
    return f"{parts.scheme}://{parts.netloc}{path}"


def save_form(page, button="#form-buttons-save"):
    """Press a form's button and wait for the page it leads to."""
    with page.expect_navigation():
        page.click(button)
    page.wait_for_load_state()


def open_tab(page, label):
    """Open the tab ``label`` of a form with fieldsets."""
    page.locator(".autotoc-nav a", has_text=label).first.click()


def open_menu(page, name):
    """Open a menu of Plone's toolbar: ``workflow`` (Trạng thái),
    ``factories`` (Thêm mới), ``actions`` (Thao tác)."""
    page.click(f"#plone-contentmenu-{name} > a")
    page.wait_for_selector(
        f"#plone-contentmenu-{name} .dropdown-menu, #plone-contentmenu-{name} ul",
        state="visible",
    )


def transition(page, transition_id):
    """Choose a transition in the state menu (Trạng thái) of the toolbar
    and wait for the item's page."""
    open_menu(page, "workflow")
    with page.expect_navigation():
        page.click(f"#workflow-transition-{transition_id}")
    page.wait_for_load_state()


def transition_with_comment(page, transition_id, comment):
    """Plone's form of the state change (Trạng thái → Nâng cao…, the page
    the menu's dialog shows): choose ``transition_id``, write a comment,
    save; wait for the item's page."""
    page.goto(f"{base_url(page)}/content_status_history")
    page.fill("#comment", comment)
    page.check(f"input[name='workflow_action'][value='{transition_id}']")
    with page.expect_navigation():
        page.click("#content-core .formControls input.btn-primary")
    page.wait_for_load_state()


def review_state(page):
    """The state the toolbar's menu "Trạng thái" shows (``published`` …),
    for a logged-in user."""
    state = page.locator("#plone-contentmenu-workflow > a [class^='label-state-']")
    if not state.count():
        return None
    return state.first.get_attribute("class").split()[0].removeprefix("label-state-")


def upload(page, selector, filename, data, mime="application/pdf"):
    """Choose a file for a file field, as from the computer."""
    page.set_input_files(selector, {"name": filename, "mimeType": mime, "buffer": data})


def focused(page):
    """What has the keyboard focus: ``{"tag", "id", "name", "href",
    "text", "classes"}`` of ``document.activeElement``."""
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            return {
                tag: e.tagName.toLowerCase(), id: e.id || "",
                name: e.getAttribute("name") || "",
                href: e.getAttribute("href") || "",
                text: (e.innerText || e.value || "").trim().slice(0, 80),
                classes: e.className && e.className.baseVal === undefined
                    ? e.className : "",
            };
        }"""
    )


def tab_until(page, matches, limit=80):
    """Press Tab from where the focus is until ``matches(focused(page))``;
    return the element and how many presses it took, or fail with the
    path the focus took."""
    path = []
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        element = focused(page)
        path.append(element)
        if matches(element):
            return element, presses
    seen = ", ".join(
        f"{e['tag']}#{e['id']}[{e['name'] or e['text'][:20]}]" for e in path
    )
    raise AssertionError(f"not reached with {limit} presses of Tab: {seen}")
