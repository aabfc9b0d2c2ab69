from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "hoaban.translation"
    label = "translation"
    verbose_name = _("Translation")

    def ready(self):
        from . import admin_language, signals

        signals.connect()
        admin_language.translate_wagtail_labels_per_request()
