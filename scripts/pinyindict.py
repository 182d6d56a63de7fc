"""go-pinyin's per-character table, shared by generate-regions.py and
category-pinyin.py (Debian: golang-github-mozillazg-go-pinyin-dev, MIT)."""

import re
import sys
import unicodedata


def plain_syllable(s):
    """Tone-marked pinyin -> plain lowercase letters, ü written as v."""
    s = unicodedata.normalize("NFD", s.strip().lower())
    s = s.replace("u\u0308", "v")  # ü (with or without tone) -> v
    return "".join(c for c in s if not unicodedata.combining(c))


def load_pinyin_dict(path):
    """pinyin_dict.go -> {char: [plain readings, in the file's order]}."""
    table = {}
    pat = re.compile(r'\s*0x([0-9A-Fa-f]+):\s*"([^"]*)"')
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = pat.match(line)
            if not m:
                continue
            readings = []
            for r in m.group(2).split(","):
                p = plain_syllable(r)
                if p and p not in readings:
                    readings.append(p)
            table[chr(int(m.group(1), 16))] = readings
    if len(table) < 10000:
        sys.exit(f"error: {path} does not look like go-pinyin's pinyin_dict.go "
                 f"({len(table)} entries)")
    return table
