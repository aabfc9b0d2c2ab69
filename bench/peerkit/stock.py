"""A stock Wagtail site from `wagtail start`, with one rich-text page of about 7 KB.

The project template's home page has no body field; the only changes are a RichTextField on
it, a template that renders it, a local settings file (secret, hosts) and a second settings
module that wraps the stock middleware in Django's cache middleware.
"""

import os
import secrets
import subprocess
from pathlib import Path

PARAGRAPH = (
    "<p>Tỉnh Điện Biên và thành phố Saint Petersburg ký thỏa thuận hợp tác về thương mại, kinh "
    "tế, khoa học – công nghệ, xã hội và nhân văn; hai bên thống nhất thúc đẩy du lịch, năng "
    "lượng tái tạo, đầu tư và giao lưu học sinh giữa hai địa phương.</p>"
)
CACHED_SETTINGS = """from .production import *  # noqa

MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    *MIDDLEWARE,
    "django.middleware.cache.FetchFromCacheMiddleware",
]
CACHE_MIDDLEWARE_SECONDS = 600
"""
PAGE = """
from wagtail.models import Page
from home.models import HomePage
page = HomePage.objects.first()
page.title = "Điện Biên – Saint Petersburg"
page.body = {body!r}
page.save_revision().publish()
"""


def environment(project: Path) -> dict:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "HOABAN_VAR_DIR", "MEDIA_ROOT", "STATIC_ROOT"):
        env.pop(name, None)
    env.update(DJANGO_SETTINGS_MODULE="stocksite.settings.production", GUNICORN_ACCESS_LOG="")
    return env


def build(project: Path, python: str) -> Path:
    project.mkdir(parents=True)
    wagtail = str(Path(python).with_name("wagtail"))
    subprocess.run([wagtail, "start", "stocksite", str(project)], check=True)
    models = project / "home" / "models.py"
    models.write_text(
        "from wagtail.fields import RichTextField\nfrom wagtail.models import Page\n\n\n"
        "class HomePage(Page):\n    body = RichTextField(blank=True)\n"
    )
    (project / "home" / "templates" / "home" / "home_page.html").write_text(
        '{% extends "base.html" %}\n{% load wagtailcore_tags %}\n'
        "{% block content %}<h1>{{ page.title }}</h1>{{ page.body|richtext }}{% endblock %}\n"
    )
    settings = project / "stocksite" / "settings"
    (settings / "local.py").write_text(
        f"SECRET_KEY = {secrets.token_urlsafe(50)!r}\nALLOWED_HOSTS = ['127.0.0.1', 'localhost']\n"
    )
    (settings / "cached.py").write_text(CACHED_SETTINGS)
    env = environment(project)

    def manage(*args):
        subprocess.run(
            [python, "manage.py", *args],
            cwd=project,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    manage("makemigrations", "home")
    manage("migrate", "--no-input")
    manage("collectstatic", "--no-input")
    body = "".join(f"<h2>Phần {n}</h2>{PARAGRAPH * 3}" for n in range(1, 6))
    manage("shell", "-c", PAGE.format(body=body))
    return project
