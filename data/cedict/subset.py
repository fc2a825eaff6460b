"""Writes the CC-CEDICT subset casewiki ships (data/cedict/names.u8): proper-noun
entries (capitalised pinyin) that name a company, brand or organisation, a
person born in the 20th century, or whose first sense is a bare Latin name (`Lenovo`). Usage: python3 subset.py cedict_1_0_ts_utf-8_mdbg.txt > names.u8"""
import re, sys

ORG = re.compile(r"\b(brand|company|corporation|Inc\b|Ltd\b|Group\b|manufacturer|maker|retailer|chain|e-commerce|carmaker|automaker|conglomerate|airline|bank|platform|app\b|website|search engine|founder|businessman|businesswoman|entrepreneur|billionaire|CEO)", re.I)
MODERN = re.compile(r"\((?:b\. )?19\d\d-")
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#"):
        continue
    m = re.match(r"^(\S+) (\S+) \[([^\]]+)\] /(.*)/\s*$", line)
    if not m or not m.group(3)[:1].isupper():
        continue
    gloss = m.group(4)
    first = gloss.split("/")[0]
    bare_name = re.fullmatch(r"[A-Z][A-Za-z.&'\- ]+", first)
    if ORG.search(gloss) or MODERN.search(gloss) or bare_name:
        out.append(line.rstrip("\n"))
print("# Subset of CC-CEDICT (see LICENSE.md beside this file): proper nouns naming a company, brand,")
print("# organisation or 20th-century person, or whose first sense is a bare Latin name, selected by subset.py. Format: traditional simplified [pinyin] /gloss/")
print("\n".join(out))
