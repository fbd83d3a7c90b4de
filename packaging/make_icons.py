"""Make the Windows .ico and macOS .icns app icons from the rendered hicolor PNGs.

    packaging/linux/render-icons.sh && python packaging/make_icons.py

Both formats simply hold PNG images (Windows Vista+, macOS 10.7+), so no image library is needed.
"""

from __future__ import annotations

import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_ID = "org.brochurereader.BrochureReader"
HICOLOR = HERE / "linux" / "icons" / "hicolor"


def png(size: int) -> bytes:
    return (HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()


def make_ico(out: Path, sizes=(16, 24, 32, 48, 64, 128, 256)) -> None:
    images = [png(s) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    out.write_bytes(header + entries + b"".join(images))


def make_icns(out: Path) -> None:
    # (type, pixel size): icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512,
    # ic11 32 (16@2x), ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x)
    kinds = [
        (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
        (b"ic09", 512), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
    ]  # fmt: skip
    body = b"".join(kind + struct.pack(">I", 8 + len(png(s))) + png(s) for kind, s in kinds)
    out.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


if __name__ == "__main__":
    make_ico(HERE / "windows" / "brochure-reader.ico")
    make_icns(HERE / "macos" / "brochure-reader.icns")
    print("wrote packaging/windows/brochure-reader.ico and packaging/macos/brochure-reader.icns")
