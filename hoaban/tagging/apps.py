from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaggingConfig(AppConfig):
    name = "hoaban.tagging"
    label = "tagging"
    verbose_name = _("Tag names")

    def ready(self):
        from . import signals

        signals.connect()
