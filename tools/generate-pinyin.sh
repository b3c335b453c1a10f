#!/usr/bin/env bash
# Regenerates src/Tongban.Domain/Catalog/Search/Data/pinyin.txt from Unicode's Unihan database as
# Debian ships it (package unicode-data): each line is one CJK character and its customary Mandarin
# reading (kMandarin) without tones, ü written as v. No pinyin library is needed at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download unicode-data >/dev/null && dpkg -x unicode-data_*.deb x)
bzcat "$work"/x/usr/share/unicode/Unihan_Readings.txt.bz2 | python3 -c '
import sys, unicodedata
out = []
for line in sys.stdin:
    if "\tkMandarin\t" not in line:
        continue
    code, _, reading = line.rstrip("\n").split("\t")
    cp = int(code[2:], 16)
    if not (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF):
        continue
    decomposed = unicodedata.normalize("NFD", reading.split()[0]).replace("u\u0308", "v")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    out.append(chr(cp) + plain)
sys.stdout.write("\n".join(out) + "\n")
' > src/Tongban.Domain/Catalog/Search/Data/pinyin.txt
wc -l src/Tongban.Domain/Catalog/Search/Data/pinyin.txt
