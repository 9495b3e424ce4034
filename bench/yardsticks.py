#!/usr/bin/env python3
"""Metadata yardsticks from the sources themselves, on every real document in ../shared/data.

    .venv/bin/python bench/yardsticks.py            # prints one table; tests/test_yardsticks.py gates the figures

- kind: every real resume (resumes-livecareer-480, resumes-livecareer-kaggle-pdf) must come out `cv`, every real
  ad (jobzoeker, VDAB) `vacancy`, from the text alone (no folder hint); bench/train_kind.py fits the classifier
  on these documents less a held-out share (`*_held_out`: the figure to quote), and `kind_unsure` is the share
  it is unsure of (a warning in use);
- language: against jobzoeker's `lang` column (en/nl rows) and VDAB (all Dutch) and the resumes (all English);
- title: the ad's own `title` field against the title skillfit stores, over the ads whose text contains it
  (`title_ads_held_out`: over the ads pipeline/titles.py's rules were not written from; `…_contained`: the same,
  counting a title that holds the ad's or is held by it, "Strategische Aankoper" for "Aankoper");
- occupation: the ISCO-08 unit group of the job a coded ad is for (bench/occupation_gold.py: 320 titles coded blind),
  `occupation_right` the share skillfit names, `occupation_precision` the share of those it names that are right
  (dev part; `…_held_out`: the test part, never tuned on);
- vdab competences: VDAB's own competence list per ad, recall of the items that occur in the ad's text verbatim
  or as a close paraphrase (all their content words there), found by a mention inside the item or by a concept
  whose label matches the item (token_set_ratio >= 85, as bench/eval_public.py).
The ten ads in real-ads-sample are left out (reserved for checks from outside the team).
"""

from __future__ import annotations

import hashlib
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
from pipeline.errors import ReadError  # noqa: E402
from pipeline.kind import guess_kind  # noqa: E402
from pipeline.readers import read_path  # noqa: E402
from pipeline.real_corpus import CSV_SOURCES, csv_rows, shared_data  # noqa: E402
from pipeline.rows import title_of  # noqa: E402
from pipeline.stages.language import detect_language  # noqa: E402

RESUME_FOLDERS = ("resumes-livecareer-480", "resumes-livecareer-kaggle-pdf")
HELD_OUT = 0.3  # share of the documents kept out of fitting (bench/train_kind.py) and out of title rule-writing
WORD = re.compile(r"[^\W\d_]{4,}")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def held_out(doc_id: str) -> bool:
    """Whether a document (a resume's path under ../shared/data, an ad's row id) is held out (a hash of its id)."""
    return int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < HELD_OUT


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


def real_resumes(root: Path) -> tuple[list[tuple[str, str]], int]:
    """(path under root, text) of every real resume PDF (as skillfit reads it), and how many could not be read."""
    texts, unreadable = [], 0
    for folder in RESUME_FOLDERS:
        for path in sorted((root / folder).rglob("*.pdf")):
            try:
                texts.append((str(path.relative_to(root)), read_path(path)))
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
    resume_kinds = [(doc_id, guess_kind(t)) for doc_id, t in resumes]
    ad_kinds = [(a["id"], guess_kind(a["text"])) for a in ads]
    out["kind_resumes_cv"] = sum(g.kind == "cv" for _, g in resume_kinds) / len(resumes)
    out["kind_ads_vacancy"] = sum(g.kind == "vacancy" for _, g in ad_kinds) / len(ads)
    # bench/train_kind.py fits the classifier on these documents less a held-out share: their figure is the fair one
    held_resumes = [g for doc_id, g in resume_kinds if held_out(doc_id)]
    held_ads = [g for doc_id, g in ad_kinds if held_out(doc_id)]
    out["kind_resumes_cv_held_out"] = sum(g.kind == "cv" for g in held_resumes) / len(held_resumes)
    out["kind_ads_vacancy_held_out"] = sum(g.kind == "vacancy" for g in held_ads) / len(held_ads)
    out["kind_unsure"] = sum(not g.sure for _, g in resume_kinds + ad_kinds) / (len(resumes) + len(ads))
    labelled = [a for a in ads if a["language"] in ("en", "nl")]
    out["language_ads"] = sum(detect_language(a["text"]) == a["language"] for a in labelled) / len(labelled)
    out["language_resumes"] = sum(detect_language(t) == "en" for _, t in resumes) / len(resumes)
    titled = [a for a in ads if a["title"].strip() and _norm(a["title"]) in _norm(a["text"])]
    out["ads_with_title_in_text"] = len(titled)
    right: dict[bool, list[bool]] = {True: [], False: []}
    contained: list[bool] = []  # held out: one title holds the other ("Strategische Aankoper" for "Aankoper")
    for ad in titled:
        doc = extractor.extract(ad["text"], kind="vacancy", doc_id=ad["id"])
        found, wanted = _norm(title_of(doc) or ""), _norm(ad["title"])
        right[held_out(ad["id"])].append(found == wanted)
        if held_out(ad["id"]):
            contained.append(bool(found) and (found in wanted or wanted in found))
    everything = right[True] + right[False]
    out["title_ads"] = sum(everything) / len(everything) if everything else 0.0
    # pipeline/titles.py's rules were written from errors on the other ads: the held-out figure is the fair one
    out["title_ads_held_out"] = sum(right[True]) / len(right[True]) if right[True] else 0.0
    out["title_ads_held_out_contained"] = sum(contained) / len(contained) if contained else 0.0
    out.update(vdab_recall(root, extractor))
    from bench.occupation_gold import measure as occupation_figures  # it imports this module

    for part, figures in occupation_figures(extractor, ads).items():
        suffix = "_held_out" if part == "test" else ""
        out[f"occupation_right{suffix}"], out[f"occupation_precision{suffix}"] = figures["right"], figures["precision"]
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
