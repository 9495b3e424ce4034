#!/usr/bin/env python3
"""Metadata yardsticks from the sources themselves, on every real document in ../shared/data.

    .venv/bin/python bench/yardsticks.py            # prints one table; tests/test_yardsticks.py gates the figures

- kind: every real resume (resumes-livecareer-480, resumes-livecareer-kaggle-pdf) must come out `cv`, every real
  ad (jobzoeker, VDAB) `vacancy`, from the text alone (no folder hint);
- language: against jobzoeker's `lang` column (en/nl rows) and VDAB (all Dutch) and the resumes (all English);
- title: the ad's own `title` field against the title skillfit stores, over the ads whose text contains it;
- vdab competences: VDAB's own competence list per ad, recall of the items that occur in the ad's text verbatim
  or as a close paraphrase (all their content words there), found by a mention inside the item or by a concept
  whose label matches the item (token_set_ratio >= 85, as bench/eval_public.py).
The ten ads in real-ads-sample are left out (reserved for checks from outside the team).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a plain script from anywhere
    sys.path.insert(0, str(REPO))

from bench.build_real_corpus import reserved_ids  # noqa: E402
from bench.eval_public import CompetenceIndex, read_vdab  # noqa: E402
from pipeline import Extractor  # noqa: E402
from pipeline.api import kind_from_text  # noqa: E402
from pipeline.errors import ReadError  # noqa: E402
from pipeline.readers import read_path  # noqa: E402
from pipeline.real_corpus import CSV_SOURCES, csv_rows, shared_data  # noqa: E402
from pipeline.rows import title_of  # noqa: E402
from pipeline.stages.language import detect_language  # noqa: E402

RESUME_FOLDERS = ("resumes-livecareer-480", "resumes-livecareer-kaggle-pdf")
WORD = re.compile(r"[^\W\d_]{4,}")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def real_ads(root: Path) -> list[dict]:
    """Every real ad with a description: {id, text, title, language}, reserved ones left out."""
    reserved = reserved_ids(root)
    jobzoeker, vdab = CSV_SOURCES
    ads = [{"id": r["id"], "text": r["description"], "title": r["title"], "language": r["lang"]}
           for r in csv_rows(jobzoeker, str(root)).values() if r["id"] not in reserved and r["description"].strip()]
    for r in csv_rows(vdab, str(root)).values():
        body = r["functieomschrijving"]
        if r["job_id"] in reserved or not body or body.startswith("Vacatures - VDAB"):
            continue
        text = "\n\n".join(r[c].strip() for c in CSV_SOURCES[vdab][1] if r[c].strip())
        ads.append({"id": r["job_id"], "text": text, "title": r["title"], "language": "nl"})
    return ads


def real_resumes(root: Path) -> tuple[list[str], int]:
    """Texts of every real resume PDF (as skillfit reads them), and how many could not be read."""
    texts, unreadable = [], 0
    for folder in RESUME_FOLDERS:
        for path in sorted((root / folder).rglob("*.pdf")):
            try:
                texts.append(read_path(path))
            except ReadError:
                unreadable += 1
    return texts, unreadable


def measure(root: Path | None = None, extractor: Extractor | None = None) -> dict[str, float | int]:
    """The yardsticks as numbers: rates in [0, 1] and the counts behind them."""
    root = root or shared_data()
    extractor = extractor or Extractor()
    out: dict[str, float | int] = {}
    resumes, out["resumes_unreadable"] = real_resumes(root)
    ads = real_ads(root)
    out["resumes"], out["ads"] = len(resumes), len(ads)
    out["kind_resumes_cv"] = sum(kind_from_text(t) == "cv" for t in resumes) / len(resumes)
    out["kind_ads_vacancy"] = sum(kind_from_text(a["text"]) == "vacancy" for a in ads) / len(ads)
    labelled = [a for a in ads if a["language"] in ("en", "nl")]
    out["language_ads"] = sum(detect_language(a["text"]) == a["language"] for a in labelled) / len(labelled)
    out["language_resumes"] = sum(detect_language(t) == "en" for t in resumes) / len(resumes)
    titled = [a for a in ads if a["title"].strip() and _norm(a["title"]) in _norm(a["text"])]
    out["ads_with_title_in_text"] = len(titled)
    right = 0
    for ad in titled:
        doc = extractor.extract(ad["text"], kind="vacancy", doc_id=ad["id"])
        right += _norm(title_of(doc) or "") == _norm(ad["title"])
    out["title_ads"] = right / len(titled) if titled else 0.0
    out.update(vdab_recall(root, extractor))
    return out


def vdab_recall(root: Path, extractor: Extractor) -> dict[str, float | int]:
    """Recall of VDAB's competence items that occur in the ad's text verbatim or as a close paraphrase."""
    docs, _ = read_vdab(root / list(CSV_SOURCES)[1])
    reserved = reserved_ids(root)
    docs = [d for d in docs if d["id"] not in reserved]
    items = [(d, c) for d in docs for c in d["competences"] if _in_text(c, d["text"])]
    index = CompetenceIndex(extractor.taxonomy, sorted({c for _, c in items}))
    found_by_doc = {}
    for d in docs:
        doc = extractor.extract(d["text"], kind="vacancy", language="nl", doc_id=d["id"])
        found_by_doc[d["id"]] = ({m.skill_id for m in doc.mentions}, {_norm(m.text) for m in doc.mentions})
    hits = 0
    for d, item in items:
        concepts, texts = found_by_doc[d["id"]]
        padded = f" {_norm(item)} "
        hits += bool(index.concepts[item] & concepts) or any(len(t) >= 3 and f" {t} " in padded for t in texts)
    return {"vdab_items_in_text": len(items), "vdab_recall": hits / len(items) if items else 0.0}


def _in_text(item: str, text: str) -> bool:
    """The item verbatim, or all of its content words (4+ letters) somewhere in the text."""
    lowered = _norm(text)
    if _norm(item) in lowered:
        return True
    words = WORD.findall(item.casefold())
    return bool(words) and all(w in lowered for w in words)


def main() -> int:
    started = time.perf_counter()
    figures = measure()
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value:.3f}" if isinstance(value, float) else f"{name:<{width}}  {value}")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
