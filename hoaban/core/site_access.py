"""Which sites an admin user works on, and the admin's lists narrowed to them.

A site's pages are those under its edition homes (`hoaban.core.sites.home_paths`). A user
works on a site when one of their groups holds a page permission there, or above it; the
newsroom roles grant theirs on each edition home (`hoaban.core.newsroom`), so a newspaper
editor works on the newspaper only. Superusers work on every site.

Wagtail already narrows the page explorer, page search and page actions by those grants, and
site settings by its own per-site grants (`GroupSitePermission`). What it has no rule for
follows here: reader comments go with the page they are on (a moderator sees those on pages
they may edit), syndication sources with their site.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from .sites import home_paths

_USER_SITES = "_hoaban_user_site_ids"


def page_in_site(page, site) -> bool:
    return any(page.path.startswith(path) for path in home_paths(site))


def user_site_ids(user) -> set[int]:
    """Ids of the sites the user works on; kept on the user object for its request."""
    if hasattr(user, _USER_SITES):
        return getattr(user, _USER_SITES)
    sites = set()
    if user.is_active and user.is_superuser:
        sites = set(Site.objects.values_list("pk", flat=True))
    elif user.is_active:
        grants = PagePermissionPolicy().get_cached_permissions_for_user(user)
        granted = {grant.page.path for grant in grants}
        for site in Site.objects.all():
            homes = home_paths(site)
            if any(
                home.startswith(path) or path.startswith(home) for home in homes for path in granted
            ):
                sites.add(site.pk)
    setattr(user, _USER_SITES, sites)
    return sites


def user_sites(user):
    return Site.objects.filter(pk__in=user_site_ids(user)).order_by("site_name", "hostname")


def pages_user_may_edit(user):
    """Wagtail's rule: the pages the user may change."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


class SiteScopedPolicy(ModelPermissionPolicy):
    """The model's permissions, on the objects of the sites the user works on only.

    `scope(user, queryset)` narrows a queryset of the model to those objects.
    """

    def __init__(self, model, scope):
        super().__init__(model)
        self.scope = scope

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return objects.none()
        return objects if user.is_superuser else self.scope(user, objects)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        if user.is_superuser:
            return True
        return self.scope(user, self.model._default_manager.filter(pk=instance.pk)).exists()


class SiteScopedObjectMixin:
    """For a viewset's views of one object (edit, delete, inspect, history, usage): an object
    of a site the user does not work on is refused, as Wagtail refuses another site's pages."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, ["add", "change", "delete", "view"], instance
        ):
            raise PermissionDenied
        return instance
