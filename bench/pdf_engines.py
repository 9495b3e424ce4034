"""PDF engines side by side: pages per second and how often both engines give the same words.

    .venv/bin/python bench/pdf_engines.py [FILE_OR_FOLDER ...] [--json OUT] [--repeat 3]

Files: the real resumes in ../shared/data/resumes-livecareer-kaggle-pdf where present, else the
PDFs in sample_docs. Four readers run over the same files, held in memory:

- bare pdfplumber `page.extract_text()` (no layout work of ours),
- skillfit's pdfplumber engine (`read_pdf(data, engine="pdfplumber")`),
- skillfit's pdfium engine (`read_pdf(data, engine="pdfium")`, the default),
- bare pypdfium2 `PdfTextPage.get_text_range()`.

Speeds are pages per CPU second of this one process (one core), the best of --repeat runs for the
fast readers (one run for the pdfplumber ones); `measure(files)` returns them as a dict.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESUMES = ROOT.parent / "shared" / "data" / "resumes-livecareer-kaggle-pdf"
sys.path.insert(0, str(ROOT))

from pipeline.errors import ReadError  # noqa: E402
from pipeline.readers.pdf import read_pdf  # noqa: E402


def default_files() -> list[Path]:
    """The livecareer resumes where present, else the bundled sample PDFs."""
    files = sorted(RESUMES.rglob("*.pdf")) if RESUMES.is_dir() else []
    return files or sorted((ROOT / "sample_docs").rglob("*.pdf"))


def bare_pdfplumber(data: bytes) -> str:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def bare_pypdfium2(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for page in pdf:
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(out)
    finally:
        pdf.close()


def skillfit(engine: str) -> Callable[[bytes], str]:
    def read(data: bytes) -> str:
        try:
            return read_pdf(data, engine=engine)
        except ReadError as exc:
            return f"<{exc.status}>"
    return read


def page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def timed(read: Callable[[bytes], str], datas: Sequence[bytes], repeat: int) -> tuple[float, list[str]]:
    """Best CPU seconds over `repeat` runs of `read` over every file, and the texts of the last run."""
    best, texts = float("inf"), []
    for _ in range(repeat):
        started = time.process_time()
        texts = [read(data) for data in datas]
        best = min(best, time.process_time() - started)
    return best, texts


def words(text: str) -> list[str]:
    return text.split()


def measure(files: Sequence[str | Path], repeat: int = 3) -> dict:
    """Pages per CPU second of each reader over `files`, and how often the two skillfit engines agree."""
    datas = [Path(f).read_bytes() for f in files]
    pages = sum(page_count(data) for data in datas)
    import pdfplumber  # noqa: F401  (imports are not timed)
    import pypdfium2  # noqa: F401

    from pipeline.readers import pdf_engines, pdfium_text  # noqa: F401
    results: dict = {"files": len(datas), "pages": pages}
    outputs = {}
    for name, read, runs in [("pdfplumber_extract_text", bare_pdfplumber, 1),
                             ("skillfit_pdfplumber", skillfit("pdfplumber"), 1),
                             ("skillfit_pdfium", skillfit("pdfium"), repeat),
                             ("pypdfium2_get_text_range", bare_pypdfium2, repeat)]:
        seconds, outputs[name] = timed(read, datas, runs)
        results[f"{name}_pages_s"] = round(pages / seconds, 1) if seconds else None
    same_words = sum(words(a) == words(b) for a, b in zip(outputs["skillfit_pdfplumber"], outputs["skillfit_pdfium"]))
    same_text = sum(a == b for a, b in zip(outputs["skillfit_pdfplumber"], outputs["skillfit_pdfium"]))
    results["same_words_share"] = round(same_words / len(datas), 3) if datas else None
    results["same_text_share"] = round(same_text / len(datas), 3) if datas else None
    if results["skillfit_pdfplumber_pages_s"]:
        results["pdfium_speedup"] = round(results["skillfit_pdfium_pages_s"] / results["skillfit_pdfplumber_pages_s"], 1)
    results["differing_files"] = [str(f) for f, a, b in zip(files, outputs["skillfit_pdfplumber"],
                                                            outputs["skillfit_pdfium"]) if words(a) != words(b)]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="PDF files or folders (default: see above)")
    parser.add_argument("--json", dest="out", help="write the figures to this JSON file")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the fast readers; the best counts")
    args = parser.parse_args()
    files = [f for p in map(Path, args.paths) for f in (sorted(p.rglob("*.pdf")) if p.is_dir() else [p])]
    files = files or default_files()
    results = measure(files, repeat=args.repeat)
    print(f"{results['files']} files, {results['pages']} pages (pages per CPU second, one core)")
    for key, value in results.items():
        if key.endswith("_pages_s"):
            print(f"  {key[:-8]:<28} {value:>8}")
    print(f"  pdfium speed-up over the pdfplumber engine: {results.get('pdfium_speedup')}x")
    print(f"  same words with both engines: {results['same_words_share']:.1%} of files"
          f" (same text: {results['same_text_share']:.1%})")
    for name in results["differing_files"]:
        print(f"    differs: {name}")
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
