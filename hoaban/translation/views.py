from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .status import translator_status


class MachineTranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Machine translation")
    header_icon = "globe"
    template_name = "translation/machine_translation_status.html"

    def get_breadcrumbs_items(self):
        # Wagtail's default crumbs stop at "Home", which then reads as the page's heading.
        return [*super().get_breadcrumbs_items(), {"url": None, "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "status": translator_status()}
