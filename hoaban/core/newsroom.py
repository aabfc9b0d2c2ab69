"""The newsroom's roles, per site: reporters write and submit, editors approve and publish.

Each site has its own two groups, review workflow and collection, and the groups' page grants
sit on the site's edition homes (the main one and its translations), so one site's newsroom
cannot touch another's pages; `hoaban.core.site_access` narrows comments and sources the same
way, and the site settings are granted per site (`GroupSitePermission`). The default site keeps
the names the newsroom always had ("Reporters", "Editors", "Newsroom review", "Newsroom"):
its members, and wagtail-localize's own grant to "Editors", stay as they were. Another site's
names end in its name, e.g. "Editors – Cổng Quảng bá Việt Nam".

Photos and documents are guarded by Wagtail's collection permissions, not model-wide ones:
both groups work in their site's collection, where reporters add and choose (and, by
Wagtail's owner rule, edit their own uploads) and editors also change and delete.

Wagtail's migrations create a generic "Editors"/"Moderators" setup; a newspaper needs the
reporter → editor hand-over as its review workflow. Permissions only exist once every app's
post-migrate step has run, so this is a service called after `migrate` (by `setup_newsroom`,
`add_site_roles` and the demo loader) rather than a data migration.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .sites import home_paths

REPORTERS = "Reporters"
EDITORS = "Editors"
WORKFLOW_NAME = "Newsroom review"
TASK_NAME = "Editor approval"
COLLECTION_NAME = "Newsroom"

# (app_label, codename) granted model-wide.
REPORTER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("people", "add_person"),
    ("people", "change_person"),
    ("people", "view_person"),
]
EDITOR_PERMISSIONS = [
    *REPORTER_PERMISSIONS,
    ("people", "delete_person"),
    # Editors translate: wagtail-localize's own migration grants this only to a group that
    # happened to be called "Editors" when it ran.
    ("wagtail_localize", "submit_translation"),
    ("discussion", "view_comment"),
    ("discussion", "change_comment"),
    ("tagging", "add_tagname"),
    ("tagging", "change_tagname"),
    ("tagging", "delete_tagname"),
    ("tagging", "view_tagname"),
    ("images", "add_phototext"),
    ("images", "change_phototext"),
    ("images", "delete_phototext"),
    ("images", "view_phototext"),
    ("ingest", "add_source"),
    ("ingest", "change_source"),
    ("ingest", "delete_source"),
    ("ingest", "view_source"),
    ("ingest", "view_importeditem"),
    ("ingest", "view_fetchrun"),
    ("republishing", "view_republication"),
    ("republishing", "add_subscription"),
    ("republishing", "change_subscription"),
    ("republishing", "delete_subscription"),
    ("republishing", "view_subscription"),
]
# Granted on the editors' own site only (Wagtail's site settings read `GroupSitePermission`).
EDITOR_SITE_PERMISSIONS = [
    ("core", "change_newsroomsettings"),
    ("discussion", "change_commentsettings"),
]
# Model-wide grants that earlier setups gave and that now say too much: image and document
# rights (Wagtail reads collection permissions), and the site settings of every site.
OBSOLETE_PERMISSIONS = [
    *EDITOR_SITE_PERMISSIONS,
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtailcore", "add_collection"),
]
# (app_label, codename) granted on the site's collection.
REPORTER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
EDITOR_COLLECTION_PERMISSIONS = [
    *REPORTER_COLLECTION_PERMISSIONS,
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
]
REPORTER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        permission = (
            Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            .order_by("pk")
            .first()
        )
        if permission is None:
            raise LookupError(f"Permission {app_label}.{codename} is missing: run migrate first.")
        found.append(permission)
    return found


@dataclass(frozen=True)
class RoleNames:
    reporters: str
    editors: str
    collection: str
    workflow: str
    task: str


@dataclass(frozen=True)
class SiteRoles:
    reporters: Group
    editors: Group
    collection: Collection
    workflow: Workflow


def role_names(site: Site | None) -> RoleNames:
    """The default site's (or, before any site exists, the first site's) names are the
    newsroom's historical ones; another site's end in its name, or its host name."""
    if site is None or site.is_default_site:
        return RoleNames(REPORTERS, EDITORS, COLLECTION_NAME, WORKFLOW_NAME, TASK_NAME)
    suffix = f" – {site.site_name or site.hostname}"
    return RoleNames(
        *(name + suffix for name in (REPORTERS, EDITORS, COLLECTION_NAME, WORKFLOW_NAME, TASK_NAME))
    )


def edition_homes(site: Site) -> list[Page]:
    """The site's main home and its translations: where the site's grants and workflow sit."""
    return list(Page.objects.filter(path__in=home_paths(site)).order_by("path"))


def _grant_pages(group, homes, codenames):
    page_type = ContentType.objects.get_for_model(Page)
    permissions = Permission.objects.filter(content_type=page_type, codename__in=codenames)
    for home in homes:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)


def _drop_grants_outside(groups, site: Site):
    """Page grants of the site's groups elsewhere (earlier setups granted on the tree's root,
    which covers every site) are removed: the groups' rights end at their site."""
    paths = home_paths(site)
    for grant in GroupPagePermission.objects.filter(group__in=groups).select_related("page"):
        if not any(grant.page.path.startswith(path) for path in paths):
            grant.delete()


