"""The listings every news page is built from, each a fixed number of queries.

Section labels come from one query for the locale's sections, matched on tree path, instead
of asking each article for its parent: a list of twenty stories costs the same as a list of two.
"""

from collections import Counter
from functools import partial
from operator import attrgetter

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.db.models import Prefetch
from django.http import Http404

from hoaban.core.per_request import once_per_request
from hoaban.core.visibility import in_edition, seen, visible
from hoaban.images.models import NewsRendition
from hoaban.images.renditions import SHARE_FILTER

# Taggings weighed when looking for related stories.
RELATED_CANDIDATES = 200


def _article_model():
    return apps.get_model("articles", "ArticlePage")


# The columns a story card, a rail or the lead story reads, and their photo's (with the
# default alt text Wagtail's image tags look up). Loading only these makes every listing
# cheaper; any other field read from a listed article would cost a query of its own, which
# the query-count tests of each page catch.
CARD_FIELDS = (
    *("title", "slug", "path", "depth", "url_path", "locale", "date", "dateline", "lead"),
    *("video_url", "video_file", "lead_image"),
    *(
        f"lead_image__{name}"
        for name in (
            *("title", "description", "collection", "file", "width", "height"),
            *("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"),
        )
    ),
)


# The sizes a listed story's photo is shown at: cards, the front page's lead story, a video's
# poster, and feeds (hoaban.images.renditions). A photo has renditions for its article page
# too; loading only these keeps every listing's rendition query small. A size missing here
# costs a query per photo, which the query-count tests of each page catch.
LISTING_RENDITIONS = (
    *("fill-320x180", "fill-640x360", "fill-960x540", "fill-1280x720"),
    SHARE_FILTER,
)


def _for_listing(articles):
    """Story cards: what they show, loaded with the articles, newest first."""
    renditions = NewsRendition.objects.filter(filter_spec__in=LISTING_RENDITIONS)
    return (
        articles.select_related("lead_image")
        .only(*CARD_FIELDS)
        .prefetch_related(Prefetch("lead_image__renditions", queryset=renditions))
        .order_by("-date", "-pk")
    )


def whole(articles):
    """Listed articles with every field but the body, for readers that show more than a card
    (feeds: byline, dateline, update time)."""
    return articles.defer(None).defer_streamfields().select_related("author")


def live_articles(locale):
    return _for_listing(visible(_article_model().objects, locale))


def tagged_articles(locale, tag):
    """Live articles of the edition carrying `tag`, or 404 when no live, public article of any
    edition carries it: a tag that only drafts, private pages or unpublished edits carry is not
    for readers, nor is its name. (Another edition's tag has a page here, if empty, so the
    language switcher can keep the tag.)"""
    if not visible(_article_model().objects).filter(tagged_items__tag=tag).exists():
        raise Http404
    return live_articles(locale).filter(tagged_items__tag=tag).distinct()


def authored_articles(locale, person):
    """Live articles of the edition the person is the author of, newest first."""
    return live_articles(locale).filter(author=person)


def _sections_by_path(locale_id) -> dict:
    section_model = apps.get_model("sections", "SectionPage")
    return {s.path: s for s in in_edition(section_model.objects.all(), locale_id)}


def edition_sections(locale_id) -> dict:
    """{tree path: section} of one edition, drafts included (as Wagtail routes through them),
    untranslated aliases left out; read once per request."""
    return once_per_request(("sections", locale_id), partial(_sections_by_path, locale_id))


def menu_sections(home) -> list:
    """The live sections an edition's home shows in its menu, in menu (tree) order."""
    sections = edition_sections(home.locale_id).values()
    shown = seen(s for s in sections if s.show_in_menus and s.is_child_of(home))
    return sorted(shown, key=attrgetter("path"))


def attach_sections(articles, locale=None):
    """Set `.section` on each article (its parent SectionPage): one query per edition and
    request (edition_sections)."""
    articles = list(articles)
    if not articles:
        return articles
    # Search results may mix editions; every other listing stays within one locale.
    locale_ids = {locale.pk} if locale else {article.locale_id for article in articles}
    sections = {}
    for locale_id in locale_ids:
        sections.update(edition_sections(locale_id))
    for article in articles:
        article.section = sections.get(article.path[: -article.steplen])
    return articles


def for_each(queryset, marker, values) -> list[list[tuple]]:
    """The rows of `queryset` once for each of `values` in place of its parameter `marker` (both
    as the database receives them), in one query of UNION ALL parts, each in no given order.

    Building the SQL of a visibility-filtered listing costs far more than running it: it is
    compiled once, and each part runs it with its own value."""
    sql, params = queryset.query.sql_with_params()
    at = params.index(marker)
    union = " UNION ALL ".join(
        f"SELECT {number}, part_{number}.* FROM ({sql}) AS part_{number}"
        for number in range(len(values))
    )
    found = [[] for _ in values]
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(union, [p for v in values for p in (*params[:at], v, *params[at + 1 :])])
        for number, *row in cursor.fetchall():
            found[number].append(tuple(row))
    return found


# Stands for a tree path in _newest_under's listing: no page's path has letters.
_PATH_MARKER = "any-path"


