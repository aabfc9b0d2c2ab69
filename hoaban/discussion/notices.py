"""What the article page says after a post; the redirect names one by key (?comment=…).

A query parameter rather than a session message: the article page stays one shared, cacheable
page per variant, and no reader gets a session cookie for posting.
"""

from django.utils.translation import gettext_lazy as _

NOTICE_PARAM = "comment"
NOTICES = {
    "pending": _("Thank you! Your comment is awaiting moderation."),
    "published": _("Thank you! Your comment is published."),
}
