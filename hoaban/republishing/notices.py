"""Telling the platform's editors that copies were withdrawn with their originals: an e-mail
to each editor who may publish where the copy is (in the language they chose for the admin),
and the dashboard panel that lists withdrawn copies until they are published or deleted."""

from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.mail import send_mail
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.users.models import UserProfile

from .models import Republication

PANEL_LIMIT = 10


def _editors(page):
    """Active users with an e-mail address who may publish `page`."""
    users = PagePermissionPolicy().users_with_permission_for_instance("publish", page)
    return users.exclude(email="")


def _message(link) -> tuple[str, str]:
    subject = _("Withdrawn: “%(title)s” on %(site)s") % {
        "title": link.copy.title,
        "site": link.site.site_name,
    }
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "wagtailadmin_pages:edit", args=[link.copy_id]
    )
    body = _(
        "The original of “%(title)s” (%(original)s) was withdrawn by its site (%(reason)s), so "
        "its copy on %(site)s has been unpublished.\n\nThe copy: %(edit_url)s"
    ) % {
        "title": link.copy.title,
        "original": link.original_url,
        "reason": link.get_withdrawal_display(),
        "site": link.site.site_name,
        "edit_url": edit_url,
    }
    return subject, body


def tell_editors(links) -> int:
    """E-mail each copy's editors; returns how many e-mails were sent."""
    sent = 0
    for link in links:
        by_language = defaultdict(list)
        for user in _editors(link.copy):
            language = UserProfile.get_for_user(user).get_preferred_language()
            by_language[language].append(user.email)
        for language, addresses in by_language.items():
            with translation.override(language):
                subject, body = _message(link)
            sent += send_mail(subject, body, addresses)
    return sent


def withdrawn_for(user):
    """Withdrawn copies still unpublished, where `user` may publish them, newest first."""
    publishable = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
    return (
        Republication.objects.filter(withdrawn_at__isnull=False, copy__live=False)
        .filter(copy__in=publishable.values("pk"))
        .select_related("copy", "site")
        .order_by("-withdrawn_at")
    )


class WithdrawnCopiesPanel(Component):
    name = "withdrawn_copies"
    template_name = "republishing/withdrawn_panel.html"
    order = 120

    def __init__(self, links):
        self.links = links

    def get_context_data(self, parent_context):
        return {"links": self.links}
