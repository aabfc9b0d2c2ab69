from django import template
from django.urls import reverse

from ..forms import CommentForm
from ..notices import NOTICE_PARAM, NOTICES
from ..queries import approved_comments
from ..rules import MAX_LENGTH, CommentRules
from ..services import comments_open

register = template.Library()


@register.inclusion_tag("discussion/comments.html", takes_context=True)
def article_comments(context, article):
    """Count, approved comments oldest first, and the form: nothing specific to the visitor,
    so the article page stays cacheable (the form's token comes from `comment_token`)."""
    request = context["request"]
    comments = approved_comments(article.pk)
    return {
        "request": request,
        "article": article,
        "comments": comments,
        "count": len(comments),
        "is_open": comments_open(article=article, rules=CommentRules.for_request(request)),
        "notice": NOTICES.get(request.GET.get(NOTICE_PARAM, "")),
        "form": CommentForm(),
        "max_length": MAX_LENGTH,
        "post_url": reverse("comment_post", args=[article.pk]),
        "token_url": reverse("comment_token"),
    }
