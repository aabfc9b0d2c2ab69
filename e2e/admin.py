"""Steps in the real Wagtail admin that several browser tests take."""

import json

from playwright.sync_api import expect


def sign_in(page, live_site, username: str, password: str) -> None:
    page.goto(f"{live_site.base_url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    expect(page.locator("#id_username")).to_have_count(0)


def open_new_article(page, live_site, section_id: int) -> None:
    """The admin's form for a new article in the section, once Wagtail watches it for edits.

    Wagtail notes the form's starting values two seconds after loading; what is typed before
    that counts as the start and is not autosaved. Its event says when typing may begin."""
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.watching = true })"
    )
    page.goto(f"{live_site.base_url}/admin/pages/add/articles/articlepage/{section_id}/")
    page.wait_for_function("() => window.watching === true")


def set_admin_language(live_site, username: str, language: str) -> None:
    """The admin language a user picked in their account ("" follows the site's)."""
    live_site.shell(
        "from django.contrib.auth import get_user_model\n"
        "from wagtail.users.models import UserProfile\n"
        f"profile = UserProfile.get_for_user(get_user_model().objects.get(username={username!r}))\n"
        f"profile.preferred_language = {language!r}\n"
        "profile.save()\n"
    )


def shell_json(live_site, script: str):
    """Run `script` against the server's database; it prints one JSON value last."""
    return json.loads(live_site.shell(script).strip().splitlines()[-1])


def save_go_live(page, value: str) -> None:
    """Set the go-live in the status panel's schedule dialog; "Save schedule" saves the page."""
    page.locator('[data-side-panel-toggle="status"]').click()
    page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
    go_live = page.locator("#id_go_live_at")
    go_live.fill(value)
    go_live.press("Tab")
    with page.expect_navigation():
        # The date picker may still be open over the button: click it without aiming.
        page.locator("#schedule-publishing-dialog button[type=submit]").dispatch_event("click")


def footer_action(page, selector: str) -> None:
    """Click an action of the editor's footer menu, found by its markup (`button[name=...]`,
    `[data-workflow-action-name=...]`), the same in every admin language; the page reloads."""
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        button.click()
