"""The reader model (hoaban/readermodel) once more, with readers behind Varnish and the shipped
VCL in front of a real gunicorn server, and the editor in a process of its own: a shorter run
of the same rules and checks, read over HTTP."""

import json
import subprocess
import sys

import pytest
from hypothesis.stateful import run_state_machine_as_test

from hoaban.readermodel.machine import ReaderModel, run_settings

from . import varnish
from .server import ROOT, LiveSite


class Editor:
    """hoaban.readermodel.worker against the server's database."""

    def __init__(self, site: LiveSite):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hoaban.readermodel.worker"],
            cwd=ROOT,
            env=site.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, **request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise AssertionError(f"the editor failed:\n{answer['error']}")
        return answer["result"]

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


class VarnishDriver:
    def __init__(self, editor: Editor, proxy: varnish.Varnish):
        self.editor, self.proxy = editor, proxy

    def reset(self):
        self.editor.ask(do="reset")
        self.proxy.forget_everything()

    def act(self, name, **params):
        self.editor.ask(do="act", name=name, params=params)

    def expected(self):
        return self.editor.ask(do="expected")

    def fetch(self, url):
        return self.proxy.get(url)


@pytest.fixture(scope="module")
def site_behind_varnish():
    """A LiveSite with the model's site, Varnish in front of it, and the model's editor."""
    if reason := varnish.missing():
        pytest.skip(reason)
    site = LiveSite()
    proxy = varnish.in_front_of(site)
    editor = None

    def content(site):
        nonlocal editor
        editor = Editor(site)
        editor.ask(do="reset")

    try:
        site.start(content=content)
        yield VarnishDriver(editor, proxy)
    finally:
        if editor is not None:
            editor.stop()
        site.stop()
        proxy.stop()


def test_readers_behind_varnish_are_served_what_the_database_says(site_behind_varnish):
    machine = type("ReaderModelBehindVarnish", (ReaderModel,), {"driver": site_behind_varnish})
    run_state_machine_as_test(machine, settings=run_settings(examples=2, steps=8))
    # The checks went through the proxy's cache, not past it.
    assert site_behind_varnish.proxy.hits() > 0
