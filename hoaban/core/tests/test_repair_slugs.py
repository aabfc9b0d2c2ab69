from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from hoaban.articles.models import ArticlePage

GARBLED = "djng-chi-trn-quc-cng-tip-djoan-dji-biu"
TITLE = "Đồng chí Trần Quốc Cường tiếp Đoàn đại biểu"


def repair(*args) -> str:
    out = StringIO()
    call_command("repair_slugs", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def garbled_article(news_site):
    """Published as Wagtail's stock admin left it: the slug its urlify made of the title."""
    return news_site.article(title=TITLE, slug=GARBLED)


# Redirects are made when the rename is committed: these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_garbled_slug_is_renamed_and_the_old_address_redirects(client, garbled_article):
    old_url = garbled_article.url
    output = repair()
    garbled_article.refresh_from_db()
    assert garbled_article.slug == "dong-chi-tran-quoc-cuong-tiep-doan-dai-bieu"
    assert "1 renamed, 1 redirects created" in output
    redirect = Redirect.objects.get(redirect_page=garbled_article)
    assert redirect.is_permanent
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(garbled_article.url)
    # Publishing the draft again keeps the new slug.
    garbled_article.get_latest_revision().publish()
    garbled_article.refresh_from_db()
    assert garbled_article.slug == "dong-chi-tran-quoc-cuong-tiep-doan-dai-bieu"


def test_second_run_changes_nothing(garbled_article):
    repair()
    output = repair()
    assert "0 renamed, 0 redirects created" in output
    assert Redirect.objects.count() == 1
    assert ArticlePage.objects.filter(title=TITLE).count() == 1


def test_slug_chosen_by_an_editor_is_left_alone(news_site):
    article = news_site.article(title=TITLE, slug="tiep-doan-dai-bieu")
    output = repair()
    article.refresh_from_db()
    assert article.slug == "tiep-doan-dai-bieu"
    assert "0 renamed" in output


def test_dry_run_lists_without_renaming(garbled_article):
    output = repair("--dry-run")
    garbled_article.refresh_from_db()
    assert garbled_article.slug == GARBLED
    assert "1 would be renamed" in output and not Redirect.objects.exists()
