from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PhotoText


class PhotoTextViewSet(SnippetViewSet):
    """Each photo's alt text and caption per edition; machine-made ones wait here for review."""

    model = PhotoText
    icon = "image"
    menu_label = _("Photo texts")
    menu_name = "photo-texts"
    add_to_admin_menu = True
    menu_order = 330
    copy_view_enabled = False
    list_display = ["alt", "image", "locale", "caption", "machine_translated"]
    list_filter = ["locale", "machine_translated"]
    search_fields = ["alt", "caption", "image__title"]

    def get_queryset(self, request):
        return PhotoText.objects.select_related("image", "locale")


register_snippet(PhotoTextViewSet)
