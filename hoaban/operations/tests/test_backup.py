import io
import tarfile
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from hoaban.articles.models import ArticlePage
from hoaban.images.models import NewsImage
from hoaban.testing import build_site

# pg_dump and SQLite's backup see only committed data, so these tests commit; the serialized
# rollback puts back the root page that migrations create once the tables are flushed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def site_state(media_root: Path) -> dict:
    return {
        "articles": sorted(ArticlePage.objects.values_list("title", "live", "slug")),
        "images": sorted(NewsImage.objects.values_list("title", "file")),
        "media": {
            path.relative_to(media_root).as_posix(): path.read_bytes()
            for path in media_root.rglob("*")
            if path.is_file()
        },
    }


def photo() -> ImageFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "#b5473a").save(buffer, "JPEG")
    return ImageFile(buffer, name="hoa-ban-no.jpg")


def backup(tmp_path) -> Path:
    call_command("backup_site", output=tmp_path / "backups", verbosity=0, stdout=io.StringIO())
    (archive,) = (tmp_path / "backups").glob("hoaban-backup-*.tar")
    return archive


def test_restore_brings_back_the_site_exactly_as_it_was_backed_up(media_root, tmp_path):
    site = build_site()
    site.article(title="Điện Biên ký kết hợp tác với Saint Petersburg")
    kept = site.article(title="Mường Phăng đón trại hè “Tìm về cội nguồn”")
    NewsImage.objects.create(title="Hoa ban nở trắng", file=photo(), width=64, height=48)
    before = site_state(media_root)

    archive = backup(tmp_path)

    kept.delete()
    site.article(title="Bài viết sau khi sao lưu")
    NewsImage.objects.get().file.delete(save=False)
    (media_root / "stray.txt").write_text("không thuộc bản sao lưu")
    assert site_state(media_root) != before

    call_command("restore_site", archive, yes=True, stdout=io.StringIO())
    assert site_state(media_root) == before


def test_damaged_archive_is_refused_and_changes_nothing(media_root, tmp_path):
    build_site().article(title="Giữ nguyên khi khôi phục thất bại")
    archive = backup(tmp_path)
    before = site_state(media_root)
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("database"):
                data = data[:-100] + b"\0" * 100
            target.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match="bị hỏng"):
        call_command("restore_site", damaged, yes=True, stdout=io.StringIO())
    assert site_state(media_root) == before


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    not_a_backup = tmp_path / "notes.tar"
    not_a_backup.write_text("Điện Biên")
    with pytest.raises(CommandError, match="không phải tệp sao lưu của Hoa Ban"):
        call_command("restore_site", not_a_backup, yes=True, stdout=io.StringIO())
