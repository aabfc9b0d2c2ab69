import copy

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.signals import setting_changed
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale

from hoaban.testing import build_second_site, build_site, empty_caches


def pytest_sessionstart(session):
    """Tests read the interface text as the site does, from compiled catalogues: compile the
    ones whose .po is newer than the .mo (once, before any xdist worker starts), then make
    Django reload catalogues it may have read before they were compiled."""
    if hasattr(session.config, "workerinput"):
        return
    call_command("compilemessages", ignore=[".venv/*", "var/*"], verbosity=0)
    setting_changed.send(
        sender=settings._wrapped.__class__,
        setting="LOCALE_PATHS",
        value=settings.LOCALE_PATHS,
        enter=False,
    )


@pytest.fixture
def news_site(request, db):
    """A Vietnamese edition with sections and a topic, and a helper to add articles. In a module
    marked news_site_per_module it is built once for the module (see _module_news_site)."""
    if request.node.get_closest_marker("news_site_per_module"):
        return copy.deepcopy(request.getfixturevalue("_module_news_site"))
    return build_site()


@pytest.fixture(scope="module", autouse=True)
def _module_news_site(request, django_db_blocker):
    """In a module marked news_site_per_module: build_site() once (about 0.3 s of CPU saved per
    test), before any test's own transaction, in a transaction held open over the module's
    tests and rolled back after the last. Each test's own changes are rolled back to it as
    usual, and each test gets its own copy of the Python objects. Only for a module whose
    database tests all ask for news_site (one that does not would still see the site) and
    never commit (no transaction=True)."""
    if not request.node.get_closest_marker("news_site_per_module"):
        yield None
        return
    request.getfixturevalue("django_db_setup")
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        with translation.override(settings.LANGUAGE_CODE):
            site = build_site()
    yield site
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def platform_site(news_site):
    """The national platform beside the newspaper (`news_site`, the default site)."""
    return build_second_site()


@pytest.fixture
def english_edition(news_site):
    """English translations of the home page and the news section, published."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = news_site.home.copy_for_translation(english)
    home.title = "Dien Bien Phu Newspaper"
    home.save_revision().publish()
    section = news_site.sections["news"].copy_for_translation(english)
    section.title = "News - Politics"
    section.save_revision().publish()
    return home, section.specific


@pytest.fixture
def uncached_renders(settings):
    """The page cache off, for tests that count what rendering a page costs: with it on, the
    second request of such a test would be answered from the cache and count nothing."""
    settings.HOABAN_PAGE_CACHE = False


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: a shared Redis would otherwise carry entries
    (site root paths, pages) from an earlier test's database."""
    empty_caches()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request leaves its language active
    in the thread, so messages built outside a request would depend on the previous test."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def site_editors(news_site, platform_site):
    """An editor of each site's newsroom and a superuser: "newspaper", "platform", "superuser"."""
    from django.contrib.auth import get_user_model

    from hoaban.core.newsroom import ensure_newsroom_roles

    newspaper, platform = ensure_newsroom_roles()
    users = get_user_model().objects
    newspaper_editor = users.create_user("bientap-bao", password="mk")
    newspaper_editor.groups.add(newspaper.editors)
    platform_editor = users.create_user("bientap-cong", password="mk")
    platform_editor.groups.add(platform.editors)
    return {
        "newspaper": newspaper_editor,
        "platform": platform_editor,
        "superuser": users.create_superuser("tongbientap", "tbt@example.com", "mk"),
    }
