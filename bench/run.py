"""`make bench`: extraction speed, stage shares, start-up, memory, PDF, OCR, parallel batches, DuckDB load and fit.

    .venv/bin/python bench/run.py [--docs 400] [--json bench/results/latest.json] [--compare bench/baseline.json]
                                  [--no-esco] [--quick]

Texts are real job ads (English and Dutch) from ../shared/data where present, else the bundled
samples repeated. Extraction is timed in one process on one core; the bare spaCy tokenizer runs over
the same texts in the same run, so the ratio between the two is what compares across machines.
Results go to a JSON file; `--compare` prints an earlier run's figures beside this one's.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import shutil
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
from pipeline.stages.language import detect_language  # noqa: E402

WORDS_PER_DOC = 500  # the reference document size: docs/s are also given at this length
SKILLFIT = [sys.executable, "-m", "pipeline.cli"]


def real_texts(limit: int) -> tuple[list[str], str]:
    """Job-ad texts (English and Dutch), else the bundled samples."""
    path = DATA / "jobads-nl-en-jobzoeker" / "all_jobs.csv"
    texts: list[str] = []
    if path.exists():
        csv.field_size_limit(10**8)
        with path.open(encoding="utf-8") as fh:
            texts = [row["description"] for row in csv.DictReader(fh) if row.get("description")]
        source = "jobzoeker job ads (en+nl)"
    if not texts:
        from pipeline.readers import read_path
        texts = [read_path(p) for p in sorted((ROOT / "sample_docs").rglob("*")) if p.suffix in (".txt", ".md")]
        source = "bundled sample_docs"
    while len(texts) < limit:
        texts += texts
    return texts[:limit], source


def pdf_files() -> list[Path]:
    """Real resumes (one- and two-column), else the bundled sample PDFs."""
    files = []
    for folder in ("resumes-livecareer-kaggle-pdf", "resumes-templates-multicolumn-pdf"):
        files += sorted((DATA / folder).rglob("*.pdf"))[:20] if (DATA / folder).exists() else []
    return files or sorted((ROOT / "sample_docs").rglob("*.pdf"))


def timed(fn, items) -> float:
    """Seconds to run `fn` over `items`."""
    started = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - started


class TimedStage:
    """Wraps a stage to add up the time spent in it."""

    def __init__(self, stage, totals: dict[str, float]) -> None:
        self.stage, self.totals, self.name = stage, totals, stage_name(stage)

    def __call__(self, doc):
        started = time.perf_counter()
        out = self.stage(doc)
        self.totals[self.name] = self.totals.get(self.name, 0.0) + time.perf_counter() - started
        return out


def tokenizer_rate(texts: list[str]) -> float:
    """Documents/s of spaCy's blank English/Dutch tokenizer: the floor for a spaCy-based pipeline."""
    import spacy

    tokenizers = {"en": spacy.blank("en").tokenizer, "nl": spacy.blank("nl").tokenizer}
    pairs = [(t, tokenizers.get(detect_language(t), tokenizers["en"])) for t in texts]
    return len(texts) / timed(lambda pair: pair[1](pair[0]), pairs)


def extraction(extractor: Extractor, texts: list[str], label: str, out: dict, tokenizer: float) -> None:
    """Docs/s, MB/s and words/s over `texts` (one pass, one process), and each stage's share of the time."""
    totals: dict[str, float] = {}
    extractor.stages = [TimedStage(s, totals) for s in extractor.stages]
    extractor.extract(texts[0])
    detect_language("warm up the n-gram model too")  # loading it is start-up, not throughput
    totals.clear()
    seconds = timed(extractor.extract, texts)
    words = sum(len(t.split()) for t in texts)
    rate = len(texts) / seconds
    out[f"extract_{label}_docs_s"] = round(rate, 1)
    out[f"extract_{label}_docs_s_at_{WORDS_PER_DOC}_words"] = round(words / seconds / WORDS_PER_DOC, 1)
    out[f"extract_{label}_mb_s"] = round(sum(len(t.encode()) for t in texts) / 2**20 / seconds, 2)
    out[f"extract_{label}_ratio_to_tokenizer"] = round(tokenizer / rate, 2)
    total = sum(totals.values())
    out[f"extract_{label}_stage_share"] = {k: round(v / total, 3) for k, v in totals.items()}


