"""Who sees which links and subscriptions: holders of the models' permissions, for the sites
they work on (`hoaban.core.site_access`); superusers, every site's.

A link belongs to the site its copy is on; a subscription to the site of the section it
republishes into (its source is on another site: that is the point of it).
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from hoaban.core.site_access import SiteScopedPolicy, user_site_ids
from hoaban.core.sites import home_paths

from .models import Republication, Subscription


def republications_of_user_sites(user, republications):
    return republications.filter(site_id__in=user_site_ids(user))


def subscriptions_of_user_sites(user, subscriptions):
    paths = [path for site_id in user_site_ids(user) for path in home_paths(site_id)]
    if not paths:
        return subscriptions.none()
    return subscriptions.filter(reduce(or_, (Q(section__path__startswith=p) for p in paths)))


republication_policy = SiteScopedPolicy(Republication, republications_of_user_sites)
subscription_policy = SiteScopedPolicy(Subscription, subscriptions_of_user_sites)
