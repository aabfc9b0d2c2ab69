from collections import defaultdict

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hoaban.articles.models import ArticlePage
from hoaban.core.per_request import once_per_request
from hoaban.core.site_access import SiteScopedObjectMixin
from hoaban.core.sites import site_of

from .forms import SubscriptionForm
from .models import Republication, Subscription
from .notices import PANEL_LIMIT, WithdrawnCopiesPanel, withdrawn_for
from .permissions import republication_policy, subscription_policy
from .services import LOG_ACTIONS, publisher_name
from .sites import may_pick_stories, target_sites
from .translations import reusable_locales
from .views import OtherSitesStoriesView, RepublishView, ReuseTranslationView

# Whole sentences per edition: the language's name is declined in Russian and Vietnamese.
REUSE_LABELS = {
    "vi": _("Use the Vietnamese translation by %(publisher)s"),
    "en": _("Use the English translation by %(publisher)s"),
    "ru": _("Use the Russian translation by %(publisher)s"),
}


# Each site's links and subscriptions to its own newsroom (`permissions.py`): another site's
# are refused by address as well as left out of the lists.
class ScopedInspectView(SiteScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedEditView(SiteScopedObjectMixin, snippet_views.EditView):
    pass


class ScopedDeleteView(SiteScopedObjectMixin, snippet_views.DeleteView):
    pass


class ScopedHistoryView(SiteScopedObjectMixin, snippet_views.HistoryView):
    pass


class ScopedUsageView(SiteScopedObjectMixin, snippet_views.UsageView):
    pass


class SiteScopedSnippetViewSet(SnippetViewSet):
    inspect_view_class = ScopedInspectView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["view", "change"]
        )


class RepublicationViewSet(SiteScopedSnippetViewSet):
    """Copies and their originals, read-only: the services write them."""

    model = Republication
    icon = "redirect"
    menu_label = _("Republished articles")
    list_display = ["copy", "original_title", "site", "status", "created_at"]
    list_filter = ["site", "subscription"]
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "copy",
        "original_title",
        "original_url",
        "site",
        "subscription",
        "created_by",
        "created_at",
        "synced_at",
        "edited_at",
        "withdrawn_at",
        "withdrawal",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("copy", "site")


class SubscriptionViewSet(SiteScopedSnippetViewSet):
    model = Subscription
    edit_handler = ObjectList(Subscription.panels, base_form_class=SubscriptionForm)
    icon = "resubmit"
    menu_label = _("Subscriptions")
    list_display = ["section", "source_section", "source_tag", "active", "created_at"]
    list_filter = ["active"]
    copy_view_enabled = False


class StoriesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_pick_stories(request.user)


class RepublishingGroup(SnippetViewSetGroup):
    items = (RepublicationViewSet, SubscriptionViewSet)
    menu_icon = "redirect"
    menu_label = _("Republishing")
    menu_name = "republishing"
    menu_order = 320

    def get_submenu_items(self):
        stories = StoriesMenuItem(
            _("Stories from other sites"),
            reverse("hoaban_republish_stories"),
            name="republish-stories",
            icon_name="doc-full",
            order=0,
        )
        return [stories, *super().get_submenu_items()]


register_permission_policy(Republication, republication_policy)
register_permission_policy(Subscription, subscription_policy)
register_snippet(RepublishingGroup)


@hooks.register("register_log_actions")
def register_republishing_log_actions(actions):
    for action, label, message in LOG_ACTIONS.values():
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def register_republishing_urls():
    return [
        path(
            "republish/stories/",
            OtherSitesStoriesView.as_view(),
            name="hoaban_republish_stories",
        ),
        path(
            "republish/<int:page_id>/<int:site_id>/",
            RepublishView.as_view(),
            name="hoaban_republish",
        ),
        path(
            "republish/translation/<int:page_id>/<slug:language_code>/",
            ReuseTranslationView.as_view(),
            name="hoaban_reuse_translation",
        ),
    ]


def _links() -> tuple[frozenset, dict]:
    """(ids of copies, {original id: ids of the sites it is republished on}), read once per
    request for the page listing's rows."""
    copies, sites = set(), defaultdict(set)
    for copy_id, original_id, site_id in Republication.objects.values_list(
        "copy_id", "original_id", "site_id"
    ):
        copies.add(copy_id)
        sites[original_id].add(site_id)
    return frozenset(copies), sites


def _republish_buttons(page, user, priority):
    if page.specific_class is not ArticlePage or not page.live:
        return
    copies, republished_on = once_per_request(("republishing-links",), _links)
    if page.pk in copies:
        return
    for site in target_sites(user, page):
        if site.pk in republished_on.get(page.pk, ()):
            continue
        yield Button(
            _("Republish on %(site)s") % {"site": site.site_name},
            reverse("hoaban_republish", args=[page.pk, site.pk]),
            icon_name="redirect",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def republish_listing_buttons(page, user, next_url=None):
    yield from _republish_buttons(page, user, priority=25)


@hooks.register("register_page_header_buttons")
def republish_header_buttons(page, user, view_name, next_url=None):
    yield from _republish_buttons(page, user, priority=35)
    if page.specific_class is not ArticlePage:
        return
    link = Republication.objects.filter(copy_id=page.pk).select_related("original").first()
    if link is None or link.original is None:
        return
    parent = page.get_parent()
    if not parent.permissions_for_user(user).can_add_subpage():
        return
    copy = page.specific
    publisher = publisher_name(site_of(link.original))
    for locale in reusable_locales(copy):
        label = REUSE_LABELS.get(locale.language_code)
        if label is None:
            continue
        yield Button(
            label % {"publisher": publisher},
            reverse("hoaban_reuse_translation", args=[page.pk, locale.language_code]),
            icon_name="globe",
            priority=85,
        )


@hooks.register("construct_homepage_panels")
def add_withdrawn_copies_panel(request, panels):
    links = list(withdrawn_for(request.user)[:PANEL_LIMIT])
    if links:
        panels.append(WithdrawnCopiesPanel(links))
