import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("bientap", "bt@baodienbienphu.example", "x")
    )
    return client


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>Điện Biên</w:document>")
    return buffer.getvalue()


def upload_document(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Kế hoạch hợp tác", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def upload_image(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Lễ ký kết", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"),
        ("ke-hoach.docx", docx()),
        ("danh-sach.csv", "Họ tên,Xã\nLò Văn Páo,Mường Phăng\n".encode()),
    ],
)
def test_documents_whose_content_matches_their_extension_are_accepted(editor_client, name, content):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 302
    assert get_document_model().objects.filter(file__endswith=name.rsplit(".")[1]).count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "bao-cao.pdf",
            b"<html><script>alert(1)</script></html>",
            "không phải tài liệu .pdf hợp lệ",
        ),
        ("ke-hoach.docx", b"%PDF-1.7\n", "không phải tài liệu .docx hợp lệ"),
        ("danh-sach.csv", b"MZ\x90\x00\x03\x00\x00\x00", "không phải tài liệu .csv hợp lệ"),
        ("logo.svg", b"<svg onload='alert(1)'/>", "not allowed"),
        ("trang.html", b"<html></html>", "not allowed"),
    ],
)
def test_documents_are_refused_when_their_content_is_not_what_the_name_says(
    editor_client, name, content, message
):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_document_model().objects.exists()


@override_settings(HOABAN_MAX_DOCUMENT_UPLOAD_SIZE=1024)
def test_document_over_the_size_limit_is_refused(editor_client):
    response = upload_document(editor_client, "bao-cao.txt", "Điện Biên ".encode() * 200)
    assert "Tệp này quá lớn" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_documents_are_served_as_attachments_never_rendered_by_the_browser(editor_client):
    upload_document(editor_client, "ke-hoach.docx", docx())
    document = get_document_model().objects.get()
    response = editor_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=1_000_000)
def test_image_with_too_many_pixels_is_refused_with_a_clear_message(editor_client):
    response = upload_image(editor_client, "anh-lon.png", png(1200, 1000))
    assert response.status_code == 200
    # The editor's admin is in Vietnamese, the site's language.
    assert "Tệp có quá nhiều điểm ảnh" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("anh.png", b"<html><script>alert(1)</script></html>"),
        ("anh.jpg", png(10, 10)),
    ],
)
def test_images_are_refused_unless_their_content_is_an_allowed_format(editor_client, name, content):
    response = upload_image(editor_client, name, content)
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_ordinary_photo_is_accepted(editor_client):
    assert upload_image(editor_client, "le-ky-ket.png", png(800, 600)).status_code == 302
    assert get_image_model().objects.count() == 1