def _newest_under(queryset, paths, count) -> list[list[int]]:
    """For each of `paths`, the ids of the newest `count` articles of `queryset` under it ("" for
    all of them), in one query: each part walks the date index under its path and stops after
    its LIMIT."""
    newest = (
        queryset.filter(path__startswith=_PATH_MARKER)
        .order_by("-date", "-pk")
        .values_list("pk", flat=True)[:count]
    )
    # How a `startswith` parameter is written.
    like = connections[newest.db].ops.prep_for_like_query
    found = for_each(newest, f"{_PATH_MARKER}%", [f"{like(path)}%" for path in paths])
    return [[pk for (pk,) in rows] for rows in found]


def by_id(ids, *, photos=True) -> dict:
    """{id: story card} of articles already found visible (by a query of this request)."""
    cards = _for_listing(_article_model().objects)
    return (cards if photos else cards.prefetch_related(None)).in_bulk(ids)


def front_page(locale, sections, *, recent, per_section):
    """The edition's newest `recent` stories, and {section path: its newest `per_section`},
    with section labels, for the front page: one query for which, one to load them.

    The cost follows the number of sections, never the archive's size (ranking every article
    with a window function read the whole archive on each render).
    """
    paths = ["", *(section.path for section in sections)]
    found = _newest_under(
        visible(_article_model().objects, locale), paths, max(recent, per_section)
    )
    # Already filtered by visibility: loaded by id, newest first.
    loaded = by_id({pk for ids in found for pk in ids}).values()
    loaded = attach_sections(sorted(loaded, key=lambda a: (a.date, a.pk), reverse=True), locale)
    newest = {}
    for path, ids in zip(paths, found, strict=True):
        wanted = set(ids)
        newest[path] = [article for article in loaded if article.pk in wanted]
    recent_news = newest.pop("")[:recent]
    return recent_news, {path: articles[:per_section] for path, articles in newest.items()}


def _newest_tagged(tag_ids, exclude_pk) -> list[int]:
    """The articles of the newest RELATED_CANDIDATES taggings of each tag but `exclude_pk`'s,
    an article once per tag it carries, in one query: a LIMIT per tag, since the tag index holds
    its taggings in id order and each is read straight off it (one ORDER BY over several tags
    would sort all their taggings). Written as SQL because the ORM cannot slice the parts of a
    UNION on SQLite.

    The taggings of every site and edition are weighed; `related_articles` keeps the ones the
    reader may see (`visible()`, the reader's site included). Narrowing here to the site's
    pages joins each tagging to its page, and a tag the other site uses far more is then read
    to its end on every render (10.5 ms against 0.6 ms at 3,000 articles on the demo's two
    sites, growing with the other site's archive)."""
    if not tag_ids:
        return []
    through = _article_model().tags.through
    database = connections[through.objects.db]
    quote = database.ops.quote_name
    table, pk = quote(through._meta.db_table), quote(through._meta.pk.column)
    article, tag = (
        quote(through._meta.get_field(name).column) for name in ("content_object", "tag")
    )
    newest = (
        f"SELECT * FROM (SELECT {article} FROM {table} WHERE {tag} = %s AND {article} <> %s"
        f" ORDER BY {pk} DESC LIMIT %s) AS tag_{{}}"
    )
    sql = " UNION ALL ".join(newest.format(number) for number in range(len(tag_ids)))
    with database.cursor() as cursor:
        cursor.execute(
            sql, [value for tag_id in tag_ids for value in (tag_id, exclude_pk, RELATED_CANDIDATES)]
        )
        return [row[0] for row in cursor.fetchall()]


def around_article(article, tag_ids, *, related_count=4):
    """The "recent news" rail of an article page (the edition's newest stories but the article)
    and its related stories: those sharing the most of `tag_ids` (the article's tags) with it,
    then the newest of its section; all with section labels, in four queries.

    Only the latest RELATED_CANDIDATES taggings of each tag are weighed, so the cost stays flat
    however many stories a popular tag gathers over the years.
    """
    recent_count = settings.HOABAN_RECENT_NEWS_COUNT
    candidates = visible(_article_model().objects, article.locale).exclude(pk=article.pk)
    # The newest of the edition and of the section in one query; the section's are always
    # read, so the page's query count does not depend on how many tags matched.
    newest, newest_of_section = _newest_under(
        candidates, ["", article.path[: -article.steplen]], max(recent_count, related_count)
    )
    shared = Counter(_newest_tagged(tag_ids, article.pk))
    # Ranked on (id, date) rows; only the chosen few are loaded as whole articles.
    scored = sorted(
        candidates.filter(pk__in=list(shared)).values_list("pk", "date"),
        key=lambda row: (-shared[row[0]], -row[1].timestamp(), -row[0]),
    )
    related = [pk for pk, _ in scored[:related_count]]
    for pk in newest_of_section:
        if len(related) < related_count and pk not in related:
            related.append(pk)
    # Already filtered by visibility: loaded by id, with the photos the related cards show.
    loaded = by_id([*newest, *related])
    attach_sections(loaded.values(), article.locale)
    return (
        sorted((loaded[pk] for pk in newest), key=lambda a: (a.date, a.pk), reverse=True)[
            :recent_count
        ],
        [loaded[pk] for pk in related],
    )
