from django import template

from hoaban.translation.editions import edition_links

register = template.Library()


@register.simple_tag(takes_context=True)
def editions(context):
    """The language switcher's links and the head's canonical/hreflang addresses, worked out once
    per request (the header and the head both use them)."""
    request = context.get("request")
    cached = getattr(request, "_hoaban_editions", None)
    if cached is not None:
        return cached
    page = context.get("page")
    links = edition_links(page=page, request=request)
    result = {
        "links": links,
        "alternates": [
            (link.language_code, request.build_absolute_uri(link.url))
            for link in links
            if link.is_translation
        ]
        if request is not None
        else [],
        "canonical": _canonical(request, page),
    }
    if request is not None:
        request._hoaban_editions = result
    return result


def _canonical(request, page) -> str:
    """This address without tracking or filter parameters; later pages of a list keep `page`."""
    if request is None or page is None:
        return ""
    url = request.build_absolute_uri(request.path)
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        url += f"?page={number}"
    return url
