from django.http import Http404
from wagtail import hooks

from .editions import belongs_to_active_edition


@hooks.register("before_serve_page")
def serve_only_the_active_editions_pages(page, request, serve_args, serve_kwargs):
    # Wagtail falls back to the source tree when an edition has no home, and wagtail-localize
    # copies a translation's parents as live aliases: neither may reach readers.
    if not belongs_to_active_edition(page):
        raise Http404
