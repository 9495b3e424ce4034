#!/usr/bin/env python3
"""The occupation yardstick: which ISCO-08 unit group is a real ad's job, as a person codes it, and as skillfit does.

    .venv/bin/python bench/occupation_gold.py draw /tmp/occ     # titles + guidelines for the coders
    .venv/bin/python bench/occupation_gold.py collect /tmp/occ  # their TSV -> bench/occupation_gold.tsv
    .venv/bin/python bench/occupation_gold.py                   # the figures (dev and test part)

`draw` picks (seeded) DRAWN distinct titles of the real ads bench/yardsticks.py reads (jobzoeker, VDAB; never
real-ads-sample) and writes them in batches to DIR/in/batch<k>.tsv (id, language, title, the ad's first words for
context), with the guidelines (GUIDELINES below) and the list of ISCO-08 unit groups. Coders see no skillfit output.
They write DIR/out/batch<k>.tsv: id, the unit groups (comma-separated; "-" when the title names no job).

The figures: each coded ad is extracted as a vacancy and the unit groups of its occupation mentions are compared
with the coder's: `right` = skillfit names a group the coder gave, over the ads the coder gave one; `named` = the
share where skillfit names any group; `precision` = right over named. The test part (bench/yardsticks.py's held-out
hash, 30%) is only reported: the lexicon's rules are tuned on the dev part.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.yardsticks import held_out, real_ads  # noqa: E402
from pipeline.real_corpus import shared_data  # noqa: E402

GOLD = REPO / "bench" / "occupation_gold.tsv"
SEED, DRAWN, BATCHES, CONTEXT_WORDS = 20261206, 320, 4, 60
GUIDELINES = """# Coding a job ad's occupation as an ISCO-08 unit group

You get job ads: an id, the language, the ad's title and its first words. For each, write the ISCO-08 unit group
(four digits) of the job the ad is for, as a statistics office coder would: the job the employer hires for, read
from the title first and from the first words where the title alone cannot tell (a "Consultant" in SAP is 2511/2512;
an "Account Manager" selling software is 2433 or 3322 by level). Use ISCO-GROUPS.tsv (code, English name, Dutch
name) and, if it helps, the ESCO occupations list (occupations.tsv: ESCO occupation label -> its unit group).

- One code, or two where two groups fit equally well (a "Sales & Marketing Manager": 1221). Never more than two.
- Seniority, contract and team words do not change the group ("Senior", "Junior", "Intern", "Working Student",
  "Trainee", "Lead" of the same work): an intern data analyst is coded as a data analyst. A manager of people in a
  function is the manager group (1xxx); a "Lead Engineer" who engineers is the engineer group.
- A PhD position or a researcher post: the research field's professional group (2131 biologist, 2511 computer
  science...; university teaching posts 2310).
- When the title names no job at all ("Two open positions", "Rookie Program") and the first words do not tell, write -.

