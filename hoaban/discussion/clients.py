"""Who is posting, as far as moderation needs to know: a hashed address and the browser."""

from django.conf import settings
from django.utils.crypto import salted_hmac


def client_ip(request) -> str:
    """REMOTE_ADDR, or the header a trusted proxy sets (CLIENT_IP_HEADER, e.g. X-Real-IP).

    Only name a header that the proxy in front overwrites: otherwise readers could forge it.
    The last address is the one the nearest proxy added.
    """
    header = settings.HOABAN_CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def hash_ip(ip: str) -> str:
    """A keyed hash: stable enough to count posts per address, useless for recovering it."""
    return salted_hmac(
        "hoaban.discussion.ip",
        ip,
        secret=settings.HOABAN_COMMENTS_IP_SECRET or None,
        algorithm="sha256",
    ).hexdigest()


def user_agent(request) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:300]
