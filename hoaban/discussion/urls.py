from django.urls import path, register_converter
from django.urls.converters import IntConverter

from . import views


class PageIdConverter(IntConverter):
    """A page id has at most ten digits (a 32-bit key): a longer number is no page, and would
    overflow the database's integer before it could be looked up."""

    regex = "[0-9]{1,10}"


register_converter(PageIdConverter, "page_id")

urlpatterns = [
    path("comments/token/", views.comment_token, name="comment_token"),
    path("comments/<page_id:article_id>/", views.post_comment, name="comment_post"),
]
