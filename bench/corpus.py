"""A simple benchmark corpus: N case studies with TOML front matter, tags
from a pool, [[wikilinks]] between studies and mentions of 40 wiki entities.
Deterministic (seeded). Usage: corpus.py PAGES OUT_DIR"""
import os
import random
import sys

pages, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(42)
words = ("brand market growth phone channel retail community fans launch price "
         "strategy supply online offline design quality service feedback users "
         "marketing campaign partner ecosystem platform software hardware").split()
tags = [f"Tag {i}" for i in range(60)]
entities = [f"Entity{i:02d}" for i in range(40)]
studies = os.path.join(out, "content", "case-studies")
wiki = os.path.join(out, "content", "wiki")
os.makedirs(studies)
os.makedirs(wiki)
with open(os.path.join(out, "site.toml"), "w") as f:
    f.write('title = "Bench"\n')
for e in entities:
    with open(os.path.join(wiki, e.lower() + ".md"), "w") as f:
        f.write(f'+++\ntitle = "{e}"\nkind = "company"\n+++\n{e} is a company.\n')
for i in range(pages):
    links = " ".join(f"[[Study {rng.randrange(pages):05d}]]" for _ in range(2))
    paras = []
    for _ in range(4):
        sent = " ".join(rng.choice(words) for _ in range(60))
        paras.append(f"{sent} {rng.choice(entities)} {sent[:80]}.")
    body = "\n\n".join(paras)
    t = rng.sample(tags, 3)
    tag_list = ", ".join(f'"{x}"' for x in t)
    with open(os.path.join(studies, f"s{i:05d}.md"), "w") as f:
        f.write(f'+++\ntitle = "Study {i:05d}"\ndate = 20{10 + i % 14:02d}-0{1 + i % 9}-1{i % 9}\n'
                f'tags = [{tag_list}]\n+++\n\n## Background\n\n{body}\n\nSee {links}.\n')
print(f"wrote {pages} pages to {out}")
