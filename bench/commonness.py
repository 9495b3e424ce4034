#!/usr/bin/env python3
"""How common each skill is in CVs of any occupation: writes pipeline/store/commonness.csv, which the fit score's
specificity reads (table `skill_commonness`; README "How the fit score is built").

    .venv/bin/python bench/commonness.py            # rewrite pipeline/store/commonness.csv
    .venv/bin/python bench/commonness.py --show 40  # and print the 40 most common skills

A skill that CVs of nearly every occupation hold (a language, a driving licence, Office, teamwork) tells little
about fit for one role. The reference is a set of CVs that spans occupations and both markets:

- the 48 LiveCareer resumes in ../shared/data/resumes-livecareer-kaggle-pdf (2 for each of 24 occupations,
  English, US): disjoint from the 473 of the ranking benchmark (bench/fit_ranking.py);
- the 18 CVs of the team's gold set, tests/eval/*_cv_*.yml (English and Dutch, one occupation each), with
  their annotated skills rather than extracted ones.

A CV holds a skill when it names it or a narrower one (Python holds "programming"), or, for a language, when it
is written in it at length (as the fit score counts it: fit_weights.written_in). `share` is the mean over
occupations of the share of the occupation's CVs that hold the skill, so that no occupation counts more for
having more CVs. Only skills held in at least two occupations are written. The sample documents and the
benchmark's resumes are never read, so that the figures measured on them stay honest.

Market priors (`basis` = prior): what nearly every candidate in Belgium and the Netherlands has whether or not
the CV says so, and what US resumes never state: the market's languages and driving licence B. Their share is
the prior where it is higher than the measured one.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline import Extractor  # noqa: E402
from pipeline.errors import ReadError  # noqa: E402

KAGGLE = REPO.parent / "shared" / "data" / "resumes-livecareer-kaggle-pdf" / "data"
EVAL = REPO / "tests" / "eval"
OUT = REPO / "pipeline" / "store" / "commonness.csv"
LANGUAGE_SKILLS = {"en": "lang.english", "nl": "lang.dutch", "fr": "lang.french", "de": "lang.german"}
WRITTEN_IN_MIN_CHARS = 1200  # as fit_weights.written_in_min_chars
MARKET_PRIORS = {"lang.dutch": 1.0, "lang.english": 1.0, "lang.french": 1.0, "lang.german": 0.5,
                 "cert.driving_licence_b": 1.0}


def reference(extractor: Extractor) -> dict[str, list[set[str]]]:
    """occupation -> the skill sets of its CVs."""
    groups: dict[str, list[set[str]]] = defaultdict(list)
    for path in sorted(KAGGLE.glob("*/*.pdf")):
        try:
            doc = extractor.extract(path, kind="cv")
        except ReadError as exc:
            print(f"skipped {path.name}: {exc.status}", file=sys.stderr)
            continue
        held = {m.skill_id for m in doc.mentions}
        if doc.language in LANGUAGE_SKILLS and len(doc.text) >= WRITTEN_IN_MIN_CHARS:
            held.add(LANGUAGE_SKILLS[doc.language])
        groups[f"livecareer:{path.parent.name}"].append(held)
    for path in sorted(EVAL.glob("*_cv_*.yml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        held = set(gold.get("skills") or [])
        if gold.get("language") in LANGUAGE_SKILLS and len(gold["text"]) >= WRITTEN_IN_MIN_CHARS:
            held.add(LANGUAGE_SKILLS[gold["language"]])
        groups[f"team:{path.stem.split('_', 2)[2].rsplit('_', 1)[0]}"].append(held)
    return groups


def shares(groups: dict[str, list[set[str]]], broader: dict[str, str | None]) -> dict[str, tuple[float, int]]:
    """skill -> (mean share of an occupation's CVs holding it, occupations holding it)."""
    def with_broader(held: set[str]) -> set[str]:
        out = set(held)
        for skill in held:
            up = broader.get(skill)
            while up and up not in out:
                out.add(up)
                up = broader.get(up)
        return out

    total: dict[str, float] = defaultdict(float)
    spread: dict[str, int] = defaultdict(int)
    for cvs in groups.values():
        counts: dict[str, int] = defaultdict(int)
        for held in cvs:
            for skill in with_broader(held):
                counts[skill] += 1
        for skill, n in counts.items():
            total[skill] += n / len(cvs)
            spread[skill] += 1
    return {s: (total[s] / len(groups), spread[s]) for s in total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=0, help="print the N most common skills")
    args = parser.parse_args()
    if not KAGGLE.is_dir():
        sys.exit(f"{KAGGLE}: not found (the reference resumes live in ../shared/data)")
    extractor = Extractor(plugins=False)
    groups = reference(extractor)
    broader = {s.id: s.broader for s in extractor.taxonomy.skills.values()}
    measured = {s: v for s, v in shares(groups, broader).items() if v[1] >= 2}
    rows = {s: (share, n, "measured") for s, (share, n) in measured.items()}
    for skill, prior in MARKET_PRIORS.items():
        if prior > rows.get(skill, (0.0, 0, ""))[0]:
            rows[skill] = (prior, rows.get(skill, (0.0, 0, ""))[1], "prior")
    found = sorted(rows.items(), key=lambda r: (-r[1][0], r[0]))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["skill_id", "share", "occupations", "basis"])
        for skill, (share, n, basis) in found:
            writer.writerow([skill, f"{share:.3f}", n, basis])
    print(f"wrote {OUT.relative_to(REPO)}: {len(found)} skills from {sum(map(len, groups.values()))} CVs"
          f" of {len(groups)} occupations", file=sys.stderr)
    for skill, (share, n, basis) in found[:args.show]:
        label = extractor.taxonomy.skills[skill].label("en") if skill in extractor.taxonomy.skills else skill
        print(f"{share:6.3f} {n:3d} {basis:8} {skill:36} {label}")


if __name__ == "__main__":
    main()
