"""`make bench`: throughput, stage shares, start-up, memory, DuckDB load and fit-query figures in one table.

    .venv/bin/python bench/run.py [--docs 400] [--json bench/results/latest.json] [--no-esco]

Texts are real job ads and resumes from ../shared/data where present, else the bundled samples
repeated. Every ratio is taken within this one run on this machine, so runs on different machines
compare by their ratios, not by their absolute figures.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
ESCO_ZIP = DATA / "esco-v1.1.1-en" / "ESCO dataset - v1.1.1 - classification - en - csv.zip"
sys.path.insert(0, str(ROOT))

from pipeline import Extractor  # noqa: E402
from pipeline.api import stage_name  # noqa: E402


def real_texts(limit: int) -> tuple[list[str], str]:
    """Job-ad texts (English and Dutch), else the bundled samples."""
    path = DATA / "jobads-nl-en-jobzoeker" / "all_jobs.csv"
    texts: list[str] = []
    if path.exists():
        csv.field_size_limit(10**8)
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("description"):
                    texts.append(row["description"])
    if texts:
        source = "jobzoeker job ads (en+nl)"
    else:
        from pipeline.readers import read_path
        texts = [read_path(p) for p in sorted((ROOT / "sample_docs").rglob("*")) if p.suffix in (".txt", ".md")]
        source = "bundled sample_docs"
    while len(texts) < limit:
        texts += texts
    return texts[:limit], source


def pdf_files() -> list[Path]:
    folder = DATA / "resumes-livecareer-kaggle-pdf"
    files = sorted(folder.rglob("*.pdf")) if folder.exists() else []
    return files or sorted((ROOT / "sample_docs").rglob("*.pdf"))


def docs_per_second(fn, items) -> float:
    started = time.perf_counter()
    for item in items:
        fn(item)
    return len(items) / (time.perf_counter() - started)


class TimedStage:
    """Wraps a stage to add up the time spent in it."""

    def __init__(self, stage, totals: dict[str, float]) -> None:
        self.stage, self.totals, self.name = stage, totals, stage_name(stage)

    def __call__(self, doc):
        started = time.perf_counter()
        out = self.stage(doc)
        self.totals[self.name] = self.totals.get(self.name, 0.0) + time.perf_counter() - started
        return out


def extraction(extractor: Extractor, texts: list[str], label: str, results: dict) -> None:
    """Docs/s and MB/s over `texts`, plus each stage's share of the time."""
    totals: dict[str, float] = {}
    extractor.stages = [TimedStage(s, totals) for s in extractor.stages]
    extractor.extract(texts[0])  # warm
    totals.clear()
    rate = docs_per_second(extractor.extract, texts)
    mb = sum(len(t.encode()) for t in texts) / 2**20
    total = sum(totals.values())
    results[f"extract_{label}_docs_s"] = round(rate, 1)
    results[f"extract_{label}_mb_s"] = round(rate * mb / len(texts), 2)
    results[f"extract_{label}_stage_share"] = {k: round(v / total, 3) for k, v in totals.items()}


def cli_startup(cache: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "-"], input='{"text": "Python"}\n',
                   capture_output=True, text=True, env={**os.environ, "SKILLFIT_CACHE_DIR": str(cache)}, check=True)
    return time.perf_counter() - started


