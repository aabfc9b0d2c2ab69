import pytest
from django.utils import translation
from wagtail.models import Locale

from .fake_servers import FakeTranslationServer


@pytest.fixture
def fake_server():
    server = FakeTranslationServer().start()
    yield server
    server.stop()


def _translator(settings, backend, server, timeout=5):
    options = {
        "libretranslate": {
            "CLASS": "hoaban.translation.backends.http.LibreTranslate",
            "OPTIONS": {"LIBRETRANSLATE_URL": server.url, "API_KEY": "", "TIMEOUT": timeout},
        },
        "deepl": {
            "CLASS": "hoaban.translation.backends.http.DeepL",
            "OPTIONS": {
                "AUTH_KEY": "test-key:fx",
                "API_URL": f"{server.url}/v2/translate",
                "TIMEOUT": timeout,
            },
        },
    }
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = options[backend]


@pytest.fixture(params=["libretranslate", "deepl"])
def backend(request, settings, fake_server):
    """Each HTTP backend in turn, pointed at the fake server."""
    _translator(settings, request.param, fake_server)
    return request.param


@pytest.fixture
def libretranslate(settings, fake_server):
    _translator(settings, "libretranslate", fake_server)
    return fake_server


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def russian(db):
    return Locale.objects.get_or_create(language_code="ru")[0]


@pytest.fixture(autouse=True)
def english_messages():
    """Messages in English whatever language an earlier request left active in this thread."""
    with translation.override("en"):
        yield
