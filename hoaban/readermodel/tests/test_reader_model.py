"""Random sequences of editor actions, and after each what an anonymous reader is served by
every surface against what the database says, through the whole middleware stack with the
page cache on, as in production (hoaban/readermodel)."""

from django.db import transaction
from django.test import Client
from hypothesis.stateful import run_state_machine_as_test

from hoaban.readermodel import actions, oracle, site
from hoaban.readermodel.machine import ReaderModel, run_settings
from hoaban.testing import empty_caches


class ClientDriver:
    """The site in the test's database, read through the Django test client. Each example
    starts from the same site: its changes are rolled back to a savepoint, and on-commit
    work (purges) runs after each action as it would when the action's transaction commits."""

    def __init__(self, capture_on_commit):
        self.capture_on_commit = capture_on_commit
        self.savepoint = None
        self.client = Client()

    def reset(self):
        if self.savepoint is not None:
            transaction.savepoint_rollback(self.savepoint)
        self.savepoint = transaction.savepoint()
        empty_caches()

    def act(self, name, **params):
        with self.capture_on_commit(execute=True), transaction.atomic():
            actions.ACTIONS[name](**params)

    def expected(self):
        return oracle.expected()

    def fetch(self, url):
        response = self.client.get(url)
        return response.status_code, response.content.decode()


def test_readers_are_served_what_the_database_says_after_any_editing(
    db, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.HOABAN_PAGE_CACHE = True
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        site.build()
    driver = ClientDriver(django_capture_on_commit_callbacks)
    machine = type("ReaderModelThroughTestClient", (ReaderModel,), {"driver": driver})
    run_state_machine_as_test(machine, settings=run_settings(examples=6, steps=10))
