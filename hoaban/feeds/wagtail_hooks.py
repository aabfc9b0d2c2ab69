from django.utils import translation
from wagtail import hooks

from hoaban.core.public_url import absolute_url
from hoaban.feeds.feeds import feed_urls
from hoaban.tagging import labels as tag_labels


@hooks.register("hoaban_urls_showing_page")
def feeds_showing_page(page, pages_showing):
    """The feeds a page appears in, so the page cache and the proxy drop them on publish: its
    edition's, its section's and topics' (and a section's or topic's own), and its tags' (at
    their slugs in the page's edition)."""
    from hoaban.home.models import HomePage
    from hoaban.sections.models import SectionPage
    from hoaban.topics.models import TopicPage

    site = page.get_site()
    if site is None:
        return []
    kinds = []
    for shown_on in pages_showing:
        if isinstance(shown_on, HomePage):
            kinds.append(("edition", None))
        elif isinstance(shown_on, SectionPage):
            kinds.append(("section", shown_on.slug))
        elif isinstance(shown_on, TopicPage):
            kinds.append(("topic", shown_on.slug))
    tags = getattr(page.specific_deferred, "tags", None)
    if tags is not None:
        kinds += [("tag", label.slug) for label in tag_labels.labels(tags.all(), page.locale_id)]
    with translation.override(page.locale.language_code):
        return [
            absolute_url(url, site=site)
            for kind, slug in kinds
            for url in feed_urls(kind, slug).values()
        ]
