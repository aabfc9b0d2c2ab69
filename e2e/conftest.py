from pathlib import Path

import pytest

from .server import LiveSite

OUTPUT = Path(__file__).resolve().parent.parent / "test-output"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "e2e" in item.nodeid.split("/")[0]:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def live_site():
    """The demo site on a real gunicorn server with its own database (one per test worker)."""
    site = LiveSite().start()
    yield site
    site.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser tab; its screenshot lands in test-output/ named after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    tab = context.new_page()
    yield tab
    OUTPUT.mkdir(exist_ok=True)
    tab.screenshot(path=OUTPUT / f"{request.node.name}.png", full_page=True)
    context.close()
