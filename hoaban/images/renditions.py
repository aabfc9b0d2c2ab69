"""The one picture size shared with the outside world: feeds, social cards and structured data.

1200×630 is the size Facebook, X and LinkedIn crop share images to, and wide enough for Google's
article image guidelines; one rendition per photo serves all of them.
"""

import mimetypes

SHARE_FILTER = "fill-1200x630"


def share_rendition(image):
    """The share-size rendition of `image` (reuses prefetched renditions), or None."""
    if image is None:
        return None
    return image.get_rendition(SHARE_FILTER)


def rendition_mime_type(rendition) -> str:
    return mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
