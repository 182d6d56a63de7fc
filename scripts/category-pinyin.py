#!/usr/bin/env python3
"""Add the "pinyin" field to every node of resources/data/categories.json.

The category picker finds 租房 by "zufang", "zu fang" and "zf", so each
category carries the pinyin of its name: space-separated lowercase syllables
without tones, ü written as v (the regions table's convention). Latin letters
in a name (技术IT) are kept as one lowercase word ("ji shu it").

Input: go-pinyin's pinyin_dict.go (Debian golang-github-mozillazg-go-pinyin-dev,
MIT), read the same way as scripts/generate-regions.py reads it:

  cd /tmp && apt-get download golang-github-mozillazg-go-pinyin-dev \\
    && dpkg-deb -x golang-github-mozillazg-go-pinyin-dev*.deb gp
  python3 scripts/category-pinyin.py \\
    --pinyin-dict /tmp/gp/usr/share/gocode/src/github.com/mozillazg/go-pinyin/pinyin_dict.go

A character's first dictionary reading is its most common one, which is wrong
for some words (会计 is kuai ji, not hui ji). Words whose reading a human has
checked are in PHRASES and win over the dictionary; every other polyphonic
character is printed to stderr so a human can check it on every run. EXPECTED
fails the run if a known-tricky name comes out differently.

Python 3 standard library only. The file is rewritten with the same layout
(2-space indent, UTF-8, "pinyin" after "en"), so re-running it changes nothing.
"""

import argparse
import json
import os
import re
import sys

from pinyindict import load_pinyin_dict  # beside this script

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FILE = os.path.join(REPO_ROOT, "resources", "data", "categories.json")

# Checked by hand: words with a polyphonic character whose dictionary-first
# reading is wrong here, or could be for names we are likely to add (长租,
# 银行, 音乐 ...). Longest match wins, so 车行 beats a rule for 行 alone.
PHRASES = {
    "会计": "kuai ji",      # 会 hui/kuai
    "长租": "chang zu",     # 长 zhang/chang
    "短租": "duan zu",
    "重型": "zhong xing",   # 重 zhong/chong
    "重庆": "chong qing",
    "银行": "yin hang",     # 行 xing/hang
    "行业": "hang ye",
    "车行": "che hang",
    "行政": "xing zheng",
    "自行车": "zi xing che",
    "音乐": "yin yue",      # 乐 le/yue
    "娱乐": "yu le",
    "空调": "kong tiao",    # 调 tiao/diao
    "调查": "diao cha",
    "还款": "huan kuan",    # 还 hai/huan
    "便宜": "pian yi",      # 便 bian/pian
    "方便": "fang bian",
    "便民": "bian min",
    "服务": "fu wu",
    "招聘": "zhao pin",
    "家政": "jia zheng",
    "宠物": "chong wu",
    "家具": "jia ju",
    "厂房": "chang fang",
    "数码": "shu ma",
    "转让": "zhuan rang",
    "单车": "dan che",
}

# Regression checks: the run fails if any of these names come out otherwise.
EXPECTED = {
    "房产": "fang chan",
    "租房": "zu fang",
    "招聘": "zhao pin",
    "财务会计": "cai wu kuai ji",
    "社会": "she hui",
    "老乡会": "lao xiang hui",
    "文员行政": "wen yuan xing zheng",
    "自行车": "zi xing che",
    "保洁家政": "bao jie jia zheng",
    "宠物": "chong wu",
    "宠物服务": "chong wu fu wu",
    "生活服务": "sheng huo fu wu",
    "短租日租": "duan zu ri zu",
    "厂房仓库": "chang fang cang ku",
    "技术IT": "ji shu it",
    "IT培训": "it pei xun",
    "派单": "pai dan",
    "数码产品": "shu ma chan pin",
    "家具": "jia ju",
    "闲置转让": "xian zhi zhuan rang",
}


def is_han(ch):
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def pinyin_of(name, pdict, report):
    """Syllables of name: PHRASES first (longest match), else the dictionary."""
    phrases = sorted(PHRASES, key=len, reverse=True)
    syllables = []
    i = 0
    while i < len(name):
        phrase = next((p for p in phrases if name.startswith(p, i)), None)
        if phrase:
            syllables += PHRASES[phrase].split()
            i += len(phrase)
            continue
        ch = name[i]
        if ch.isascii() and ch.isalnum():
            # A Latin run (IT) is one word, as people type it.
            j = i
            while j < len(name) and name[j].isascii() and name[j].isalnum():
                j += 1
            syllables.append(name[i:j].lower())
            i = j
            continue
        if not is_han(ch):
            sys.exit(f"error: {name!r}: do not know how to spell {ch!r} in pinyin")
        readings = pdict.get(ch)
        if not readings:
            sys.exit(f"error: no pinyin for {ch!r} in {name!r}; add it to PHRASES")
        if len(readings) > 1:
            report.add(f"{ch} -> {readings[0]} (of {'/'.join(readings)})")
        syllables.append(readings[0])
        i += 1
    return " ".join(syllables)


def with_pinyin(node, pinyin):
    """The node with "pinyin" right after "en", other keys in their order."""
    out = {}
    for key, value in node.items():
        if key == "pinyin":
            continue
        out[key] = value
        if key == "en":
            out["pinyin"] = pinyin
    if "pinyin" not in out:
        out["pinyin"] = pinyin
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pinyin-dict", metavar="PATH", required=True,
                    help="go-pinyin pinyin_dict.go")
    ap.add_argument("--file", default=DEFAULT_FILE)
    args = ap.parse_args()

    pdict = load_pinyin_dict(args.pinyin_dict)
    with open(args.file, encoding="utf-8") as f:
        tree = json.load(f)

    report = set()
    got = {}
    out = []
    count = 0
    for group in tree:
        children = []
        for child in group.get("children", []):
            p = pinyin_of(child["name"], pdict, report)
            got[child["name"]] = p
            children.append(with_pinyin(child, p))
            count += 1
        p = pinyin_of(group["name"], pdict, report)
        got[group["name"]] = p
        node = with_pinyin(group, p)
        if "children" in node:
            node["children"] = children
        out.append(node)
        count += 1

    problems = [f"{name}: {got.get(name)!r}, expected {want!r}"
                for name, want in EXPECTED.items() if got.get(name) != want]
    problems += [f"{name}: bad pinyin {p!r}" for name, p in got.items()
                 if not re.fullmatch(r"[a-z]+( [a-z]+)*", p)]
    if problems:
        print("error: checks failed:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        sys.exit(1)

    with open(args.file, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")

    print("dictionary-first readings of polyphonic characters (check by hand; "
          "fix in PHRASES):", file=sys.stderr)
    for line in sorted(report):
        print("  " + line, file=sys.stderr)
    print(f"wrote {args.file}: {count} categories", file=sys.stderr)


if __name__ == "__main__":
    main()
