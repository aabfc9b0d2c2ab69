"""Listings leave out what Wagtail would not show an anonymous reader."""

from hoaban.articles.models import ArticlePage
from hoaban.core.privacy import public
from hoaban.testing import protect_with_password, translate


def test_a_translation_under_an_alias_of_a_private_section_is_left_out_of_listings(news_site):
    # Its section is an alias of the Vietnamese one: served, it asks for the password too.
    english = translate(news_site.article("business"), "en", title="Provincial budget draft")
    open_story = news_site.article("news")
    protect_with_password(news_site.sections["business"])
    listed = set(public(ArticlePage.objects.live()).values_list("pk", flat=True))
    assert english.pk not in listed
    assert open_story.pk in listed
