"""`{% contentcache name [vary_on ...] %}…{% endcontentcache %}`: a part of a page built from
content alone (related stories, the latest-news rail, the article's head, masthead and
footer), rendered once per process per content version and page, then reused by every render
until the site's content changes.

Wagtail's `{% wagtailpagecache %}` already keys a fragment on the page and its site and skips
previews; this adds what it cannot know: the memo's content version (hoaban.pagecache.memo),
which any publish, move or privacy change renews, and the active language. Fragments live in
Django's "template_fragments" cache, in the process's memory, and nothing is kept while the
memo is switched off (HOABAN_MEMO_CACHE), so the page then costs what it costs uncached.
Like Wagtail's tag it needs `page` and `request` in the context: Wagtail page templates only.
Whatever the fragment shows must come from the content the version tracks (the memo's sources
in hoaban.pagecache.signal_handlers), never from the reader; what it takes from the request
(the host in an absolute address, the path) must be named in `vary_on`.
"""

from django import template
from django.conf import settings
from django.template import Variable
from django.utils.translation import get_language
from wagtail.templatetags.wagtail_cache import WagtailPageCacheNode

from hoaban.pagecache.memo import content_version

register = template.Library()

VERSION_VAR = "hoaban_content_version"
LANGUAGE_VAR = "hoaban_fragment_language"


class _Timeout:
    """The fragment's lifetime, read from settings at render time (as the memo's own bound for
    changes made behind the ORM's back)."""

    def resolve(self, context):
        return settings.HOABAN_PAGE_CACHE_SECONDS


class ContentCacheNode(WagtailPageCacheNode):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vary_on.extend([Variable(VERSION_VAR), Variable(LANGUAGE_VAR)])

    def render(self, context):
        if not settings.HOABAN_MEMO_CACHE:
            return self.nodelist.render(context)
        with context.update({VERSION_VAR: content_version(), LANGUAGE_VAR: get_language()}):
            return super().render(context)


@register.tag("contentcache")
def do_contentcache(parser, token):
    nodelist = parser.parse(("endcontentcache",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 2:
        raise template.TemplateSyntaxError(f"'{tokens[0]}' needs a fragment name.")
    vary_on = [parser.compile_filter(bit) for bit in tokens[2:]]
    return ContentCacheNode(nodelist, _Timeout(), tokens[1], vary_on, None)
