"""Signals other apps use to say "what readers see of this page has changed".

Comment approval, imports and translations change what a published page shows without a new
page revision; the page cache listens here instead of each app knowing about caching.
"""

from django.dispatch import Signal

# Sent with `page` (a Wagtail Page) whenever content shown on that page changed outside of
# Wagtail's own publish/unpublish (e.g. a comment was approved or removed).
page_content_changed = Signal()
