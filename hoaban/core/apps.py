from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "hoaban.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import page_events

        page_events.connect()
