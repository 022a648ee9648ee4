#!/usr/bin/env python3
"""Converts the XWD screen dump Xvfb keeps with -fbdir to a PNG (the smoke tests have no ImageMagick import or
xwd), and prints simple pixel statistics of a region: how many distinct colours and bright pixels it holds.
Usage: xwd_to_png.py XWD PNG [X0 Y0 X1 Y1]"""
import struct
import sys
import zlib


def read_xwd(path):
    data = open(path, "rb").read()
    fields = struct.unpack(">25I", data[:100])
    header_size, _, _, _, width, height = fields[:6]
    byte_order, bits_per_pixel, bytes_per_line = fields[7], fields[11], fields[12]
    red_mask, green_mask, blue_mask, ncolors = fields[14], fields[15], fields[16], fields[19]
    if bits_per_pixel != 32:
        raise SystemExit(f"{path}: {bits_per_pixel} bits per pixel, expected 32")
    offset = header_size + 12 * ncolors
    fmt = "<" if byte_order == 0 else ">"

    def shift(mask):
        return (mask & -mask).bit_length() - 1

    rs, gs, bs = shift(red_mask), shift(green_mask), shift(blue_mask)
    rows = []
    for y in range(height):
        line = data[offset + y * bytes_per_line: offset + y * bytes_per_line + 4 * width]
        px = struct.unpack(fmt + f"{width}I", line)
        rows.append(bytes(b for p in px for b in ((p & red_mask) >> rs, (p & green_mask) >> gs, (p & blue_mask) >> bs)))
    return width, height, rows


def write_png(path, width, height, rows):
    raw = b"".join(b"\x00" + r for r in rows)

    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    open(path, "wb").write(png)


def main():
    width, height, rows = read_xwd(sys.argv[1])
    write_png(sys.argv[2], width, height, rows)
    x0, y0, x1, y1 = (int(v) for v in sys.argv[3:7]) if len(sys.argv) >= 7 else (0, 0, width, height)
    colours, bright = set(), 0
    for y in range(max(0, y0), min(height, y1)):
        r = rows[y]
        for x in range(max(0, x0), min(width, x1)):
            c = r[3 * x: 3 * x + 3]
            colours.add(c)
            bright += c[0] > 150 and c[1] > 150 and c[2] > 150
    print(f"{width}x{height}; region {x0},{y0}-{x1},{y1}: {len(colours)} colours, {bright} bright pixels")


if __name__ == "__main__":
    main()
