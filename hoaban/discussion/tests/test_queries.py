from datetime import timedelta
from unittest import mock

from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from hoaban.discussion.models import Comment
from hoaban.discussion.queries import approved_comments

Status = Comment.Status


def test_approved_comments_come_oldest_first_without_building_sql_again(news_site):
    article = news_site.article("news", title="Điện Biên đón đoàn công tác Saint Petersburg")
    other = news_site.article("news", title="Mường Lay khai trương bến thuyền du lịch")
    now = timezone.now()
    for target, body, age, status in (
        (article, "Bình luận thứ hai", 0, Status.APPROVED),
        (article, "Bình luận đầu tiên", 2, Status.APPROVED),
        (article, "Đang chờ duyệt", 1, Status.PENDING),
        (other, "Bài khác", 3, Status.APPROVED),
    ):
        Comment.objects.create(
            article=target,
            name="Lò Thị Hoa",
            body=body,
            ip_hash="x",
            status=status,
            created_at=now - timedelta(hours=age),
        )
    approved_comments(other.pk)

    with mock.patch.object(SQLCompiler, "as_sql", autospec=True) as built:
        comments = approved_comments(article.pk)
    assert built.call_count == 0

    assert [c.body for c in comments] == ["Bình luận đầu tiên", "Bình luận thứ hai"]
    assert comments[0].created_at == now - timedelta(hours=2)
    assert comments[0].name == "Lò Thị Hoa"
