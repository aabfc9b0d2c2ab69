"""Querysets and dictionaries behind the read API: the pages readers may see
(hoaban.core.visibility), a fixed number of queries per response whatever its length."""

from collections import defaultdict

from django.db.models import Max, Prefetch
from wagtail.models import PageLogEntry

from hoaban.articles import queries
from hoaban.core.visibility import visible
from hoaban.images.renditions import share_rendition
from hoaban.images.texts import PhotoTexts
from hoaban.tagging import labels as tag_labels

from .schemas import Article

ARTICLE_FIELDS = tuple(Article.model_fields)
DEFAULT_FIELDS = tuple(name for name in ARTICLE_FIELDS if name != "translation_key")


def article_queryset(*, with_body=False):
    """Visible articles of every edition, newest first."""
    from hoaban.articles.models import ArticlePage

    articles = (
        visible(ArticlePage.objects)
        .select_related("locale", "lead_image", "author", "video_file")
        .prefetch_related("lead_image__renditions")
        .order_by("-date", "-pk")
    )
    return articles if with_body else articles.defer_streamfields()


def latest_change():
    """When any page was last published, unpublished, moved or deleted (Wagtail logs them all),
    so a listing's Last-Modified also moves when a story disappears from it."""
    return PageLogEntry.objects.aggregate(latest=Max("timestamp"))["latest"]


def _image(share, image, words):
    rendition = share_rendition(image)
    if rendition is None:
        return None
    return {
        "url": share.absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": words.alt,
        "caption": words.caption,
        "credit": image.credit,
    }


def load(articles, fields):
    """Materialise `articles` with what `fields` needs: tags, topics and section labels each in
    one query, never one per article."""
    if "tags" in fields:
        articles = articles.prefetch_related("tagged_items__tag")
    if "topics" in fields:
        # A draft or private topic the story is filed under stays unnamed, its id included.
        from hoaban.topics.models import TopicPage

        shown = visible(TopicPage.objects).only("pk")
        articles = articles.prefetch_related(Prefetch("topics", queryset=shown))
    articles = list(articles)
    if "tags" in fields:
        # Each article's tags named in its own edition, all with one query.
        tags = [tagged.tag for article in articles for tagged in article.tagged_items.all()]
        label_of = tag_labels.lookup(tags, {article.locale_id for article in articles})
        for article in articles:
            article.tag_names = [
                label_of(tagged.tag, article.locale_id).name
                for tagged in article.tagged_items.all()
            ]
    if "section" in fields:
        queries.attach_sections(articles)
    if "image" in fields:
        # Each lead photo's words in its article's edition: one query per edition listed.
        by_language = defaultdict(list)
        for article in articles:
            by_language[article.locale.language_code].append(article)
        for language, group in by_language.items():
            texts = PhotoTexts([article.lead_image for article in group], language)
            for article in group:
                article.photo_words = texts.of(article.lead_image) if article.lead_image else None
    return articles


def article_data(share, article, fields) -> dict:
    values = {
        "id": lambda: article.pk,
        "title": lambda: article.title,
        "slug": lambda: article.slug,
        "url": lambda: share.page_url(article),
        "locale": lambda: article.locale.language_code,
        "date": lambda: article.date,
        "updated": lambda: max(article.date, article.last_published_at or article.date),
        "dateline": lambda: article.dateline,
        "lead": lambda: article.lead,
        "byline": lambda: article.byline_name,
        "section": lambda: (
            {"id": article.section.pk, "title": article.section.title, "slug": article.section.slug}
            if getattr(article, "section", None)
            else None
        ),
        "tags": lambda: article.tag_names,
        "topics": lambda: [topic.pk for topic in article.topics.all()],
        "image": lambda: _image(share, article.lead_image, article.photo_words),
        "video_url": lambda: (
            (share.absolute(article.video_file.url) if article.video_file_id else article.video_url)
            or None
        ),
        "source": lambda: (
            {"name": article.source_name, "url": article.source_url}
            if article.is_syndicated
            else None
        ),
        "translation_key": lambda: str(article.translation_key),
    }
    return {name: values[name]() for name in fields}
