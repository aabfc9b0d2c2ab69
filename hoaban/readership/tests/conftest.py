import pytest

# A reader's phone as the beacon's request shows it.
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def beacon(client):
    """Post a read of `article` as a browser on this site's page would."""

    def send(article, *, agent=PHONE, ip="203.113.135.24", **headers):
        return client.post(
            "/reads/",
            {"article": str(getattr(article, "pk", article))},
            HTTP_USER_AGENT=agent,
            REMOTE_ADDR=ip,
            **{"HTTP_SEC_FETCH_SITE": "same-origin", **headers},
        )

    return send