def peak_memory_mb(taxonomy_files: list[str], cache: Path) -> float:
    """Peak RSS of a fresh process that builds an Extractor and extracts one document."""
    code = ("import resource, sys; from pipeline import Extractor; e = Extractor(taxonomy_files=sys.argv[1:]);"
            " e.extract('Python and SQL'); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *taxonomy_files], capture_output=True, text=True, check=True,
                         env={**os.environ, "SKILLFIT_CACHE_DIR": str(cache)})
    return int(out.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    parser.add_argument("--no-esco", action="store_true")
    parser.add_argument("--fit-candidates", type=int, default=10_000)
    parser.add_argument("--fit-roles", type=int, default=1_000)
    args = parser.parse_args()
    results: dict = {"machine": platform.platform(), "python": platform.python_version(),
                     "cores": os.cpu_count(), "when": time.strftime("%Y-%m-%d %H:%M:%S")}
    texts, source = real_texts(args.docs)
    results["texts"] = f"{len(texts)} x {source}, mean {sum(map(len, texts)) // len(texts)} chars"

    import spacy

    from pipeline.stages.language import detect_language
    tokenizers = {"en": spacy.blank("en").tokenizer, "nl": spacy.blank("nl").tokenizer}
    languages = [detect_language(t) for t in texts]
    pairs = list(zip(texts, languages))
    results["spacy_tokenizer_docs_s"] = round(docs_per_second(lambda p: tokenizers.get(p[1], tokenizers["en"])(p[0]),
                                                              pairs), 1)
    extraction(Extractor(plugins=False), texts, "bundled", results)
    results["ratio_tokenizer_over_bundled"] = round(results["spacy_tokenizer_docs_s"] / results["extract_bundled_docs_s"], 2)
    extraction(Extractor(plugins=False, fuzzy=False), texts, "bundled_nofuzzy", results)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        esco_files: list[str] = []
        if not args.no_esco and ESCO_ZIP.exists():
            esco = tmp / "esco.json"
            subprocess.run([sys.executable, "-m", "pipeline.cli", "taxonomy", "import-esco", str(ESCO_ZIP), "-o",
                            str(esco)], check=True, capture_output=True)
            esco_files = [str(esco)]
            started = time.perf_counter()
            esco_extractor = Extractor(taxonomy_files=esco_files, plugins=False)
            results["esco_build_s"] = round(time.perf_counter() - started, 2)
            extraction(esco_extractor, texts[: max(50, len(texts) // 4)], "esco", results)
            results["ratio_tokenizer_over_esco"] = round(results["spacy_tokenizer_docs_s"] / results["extract_esco_docs_s"], 2)
        else:
            results["extract_esco"] = "skipped: ESCO zip not found" if not args.no_esco else "skipped: --no-esco"

        cache = tmp / "cache"
        results["cli_startup_cold_s"] = round(cli_startup(cache), 2)
        results["cli_startup_warm_s"] = round(min(cli_startup(cache) for _ in range(3)), 2)
        for label, files in [("bundled", []), ("esco", esco_files)] if esco_files else [("bundled", [])]:
            results[f"peak_memory_{label}_cold_mb"] = round(peak_memory_mb(files, cache / label), 1)  # compiles
            results[f"peak_memory_{label}_warm_mb"] = round(peak_memory_mb(files, cache / label), 1)  # from cache

        pdfs = pdf_files()[:24]
        if pdfs:
            import pdfplumber

            from pipeline.readers.pdf import read_pdf
            pages = 0
            started = time.perf_counter()
            for path in pdfs:
                with pdfplumber.open(path) as pdf:
                    pages += len(pdf.pages)
                    for page in pdf.pages:
                        page.extract_text()
            bare = pages / (time.perf_counter() - started)
            started = time.perf_counter()
            for path in pdfs:
                read_pdf(path.read_bytes())
            ours = pages / (time.perf_counter() - started)
            results["pdf_pages"] = pages
            results["pdfplumber_extract_text_pages_s"] = round(bare, 1)
            results["skillfit_pdf_reader_pages_s"] = round(ours, 1)

        from pipeline.store import Store
        extractor = Extractor(plugins=False)
        docs = [extractor.extract(t, kind="cv", doc_id=f"d{i}") for i, t in enumerate(texts)]
        rows = sum(len(d.mentions) for d in docs)
        with Store(tmp / "load.duckdb") as store:
            store.sync_taxonomy(extractor.taxonomy)
            run = store.start_run(extractor.taxonomy)
            started = time.perf_counter()
            for i in range(0, len(docs), 64):  # as `skillfit load` does: 64 documents per transaction
                store.write(docs[i:i + 64], extractor.taxonomy, run)
            elapsed = time.perf_counter() - started
        results["duckdb_load_mention_rows_s"] = round(rows / elapsed, 1)
        results["duckdb_load_docs_s"] = round(len(docs) / elapsed, 1)

    fit = subprocess.run([sys.executable, str(ROOT / "bench" / "fit_scale.py"), "--candidates", str(args.fit_candidates),
                          "--roles", str(args.fit_roles), "--json", "/dev/stdout"], capture_output=True, text=True)
    if fit.returncode == 0:
        figures = json.loads(fit.stdout[fit.stdout.index("{"):])
        results.update({f"fit_{k}": v for k, v in figures.items()})

    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
