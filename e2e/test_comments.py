"""Reader comments against the real server: concurrent posting, and a reader and an editor in
a real browser."""

import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from .clients import Commenter
from .conftest import OUTPUT

THREADS = 8
PER_THREAD = 25


def demo_articles(live_site, count: int) -> list[tuple[int, str]]:
    """(id, path) of the newest demo articles: each test takes its own."""
    code = (
        "from urllib.parse import urlsplit\n"
        "from hoaban.articles.models import ArticlePage\n"
        f"for a in ArticlePage.objects.live().order_by('-date')[:{count}]:\n"
        "    print('ARTICLE', a.pk, urlsplit(a.url).path)"
    )
    output = live_site.shell(code).splitlines()
    rows = [line.split()[1:] for line in output if line.startswith("ARTICLE ")]
    return [(int(pk), path) for pk, path in rows]


def count_stored(live_site, article_id: int, prefix: str) -> list[str]:
    code = (
        "from hoaban.discussion.models import Comment\n"
        f"for body in Comment.objects.filter(article_id={article_id}, body__startswith={prefix!r})"
        ".values_list('body', flat=True):\n"
        "    print('BODY', body)"
    )
    output = live_site.shell(code).splitlines()
    return [line.removeprefix("BODY ") for line in output if line.startswith("BODY ")]


def pending_count(live_site) -> int:
    code = (
        "from hoaban.discussion.models import Comment\n"
        "print('PENDING', Comment.objects.filter(status=Comment.Status.PENDING).count())"
    )
    output = live_site.shell(code).splitlines()
    return int(next(line for line in output if line.startswith("PENDING ")).split()[1])


def test_two_hundred_comments_posted_concurrently_are_all_stored(live_site):
    [(article_id, _path)] = demo_articles(live_site, 1)
    prefix = "Luồng đồng thời"

    def post_many(thread: int) -> list[str]:
        reader = Commenter(live_site.base_url)
        statuses = []
        for number in range(PER_THREAD):
            body = f"{prefix} {thread}-{number}: ý kiến của bạn đọc về Điện Biên."
            _status, answer = reader.post_comment(article_id, f"Bạn đọc {thread}", body)
            statuses.append(answer.get("status"))
        return statuses

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = [status for result in pool.map(post_many, range(THREADS)) for status in result]

    assert statuses == ["pending"] * THREADS * PER_THREAD
    stored = count_stored(live_site, article_id, prefix)
    expected = {
        f"{prefix} {thread}-{number}: ý kiến của bạn đọc về Điện Biên."
        for thread in range(THREADS)
        for number in range(PER_THREAD)
    }
    assert len(stored) == THREADS * PER_THREAD
    assert set(stored) == expected


def test_anonymous_article_page_from_the_real_server_sets_no_cookie(live_site):
    [(_id, path)] = demo_articles(live_site, 1)
    with urllib.request.urlopen(live_site.base_url + path, timeout=30) as response:
        html = response.read().decode()
        assert response.headers.get_all("Set-Cookie") is None
    assert 'name="csrfmiddlewaretoken" value=""' in html


@pytest.fixture
def editor_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    yield tab
    context.close()


