"""Placeholder photos drawn with Pillow, so the demo needs no downloads.

Each palette paints a simple landscape (sky, layered hills, a sun and bauhinia blossoms);
the same key always gives the same picture, which keeps the demo loader idempotent.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900

PALETTES = {
    "neva": ((38, 70, 120), (170, 196, 225), [(58, 84, 110), (40, 60, 82), (28, 44, 60)]),
    "bauhinia": ((120, 170, 215), (232, 214, 230), [(92, 128, 84), (64, 102, 66), (44, 78, 50)]),
    "kremlin": ((150, 60, 60), (240, 200, 170), [(120, 70, 70), (90, 50, 52), (60, 34, 38)]),
    "money": ((60, 130, 110), (220, 235, 200), [(96, 140, 70), (70, 112, 56), (48, 86, 44)]),
    "loom": ((130, 60, 110), (245, 210, 170), [(170, 90, 70), (130, 60, 90), (90, 40, 70)]),
    "school": ((70, 130, 200), (250, 235, 190), [(110, 160, 90), (80, 130, 70), (60, 100, 56)]),
    "house": ((90, 110, 150), (230, 220, 200), [(120, 110, 90), (96, 86, 70), (70, 62, 52)]),
    "press": ((40, 40, 60), (200, 190, 210), [(80, 70, 100), (60, 52, 80), (40, 34, 56)]),
    "quarry": ((150, 130, 100), (235, 225, 205), [(160, 140, 110), (130, 110, 90), (100, 84, 70)]),
    "forest": ((40, 90, 70), (190, 220, 190), [(40, 100, 60), (30, 80, 50), (20, 60, 40)]),
    "hall": ((120, 30, 40), (240, 210, 160), [(150, 50, 50), (120, 36, 40), (90, 26, 30)]),
    "river": ((80, 110, 150), (200, 215, 230), [(70, 110, 100), (50, 90, 90), (40, 70, 80)]),
    "valley": ((100, 150, 200), (250, 220, 180), [(120, 150, 80), (90, 124, 64), (66, 100, 50)]),
    "camp": ((250, 150, 70), (255, 230, 170), [(110, 140, 70), (84, 116, 56), (60, 92, 44)]),
}


def _lerp(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _blossom(draw, x, y, radius, colour):
    for petal in range(5):
        angle = petal * 2 * math.pi / 5
        px, py = x + math.cos(angle) * radius, y + math.sin(angle) * radius
        draw.ellipse((px - radius, py - radius, px + radius, py + radius), fill=colour)
    draw.ellipse(
        (x - radius / 3, y - radius / 3, x + radius / 3, y + radius / 3), fill=(240, 200, 90)
    )


def draw_picture(palette: str, variant: int = 0) -> bytes:
    """A JPEG of WIDTH×HEIGHT for the palette; the same palette and variant, the same picture."""
    top, bottom, hills = PALETTES[palette]
    rng = random.Random(f"{palette}-{variant}")
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        draw.line([(0, y), (WIDTH, y)], fill=_lerp(top, bottom, y / HEIGHT))
    sun_x, sun_y = rng.randint(200, WIDTH - 200), rng.randint(120, 300)
    draw.ellipse((sun_x - 70, sun_y - 70, sun_x + 70, sun_y + 70), fill=(255, 236, 190))
    for layer, colour in enumerate(hills):
        base = HEIGHT * (0.45 + 0.15 * layer)
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 80, 80):
            points.append((x, base + math.sin(x / (170 + 60 * layer) + rng.random()) * 60))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=colour)
    for _ in range(14):
        _blossom(
            draw,
            rng.randint(40, WIDTH - 40),
            rng.randint(int(HEIGHT * 0.65), HEIGHT - 30),
            rng.randint(10, 22),
            (250, 244, 248),
        )
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def draw_emblem(colour=(11, 74, 125), size=240) -> bytes:
    """A round emblem for a site's masthead: a white five-petal blossom on `colour` (PNG)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), fill=colour)
    centre, reach, petal = size / 2, size * 0.2, size * 0.12
    for n in range(5):
        angle = n * 2 * math.pi / 5 - math.pi / 2
        x, y = centre + math.cos(angle) * reach, centre + math.sin(angle) * reach
        draw.ellipse((x - petal, y - petal, x + petal, y + petal), fill=(255, 255, 255))
    draw.ellipse((centre - petal / 2,) * 2 + (centre + petal / 2,) * 2, fill=(242, 183, 5))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
