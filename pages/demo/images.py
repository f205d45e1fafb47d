"""Illustrations for the demo, drawn by the project with Pillow (no downloads).

Each picture is a flat landscape (sky, hills, terraces) in a colour scheme with
a caption, so the gallery, the news cards and the share previews have images to
show. They are labelled "Ảnh minh họa" in their alt text: none is a real photo.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

from documents.text import fold

SIZE = (1200, 800)
# Captions stay inside the area every crop keeps (4:3 cards, 1200x630 shares).
MARGIN_X, MARGIN_Y = 150, 110
SCHEMES = {
    "green": ("#dff3e4", "#3f8f5a", "#1f5c36"),
    "gold": ("#fdf1d6", "#d69a2d", "#8a5a12"),
    "red": ("#fbe3e1", "#c0392b", "#7d1a12"),
    "blue": ("#e1ecfa", "#3a6fb0", "#1c3f6e"),
    "teal": ("#dcf3f1", "#2e8f86", "#175650"),
}
FONT_NAMES = ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "NotoSans-Bold.ttf"]


def load_font(size: int):
    """A TrueType font with Vietnamese glyphs, or ``None`` when none is installed."""
    for name in FONT_NAMES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return None


def draw_caption(draw: ImageDraw.ImageDraw, caption: str, ink: str) -> None:
    font = load_font(56)
    if font is None:  # Pillow's built-in font has no Vietnamese marks.
        font, caption = ImageFont.load_default(size=48), fold(caption).upper()
    lines, line = [], ""
    for word in caption.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > SIZE[0] - 2 * MARGIN_X and line:
            lines.append(line)
            candidate = word
        line = candidate
    lines.append(line)
    y = MARGIN_Y
    for text in lines[:3]:
        draw.text((MARGIN_X, y), text, font=font, fill=ink)
        y += 70


def draw_picture(caption: str, scheme: str, seed: int) -> bytes:
    """A PNG landscape with the caption; the same arguments give the same bytes."""
    sky, hill, ink = SCHEMES[scheme]
    rng = random.Random(seed)
    picture = PILImage.new("RGB", SIZE, sky)
    draw = ImageDraw.Draw(picture)
    width, height = SIZE
    draw.ellipse((width - 200, 60, width - 100, 160), fill="#f7c948")
    for layer in range(3):
        base = height - 260 + layer * 90
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base - rng.randint(0, 90)))
        points.append((width, height))
        draw.polygon(points, fill=hill if layer % 2 == 0 else ink)
    for row in range(5):
        y = height - 60 - row * 22
        draw.line((0, y, width, y - 40), fill=sky, width=3)
    draw_caption(draw, caption, ink)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_image(*, title: str, alt: str, scheme: str, seed: int) -> Image:
    """The Wagtail image of that title, drawn and saved the first time only."""
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    data = draw_picture(title, scheme, seed)
    image = Image(
        title=title,
        description=alt,
        file=ImageFile(io.BytesIO(data), name=f"demo-{seed}.png"),
    )
    image.save()
    return image
