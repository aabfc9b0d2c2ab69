"""Who manages which sources: holders of the Source permissions, for the sites they work on
(`hoaban.core.site_access`); superusers, every site's."""

from hoaban.core.site_access import SiteScopedPolicy, user_site_ids

from .models import Source


def sources_of_user_sites(user, sources):
    return sources.filter(site_id__in=user_site_ids(user))


permission_policy = SiteScopedPolicy(Source, sources_of_user_sites)


def user_sources(user):
    """The sources the user may see."""
    return permission_policy.instances_user_has_any_permission_for(user, ["view", "change"])
