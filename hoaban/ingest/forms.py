from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class SourceForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        language = cleaned.get("language")
        editions = cleaned.get("translate_into") or []
        if any(locale.language_code == language for locale in editions):
            self.add_error(
                "translate_into",
                _("Imported drafts are already in the source's language; tick other editions."),
            )
        return cleaned
