from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepublishingConfig(AppConfig):
    name = "hoaban.republishing"
    label = "republishing"
    verbose_name = _("Republishing")

    def ready(self):
        from . import signals

        signals.connect()
