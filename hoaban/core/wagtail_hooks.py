"""Admin menus by role, and the editor's script that saves after an autosave.

Reports and settings are editors' tools.

A reporter's day is pages, photos, documents and authors; the Reports and Settings menus only
showed them screens about other people's work or the site's configuration. Wagtail's "Page
types usage" is a developer's report and stays with administrators.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy

ADMINISTRATORS_ONLY = {"page-types-usage"}


def can_publish(user) -> bool:
    return PagePermissionPolicy().user_has_permission(user, "publish")


@hooks.register("construct_reports_menu")
def reports_for_editors(request, menu_items):
    if not can_publish(request.user):
        menu_items[:] = []
    elif not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in ADMINISTRATORS_ONLY]


@hooks.register("construct_settings_menu")
def settings_for_editors(request, menu_items):
    if not can_publish(request.user):
        menu_items[:] = []


@hooks.register("insert_editor_js")
def save_after_autosave_js():
    return format_html(
        '<script src="{}" defer></script>', static("js/admin/save-after-autosave.js")
    )
