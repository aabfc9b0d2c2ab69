"""Dates in the admin are read and shown in the editor's language, with the day first where
that language puts it: 05/01/2027 is the fifth of January for a Vietnamese editor."""

from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from hoaban.articles.models import ArticlePage

pytestmark = pytest.mark.news_site_per_module

FIFTH_OF_JANUARY = datetime(2027, 1, 5, 9, 30)
TYPED = {"vi": "05/01/2027 09:30", "ru": "05.01.2027 09:30", "en": "2027-01-05 09:30"}


def article_form(article, language, **fields):
    form_class = ArticlePage.get_edit_handler().get_form_class()
    data = {
        "title": article.title,
        "slug": article.slug,
        "date": TYPED[language],
        "lead": article.lead,
        "dateline": "ĐBP",
        "body-count": "0",
        "tags": "",
        "comments_open": "on",
        **fields,
    }
    return form_class(data, instance=article, parent_page=article.get_parent(), for_user=None)


@pytest.mark.parametrize("language", ["vi", "ru", "en"])
def test_publication_date_typed_in_the_editors_language_is_read_day_first(news_site, language):
    article = news_site.article(title="Họp báo thường kỳ tháng Một")
    with translation.override(language):
        form = article_form(article, language, go_live_at=TYPED[language])
        assert form.is_valid(), form.errors
    local = timezone.localtime(form.cleaned_data["date"]).replace(tzinfo=None)
    assert local == FIFTH_OF_JANUARY
    go_live = timezone.localtime(form.cleaned_data["go_live_at"]).replace(tzinfo=None)
    assert go_live == FIFTH_OF_JANUARY


@pytest.mark.parametrize("language", ["vi", "ru", "en"])
def test_date_pickers_show_and_write_the_editors_format(news_site, language):
    article = news_site.article(
        title="Họp báo thường kỳ tháng Một",
        date=timezone.make_aware(FIFTH_OF_JANUARY),
    )
    article.go_live_at = timezone.make_aware(FIFTH_OF_JANUARY)
    with translation.override(language):
        form_class = ArticlePage.get_edit_handler().get_form_class()
        form = form_class(instance=article, parent_page=article.get_parent(), for_user=None)
        for name in ("date", "go_live_at"):
            html = str(form[name])
            assert f'value="{TYPED[language]}"' in html
    picker_format = {"vi": "d/m/Y H:i", "ru": "d.m.Y H:i", "en": "Y-m-d H:i"}[language]
    assert form.fields["go_live_at"].widget.get_config()["format"] == picker_format


def test_english_admin_refuses_a_month_first_date(news_site):
    article = news_site.article(title="Họp báo thường kỳ tháng Một")
    with translation.override("en"):
        form = article_form(article, "en", date="01/05/2027 09:30")
        assert not form.is_valid()
        assert "date" in form.errors


def test_autosave_of_a_new_article_in_vietnamese_stores_the_date_it_shows(client, news_site):
    reporter = get_user_model().objects.create_superuser("phongvien", "pv@example.com", "pw")
    profile = UserProfile.get_for_user(reporter)
    profile.preferred_language = "vi"
    profile.save()
    client.force_login(reporter)
    section = news_site.sections["news"]
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    data = {
        "title": "Điện Biên đón đoàn khách quốc tế",
        "slug": "dien-bien-don-doan-khach-quoc-te",
        "dateline": "ĐBP",
        "date": "07/12/2026 08:00",
        "go_live_at": "05/01/2027 09:30",
        "lead": "Sáng nay, tỉnh Điện Biên đón đoàn khách quốc tế.",
        "body-count": "0",
        "tags": "",
    }
    response = client.post(url, data, headers={"accept": "application/json"})
    assert response.json()["success"], response.content
    article = ArticlePage.objects.get(title="Điện Biên đón đoàn khách quốc tế")
    assert timezone.localtime(article.date).date().isoformat() == "2026-12-07"
    assert timezone.localtime(article.go_live_at).date().isoformat() == "2027-01-05"


def test_draft_titled_like_an_earlier_story_gets_the_next_free_slug(client, news_site):
    editor = get_user_model().objects.create_superuser("bientap", "bt@example.com", "pw")
    client.force_login(editor)
    news_site.article(title="Họp báo thường kỳ", slug="hop-bao-thuong-ky")
    section = news_site.sections["news"]
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    data = {
        "title": "Họp báo thường kỳ",
        "slug": "hop-bao-thuong-ky",
        "dateline": "ĐBP",
        "date": "2026-12-07 08:00",
        "lead": "Họp báo thường kỳ quý IV.",
        "body-count": "0",
        "tags": "",
    }
    response = client.post(url, data, headers={"accept": "application/json"})
    assert response.json()["success"], response.content
    assert response.json()["field_updates"]["slug"] == "hop-bao-thuong-ky-2"
    assert ArticlePage.objects.get(pk=response.json()["pk"]).slug == "hop-bao-thuong-ky-2"