def test_reader_comments_and_an_editor_approves_it(live_site, page, editor_page):
    # The Vietnamese edition: its interface strings may be translated, so the reader's side
    # checks numbers, states and the text itself rather than English wording.
    _id, path = demo_articles(live_site, 3)[2]
    article_url = live_site.base_url + path
    page.goto(article_url)
    comments = page.locator("#comments")
    count = comments.get_by_role("heading", level=2)
    expect(count).to_have_text(re.compile(r"\(0\)$"))

    counter = page.locator("#comment-counter")
    expect(counter).to_contain_text("500/500")
    page.locator("#comment-name").fill("Quàng Thị Sen")
    box = page.locator("#comment-body")
    box.press_sequentially("Hay!")
    expect(counter).to_contain_text("496/500")
    send = comments.locator("button[type=submit]")
    send.click()
    body_error = page.locator("#comment-body-error")
    expect(body_error).not_to_be_empty()
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_have_value("Hay!")
    assert page.url == article_url

    text = "Lễ hội hoa ban năm nay thật đẹp,\ncảm ơn tòa soạn!"
    box.fill(text)
    expect(counter).to_contain_text(f"{500 - len(text)}/500")
    send.click()
    status = page.locator("[data-comment-status]")
    expect(box).to_have_value("")
    expect(status).not_to_be_empty()
    expect(body_error).to_be_empty()
    expect(count).to_have_text(re.compile(r"\(0\)$"))

    editor = editor_page
    editor.goto(f"{live_site.base_url}/admin/login/")
    editor.locator("#id_username").fill("editor")
    editor.locator("#id_password").fill("hoaban-editor")
    editor.get_by_role("button", name="Sign in").click()
    panel = editor.get_by_role("region", name="Reader comments")
    # Other tests on this server leave comments pending too: the panel counts them all.
    waiting = pending_count(live_site)
    assert waiting >= 1
    expect(panel).to_contain_text(
        "1 comment is waiting for moderation."
        if waiting == 1
        else f"{waiting} comments are waiting for moderation."
    )
    editor.goto(f"{live_site.base_url}/admin/snippets/discussion/comment/?status=pending")
    editor.get_by_role("link", name=re.compile("Lễ hội hoa ban năm nay")).click()
    editor.locator("#id_status").select_option("approved")
    editor.get_by_role("button", name="Save").click()
    expect(editor.locator(".messages")).to_be_visible()

    # The page was cached by the browser for a minute (max-age): the reader reloads.
    page.reload()
    expect(count).to_have_text(re.compile(r"\(1\)$"))
    expect(comments.locator(".comment__name")).to_have_text("Quàng Thị Sen")
    expect(comments.locator(".comment__body")).to_have_text(text.replace("\n", ""))
    expect(comments.locator(".comment__body br")).to_have_count(1)


def test_editor_approves_one_comment_and_marks_one_as_spam_from_the_queue_rows(
    live_site, page, editor_page
):
    article_id, path = demo_articles(live_site, 5)[4]
    reader = Commenter(live_site.base_url)
    kind = "Chợ phiên Mường Phăng đông vui, cảm ơn tòa soạn đã giới thiệu!"
    junk = "Bán đồng hồ giá rẻ, liên hệ ngay hôm nay"
    assert reader.post_comment(article_id, "Lò Thị Mai", kind)[1]["status"] == "pending"
    assert reader.post_comment(article_id, "Người bán hàng", junk)[1]["status"] == "pending"

    editor = editor_page
    editor.goto(f"{live_site.base_url}/admin/login/")
    editor.locator("#id_username").fill("editor")
    editor.locator("#id_password").fill("hoaban-editor")
    editor.get_by_role("button", name="Sign in").click()
    queue = (
        f"{live_site.base_url}/admin/snippets/discussion/comment/"
        f"?status=pending&article={article_id}"
    )
    editor.goto(queue)
    editor.get_by_role("button", name="Approve: comment by Lò Thị Mai").click()
    expect(editor.locator(".messages")).to_contain_text("Comment by “Lò Thị Mai” approved.")
    assert editor.url == queue  # back on the same filtered page
    editor.get_by_role("button", name="Spam: comment by Người bán hàng").click()
    expect(editor.locator(".messages")).to_contain_text(
        "Comment by “Người bán hàng” marked as spam."
    )
    assert editor.url == queue
    expect(editor.get_by_text(junk)).to_have_count(0)
    editor.screenshot(path=OUTPUT / "editor_moderates_from_the_queue_rows.png", full_page=True)

    page.goto(live_site.base_url + path)
    comments = page.locator("#comments")
    expect(comments.get_by_role("heading", level=2)).to_have_text(re.compile(r"\(1\)$"))
    expect(comments.locator(".comment__body")).to_have_text(kind)
    expect(comments.get_by_text(junk)).to_have_count(0)
