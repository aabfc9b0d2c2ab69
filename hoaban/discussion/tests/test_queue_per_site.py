"""Two sites: each moderator's queue, counts and actions cover the comments on pages they may
edit, so their own site's; a superuser moderates both."""

import json

import pytest
from django.urls import reverse

from hoaban.discussion.models import Comment
from hoaban.testing import refused_by_admin

Status = Comment.Status
QUEUE = "/admin/snippets/discussion/comment/"


@pytest.fixture
def comments(news_site, platform_site):
    newspaper_story = news_site.article(title="Điện Biên đón đoàn khách Saint Petersburg")
    platform_story = platform_site.article(title="Hội An đón khách dịp Tết")
    return {
        "newspaper": Comment.objects.create(
            article=newspaper_story, name="Lò Thị Mai", body="Hoa ban nở đẹp quá.", ip_hash="a"
        ),
        "platform": Comment.objects.create(
            article=platform_story, name="Trần Văn Hải", body="Phố cổ về đêm thật đẹp.", ip_hash="b"
        ),
    }


@pytest.fixture
def moderators(site_editors):
    return site_editors


def _moderate_url(comment, action):
    return reverse("wagtailsnippets_discussion_comment:moderate", args=[comment.pk, action])


@pytest.mark.parametrize(("own", "other"), [("newspaper", "platform"), ("platform", "newspaper")])
def test_a_moderators_queue_and_counts_hold_their_own_sites_comments(
    client, comments, moderators, own, other
):
    client.force_login(moderators[own])
    queue = client.get(QUEUE, {"status": "pending"}).content.decode()
    assert comments[own].body in queue
    assert comments[other].body not in queue
    # The article filter offers their own site's articles only.
    assert comments[other].article.title not in queue
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 bình luận đang chờ duyệt." in dashboard
    assert json.dumps("Bình luận (1)") in dashboard


@pytest.mark.parametrize(("own", "other"), [("newspaper", "platform"), ("platform", "newspaper")])
def test_a_moderator_is_refused_the_other_sites_comments(client, comments, moderators, own, other):
    theirs = comments[other]
    client.force_login(moderators[own])
    assert refused_by_admin(client.post(_moderate_url(theirs, "approve")))
    edit = reverse("wagtailsnippets_discussion_comment:edit", args=[theirs.pk])
    assert refused_by_admin(client.get(edit))
    assert refused_by_admin(client.post(edit, {"status": Status.APPROVED}))
    inspect = reverse("wagtailsnippets_discussion_comment:inspect", args=[theirs.pk])
    assert refused_by_admin(client.get(inspect))
    bulk = reverse("wagtail_bulk_action", args=["discussion", "comment", "spam"])
    client.post(f"{bulk}?id={theirs.pk}&id={comments[own].pk}")
    theirs.refresh_from_db()
    comments[own].refresh_from_db()
    assert (theirs.status, comments[own].status) == (Status.PENDING, Status.SPAM)


def test_the_superuser_moderates_both_sites(client, comments, moderators):
    client.force_login(moderators["superuser"])
    queue = client.get(QUEUE, {"status": "pending"}).content.decode()
    assert comments["newspaper"].body in queue and comments["platform"].body in queue
    for comment in comments.values():
        assert client.post(_moderate_url(comment, "approve")).status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.APPROVED}
