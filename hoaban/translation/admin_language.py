"""The admin in each editor's own language, on screens that Wagtail builds once per process.

A few of Wagtail's labels are translated when their module is imported or when a form class
is first built, so they keep the language active at that moment (the site's, Vietnamese, at
start-up; the first visitor's for a form) and show it to everyone afterwards: the page
chooser's "Choose a page (Section)", the chooser modals' "Search" tab and buttons, the rich
text image form, and the "Home" crumb of every snippet screen (SnippetViewSet builds its
breadcrumbs with gettext while the admin's URLs load). Here they are put back through
gettext_lazy, so each request reads them in its own language. Called from the app's ready(),
before the admin's URLs and viewsets exist.

Menus are built once, at the first request, and two of their items' labels are translated
then ("Translations" in Reports, "What's new in Wagtail" in Help): the wagtail_hooks of this
app label them again for each request (relabel()).
"""

import copy

from django import forms
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.images.forms import ImageInsertionForm
from wagtail.models import Page
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.utils.version import get_main_version

CHOOSER_LABELS = {
    "choose_one_text": "Choose",
    "choose_another_text": "Choose another",
    "edit_item_text": "Edit",
    "search_tab_label": "Search",
    "create_action_label": "Create",
}
IMAGE_INSERTION_LABELS = {
    "format": "Format",
    "image_is_decorative": "Image is decorative",
    "alt_text": "Alt text",
}


class PageChooser(AdminPageChooser):
    """Wagtail's page chooser, its "Choose a page (Section)" read in the request's language."""

    def __init__(self, target_models=None, **kwargs):
        super().__init__(target_models=target_models, **kwargs)
        if self.model is not Page:
            self.choose_one_text = format_lazy(
                "{} ({})", gettext_lazy("Choose a page"), capfirst(self.model._meta.verbose_name)
            )


def _page_chooser(db_field) -> dict:
    return {"widget": PageChooser(target_models=[db_field.remote_field.model])}


_snippet_breadcrumbs = SnippetViewSet.breadcrumbs_items


def _snippet_breadcrumbs_read_per_request(viewset) -> list[dict]:
    crumbs = _snippet_breadcrumbs.fget(viewset)
    crumbs[0] = {**crumbs[0], "label": gettext_lazy("Home")}
    return crumbs


def translate_wagtail_labels_per_request():
    SnippetViewSet.breadcrumbs_items = property(_snippet_breadcrumbs_read_per_request)
    register_form_field_override(models.ForeignKey, to=Page, override=_page_chooser)
    for name, text in CHOOSER_LABELS.items():
        # Only where a subclass did not give its own (lazy) label.
        if isinstance(ChooserViewSet.__dict__.get(name), str):
            setattr(ChooserViewSet, name, gettext_lazy(text))
    for name, text in IMAGE_INSERTION_LABELS.items():
        field: forms.Field = ImageInsertionForm.base_fields[name]
        field.label = gettext_lazy(text)


def _whats_new() -> str:
    version = get_main_version(include_patch=False)
    return gettext("What's new in Wagtail %(version)s") % {"version": version}


def relabel(menu_items: list):
    """Give the menu items whose label Wagtail fixed at the first request their label in this
    request's language (on copies: the registered items are shared by every request)."""
    labels = {
        reverse("wagtail_localize:translations_report"): lambda: gettext("Translations"),
    }
    for index, item in enumerate(menu_items):
        label = labels.get(item.url)
        if item.name.startswith("whats-new-in-wagtail-"):
            label = _whats_new
        if label is not None:
            menu_items[index] = copy.copy(item)
            menu_items[index].label = label()
