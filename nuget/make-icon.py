#!/usr/bin/env python3
"""Draws the package icon (nuget/icon.png, 128x128): a chip with pins, for a library that talks to drivers.

Standard library only, so it runs anywhere: `python3 nuget/make-icon.py` rewrites the PNG byte for byte.
"""
import struct
import zlib
from pathlib import Path

SIZE = 128
BACKGROUND = (31, 58, 95)      # dark blue
CHIP = (236, 240, 244)         # near white
PIN = (245, 166, 35)           # amber
MARK = (31, 58, 95)


def inside_rounded(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x < x1 and y0 <= y < y1):
        return False
    cx = min(max(x, x0 + r), x1 - 1 - r)
    cy = min(max(y, y0 + r), y1 - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def pixel(x, y):
    if not inside_rounded(x, y, 0, 0, SIZE, SIZE, 20):
        return (0, 0, 0, 0)
    # Pins: four on each side of the chip.
    for i in range(4):
        p = 38 + i * 15
        if (p <= y < p + 7 and (18 <= x < 34 or 94 <= x < 110)) or (p <= x < p + 7 and (18 <= y < 34 or 94 <= y < 110)):
            return PIN + (255,)
    if inside_rounded(x, y, 32, 32, 96, 96, 8):
        # An arrow in and an arrow out: the request and its reply.
        if 46 <= y < 52 and 44 <= x < 78 or (78 <= x < 86 and abs(y - 49) <= 86 - x - 1):
            return MARK + (255,)
        if 76 <= y < 82 and 50 <= x < 84 or (42 <= x < 50 and abs(y - 79) <= x - 42):
            return MARK + (255,)
        return CHIP + (255,)
    return BACKGROUND + (255,)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
png = (b"\x89PNG\r\n\x1a\n"
       + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9))
       + chunk(b"IEND", b""))
Path(__file__).with_name("icon.png").write_bytes(png)
