"""Writes data/cedict/glosses.u8: the CC-CEDICT entries (see LICENSE.md beside this file) of the
single characters and two-character words that make up the Chinese names casewiki knows
(names.u8 and ../ingest/mt/names_zh.txt), common words only (lower-case pinyin; for single
characters the proper-noun entries too, such as `京` abbr. for Beijing). They let ingest
recognise a name translated word by word (src/ingest/mt_fix/literal.rs).
Usage: python3 glosses.py cedict_1_0_ts_utf-8_mdbg.txt > glosses.u8"""
import pathlib, re, sys

HERE = pathlib.Path(__file__).parent
ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]+)\] /(.*)/\s*$")


def cjk(s):
    return all("\u4e00" <= c <= "\u9fff" for c in s)


def names():
    for line in open(HERE / "names.u8", encoding="utf-8"):
        if not line.startswith("#"):
            yield line.split(" ")[1]
    for line in open(HERE / "../ingest/mt/names_zh.txt", encoding="utf-8"):
        if " = " in line and not line.startswith("#"):
            yield line.split(" = ")[0].strip()


heads = [n for n in names() if cjk(n)]
chars = {c for n in heads for c in n}
pairs = {n[i : i + 2] for n in heads for i in range(len(n) - 1)}
print("# Subset of CC-CEDICT (see LICENSE.md beside this file): the entries of the characters and the common-word")
print("# entries of the two-character words in the names casewiki knows, selected by glosses.py. Format: traditional simplified [pinyin] /gloss/")
for line in open(sys.argv[1], encoding="utf-8"):
    m = ENTRY.match(line)
    if not m:
        continue
    simplified = m.group(2)
    # Proper-noun entries only for single characters (`京` abbr. for Beijing).
    if m.group(3)[:1].isupper() and len(simplified) > 1:
        continue
    if (len(simplified) == 1 and simplified in chars) or (len(simplified) == 2 and simplified in pairs):
        print(line.rstrip("\n"))
