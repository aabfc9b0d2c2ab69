import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from .server import SNAPSHOT_FOLDER, DemoSnapshot, LiveSite

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


E2E = Path(__file__).resolve().parent
SNAPSHOT = pytest.StashKey[tuple[DemoSnapshot, subprocess.Popen]]()


def runs_e2e(config) -> bool:
    """Whether the paths asked for include e2e tests (a cheap guess before collection)."""
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path == E2E or E2E in path.parents or path in E2E.parents:
            return True
    return False


def pytest_configure(config):
    """One demo snapshot for the whole run, made in the background while the unit tests run:
    its folder is named here, in the main process, before pytest-xdist starts its workers,
    which inherit it from the environment."""
    if hasattr(config, "workerinput") or SNAPSHOT_FOLDER in os.environ or not runs_e2e(config):
        return
    folder = Path(tempfile.mkdtemp(prefix="hoaban-e2e-snapshot-"))
    os.environ[SNAPSHOT_FOLDER] = str(folder)
    snapshot = DemoSnapshot(folder)
    config.stash[SNAPSHOT] = (snapshot, snapshot.make_in_background())


def pytest_unconfigure(config):
    if SNAPSHOT not in config.stash:
        return
    snapshot, maker = config.stash[SNAPSHOT]
    maker.terminate()
    maker.wait()
    snapshot.remove()
    del os.environ[SNAPSHOT_FOLDER]


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
