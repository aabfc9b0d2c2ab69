from django.urls import path

from . import feeds

app_name = "feeds"

urlpatterns = [
    path("rss.xml", feeds.EditionFeed(), name="edition-rss"),
    path("atom.xml", feeds.EditionAtomFeed(), name="edition-atom"),
    path("sections/<slug:slug>/rss.xml", feeds.SectionFeed(), name="section-rss"),
    path("sections/<slug:slug>/atom.xml", feeds.SectionAtomFeed(), name="section-atom"),
    path("tags/<slug:slug>/rss.xml", feeds.TagFeed(), name="tag-rss"),
    path("tags/<slug:slug>/atom.xml", feeds.TagAtomFeed(), name="tag-atom"),
    path("topics/<slug:slug>/rss.xml", feeds.TopicFeed(), name="topic-rss"),
    path("topics/<slug:slug>/atom.xml", feeds.TopicAtomFeed(), name="topic-atom"),
    path("authors/<slug:slug>/rss.xml", feeds.AuthorFeed(), name="author-rss"),
    path("authors/<slug:slug>/atom.xml", feeds.AuthorAtomFeed(), name="author-atom"),
]
