"""Local development: the embedded default, debug on, a throwaway secret, and the demo
translation engine so machine translation works with nothing downloaded."""

import os

from .base import *  # noqa: F403
from .base import MACHINE_TRANSLATORS, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-secret-key-not-for-production"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

MACHINE_TRANSLATOR = os.environ.get("MACHINE_TRANSLATOR", "demo").strip().lower()
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = MACHINE_TRANSLATORS.get(MACHINE_TRANSLATOR)