def run_cli(args: list[str], cache: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "SKILLFIT_CACHE_DIR": str(cache), "SKILLFIT_PLUGINS": "0"}
    return subprocess.run(SKILLFIT + args, input=stdin, capture_output=True, text=True, env=env)


def startup(cache: Path, taxonomy: list[str], label: str, out: dict) -> None:
    """Wall seconds for `skillfit extract -` on one short record: cold (empty cache) and warm (best of 3)."""
    args = ["extract", *sum((["--taxonomy", t] for t in taxonomy), []), "-"]
    record = '{"text": "Python, SQL en communicatievaardigheden"}\n'

    def once() -> float:
        started = time.perf_counter()
        run_cli(args, cache, record).check_returncode()
        return time.perf_counter() - started

    shutil.rmtree(cache, ignore_errors=True)
    out[f"cli_startup_{label}_cold_s"] = round(once(), 2)
    out[f"cli_startup_{label}_warm_s"] = round(min(once() for _ in range(3)), 2)


def peak_memory(cache: Path, taxonomy: list[str], label: str, out: dict) -> None:
    """Peak RSS (MB) of a fresh process that builds an Extractor and extracts one document, compiling the
    taxonomy (cold) and loading it from the cache (warm)."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec.
    code = ("import re, sys; from pipeline import Extractor; e = Extractor(taxonomy_files=sys.argv[1:]);"
            " e.extract('Python en SQL'); print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])")
    env = {**os.environ, "SKILLFIT_CACHE_DIR": str(cache), "SKILLFIT_PLUGINS": "0"}
    for state in ("cold", "warm"):
        if state == "cold":
            shutil.rmtree(cache, ignore_errors=True)
        done = subprocess.run([sys.executable, "-c", code, *taxonomy], capture_output=True, text=True, check=True,
                              env=env, cwd=ROOT)
        out[f"peak_memory_{label}_{state}_mb"] = round(int(done.stdout.split()[-1]) / 1024)


def parallel(texts: list[str], tmp: Path, cache: Path, out: dict) -> None:
    """`skillfit extract FOLDER` with 1 worker and with one per core: documents/s including start-up."""
    folder = tmp / "batch"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"ad{i:05}.txt").write_text(text, encoding="utf-8")
    def seconds(path: Path, workers: int) -> float:
        started = time.perf_counter()
        run_cli(["extract", str(path), "--kind", "vacancy", "--workers", str(workers), "--unordered"], cache)
        return time.perf_counter() - started

    seconds(folder / "ad00000.txt", 1)  # fills the cache
    cores = len(os.sched_getaffinity(0))
    for workers in sorted({1, cores}):
        # Marginal rate: the run over one file is start-up, which the run over all files also pays.
        elapsed = seconds(folder, workers) - min(seconds(folder / "ad00000.txt", workers) for _ in range(2))
        out[f"batch_{workers}_workers_docs_s"] = round((len(texts) - 1) / elapsed, 1)
    if cores > 1:
        out[f"batch_speedup_{cores}_workers"] = round(out[f"batch_{cores}_workers_docs_s"] / out["batch_1_workers_docs_s"], 2)


def pdf(out: dict) -> None:
    """Pages/s of each PDF engine against bare pdfplumber extract_text on the same files."""
    files = pdf_files()
    if not files:
        return
    try:
        from bench.pdf_engines import measure
    except ImportError:
        out["pdf"] = "skipped: bench/pdf_engines.py missing"
        return
    out.update({f"pdf_{k}": v for k, v in measure(files).items()})


def duckdb_load(texts: list[str], tmp: Path, out: dict) -> None:
    """Rows/s of Store.write in 64-document transactions, as `skillfit load` writes."""
    from pipeline.store import Store

    extractor = Extractor(plugins=False)
    docs = [extractor.extract(t, kind="vacancy", doc_id=f"d{i}") for i, t in enumerate(texts)]
    with Store(tmp / "load.duckdb") as store:
        store.sync_taxonomy(extractor.taxonomy)
        run = store.start_run(extractor.taxonomy)
        seconds = timed(lambda i: store.write(docs[i:i + 64], extractor.taxonomy, run), range(0, len(docs), 64))
    out["duckdb_load_mention_rows_s"] = round(sum(len(d.mentions) for d in docs) / seconds)
    out["duckdb_load_docs_s"] = round(len(docs) / seconds, 1)


def fit(candidates: int, roles: int, out: dict, prefix: str = "fit") -> None:
    """bench/fit_scale.py on a generated database of `candidates` x `roles` (figures it skips are left out)."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "fit_scale.py"), "--candidates", str(candidates),
                           "--roles", str(roles), "--json", "/dev/stdout"], capture_output=True, text=True, cwd=ROOT)
    if done.returncode == 0:
        figures = json.loads(done.stdout[done.stdout.index("{"):])
        out.update({f"{prefix}_{k}": v for k, v in figures.items() if v is not None})
    else:
        out[prefix] = f"failed: {done.stderr.strip().splitlines()[-1:]}"


