from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TagName


class TagNameViewSet(SnippetViewSet):
    """Each tag's name per edition; machine-made ones wait here for an editor's review."""

    model = TagName
    icon = "tag"
    menu_label = _("Tag names")
    menu_name = "tag-names"
    add_to_admin_menu = True
    menu_order = 320
    copy_view_enabled = False
    list_display = ["name", "tag", "locale", "slug", "machine_translated"]
    list_filter = ["locale", "machine_translated"]
    search_fields = ["name", "slug", "tag__name"]

    def get_queryset(self, request):
        return TagName.objects.select_related("tag", "locale")


register_snippet(TagNameViewSet)
