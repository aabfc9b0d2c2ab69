"""The newsroom's roles: reporters write and submit, editors approve and publish.

Photos and documents are guarded by Wagtail's collection permissions, not model-wide ones:
both groups work in the "Newsroom" collection, where reporters add and choose (and, by
Wagtail's owner rule, edit their own uploads) and editors also change and delete.

Wagtail's migrations create a generic "Editors"/"Moderators" setup; a newspaper needs the
reporter → editor hand-over as its review workflow. Permissions only exist once every app's
post-migrate step has run, so this is a service called after `migrate` (by `setup_newsroom`
and the demo loader) rather than a data migration.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

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
    ("core", "change_newsroomsettings"),
    # Editors translate: wagtail-localize's own migration grants this only to a group that
    # happened to be called "Editors" when it ran.
    ("wagtail_localize", "submit_translation"),
    ("discussion", "view_comment"),
    ("discussion", "change_comment"),
    ("discussion", "change_commentsettings"),
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
# Model-wide grants that Wagtail ignores (it reads collection permissions) and that earlier
# setups gave: removed so the groups' permission lists say what the roles can do.
OBSOLETE_PERMISSIONS = [
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
# (app_label, codename) granted on the Newsroom collection.
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


def _grant_pages(group, root, codenames):
    page_type = ContentType.objects.get_for_model(Page)
    for codename in codenames:
        permission = Permission.objects.get(content_type=page_type, codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def newsroom_collection() -> Collection:
    """The collection photos and documents are uploaded to; created under the root if missing."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=COLLECTION_NAME))
    return collection


def _grant_collection(group, collection, pairs):
    for permission in _permissions(pairs):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


@transaction.atomic
def ensure_newsroom_roles() -> tuple[Group, Group]:
    """Create or update the two groups and the review workflow; safe to run any number of times."""
    root = Page.get_first_root_node()
    reporters, _ = Group.objects.get_or_create(name=REPORTERS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    for group in (reporters, editors):
        group.permissions.remove(*_permissions(OBSOLETE_PERMISSIONS))
    reporters.permissions.add(*_permissions(REPORTER_PERMISSIONS))
    editors.permissions.add(*_permissions(EDITOR_PERMISSIONS))
    collection = newsroom_collection()
    _grant_collection(reporters, collection, REPORTER_COLLECTION_PERMISSIONS)
    _grant_collection(editors, collection, EDITOR_COLLECTION_PERMISSIONS)
    _grant_pages(reporters, root, REPORTER_PAGE_PERMISSIONS)
    _grant_pages(editors, root, EDITOR_PAGE_PERMISSIONS)
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

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return reporters, editors
