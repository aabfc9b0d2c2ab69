from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from hoaban.core.site_access import user_site_ids
from hoaban.core.sites import site_of


class SubscriptionForm(WagtailAdminModelForm):
    """A subscription republishes into a section of a site the editor works on: one of another
    site's would leave their list as soon as it was saved, and is not theirs to set up."""

    def clean_section(self):
        section = self.cleaned_data["section"]
        user = self.for_user
        if section is not None and user is not None and not user.is_superuser:
            site = site_of(section)
            if site is None or site.pk not in user_site_ids(user):
                raise ValidationError(_("Choose a section of a site you work on."))
        return section
