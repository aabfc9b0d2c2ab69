from django import template
from django.utils.translation import gettext as _

from hoaban.feeds.feeds import feed_urls

register = template.Library()


def _feeds_of(context):
    """(kind, slug, name) of the feed matching what the page shows, beyond the edition's."""
    from hoaban.sections.models import SectionPage
    from hoaban.topics.models import TopicPage

    page = context.get("page")
    tag = context.get("tag")
    person = context.get("person")
    if tag is not None and hasattr(tag, "slug"):
        return ("tag", tag.slug, tag.name)
    if person is not None:
        return ("author", person.slug, person.name)
    if isinstance(page, SectionPage):
        return ("section", page.slug, page.title)
    if isinstance(page, TopicPage):
        return ("topic", page.slug, page.title)
    return None


@register.inclusion_tag("feeds/feed_links.html", takes_context=True)
def feed_links(context, publisher=""):
    """`<link rel="alternate">` autodiscovery for the edition's feeds and the page's own."""
    links = []
    specific = _feeds_of(context)
    if specific is not None:
        kind, slug, name = specific
        urls = feed_urls(kind, slug)
        links.append({"type": "application/rss+xml", "href": urls["rss"], "title": f"{name} (RSS)"})
        links.append(
            {"type": "application/atom+xml", "href": urls["atom"], "title": f"{name} (Atom)"}
        )
    edition = feed_urls("edition")
    name = publisher or _("All news")
    links.append({"type": "application/rss+xml", "href": edition["rss"], "title": f"{name} (RSS)"})
    links.append(
        {"type": "application/atom+xml", "href": edition["atom"], "title": f"{name} (Atom)"}
    )
    return {"links": links}
