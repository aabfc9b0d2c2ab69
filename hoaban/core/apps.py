from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "hoaban.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from wagtail.signals import copy_for_translation_done

        from . import newsroom, page_events

        page_events.connect()
        copy_for_translation_done.connect(
            newsroom.extend_roles_to_new_home, dispatch_uid="hoaban-roles-new-home"
        )
