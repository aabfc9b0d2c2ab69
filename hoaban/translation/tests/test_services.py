"""Machine translation through the HTTP backends against a local fake server."""

import pytest
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from hoaban.translation.services import MachineTranslationError, translate_page

from .conftest import _translator

pytestmark = pytest.mark.news_site_per_module

LEAD = "Tỉnh Điện Biên và thành phố Saint Petersburg ký thỏa thuận hợp tác về thương mại."
PARAGRAPH = "Hai bên thống nhất trao đổi đoàn học sinh dân tộc thiểu số trong mùa hè."


def story(news_site):
    return news_site.article(
        "news",
        title="Điện Biên và Saint Petersburg ký thỏa thuận hợp tác",
        lead=LEAD,
        body=[{"type": "paragraph", "value": f"<p>{PARAGRAPH}</p>"}],
    )


def edit_source(article, **fields):
    for name, value in fields.items():
        setattr(article, name, value)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def test_machine_translation_makes_a_draft_in_the_target_edition(news_site, english, backend):
    article = story(news_site)
    translated = translate_page(page=article, target_locale=english)
    assert translated.locale == english
    assert translated.translation_key == article.translation_key
    assert not translated.live
    draft = translated.get_latest_revision_as_object()
    assert draft.title == "[en] Điện Biên và Saint Petersburg ký thỏa thuận hợp tác"
    assert draft.lead == f"[en] {LEAD}"
    assert PARAGRAPH in str(draft.body)
    tools = set(
        StringTranslation.objects.filter(locale=english).values_list("tool_name", flat=True)
    )
    assert tools == {"LibreTranslate" if backend == "libretranslate" else "DeepL"}


def test_libretranslate_request_has_the_documented_shape(news_site, english, libretranslate):
    translate_page(page=story(news_site), target_locale=english)
    (request,) = libretranslate.requests
    assert request["json"]["source"] == "vi"
    assert request["json"]["target"] == "en"
    assert request["json"]["format"] == "html"
    assert LEAD in request["json"]["q"]


def test_deepl_request_has_the_documented_shape(settings, news_site, english, fake_server):
    _translator(settings, "deepl", fake_server)
    translate_page(page=story(news_site), target_locale=english)
    (request,) = fake_server.requests
    assert request["headers"]["Authorization"] == "DeepL-Auth-Key test-key:fx"
    assert request["fields"]["source_lang"] == ["VI"]
    assert request["fields"]["target_lang"] == ["EN"]
    assert request["fields"]["tag_handling"] == ["xml"]
    assert LEAD in request["fields"]["text"]


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("slow", "did not answer in time"),
        ("error", "refused the request"),
        ("bad-json", "not a translation"),
        ("short", "not a translation"),
    ],
)
def test_failed_call_leaves_the_translation_untouched_and_says_why(
    settings, news_site, english, backend, fake_server, mode, message
):
    article = story(news_site)
    translated = translate_page(page=article, target_locale=english)
    revision_before = translated.latest_revision_id
    strings_before = StringTranslation.objects.count()
    edit_source(article, lead="Hai địa phương mở rộng hợp tác sang y tế và giáo dục.")

    _translator(settings, backend, fake_server, timeout=0.3)
    fake_server.mode = mode
    with pytest.raises(MachineTranslationError, match=message):
        translate_page(page=article, target_locale=english)

    translated.refresh_from_db()
    assert translated.latest_revision_id == revision_before
    assert StringTranslation.objects.count() == strings_before
    assert translated.get_latest_revision_as_object().lead == f"[en] {LEAD}"


def test_resync_keeps_editors_corrections_and_sends_only_changed_text(
    news_site, english, libretranslate
):
    article = story(news_site)
    translate_page(page=article, target_locale=english)
    source = TranslationSource.objects.get(object_id=article.translation_key)
    title = StringTranslation.objects.get(
        locale=english, context__path="title", translation_of__segments__source=source
    )
    # The editor corrects the machine's title in the translation editor.
    title.data = "Điện Biên and Saint Petersburg sign a cooperation agreement"
    title.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    title.save()
    libretranslate.requests.clear()

    new_lead = "Hai địa phương mở rộng hợp tác sang y tế và giáo dục."
    edit_source(article, lead=new_lead)
    translated = translate_page(page=article, target_locale=english)

    assert libretranslate.texts == [new_lead]
    draft = translated.get_latest_revision_as_object()
    assert draft.title == "Điện Biên and Saint Petersburg sign a cooperation agreement"
    assert draft.lead == f"[en] {new_lead}"
    assert PARAGRAPH in str(draft.body)


def test_unchanged_source_sends_nothing_to_the_machine(news_site, english, libretranslate):
    article = story(news_site)
    translate_page(page=article, target_locale=english)
    translate_page(page=article, target_locale=english)
    assert len(libretranslate.requests) == 1
    translation = Translation.objects.get(target_locale=english)
    total, done = translation.get_progress()
    assert total == done > 0


def test_no_translator_configured_is_reported_plainly(settings, news_site, english):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    with pytest.raises(MachineTranslationError, match="No machine translator is configured"):
        translate_page(page=story(news_site), target_locale=english)
    assert not Translation.objects.exists()
