"""Grow a benchmark database's archive to N published articles, fast and honestly.

Usage (with the environment of the site under test):
    DJANGO_SETTINGS_MODULE=... python bench/archive.py 100000

Articles are real pages in the tree: Page and ArticlePage rows with tree paths, URL paths,
locales and translation keys as Wagtail writes them, a lead, a three-paragraph body, the
demo's tags, spread over the sections and dated before the demo stories. They are inserted
in batches with bulk inserts instead of `add_child` + revision per page (hours for 100,000);
what that skips is revisions and search-index rows, which no reader's page reads.
"""

import itertools
import sys
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BATCH = 2000
PARAGRAPHS = [
    "Tỉnh Điện Biên tiếp tục đẩy mạnh phát triển kinh tế – xã hội, chú trọng nông nghiệp "
    "hàng hóa, lâm nghiệp bền vững và du lịch cộng đồng ở các huyện vùng cao.",
    "Các sở, ngành phối hợp với chính quyền cơ sở rà soát nhu cầu của người dân, ưu tiên hộ "
    "nghèo, đồng bào dân tộc thiểu số và các xã đặc biệt khó khăn của Mường Chà, Tủa Chùa.",
    "Lãnh đạo tỉnh đề nghị các đơn vị tập trung hoàn thành chỉ tiêu năm, bảo đảm an sinh xã "
    "hội và giữ gìn bản sắc văn hóa truyền thống của các dân tộc trên địa bàn.",
]


def insert(model, rows: list[dict]):
    """INSERT rows into the model's own table with explicit ids, preparing values as Django
    does (UUIDs, aware datetimes, JSON); building model instances costs more than the SQL."""
    from django.db import connection

    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    defaults = {field.attname: field.get_default() for field in fields}
    params = [
        [
            field.get_db_prep_save(row.get(field.attname, defaults[field.attname]), connection)
            for field in fields
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def reset_sequences(*models):
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def grow(target: int) -> int:
    """Add archive articles over every own-listing section until there are `target`."""
    from django.utils import timezone

    from hoaban.articles.models import ArticlePage
    from hoaban.sections.models import SectionPage

    missing = target - ArticlePage.objects.count()
    if missing <= 0:
        return 0
    sections = list(SectionPage.objects.filter(listing="own").order_by("path"))
    oldest = ArticlePage.objects.order_by("date").values_list("date", flat=True).first()
    oldest = oldest or timezone.now()
    first = ArticlePage.objects.count() + 1

    def archived(offset: int) -> tuple[str, str, object]:
        number = first + offset
        title = f"Tin lưu trữ số {number}: Điện Biên phát triển kinh tế – xã hội"
        return title, PARAGRAPHS[number % 3], oldest - timedelta(minutes=30 * number)

    return add(sections, missing, archived, desc=f"archive to {target}")


def add(sections, count: int, article, desc: str = "articles") -> int:
    """Insert `count` live articles, the i-th in `sections[i % len(sections)]` with
    `article(i)` = (title, lead, publication time) and the archive's three-paragraph body."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import Max
    from taggit.models import Tag
    from tqdm import tqdm
    from wagtail.models import Page

    from hoaban.articles.models import ArticlePage, ArticlePageTag

    tags = list(Tag.objects.order_by("pk")[:12]) or [Tag.objects.create(name="Điện Biên")]
    content_type = ContentType.objects.get_for_model(ArticlePage)
    next_step = {}
    for section in sections:
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        next_step[section.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    body_field = ArticlePage._meta.get_field("body")
    body = body_field.to_python(
        [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in PARAGRAPHS]
    )
    next_id = (Page.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    next_tag_id = (ArticlePageTag.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    numbering = itertools.count(ArticlePage.objects.count() + 1)

    created = 0
    with tqdm(total=count, desc=desc, unit="article") as progress:
        while created < count:
            size = min(BATCH, count - created)
            pages, articles, tagged = [], [], []
            for offset in range(created, created + size):
                section = sections[offset % len(sections)]
                number, page_id = next(numbering), next_id
                next_id += 1
                step = next_step[section.pk]
                next_step[section.pk] += 1
                title, lead, published = article(offset)
                slug = f"tin-luu-tru-so-{number}"
                pages.append(
                    {
                        "id": page_id,
                        "title": title,
                        "draft_title": title,
                        "slug": slug,
                        "content_type_id": content_type.pk,
                        "path": Page._get_path(section.path, section.depth + 1, step),
                        "depth": section.depth + 1,
                        "numchild": 0,
                        "url_path": f"{section.url_path}{slug}/",
                        "live": True,
                        "first_published_at": published,
                        "last_published_at": published,
                        "locale_id": section.locale_id,
                        "translation_key": uuid.uuid4(),
                    }
                )
                articles.append(
                    {
                        "page_ptr_id": page_id,
                        "date": published,
                        "dateline": "ĐBP",
                        "lead": lead,
                        "body": body,
                    }
                )
                tagged.append(
                    {
                        "id": next_tag_id,
                        "content_object_id": page_id,
                        "tag_id": tags[number % len(tags)].pk,
                    }
                )
                next_tag_id += 1
            with transaction.atomic():
                insert(Page, pages)
                insert(ArticlePage, articles)
                insert(ArticlePageTag, tagged)
            created += size
            progress.update(size)
    reset_sequences(Page, ArticlePageTag)
    for section in sections:
        children = Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
        Page.objects.filter(pk=section.pk).update(numchild=children.count())
    return created


if __name__ == "__main__":
    import django

    django.setup()
    added = grow(int(sys.argv[1]))
    from hoaban.operations.statistics import refresh_statistics

    refresh_statistics()  # as the daily refresh_statistics run would after such growth
    print(f"added {added} articles")
