"""Share links of an article: plain addresses of each network's own share page, so the article
loads no script of theirs and tells them nothing until the reader clicks."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class ShareLink:
    network: str
    name: str
    href: str


def share_links(*, url: str, title: str) -> list[ShareLink]:
    """One link per network for the article at `url` (absolute) titled `title`."""
    return [
        ShareLink(
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        # Zalo's share page, the one its share button opens.
        ShareLink("zalo", "Zalo", "https://sp.zalo.me/share_to_zalo?" + urlencode({"href": url})),
        ShareLink("x", "X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        # mailto wants %20 for spaces, not "+" (RFC 6068).
        ShareLink(
            "email",
            "E-mail",
            f"mailto:?subject={quote(title, safe='')}&body={quote(url, safe='')}",
        ),
    ]