def ocr(tmp: Path, out: dict) -> None:
    """OCR pages/s per core and skills kept against the text layer, from bench/ocr_eval.py --quick (the full
    measurement, 50 real resumes and 20 Dutch ads, is `python bench/ocr_eval.py`)."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "ocr_eval.py"), "--quick", "--json", str(tmp / "ocr.json")],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        out["ocr"] = f"skipped: {(done.stderr.strip().splitlines() or ['failed'])[-1]}"
        return
    summary = json.loads((tmp / "ocr.json").read_text())["summary"]
    out["ocr_pages_s_per_core"] = summary["all"]["pages_per_cpu_s"]
    for lang in ("en", "nl"):
        if lang in summary:
            out[f"ocr_{lang}_recall"], out[f"ocr_{lang}_precision"] = summary[lang]["recall"], summary[lang]["precision"]


def quality(out: dict) -> None:
    """Precision and recall on the annotated set (tests/eval): speed must not cost quality."""
    done = subprocess.run(SKILLFIT + ["eval", str(ROOT / "tests" / "eval"), "--format", "json"], capture_output=True,
                          text=True, env={**os.environ, "SKILLFIT_PLUGINS": "0"}, cwd=ROOT)
    for row in json.loads(done.stdout):
        if row["scope"] in ("language=en", "language=nl"):
            lang = row["scope"].split("=")[1]
            out[f"eval_{lang}_precision"], out[f"eval_{lang}_recall"] = row["precision"], row["recall"]


def print_table(results: dict, before: dict) -> None:
    width = max(map(len, results))
    header = f"{'figure':<{width}}  {'this run':>14}"
    if before:
        header += f"  {'before':>14}  {'after/before':>12}"
    print(header)
    for key, value in results.items():
        line = f"{key:<{width}}  {json.dumps(value) if isinstance(value, dict) else str(value):>14}"
        old = before.get(key)
        if before and old is not None and not isinstance(value, dict):
            line += f"  {old!s:>14}"
            if isinstance(value, (int, float)) and isinstance(old, (int, float)) and old:
                line += f"  {value / old:>12.2f}"
        print(line)


HOSTILE_TEXTS = {  # 1 MB each: the shapes that once made a pattern or a walk quadratic
    "one run of letters": "a" * 2**20,
    "dots and hyphens, no @": ("a.-" * (2**20 // 3)),
    "digits and spaces": "1 " * (2**19),
    "one line of skills": ("Python SQL teamwork " * (2**20 // 20)),
    "employer sentences": ("We value innovation and teamwork; apply now. " * (2**20 // 46)),
    "many short lines": ("Excel\n" * (2**20 // 6)),
}


def worst_case(extractor: Extractor, out: dict) -> None:
    """Seconds per MB of extraction plus redaction (what a load does outside the workers) for each hostile class."""
    from pipeline.personal_data import redact

    for name, text in HOSTILE_TEXTS.items():
        started = time.perf_counter()
        doc = extractor.extract(text, kind="vacancy")
        redact(text, {"jan"})
        seconds = time.perf_counter() - started
        out[f"hostile_s_per_mb: {name}"] = round(seconds / (len(text.encode()) / 2**20), 2)
        out[f"hostile_mentions: {name}"] = len(doc.mentions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=400, help="texts per extraction measurement")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    parser.add_argument("--compare", type=Path, default=ROOT / "bench" / "baseline.json",
                        help="an earlier run's JSON to print beside this one")
    parser.add_argument("--no-esco", action="store_true", help="skip the full-ESCO measurements")
    parser.add_argument("--quick", action="store_true", help="fewer documents and a smaller fit database")
    args = parser.parse_args()
    docs = 100 if args.quick else args.docs
    results: dict = {"machine": platform.platform(), "python": platform.python_version(),
                     "cores": len(os.sched_getaffinity(0)), "when": time.strftime("%Y-%m-%d %H:%M:%S")}
    texts, source = real_texts(docs)
    words = sum(len(t.split()) for t in texts) // len(texts)
    results["texts"] = f"{len(texts)} x {source}, mean {sum(map(len, texts)) // len(texts)} chars, {words} words"

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["SKILLFIT_CACHE_DIR"] = str(tmp / "cache")  # this run's own cache: cold means cold
        esco: list[str] = []
        if not args.no_esco and ESCO_ZIP.exists():
            run_cli(["taxonomy", "import-esco", str(ESCO_ZIP), "-o", str(tmp / "esco.json")], tmp / "c0").check_returncode()
            esco = [str(tmp / "esco.json")]
        results["spacy_tokenizer_docs_s"] = round(tokenizer_rate(texts), 1)
        extraction(Extractor(plugins=False), texts, "bundled", results, results["spacy_tokenizer_docs_s"])
        worst_case(Extractor(plugins=False), results)
        if esco:
            for state in ("compile", "load"):  # an empty cache, then the compiled matcher from the cache
                started = time.perf_counter()
                extractor = Extractor(taxonomy_files=esco, plugins=False)
                results[f"esco_{state}_s"] = round(time.perf_counter() - started, 2)
            extraction(extractor, texts, "esco", results, results["spacy_tokenizer_docs_s"])
        else:
            results["extract_esco"] = "skipped: --no-esco" if args.no_esco else "skipped: ESCO zip not in ../shared/data"
        for label, taxonomy in [("bundled", []), ("esco", esco)][: 2 if esco else 1]:
            startup(tmp / f"cache-{label}", taxonomy, label, results)
            peak_memory(tmp / f"cache-{label}", taxonomy, label, results)
        results["peak_memory_this_process_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        parallel(texts, tmp, tmp / "cache-bundled", results)
        pdf(results)
        ocr(tmp, results)
        duckdb_load(texts, tmp, results)
    fit(2_000 if args.quick else 10_000, 200 if args.quick else 1_000, results)
    if not args.quick:  # the scale for ranking one role: 100,000 candidates (about 40 s)
        fit(100_000, 1_000, results, prefix="fit100k")
    quality(results)

    before = json.loads(args.compare.read_text()) if args.compare and args.compare.exists() else {}
    print_table(results, before)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {args.json}" + (f"; 'before' is {args.compare}" if before else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
