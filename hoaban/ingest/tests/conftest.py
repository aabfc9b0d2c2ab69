import pytest

from .portal import Portal


@pytest.fixture(scope="session")
def portal():
    """Fixture portals on a real HTTP server, shared by the ingest tests of one worker."""
    server = Portal().start()
    yield server
    server.stop()
