"""The application's icon (desktop_app/resources/suivi-fsl.svg) rendered by Qt for the systems
that want pictures rather than an SVG:

    python packaging/icons.py ico packaging/windows/suivi-fsl.ico   # Windows (PNG entries)
    python packaging/icons.py iconset build/suivi-fsl.iconset       # macOS, for iconutil
    python packaging/icons.py png OUT.png [SIZE]
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "desktop_app" / "resources" / "suivi-fsl.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONSET = ((16, 1), (16, 2), (32, 1), (32, 2), (128, 1), (128, 2), (256, 1), (256, 2),
           (512, 1), (512, 2))


def render_png(size: int) -> bytes:
    """The SVG drawn at `size`×`size` pixels, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """A Windows .ico whose entries are PNG pictures (Windows Vista and later)."""
    pictures = [render_png(size) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    for size, picture in zip(sizes, pictures, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(picture), offset)
        offset += len(picture)
    return header + entries + b"".join(pictures)


def main(argv: list[str]) -> int:
    kind, out = argv[0], Path(argv[1])
    if kind == "ico":
        out.write_bytes(ico_bytes())
    elif kind == "iconset":
        out.mkdir(parents=True, exist_ok=True)
        for size, scale in ICONSET:
            name = f"icon_{size}x{size}" + ("@2x" if scale == 2 else "") + ".png"
            (out / name).write_bytes(render_png(size * scale))
    else:
        out.write_bytes(render_png(int(argv[2]) if len(argv) > 2 else 256))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
