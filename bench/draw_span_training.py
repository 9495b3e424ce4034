#!/usr/bin/env python3
"""Draw the documents of the tagger's training corpus (bench/span_training) and collect their blind annotations.

    .venv/bin/python bench/draw_span_training.py draw /tmp/annot      # texts + guidelines for the annotators
    .venv/bin/python bench/draw_span_training.py collect /tmp/annot   # their YAML -> bench/span_training/*.yml
    .venv/bin/python bench/draw_span_training.py draw /tmp/annot2 --round 2   # the next round, and so on

`draw` picks (seeded) the round's VDAB ads, Dutch and English jobzoeker ads, 600 to 7,000 characters, and
LiveCareer resumes, 1,500 to 9,000 characters (ROUNDS): none of them in the evaluation corpus (tests/eval/real,
both parts), in `../shared/data/real-ads-sample` (reserved for checks from outside the team) or in an earlier
round, no duplicate text. Round 1's ids start with "t", round 2's with "u", and so on to "z"; round 8's with
"r8_". (Rounds 12, 14 and 15 were written rather than drawn: bench/span_training/README.md.) It writes each
text to DIR/in/<id>.txt, the guidelines of tests/eval/README.md to DIR/GUIDELINES.md and DIR/index.json.
Annotators get DIR/in and the guidelines only, never skillfit's output, and write DIR/out/<id>.yml (`skills`,
`acceptable`, as in the evaluation corpus). `collect` turns those into files that name their document by path,
so no text is copied into the project.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.readers import read_path  # noqa: E402
from pipeline.real_corpus import CSV_SOURCES, document_text, shared_data  # noqa: E402
from pipeline.stages.language import detect_language  # noqa: E402

REAL = REPO / "tests" / "eval" / "real"
TRAINING = REPO / "bench" / "span_training"
VDAB, JOBZOEKER = list(CSV_SOURCES)[1], list(CSV_SOURCES)[0]
SEED = 20261206
# per round: VDAB ads, Dutch jobzoeker ads, English jobzoeker ads, LiveCareer resumes
ROUNDS = {1: (24, 16, 12, 12), 2: (24, 24, 12, 12), 3: (0, 12, 24, 36), 4: (0, 0, 32, 40), 5: (0, 0, 24, 48),
          6: (0, 0, 24, 48), 7: (0, 0, 24, 48), 8: (0, 0, 24, 48), 9: (24, 12, 0, 0),
          10: (0, 0, 24, 48), 11: (0, 0, 24, 48), 13: (30, 0, 0, 0)}
LETTERS = "tuvwxyz"  # rounds 1-7 name their files t00_…, u00_…, …, z00_…; later rounds r8_00_…


def round_prefix(round_: int) -> str:
    return LETTERS[round_ - 1] if round_ <= len(LETTERS) else f"r{round_}_"


def round_of(name: str) -> int:
    """The round a training file (its name) was drawn in."""
    if name[0] in LETTERS:
        return LETTERS.index(name[0]) + 1
    return int(name[1:name.index("_")])


def _excluded(root: Path, round_: int) -> tuple[set[str], set[str]]:
    """Sources and texts that must not be drawn: the evaluation corpus, the reserved sample, earlier rounds."""
    earlier = [p for p in TRAINING.glob("*.yml") if round_of(p.name) < round_]
    sources = {yaml.safe_load(p.read_text(encoding="utf-8")).get("source") for p in [*REAL.glob("*/*.yml"), *earlier]}
    for line in (root / "real-ads-sample" / "SOURCE.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| real_\w+\.txt \| (\S+) \| (\S+) \|", line)
        if m:
            sources.add(f"{m.group(1)}#{m.group(2)}")
    texts = {document_text({"source": s}, REAL, root).strip() for s in sources if s and s.partition("#")[0] in CSV_SOURCES}
    return sources, texts


def draw(folder: Path, round_: int = 1) -> None:
    root, rng = shared_data(), random.Random(SEED if round_ == 1 else SEED + round_)
    sources, texts = _excluded(root, round_)
    n_vdab, n_nl, n_en, n_resumes = ROUNDS[round_]
    picked: list[tuple[str, str, str, str]] = []  # source, language, kind, text

    def ads(path: str, n: int, language: str) -> None:
        id_column, columns = CSV_SOURCES[path]
        if not n:
            return
        with open(root / path, encoding="utf-8", newline="") as handle:
            rows = [(row[id_column], row) for row in csv.DictReader(handle)]
        rng.shuffle(rows)
        taken = 0
        for row_id, row in rows:
            source = f"{path}#{row_id}"
            text = "\n\n".join(row[c].strip() for c in columns if row.get(c, "").strip())
            if source in sources or text.strip() in texts or not 600 <= len(text) <= 7000 \
                    or "Ga naar de inhoud" in text or detect_language(text) != language:
                continue
            sources.add(source)
            texts.add(text.strip())
            picked.append((source, language, "vacancy", text))
            taken += 1
            if taken == n:
                return

    ads(VDAB, n_vdab, "nl")
    ads(JOBZOEKER, n_nl, "nl")
    ads(JOBZOEKER, n_en, "en")
    resumes = sorted((root / "resumes-livecareer-480" / "data").glob("*/*.pdf"))
    rng.shuffle(resumes)
    taken = 0
    for path in resumes if n_resumes else []:  # a round may draw no resumes
        source = str(path.relative_to(root))
        text = read_path(path)
        if source in sources or not 1500 <= len(text) <= 9000:
            continue
        picked.append((source, "en", "cv", text))
        taken += 1
        if taken == n_resumes:
            break
    (folder / "in").mkdir(parents=True, exist_ok=True)
    index = []
    for i, (source, language, kind, text) in enumerate(picked):
        doc_id = f"{round_prefix(round_)}{i:02d}_{language}_{kind}"
        (folder / "in" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        index.append({"id": doc_id, "source": source, "language": language, "kind": kind})
    (folder / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")
    guide = (REAL.parent / "README.md").read_text(encoding="utf-8")
    (folder / "GUIDELINES.md").write_text(guide[guide.index("## Annotation guidelines"):guide.index("## Scoring")],
                                          encoding="utf-8")
    print(f"{len(index)} documents in {folder / 'in'}")


def collect(folder: Path) -> None:
    TRAINING.mkdir(exist_ok=True)
    for doc in json.loads((folder / "index.json").read_text(encoding="utf-8")):
        found = yaml.safe_load((folder / "out" / f"{doc['id']}.yml").read_text(encoding="utf-8")) or {}
        out = {**doc, "annotator": "blind helper (guidelines in tests/eval/README.md)",
               "skills": [{"text": str(s["text"]), "type": s["type"]} for s in found.get("skills") or []],
               "acceptable": [str(a) for a in found.get("acceptable") or []]}
        (TRAINING / f"{doc['id']}.yml").write_text(
            yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    print(f"wrote {TRAINING}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=("draw", "collect"))
    parser.add_argument("folder", type=Path, help="the annotators' folder, outside the repository")
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), default=1, help="which round to draw")
    args = parser.parse_args()
    draw(args.folder, args.round) if args.step == "draw" else collect(args.folder)


if __name__ == "__main__":
    main()
