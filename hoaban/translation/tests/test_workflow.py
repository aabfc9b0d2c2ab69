"""The editor's workflow with wagtail-localize: translate, see stale segments, publish; and the
notice readers get about how a translation was made."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from hoaban.translation.models import TranslationRecord
from hoaban.translation.services import publish_translation, translate_page

pytestmark = pytest.mark.news_site_per_module

LEAD = "Tỉnh Điện Biên duy trì hai lớp học tiếng Nga cho 40 học sinh dân tộc thiểu số."


def submit_for_translation(page, locale):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(publish=False)
    return translation


def translate_every_segment(translation, text="Bản dịch của biên tập viên"):
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": f"{text} {segment.order}",
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )


def test_editor_translates_sees_stale_segments_after_source_change_and_publishes(
    admin_client, news_site, english
):
    article = news_site.article("news", title="Lớp học tiếng Nga ở Điện Biên", lead=LEAD)
    translation = submit_for_translation(article, english)
    target = translation.get_target_instance()
    assert not target.live
    # The translation editor opens for the new draft.
    assert admin_client.get(f"/admin/pages/{target.pk}/edit/").status_code == 200

    translate_every_segment(translation)
    total, done = translation.get_progress()
    assert total == done

    article.lead = "Tỉnh Điện Biên mở thêm lớp học tiếng Nga cho học sinh vùng cao."
    article.save_revision().publish()
    translation.source.update_from_db()
    total, done = translation.get_progress()
    assert done == total - 1  # the changed lead waits for the editor

    translate_every_segment(translation, text="Đã cập nhật")
    publish_translation(translation, user=None)
    target.refresh_from_db()
    assert target.live
    assert target.specific.lead.startswith("Đã cập nhật")
    assert TranslationRecord.objects.get(page=target).method == "human"


def test_article_notice_tells_readers_how_the_translation_was_made(
    client, news_site, english, libretranslate, django_capture_on_commit_callbacks
):
    article = news_site.article("news", title="Lớp học tiếng Nga ở Điện Biên", lead=LEAD)
    translated = translate_page(page=article, target_locale=english, publish=True)
    html = client.get(translated.url).content.decode()
    assert "Translated from Vietnamese." in html
    assert "Machine translation (LibreTranslate), not yet reviewed by an editor." in html
    assert f'href="{article.url}"' in html

    editor = get_user_model().objects.create_superuser("bientap", password="x")
    with django_capture_on_commit_callbacks(execute=True):  # the page cache's purge
        translated.save_revision(user=editor).publish(user=editor)
    record = TranslationRecord.objects.get(page=translated)
    assert record.reviewed_by == editor
    html = client.get(translated.url).content.decode()
    assert "Machine translation (LibreTranslate), reviewed by an editor." in html

    original = client.get(article.url).content.decode()
    assert "translation-notice" not in original


def test_an_original_article_asks_nothing_about_translations_but_its_editions(
    client, news_site, english, libretranslate, uncached_renders
):
    article = news_site.article("news", title="Lớp học tiếng Nga ở Điện Biên", lead=LEAD)
    translate_page(page=article, target_locale=english, publish=True)
    client.get(article.url)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(article.url).content.decode()
    assert "translation-notice" not in html and "translationOfWork" not in html
    # Routing loaded the article with its (absent) translation record; wagtail-localize's
    # tables are not read to find out the article is an original.
    read = " ".join(query["sql"] for query in captured)
    assert "translation_translationrecord" in read
    assert "wagtail_localize" not in read
    assert sum("translation_translationrecord" in query["sql"] for query in captured) == 1
