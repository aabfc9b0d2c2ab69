import time

from hoaban.pagecache.filestore import PageFileCache

PAGE = "<h1>Điện Biên Phủ đón du khách Saint Petersburg</h1>".encode()


def store(tmp_path):
    return PageFileCache(str(tmp_path), {})


def test_a_page_is_kept_as_written_and_read_back(tmp_path):
    cache = store(tmp_path)
    cache.set("page:vi", (200, [("content-type", "text/html")], PAGE), 60)

    assert cache.get("page:vi") == (200, [("content-type", "text/html")], PAGE)
    # Not deflated on disk: a hit reads the bytes without inflating them.
    (entry,) = tmp_path.glob("*.djcache")
    assert PAGE in entry.read_bytes()


def test_expired_and_missing_entries_give_the_default(tmp_path):
    cache = store(tmp_path)
    cache.set("page:old", PAGE, 1)
    time.sleep(1.1)

    assert cache.get("page:old") is None
    assert cache.get("page:never-stored", "default") == "default"


def test_tokens_and_touch_work_as_on_any_cache(tmp_path):
    cache = store(tmp_path)
    assert cache.add("generation", "a1", timeout=None)
    assert not cache.add("generation", "b2", timeout=None)
    assert cache.get_many(["generation", "path:x"]) == {"generation": "a1"}

    assert cache.touch("generation", 60)
    assert cache.get("generation") == "a1"
    assert not cache.touch("path:x", 60)
