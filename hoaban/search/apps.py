from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsSearchConfig(AppConfig):
    name = "hoaban.search"
    # "search" would clash with wagtail.search's own label in migrations and the app registry.
    label = "newssearch"
    verbose_name = _("Search")
