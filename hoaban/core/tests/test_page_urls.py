"""A page's address is worked out once per request, and never outlives what it depends on."""

from unittest import mock

from wagtail.models import Page


def test_an_address_asked_again_in_one_request_is_not_worked_out_again(news_site, rf):
    article = news_site.article("news", title="Đèo Pha Đin mùa hoa ban")
    request = rf.get("/vi/", HTTP_HOST="localhost")
    with mock.patch.object(
        Page, "get_url_parts", autospec=True, side_effect=Page.get_url_parts
    ) as wagtails:
        first = article.get_url(request)
        assert article.get_url(request) == first
        assert article.get_full_url(request).endswith(first)
        assert wagtails.call_count == 1

        # A new slug within the same request (an editor's save) gives the new address.
        article.slug = "deo-pha-din"
        article.set_url_path(article.get_parent())
        assert article.get_url(request) == first.replace(first.split("/")[-2], "deo-pha-din")
        assert wagtails.call_count == 2

        # Another request works it out for itself.
        article.get_url(rf.get("/vi/", HTTP_HOST="localhost"))
        assert wagtails.call_count == 3
