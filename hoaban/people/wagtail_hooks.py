from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import authors
from .models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 300


register_snippet(PersonViewSet)


@hooks.register("hoaban_urls_showing_page")
def author_pages_showing_page(page, pages_showing):
    """An article is listed on its author's page and feeds in its edition."""
    from hoaban.home.models import HomePage

    author_id = getattr(page.specific_deferred, "author_id", None)
    home = next((p for p in pages_showing if isinstance(p, HomePage)), None)
    if author_id is None or home is None:
        return []
    slug = Person.objects.filter(pk=author_id).values_list("slug", flat=True).first()
    return authors.author_urls([slug], [home])