Write out/<batch>.tsv with one line per ad: `id<TAB>codes` (codes comma-separated, or -), in the input order, and
nothing else. Work only on your own batch file; do not open other batches or any other file of the project.
"""


def esco_zip(root: Path) -> Path:
    return root / "esco-v1.1.1-en" / "ESCO dataset - v1.1.1 - classification - en - csv.zip"


def _zip_rows(path: Path, member: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(member))
        return list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))


def draw(folder: Path) -> None:
    """Write the batches, the guidelines and the reference lists to `folder`."""
    root = shared_data()
    ads, seen = [], set()
    for ad in real_ads(root):
        title = " ".join(ad["title"].split())
        if title and title.casefold() not in seen:
            seen.add(title.casefold())
            ads.append({**ad, "title": title})
    random.Random(SEED).shuffle(ads)
    (folder / "in").mkdir(parents=True, exist_ok=True)
    (folder / "out").mkdir(exist_ok=True)
    for k in range(BATCHES):
        rows = ads[:DRAWN][k::BATCHES]
        lines = ["id\tlanguage\ttitle\tfirst words"]
        lines += [f"{a['id']}\t{a['language']}\t{a['title']}\t{' '.join(a['text'].split()[:CONTEXT_WORDS])}" for a in rows]
        (folder / "in" / f"batch{k}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "GUIDELINES.md").write_text(GUIDELINES, encoding="utf-8")
    nl = {r["code"]: r["preferredLabel"] for r in csv.DictReader((root / "esco-v1.2.0-nl" / "ISCOGroups_nl.csv").open(encoding="utf-8"))}
    groups = [r for r in _zip_rows(esco_zip(root), "ISCOGroups_en.csv") if len(r["code"]) == 4]
    (folder / "ISCO-GROUPS.tsv").write_text("".join(f"{r['code']}\t{r['preferredLabel']}\t{nl.get(r['code'], '')}\n"
                                                    for r in sorted(groups, key=lambda r: r["code"])), encoding="utf-8")
    occupations = _zip_rows(esco_zip(root), "occupations_en.csv")
    (folder / "occupations.tsv").write_text("".join(f"{r['preferredLabel']}\t{r['iscoGroup']}\n" for r in occupations),
                                            encoding="utf-8")
    print(f"{folder}: {min(DRAWN, len(ads))} titles in {BATCHES} batches", file=sys.stderr)


def collect(folder: Path) -> None:
    """The coders' files -> bench/occupation_gold.tsv (id, language, title, codes), in the drawn order."""
    codes = {}
    for path in sorted((folder / "out").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            ad_id, _, value = line.partition("\t")
            if ad_id and ad_id != "id":
                codes[ad_id] = ",".join(sorted(c.strip() for c in value.split(",") if c.strip().isdigit())) or "-"
    rows = []
    for path in sorted((folder / "in").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            ad_id, language, title, _ = line.split("\t", 3)
            if ad_id in codes:
                rows.append(f"{ad_id}\t{language}\t{title}\t{codes[ad_id]}")
    header = "# id\tlanguage\ttitle\tisco (bench/occupation_gold.py: blind coders; - = the title names no job)"
    GOLD.write_text("\n".join([header, *sorted(rows)]) + "\n", encoding="utf-8")
    print(f"{GOLD}: {len(rows)} coded titles", file=sys.stderr)


def gold_rows() -> list[tuple[str, str, str, frozenset[str]]]:
    """(id, language, title, codes) of every coded ad; codes empty where the coder found no job."""
    out = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        ad_id, language, title, codes = line.split("\t")
        out.append((ad_id, language, title, frozenset(c for c in codes.split(",") if c != "-")))
    return out


def measure(extractor=None, ads: list[dict] | None = None) -> dict[str, dict[str, float]]:
    """Per part (dev, test): right, named, precision, and how many ads they are over; `ads`: bench/yardsticks.py's
    real_ads, when the caller has them."""
    from pipeline import Extractor

    extractor = extractor or Extractor()
    texts = {ad["id"]: ad["text"] for ad in ads or real_ads(shared_data())}
    tallies: dict[str, list[int]] = {"dev": [0, 0, 0, 0], "test": [0, 0, 0, 0]}  # ads, named, right, coded
    for ad_id, _, _, codes in gold_rows():
        if ad_id not in texts:
            continue
        doc = extractor.extract(texts[ad_id], kind="vacancy", doc_id=ad_id)
        found = {o.skill_id.split(":", 1)[1] for o in doc.occupations}
        t = tallies["test" if held_out(ad_id) else "dev"]
        t[0] += 1
        t[3] += bool(codes)
        if found:
            t[1] += 1
            t[2] += bool(found & codes)
    return {part: {"ads": n, "coded": coded, "right": right / max(1, coded), "named": named / max(1, n),
                   "precision": right / max(1, named)} for part, (n, named, right, coded) in tallies.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", nargs="?", choices=("draw", "collect"))
    parser.add_argument("folder", nargs="?", type=Path)
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.folder)
    elif args.command == "collect":
        collect(args.folder)
    else:
        for part, figures in measure().items():
            print(f"{part:5} " + "  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
