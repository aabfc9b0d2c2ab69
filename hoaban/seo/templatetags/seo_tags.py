import json
from html import unescape

from django import template
from django.templatetags.static import static
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hoaban.core.models import NewsroomSettings, edition_tagline
from hoaban.core.templatetags.news_tags import navigation
from hoaban.images.templatetags.photo_texts import photo_words
from hoaban.seo import structured_data as schema
from hoaban.tagging.labels import tag_description
from hoaban.translation.templatetags.editions import editions

register = template.Library()

# Open Graph wants a territory with the language.
OG_LOCALES = {"vi": "vi_VN", "en": "en_GB", "ru": "ru_RU"}


def json_ld(data) -> str:
    """A JSON-LD script element; "<" is escaped so no text can close the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def _description(page, newsroom, home, tag=None, person=None) -> str:
    """Plain text in the edition's language: a topic's introduction is rich text, and the
    newsroom's tagline is the main edition's."""
    if tag is not None:
        return tag_description(tag.name)
    if person is not None:
        return _("Articles by %(name)s") % {"name": person.name}
    for text in (
        getattr(page, "search_description", ""),
        getattr(page, "lead", ""),
        getattr(page, "introduction", ""),
    ):
        if text and isinstance(text, str):
            return unescape(strip_tags(text)).strip()
    return edition_tagline(newsroom, home, get_language()) or newsroom.publisher_name


@register.inclusion_tag("seo/head.html", takes_context=True)
def seo_head(context):
    """Open Graph and Twitter cards and JSON-LD; the canonical address (also og:url) and the
    hreflang alternates come from the editions tag, which base.html prints."""
    from hoaban.articles.models import ArticlePage
    from hoaban.home.models import HomePage
    from hoaban.sections.models import SectionPage
    from hoaban.topics.models import TopicPage

    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "pk", None):
        return {}
    settings = NewsroomSettings.for_request(request)
    share = schema.ShareContext(request, settings.publisher_name)
    home = navigation(context)["home"]
    tag = context.get("tag")
    person = context.get("person")
    routed = tag is not None or person is not None

    canonical = editions(context)["canonical"]
    shown = None
    if isinstance(page, ArticlePage):
        shown = page.lead_image
    elif isinstance(page, TopicPage):
        shown = page.image
    # Alt text in the page's edition, as on the page itself (no lang attribute is possible here).
    image = shown and schema.share_image(share, shown, photo_words(context, shown).alt)
    if tag is not None:
        title = tag.name
    elif person is not None:
        title = person.name
    else:
        title = page.seo_title or page.title

    graph = []
    if isinstance(page, ArticlePage):
        section = context.get("section")
        graph.append(
            schema.news_article(
                share,
                page,
                section=section,
                home=home,
                tags=context.get("article_tags", ()),
                original=context.get("original"),
            )
        )
        graph.append(schema.breadcrumbs(share, [home, section, page]))
    elif isinstance(page, SectionPage | TopicPage) and home is not None:
        graph.append(schema.breadcrumbs(share, [home, page]))
    elif person is not None and home is not None:
        graph.append(schema.profile_page(share, person, home=home))
    elif isinstance(page, HomePage) and not routed:
        graph.append(schema.organization(share, page, settings))
        graph.append(schema.website(share, page))

    return {
        "canonical": canonical,
        "og_type": "article" if isinstance(page, ArticlePage) else "website",
        "og_locale": OG_LOCALES.get(get_language(), get_language()),
        "title": title,
        "description": _description(page, settings, home, tag, person),
        "site_name": settings.publisher_name,
        "image": image,
        "logo": share.absolute(static(schema.LOGO)),
        "article": page if isinstance(page, ArticlePage) else None,
        "section": context.get("section"),
        "tags": context.get("article_tags", ()),
        "json_ld": json_ld(schema.graph(*graph)) if graph else "",
    }
