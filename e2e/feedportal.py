"""A provincial portal on loopback with as many stories as a test asks for, for syndication
runs that are killed midway, and a platform that republishes some of its stories.

Each story has its own wording (so near-duplicate detection keeps them apart), a dateline,
two captioned photos and a byline. Every `slow_every`-th story's photos come slowly, so a run
spends real time in the middle of an item. A test can wait for the moment a story's last photo
has been served: the importer writes that story right after.
"""

import random
import threading
from datetime import datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler

from hoaban.ingest.tests.portal import LoopbackPortal, photo

VOCABULARY = (
    "bản làng nương rẫy ruộng bậc thang hợp tác xã cà phê Mường Ảng gạo Điện Biên chè Shan tuyết "
    "thanh long ruột đỏ mắc ca sâm Lai Châu đường giao thông nông thôn trường học bán trú trạm y "
    "tế xã lớp học tiếng Nga điện lưới quốc gia nước sạch sinh hoạt chợ phiên vùng cao du lịch "
    "cộng đồng homestay nhà sàn khèn Mông xòe Thái lễ hội Hoa Ban thác Tác Tình hang Thẩm Púa "
    "rừng đầu nguồn trồng rừng thay thế kè chống sạt lở hồ Pá Khoang cầu treo dân bản thanh niên "
    "tình nguyện cán bộ biên phòng hộ nghèo vốn vay ưu đãi nhà ở đại đoàn kết sản phẩm OCOP thổ "
    "cẩm dệt thủ công tem truy xuất nguồn gốc"
)
WORDS = VOCABULARY.split()


def story(number: int, seed: str = "") -> dict:
    """Story `number` of a portal; another `seed` gives other stories, so that tests sharing a
    server do not import each other's stories (they would be found duplicates)."""
    rng = random.Random(f"{seed}{number}" if seed else number)

    def sentence(length):
        words = [rng.choice(WORDS) for _ in range(length)]
        return " ".join(words).capitalize() + "."

    return {
        "title": f"Bản tin số {number}: {sentence(6)[:-1]}",
        "lead": f"ĐBP - {sentence(24)} {sentence(18)}",
        "paragraphs": [" ".join(sentence(rng.randint(14, 22)) for _ in range(4)) for _ in range(3)],
    }


class FeedPortal(LoopbackPortal):
    def __init__(self, count: int, slow_every: int = 4, slow_seconds: float = 0.3, seed: str = ""):
        self.count = count
        self.seed = seed
        self.slow_every = slow_every
        self.slow_seconds = slow_seconds
        self.published = datetime.now().astimezone() - timedelta(days=1)
        self._served = {}  # story number -> Event, set when its last photo has been sent
        self._lock = threading.Lock()
        self._listen(_Handler)
        self.feed_url = f"{self.base_url}/tin-tuc/rss.xml"

    def story_url(self, number: int) -> str:
        return f"{self.base_url}/tin-tuc/ban-tin-{number}.html"

    def last_photo_served(self, number: int) -> threading.Event:
        with self._lock:
            return self._served.setdefault(number, threading.Event())

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>Bản tin số {n}</title><link>{self.story_url(n)}</link>"
            f"<pubDate>{format_datetime(self.published)}</pubDate></item>"
            for n in range(1, self.count + 1)
        )
        return (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Cổng thông tin huyện Mường Chà</title><link>{self.base_url}/</link>"
            f"<description>Tin tức</description>{items}</channel></rss>"
        ).encode()

    def page(self, number: int) -> bytes:
        text = story(number, self.seed)
        # Photos between paragraphs, as portals place them (trafilatura keeps them there).
        content = [f"<p>{text['paragraphs'][0]}</p>"]
        for k, paragraph in enumerate(text["paragraphs"][1:], start=1):
            caption = f"Ảnh {k} của bản tin số {number}"
            content += [
                '<figure class="image">',
                f'  <img src="/anh/ban-tin-{number}-{k}.jpg" alt="{caption}">',
                f"  <figcaption>{caption}. (Ảnh: Lò Văn Tiến)</figcaption>",
                "</figure>",
                f"<p>{paragraph}</p>",
            ]
        return PAGE.format(
            title=text["title"],
            date=self.published.strftime("%d/%m/%Y %H:%M"),
            lead=text["lead"],
            content="\n".join(content),
        ).encode()


PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title} - Cổng thông tin điện tử huyện Mường Chà</title>
</head>
<body>
<div id="header"><a href="/">Cổng thông tin điện tử huyện Mường Chà</a></div>
<ul id="menu" class="main-menu">
  <li><a href="/">Trang chủ</a></li>
  <li><a href="/tin-tuc/">Tin tức - Sự kiện</a></li>
</ul>
<div id="content">
  <div class="main-column">
    <div class="news-detail">
      <h1 class="news-title">{title}</h1>
      <div class="news-date">{date}</div>
      <div class="news-sapo"><p><strong>{lead}</strong></p></div>
      <div class="news-content">
{content}
      </div>
      <p class="author"><strong>Quàng Thị Sen</strong></p>
    </div>
  </div>
</div>
<div id="footer"><p>Cổng thông tin điện tử huyện Mường Chà, tỉnh Điện Biên.</p></div>
</body>
</html>
"""


class _Handler(BaseHTTPRequestHandler):
    portal: FeedPortal
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        portal = self.portal
        if path == "/tin-tuc/rss.xml":
            return self._send(portal.feed(), "application/rss+xml; charset=utf-8")
        if path.startswith("/tin-tuc/ban-tin-") and path.endswith(".html"):
            return self._send(portal.page(int(path[17:-5])), "text/html; charset=utf-8")
        if path.startswith("/anh/ban-tin-") and path.endswith(".jpg"):
            number, k = map(int, path[13:-4].split("-"))
            if number % portal.slow_every == 0:
                threading.Event().wait(portal.slow_seconds)
            self._send(photo(path), "image/jpeg")
            if k == 2:
                portal.last_photo_served(number).set()
            return None
        self._send(b"Not found", "text/plain", status=404)

    def _send(self, body: bytes, content_type: str, status: int = 200):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Republisher(LoopbackPortal):
    """The national platform on loopback: it republishes stories of a FeedPortal word for
    word, each closing with "Nguồn: <link to the original>" as the platform prints it."""

    def __init__(self, original: FeedPortal, numbers: list[int], original_name: str):
        self.original = original
        self.numbers = numbers
        self.original_name = original_name
        self._listen(_RepublisherHandler)
        self.feed_url = f"{self.base_url}/rss.xml"

    def story_url(self, number: int) -> str:
        return f"{self.base_url}/bai-viet/dien-bien-{number}.html"

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>Bản tin số {n}</title><link>{self.story_url(n)}</link></item>"
            for n in self.numbers
        )
        return (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Thông tin đối ngoại</title><link>{self.base_url}/</link>"
            f"<description>Tin các địa phương</description>{items}</channel></rss>"
        ).encode()

    def page(self, number: int) -> bytes:
        text = story(number, self.original.seed)
        return REPUBLISHED_PAGE.format(
            title=text["title"],
            date=self.original.published.strftime("%d/%m/%Y %H:%M"),
            lead=text["lead"],
            photo=f"{self.original.base_url}/anh/ban-tin-{number}-1.jpg",
            content="\n".join(f"<p>{paragraph}</p>" for paragraph in text["paragraphs"]),
            original=self.original.story_url(number),
            original_name=self.original_name,
        ).encode()


REPUBLISHED_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>{title} | Thông tin đối ngoại</title></head>
<body>
<header><a href="/">Thông tin đối ngoại</a>
  <nav><a href="/dia-phuong/">Địa phương</a></nav></header>
<main>
  <article>
    <h1>{title}</h1>
    <p class="meta">Thứ Hai, {date}</p>
    <p class="sapo"><b>{lead}</b></p>
    <img src="{photo}" alt="Quang cảnh buổi làm việc">
{content}
    <p style="text-align: right"><b>Quàng Thị Sen</b></p>
    <p><i>Nguồn: <a href="{original}">{original_name}</a></i></p>
  </article>
</main>
<footer><p>Trang thông tin đối ngoại tỉnh Điện Biên.</p></footer>
</body>
</html>
"""


class _RepublisherHandler(_Handler):
    portal: Republisher

    def do_GET(self):
        path = self.path.split("?")[0]
        portal = self.portal
        if path == "/rss.xml":
            return self._send(portal.feed(), "application/rss+xml; charset=utf-8")
        if path.startswith("/bai-viet/dien-bien-") and path.endswith(".html"):
            number = int(path[20:-5])
            if number in portal.numbers:
                return self._send(portal.page(number), "text/html; charset=utf-8")
        return self._send(b"Not found", "text/plain", status=404)
