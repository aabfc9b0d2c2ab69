"""A reporter in the real admin: a photo uploaded from the chooser inside an article."""

import random

from PIL import Image
from playwright.sync_api import expect

from .conftest import OUTPUT

CHECK_PHOTO = """
from hoaban.articles.models import ArticlePage
article = ArticlePage.objects.get(pk={page_id}).get_latest_revision_as_object()
for block in article.body:
    if block.block_type == "image":
        image = block.value["image"]
        print("PHOTO", image.collection.name, image.uploaded_by_user.username, "|", image.caption,
              "|", image.credit, "|", block.value["caption"])
"""


def test_reporter_uploads_a_photo_from_the_chooser_into_an_article(live_site, browser, tmp_path):
    [page_id] = live_site.create_draft_articles(1, label="anh")
    picture = tmp_path / "hoa-ban-him-lam.jpg"
    # A colour of its own, so Wagtail's duplicate check never steps in.
    Image.new("RGB", (800, 600), tuple(random.randrange(256) for _ in range(3))).save(picture)

    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_site.base_url}/admin/login/")
    page.locator("#id_username").fill("reporter")
    page.locator("#id_password").fill("hoaban-reporter")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="Images", exact=True)).to_be_visible()

    page.goto(f"{live_site.base_url}/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Photo with caption").click()
    caption = page.locator("[data-contentpath=body] [data-contentpath=caption] input")
    caption.fill("Đồi Him Lam mùa hoa ban")
    page.get_by_role("button", name="Choose an image").last.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Upload").click()
    modal.get_by_label("Title").fill("Hoa ban nở trắng đồi Him Lam")
    modal.locator("input[type=file]").set_input_files(picture)
    modal.get_by_label("Caption").fill("Hoa ban nở trắng trên đồi Him Lam sáng 12/3.")
    modal.get_by_label("Credit").fill("Ảnh: Quang Hưng")
    modal.get_by_role("button", name="Upload").click()
    expect(modal).to_be_hidden()
    body = page.locator("[data-contentpath=body]")
    expect(body.locator(".chooser__title")).to_have_text("Hoa ban nở trắng đồi Him Lam")
    expect(caption).to_have_value("Đồi Him Lam mùa hoa ban")
    page.get_by_role("button", name="Save draft").click()

    expect(page.locator(".messages")).to_contain_text("has been updated")
    expect(page.get_by_text("This field is required")).to_have_count(0)
    OUTPUT.mkdir(exist_ok=True)
    body.locator(".chooser__title").scroll_into_view_if_needed()
    page.screenshot(path=OUTPUT / "reporter_uploads_a_photo.png", full_page=True)
    context.close()

    stored = [
        line.split(" ", 1)[1]
        for line in live_site.shell(CHECK_PHOTO.format(page_id=page_id)).splitlines()
        if line.startswith("PHOTO ")
    ]
    assert stored == [
        "Newsroom reporter | Hoa ban nở trắng trên đồi Him Lam sáng 12/3. | Ảnh: Quang Hưng"
        " | Đồi Him Lam mùa hoa ban"
    ]
