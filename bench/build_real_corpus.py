"""Draw the real-document gold corpus (tests/eval/real) and write its texts for blind annotation.

Run once to create the skeleton gold files; kept so the draw can be checked and repeated:

    python bench/build_real_corpus.py --out /tmp/annot        # skeletons into tests/eval/real/{dev,test}
    python bench/build_real_corpus.py --merge /tmp/annot/batch1 --annotator A1   # annotations into the gold

The draw is seeded; the ten ads in ../shared/data/real-ads-sample are excluded (reserved for outside checks).
Dev/test: within each (language, kind) group, documents are ordered by a hash of their id and the first 60%
go to dev. The texts written to --out are what annotators see (never skillfit's output); they stay outside
the repository, since the real texts may not be copied into it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
from pathlib import Path

import yaml

from pipeline.real_corpus import CSV_SOURCES, csv_rows, document_text, shared_data

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "eval" / "real"
JOBZOEKER, VDAB = list(CSV_SOURCES)
SEED = 20261205
DEV_SHARE = 0.6

PROFESSIONS = [  # first match on the title wins; ads are mostly IT, so the rest is drawn on purpose
    ("care", r"verpleeg|zorg|nurse|care|medical|health|apothe|pharma"),
    ("construction", r"bouw|werf|construct|civil|plaats|schrijnwerk|metsel|elektric|installat|hvac|dak"),
    ("finance", r"account|boekhoud|financ|controller|payable|tax|fiscal|audit|krediet|bank"),
    ("logistics", r"logist|magazijn|warehouse|stock|supply|transport|chauffeur|aankoop|purchas|inkoop|buyer"),
    ("hospitality", r"chef|kok|cook|horeca|hotel|restaurant|barista"),
    ("hr", r"\bhr\b|recruit|talent|people|personeel|payroll"),
    ("sales", r"sales|verkoop|account manager|commercieel|business develop|marketing|communicat"),
    ("education", r"teacher|leerkracht|docent|onderwijs|trainer|opleid"),
    ("government", r"gemeente|overheid|beleid|public|government|stad "),
    ("administration", r"administrat|office|secretar|receptie|assistent"),
    ("it", r"data|software|develop|engineer|\bai\b|cloud|devops|it\b|ict|network|bi |analist|analyst|azure"),
]


def profession(title: str) -> str:
    lowered = f"{title.lower()} "
    return next((name for name, pattern in PROFESSIONS if re.search(pattern, lowered)), "other")


def reserved_ids(root: Path) -> set[str]:
    """Row ids of the ads in real-ads-sample (its SOURCE.md table)."""
    text = (root / "real-ads-sample" / "SOURCE.md").read_text(encoding="utf-8")
    return set(re.findall(r"\| ((?:li|in|gd|vdab)-[\w-]+) \|", text))


def draw(root: Path, rng: random.Random) -> list[dict]:
    reserved = reserved_ids(root)
    docs: list[dict] = []
    # English CVs: one LiveCareer resume per category, and the fictional-person resumes (one file per person)
    for category in sorted(p.name for p in (root / "resumes-livecareer-480" / "data").iterdir()):
        pdf = rng.choice(sorted((root / "resumes-livecareer-480" / "data" / category).glob("*.pdf")))
        docs.append({"id": f"en_cv_lc_{category.lower()}_{pdf.stem}", "kind": "cv", "language": "en",
                     "source": str(pdf.relative_to(root)), "profession": category.lower()})
    for name in ("ref_data/resumes/01-Accountant.docx", "ref_data/resumes/02-Desktop Support.pdf",
                 "ref_data/resumes/01-Office Coordinator.pdf", "ref_data/resumes/Mickey01_docx.docx",
                 "data/resumes/DevOps-Sample2.pdf", "data/resumes/aws-devops-engineer-resume-example.pdf"):
        stem = re.sub(r"\W+", "_", Path(name).stem.lower()).strip("_")
        docs.append({"id": f"en_cv_sb_{stem}", "kind": "cv", "language": "en",
                     "source": f"resumes-docx-pdf-pairs-soupboss/{name}", "profession": profession(name)})
    # Ads: jobzoeker (English and Dutch), VDAB (Dutch, four per domain, scraping failures left out)
    jobzoeker = [r for r in csv_rows(JOBZOEKER, str(root)).values() if r["id"] not in reserved
                 and len(r["description"]) > 400]
    for language, count in (("en", 30), ("nl", 10)):
        pool = [r for r in jobzoeker if r["lang"] == language]
        rng.shuffle(pool)
        # the ads are mostly AI/data jobs: take non-IT titles first where there are any, so professions vary
        pool.sort(key=lambda r: profession(r["title"]) == "it")
        picked = pool[: count // 2] + rng.sample(pool[count // 2:], count - count // 2)
        for row in picked:
            docs.append({"id": f"{language}_vac_jz_{row['id']}", "kind": "vacancy", "language": language,
                         "source": f"{JOBZOEKER}#{row['id']}", "title": row["title"],
                         "profession": profession(row["title"])})
    vdab = [r for r in csv_rows(VDAB, str(root)).values() if r["job_id"] not in reserved
            and r["functieomschrijving"] and not r["functieomschrijving"].startswith("Vacatures - VDAB")]
    for domain in sorted({r["domain"] for r in vdab}):
        for row in rng.sample(sorted((r for r in vdab if r["domain"] == domain), key=lambda r: r["job_id"]), 4):
            docs.append({"id": f"nl_vac_vdab_{row['job_id']}", "kind": "vacancy", "language": "nl",
                         "source": f"{VDAB}#{row['job_id']}", "title": row["title"],
                         "profession": profession(row["title"])})
    # Dutch CVs written for this corpus by people who do not tune the extractor
    for path in sorted((GOLD / "nl_cv").glob("nl_cv_*.*")):
        docs.append({"id": path.stem, "kind": "cv", "language": "nl", "file": f"nl_cv/{path.name}",
                     "profession": path.stem.split("_", 4)[-1]})
    return docs


def split(docs: list[dict]) -> None:
    groups: dict[tuple[str, str], list[dict]] = {}
    for doc in docs:
        groups.setdefault((doc["language"], doc["kind"]), []).append(doc)
    for group in groups.values():
        group.sort(key=lambda d: hashlib.sha256(d["id"].encode()).hexdigest())
        for i, doc in enumerate(group):
            doc["split"] = "dev" if i < round(len(group) * DEV_SHARE) else "test"


def merge(folder: Path, annotator: str) -> None:
    """Put the skills and acceptable surfaces an annotator wrote into the matching gold files."""
    for path in sorted(folder.glob("*.yml")):
        (target,) = GOLD.glob(f"*/{path.stem}.yml")
        gold = yaml.safe_load(target.read_text(encoding="utf-8"))
        annotation = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        gold["annotator"] = annotator
        gold["skills"] = [{"text": i["text"], "type": i["type"]} for i in annotation.get("skills") or []]
        gold["acceptable"] = [str(a) for a in annotation.get("acceptable") or []]
        target.write_text(yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
        print(target.relative_to(ROOT), len(gold["skills"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the annotators' texts")
    parser.add_argument("--only-new", action="store_true", help="leave gold files that exist alone")
    parser.add_argument("--merge", type=Path, help="copy an annotator's <id>.yml files into the gold files")
    parser.add_argument("--annotator", default="", help="with --merge: who annotated (a pseudonym)")
    args = parser.parse_args()
    if args.merge:
        merge(args.merge, args.annotator)
        return
    root = shared_data()
    docs = draw(root, random.Random(SEED))
    split(docs)
    args.out.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        target = GOLD / doc["split"] / f"{doc['id']}.yml"
        if args.only_new and target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        text = document_text(doc, GOLD, root)
        (args.out / f"{doc['id']}.txt").write_text(text, encoding="utf-8")
        skeleton = {**doc, "skills": [], "acceptable": []}
        target.write_text(yaml.safe_dump(skeleton, allow_unicode=True, sort_keys=False), encoding="utf-8")
    counts: dict[tuple, int] = {}
    for doc in docs:
        key = (doc["language"], doc["kind"], doc["split"])
        counts[key] = counts.get(key, 0) + 1
    for key, n in sorted(counts.items()):
        print(*key, n)


if __name__ == "__main__":
    csv.field_size_limit(1 << 30)
    main()
