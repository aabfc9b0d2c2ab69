from django import template
from django.utils.translation import get_language

from hoaban.images.texts import PhotoTexts, credit_in

register = template.Library()


@register.simple_tag(takes_context=True)
def photo_words(context, image):
    """`image`'s alt text and caption in the edition being shown (a PhotoWords).

    Pages put the words of all their photos in the context as `photo_texts`, read with one
    query; a photo shown without them (a block preview in the admin) is read on its own.
    """
    if image is None:  # a body photo deleted from the library
        return None
    texts = context.get("photo_texts")
    if texts is None or not texts.covers(image):
        texts = PhotoTexts([image], get_language())
    return texts.of(image)


@register.filter
def credit(text: str) -> str:
    """A photo credit in the edition being shown (hoaban.images.texts.credit_in)."""
    return credit_in(text, get_language())
