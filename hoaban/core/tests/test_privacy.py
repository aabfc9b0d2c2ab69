"""Listings leave out what Wagtail would not show an anonymous reader."""

from wagtail.models import PageViewRestriction

from hoaban.articles.models import ArticlePage
from hoaban.core.privacy import public
from hoaban.testing import translate


def test_a_translation_under_an_alias_of_a_private_section_is_left_out_of_listings(news_site):
    # Its section is an alias of the Vietnamese one: served, it asks for the password too.
    english = translate(news_site.article("business"), "en", title="Provincial budget draft")
    open_story = news_site.article("news")
    PageViewRestriction.objects.create(
        page=news_site.sections["business"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="bí-mật",
    )
    listed = set(public(ArticlePage.objects.live()).values_list("pk", flat=True))
    assert english.pk not in listed
    assert open_story.pk in listed
