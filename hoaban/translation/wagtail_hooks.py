from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hoaban.core.visibility import in_active_edition

from .admin_language import relabel
from .views import MachineTranslationStatusView


@hooks.register("before_serve_page")
def serve_only_the_active_editions_pages(page, request, serve_args, serve_kwargs):
    # Wagtail falls back to the source tree when an edition has no home, and wagtail-localize
    # copies a translation's parents as live aliases: neither may reach readers.
    if not in_active_edition(page):
        raise Http404


@hooks.register("register_admin_urls")
def register_machine_translation_status():
    return [
        path(
            "machine-translation/",
            MachineTranslationStatusView.as_view(),
            name="hoaban_machine_translation",
        )
    ]


@hooks.register("register_settings_menu_item")
def machine_translation_menu_item():
    return MenuItem(
        _("Machine translation"),
        reverse("hoaban_machine_translation"),
        icon_name="globe",
        order=900,
    )


@hooks.register("construct_reports_menu")
def reports_menu_in_the_request_language(request, menu_items):
    relabel(menu_items)


@hooks.register("construct_help_menu")
def help_menu_in_the_request_language(request, menu_items):
    relabel(menu_items)