def newsroom_collection(site: Site | None = None) -> Collection:
    """The collection the site's photos and documents are uploaded to (the default site's when
    none is given); created under the root if missing."""
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    name = role_names(site).collection
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=name))
    return collection


def _grant_collection(group, collection, pairs):
    for permission in _permissions(pairs):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def _workflow(names: RoleNames, editors: Group, homes: list[Page]) -> Workflow:
    task = GroupApprovalTask.objects.filter(name=names.task).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=names.task)
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=names.workflow)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    # Earlier setups assigned the review to the tree's root, for every site: the homes'
    # own assignments take its place.
    WorkflowPage.objects.filter(page__depth=1, workflow=workflow).delete()
    return workflow


@transaction.atomic
def ensure_site_roles(site: Site | None) -> SiteRoles:
    """Create or update one site's two groups, collection and review workflow; safe to run any
    number of times. `None` stands for the first site of a fresh install: its groups exist
    before it does, and its page and settings grants come with the next run once it exists."""
    names = role_names(site)
    reporters, _ = Group.objects.get_or_create(name=names.reporters)
    editors, _ = Group.objects.get_or_create(name=names.editors)
    for group in (reporters, editors):
        group.permissions.remove(*_permissions(OBSOLETE_PERMISSIONS))
    reporters.permissions.add(*_permissions(REPORTER_PERMISSIONS))
    editors.permissions.add(*_permissions(EDITOR_PERMISSIONS))
    collection = newsroom_collection(site)
    _grant_collection(reporters, collection, REPORTER_COLLECTION_PERMISSIONS)
    _grant_collection(editors, collection, EDITOR_COLLECTION_PERMISSIONS)
    homes = edition_homes(site) if site is not None else []
    if site is not None:
        _drop_grants_outside([reporters, editors], site)
        _grant_pages(reporters, homes, REPORTER_PAGE_PERMISSIONS)
        _grant_pages(editors, homes, EDITOR_PAGE_PERMISSIONS)
        for permission in _permissions(EDITOR_SITE_PERMISSIONS):
            GroupSitePermission.objects.get_or_create(
                group=editors, site=site, permission=permission
            )
    # Reporters may not publish: drop any publish right an earlier setup gave them.
    GroupPagePermission.objects.filter(
        group=reporters, permission__codename="publish_page"
    ).delete()
    # Reporters edit only their own uploads (Wagtail's owner rule), never others'.
    GroupCollectionPermission.objects.filter(
        group=reporters,
        permission__codename__in=[
            "change_image",
            "delete_image",
            "change_document",
            "delete_document",
        ],
    ).delete()
    workflow = _workflow(names, editors, homes)
    return SiteRoles(reporters, editors, collection, workflow)


def ensure_newsroom_roles() -> list[SiteRoles]:
    """Every site's roles, the default site's first."""
    sites = list(Site.objects.order_by("-is_default_site", "pk")) or [None]
    return [ensure_site_roles(site) for site in sites]


def extend_roles_to_new_home(sender, source_obj, target_obj, **kwargs):
    """A new edition of a site (its home translated, by an editor or wagtail-localize's tree
    sync) gets the page grants and the workflow of the home it was translated from, so its
    pages belong to the same newsroom from the start. Connected in `CoreConfig.ready`."""
    if not isinstance(target_obj, Page) or target_obj.depth != 2:
        return
    for grant in GroupPagePermission.objects.filter(page_id=source_obj.pk):
        GroupPagePermission.objects.get_or_create(
            group_id=grant.group_id, page_id=target_obj.pk, permission_id=grant.permission_id
        )
    assigned = WorkflowPage.objects.filter(page_id=source_obj.pk).first()
    if assigned is not None:
        WorkflowPage.objects.get_or_create(
            page_id=target_obj.pk, defaults={"workflow_id": assigned.workflow_id}
        )
