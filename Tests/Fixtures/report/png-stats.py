#!/usr/bin/env python3
"""Prints facts about a PNG screenshot as one JSON line, with only the standard library.

Usage: png-stats.py FILE.png R,G,B
Output: {"width", "height", "non_white", "colours", "accent", "accent_rows": [first, last]}
where "non_white" is the fraction of pixels that are not near-white, "colours"
the number of distinct colours (capped sample), and "accent" the number of
pixels within a small distance of the accent colour R,G,B (the chart bars).
"""
import json, struct, sys, zlib

def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG layout"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows

def main():
    path, accent = sys.argv[1], tuple(int(v) for v in sys.argv[2].split(","))
    width, height, channels, rows = read_png(path)
    non_white, accent_count, colours, accent_rows = 0, 0, set(), []
    for y, row in enumerate(rows):
        for x in range(0, width * channels, channels):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if r < 245 or g < 245 or b < 245:
                non_white += 1
            if abs(r - accent[0]) + abs(g - accent[1]) + abs(b - accent[2]) < 30:
                accent_count += 1
                if not accent_rows or accent_rows[-1] != y:
                    accent_rows.append(y)
            if len(colours) < 5000:
                colours.add((r, g, b))
    print(json.dumps({"width": width, "height": height, "non_white": non_white / (width * height),
                      "colours": len(colours), "accent": accent_count,
                      "accent_rows": [accent_rows[0], accent_rows[-1]] if accent_rows else []}))

main()
