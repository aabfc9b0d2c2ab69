"""The address readers reach the site at, the one every absolute URL is built from.

Sitemaps, feeds, the API, JSON-LD, Open Graph and canonical links all need full URLs; building
them from the request's host or from Wagtail's Site record gave two answers (and `http://`
behind a TLS proxy). The default site is at the configured PUBLIC_BASE_URL; every other site
of the install at its Site record's host name, on that address's scheme and port: the same
servers answer for every site, so a platform beside the newspaper needs no setting of its own.

Kept free of model imports: the settings modules validate the value with it.
"""

from urllib.parse import urlsplit


def normalised_base_url(value: str) -> str:
    """`scheme://host[:port]` from `value`, or ValueError saying what is wrong with it."""
    text = value.strip().rstrip("/")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise ValueError(f"{value!r} is not a URL ({error}).") from None
    if parts.scheme not in {"http", "https"}:
        raise ValueError(f"{value!r} must start with http:// or https://.")
    if not parts.hostname:
        raise ValueError(f"{value!r} has no host name.")
    if parts.username or parts.password or parts.path or parts.query or parts.fragment:
        raise ValueError(
            f"{value!r} must be a scheme, host and optional port only, e.g. "
            "https://baodienbienphu.example"
        )
    default_port = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default_port else "")


def public_base_url(site=None) -> str:
    """`scheme://host[:port]` of `site` (a Site or its id; the request's site when not given,
    else the default site), without a trailing slash."""
    from django.conf import settings

    from hoaban.core.sites import current_site, root_paths, site_count

    default = settings.HOABAN_PUBLIC_BASE_URL
    if site_count() < 2:
        return default
    roots = root_paths()
    site_id = getattr(site, "pk", site) if site is not None else getattr(current_site(), "pk", None)
    for root in roots:
        if root.site_id == site_id:
            if _is_default(site_id):
                return default
            host = urlsplit(root.root_url).hostname
            served = urlsplit(default)
            return f"{served.scheme}://{host}" + (f":{served.port}" if served.port else "")
    return default


def _is_default(site_id) -> bool:
    from wagtail.models import Site

    from hoaban.core.per_request import once_per_request

    default_id = once_per_request(
        ("default-site",),
        lambda: Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first(),
    )
    return site_id == default_id


def page_location(page, request=None) -> tuple[int, str] | None:
    """(id of the site serving `page`, the page's path on it), or None when no site serves it."""
    parts = page.get_url_parts(request)
    if parts is None or parts[2] is None:
        return None
    return parts[0], parts[2]


def page_full_url(page, request=None) -> str | None:
    """A page's full URL on its site's public address, for any page class: Wagtail's own
    `get_full_url` on a plain `Page` starts with the Site record's host and port."""
    location = page_location(page, request)
    if location is None:
        return None
    return public_base_url(location[0]) + location[1]


def absolute_url(path: str, *, site=None) -> str:
    """`path` (root-relative) on the public address; full URLs are returned as they are."""
    if path.startswith(("http://", "https://")):
        return path
    return public_base_url(site) + path
