from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    name = "hoaban.seo"
    label = "seo"
    verbose_name = _("Search engines and sharing")
