#!/usr/bin/env python3
"""Write pipeline/role_words.txt: the nouns that name a job, from ESCO's occupation labels (English and Dutch).

    .venv/bin/python bench/build_role_words.py

Every one-word occupation label of ESCO (preferred or alternative, `aankoper`, `verpleegkundige`, `welder`),
less those that end in a shorter one (`vrachtwagenchauffeur` is found through `chauffeur`: pipeline/titles.py
reads a word that ends in a role word of five letters or more as a role), less acronyms and the few labels that
are ordinary words more often than jobs (NOT_ROLES); and the head words of multi-word labels that also end
one-word labels ("verpleegkundige" of "verpleegkundige algemene zorg", which ends "ambulanceverpleegkundige").
pipeline/titles.py adds the heads it needs that ESCO has only in multi-word labels (engineer, scientist, ...).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.real_corpus import shared_data  # noqa: E402

SOURCES = ("esco-v1.2.0-en/occupations_en.csv", "esco-v1.2.x-nl/occupations_nl.csv")
OUT = REPO / "pipeline" / "role_words.txt"
WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
# One-word labels that are ordinary words first: a line "Extra", "Model" or "Medium" names no job.
NOT_ROLES = {"extra", "double", "medium", "model", "super", "prompt", "non", "helm", "marine", "major", "drawer",
             "buffer", "dryer", "mixer", "sewer", "tanker", "reader", "closer", "runner", "host", "comic", "mimic",
             "escort", "envoy", "whip", "logger", "loaner", "sexer", "lagger", "laster", "deler", "heier", "os",
             "monitor", "compiler", "folder", "printer", "computer", "coder", "player", "member", "boer", "sorter",
             "filler", "oppas", "loods", "inker", "dipper", "planer", "sander", "tapper", "binder", "starter",
             "co-pilot", "products", "leaders", "former", "layer", "minder", "holder", "hanger", "boner", "blower",
             "firer", "blender", "mistress", "official", "checker", "service", "tender", "roller", "woman", "person",
             "persoon", "man"}


def role_words(root: Path) -> list[str]:
    words: set[str] = set()
    heads: Counter[str] = Counter()  # the head word of multi-word labels: "verpleegkundige" of "… algemene zorg"
    for source in SOURCES:
        with open(root / source, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for label in [row["preferredLabel"], *row["altLabels"].split("\n")]:
                    label = label.strip().lower()
                    if WORD.fullmatch(label) and len(label) >= 4 and label not in NOT_ROLES:
                        words.add(label)
                    elif " " in label:
                        first, last = label.split()[0], re.split(r" (?:of|in|for|at|and) ", label)[0].split()[-1]
                        heads[first if source.endswith("_nl.csv") else last] += 1
    # a head word that ends one-word labels too is a job noun ("ambulanceverpleegkundige" -> "verpleegkundige");
    # an adjective or a domain word ("administratief", "software") ends none
    words |= {h for h, n in heads.items() if n >= 3 and len(h) >= 5 and WORD.fullmatch(h) and h not in NOT_ROLES
              and any(w != h and w.endswith(h) for w in words)}
    words = {w for w in words if not (w.endswith("s") and w[:-1] in words)}  # plurals: "architects"
    return sorted(w for w in words if not any(w != h and len(h) >= 5 and w.endswith(h) for h in words))


def main() -> int:
    words = role_words(shared_data())
    OUT.write_text("# Job nouns from ESCO's one-word occupation labels; made by bench/build_role_words.py\n"
                   + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
