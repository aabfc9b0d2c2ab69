from django.urls import path

from . import views

urlpatterns = [
    path("comments/token/", views.comment_token, name="comment_token"),
    path("comments/<int:article_id>/", views.post_comment, name="comment_post"),
]
