from wagtail.signals import page_published

from .services import record_published_translation


def record_translation_on_publish(sender, instance, revision=None, **kwargs):
    if instance.locale_id is None:
        return
    record_published_translation(page=instance, user=getattr(revision, "user", None))


def connect():
    page_published.connect(record_translation_on_publish, dispatch_uid="hoaban-translation-record")
