from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def save_after_autosave_js():
    return format_html(
        '<script src="{}" defer></script>', static("js/admin/save-after-autosave.js")
    )
