#!/usr/bin/env bash
# Renders every application icon from the one source image, perprisk.svg:
#   perprisk.png        256 px, Linux (jpackage --icon on Linux; the .desktop entry's icon)
#   perprisk-<N>.png    16..1024 px, for anyone who needs another size (hicolor theme, README, store pages)
#   perprisk.ico        Windows: 16, 24, 32, 48, 64, 128, 256 px, PNG-compressed entries (Vista and later)
#   perprisk.icns       macOS: 16..1024 px (icp4, icp5, icp6, ic07..ic14), PNG entries
# Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin) and python3. The outputs are committed, so a build
# never runs this; run it again after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "make-icons: needs rsvg-convert (apt-get install -y librsvg2-bin)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$n" -h "$n" perprisk.svg -o "$tmp/$n.png"
done
for n in 16 32 48 64 128 256 512 1024; do cp "$tmp/$n.png" "perprisk-$n.png"; done
cp "$tmp/256.png" perprisk.png

python3 - "$tmp" <<'PY'
import struct, sys, os
tmp = sys.argv[1]
def png(n):
    with open(os.path.join(tmp, f"{n}.png"), "rb") as f:
        return f.read()

# ICO: ICONDIR, one ICONDIRENTRY per size, then the PNG data (width/height 0 means 256).
sizes = [16, 24, 32, 48, 64, 128, 256]
data = [png(n) for n in sizes]
out = struct.pack("<HHH", 0, 1, len(sizes))
offset = 6 + 16 * len(sizes)
for n, d in zip(sizes, data):
    out += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(d), offset)
    offset += len(d)
with open("perprisk.ico", "wb") as f:
    f.write(out + b"".join(data))

# ICNS: 'icns' + total length, then (type, length incl. 8-byte header, PNG data) per entry.
types = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
         ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
body = b"".join(t.encode() + struct.pack(">I", 8 + len(png(n))) + png(n) for t, n in types)
with open("perprisk.icns", "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
ls -l perprisk.png perprisk.ico perprisk.icns
