from django import template

from hoaban.articles.sharing import share_links
from hoaban.core.public_url import page_full_url

register = template.Library()


@register.simple_tag(takes_context=True)
def public_url(context, page) -> str:
    """The page's address readers reach it at, for the printed copy."""
    return page_full_url(page, context.get("request")) or ""


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def article_share_links(context, page):
    url = page_full_url(page, context.get("request")) or ""
    return {"url": url, "title": page.title, "links": share_links(url=url, title=page.title)}
