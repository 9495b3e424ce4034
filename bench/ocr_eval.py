"""OCR against the text layer: do scans of the same documents give the same skills?

    .venv/bin/python bench/ocr_eval.py [--resumes 50] [--dutch 20] [--json bench/results/ocr.json] [--quick]

Documents: the sample PDFs in sample_docs (English and Dutch), `--resumes` real English resumes from
../shared/data/resumes-livecareer-480, and, since only four sample PDFs are Dutch, Dutch text typeset into
PDFs here with reportlab (10-point Vera, one column): the Dutch samples that are not PDFs and `--dutch` real
Dutch job ads from ../shared/data/jobads-nl-en-jobzoeker, all drawn with a fixed seed. Each PDF is read twice: from its text layer
(`--ocr never`) and as a scan, its pages rendered to greyscale images at 200 dpi with pypdfium2 and put
back into a PDF without text (JPEG-compressed, as scanners and phone apps store them). Every third document
is scanned slightly turned (0.6 to 2 degrees) with noise; every fifth goes in as a TIFF image file instead of a
PDF; two have a page upside down. The skills found (pipeline.Extractor, skill ids per document) in the scan
are compared with those from the text layer: recall is the share of text-layer skills the scan also gives,
precision the share of the scan's skills that the text layer gives. Both are pooled over documents, per
language. Speed is pages per CPU second of this process and the Tesseract processes it starts: pages/s
per core. Issue 18's bar: recall and precision >= 0.90 per language.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
RESUMES = ROOT.parent / "shared" / "data" / "resumes-livecareer-480" / "data"
JOB_ADS = ROOT.parent / "shared" / "data" / "jobads-nl-en-jobzoeker" / "all_jobs.csv"
sys.path.insert(0, str(ROOT))

from pipeline import Extractor  # noqa: E402
from pipeline.errors import ReadError  # noqa: E402
from pipeline.readers import read_path  # noqa: E402
from pipeline.readers.ocr import unavailable  # noqa: E402

BAR = 0.90
DPI = 200


class Source(NamedTuple):
    """One document: its name, PDF bytes, language, kind and where it comes from."""

    name: str
    pdf: bytes
    language: str
    kind: str
    origin: str


def documents(resumes: int, dutch: int) -> list[Source]:
    """The sample PDFs, `resumes` real resumes and the Dutch typeset documents (seeded draws)."""
    docs = []
    for path in sorted((ROOT / "sample_docs").rglob("*")):
        language = "nl" if "_nl_" in path.name else "en"
        kind = "vacancy" if path.name.startswith("vac_") else "cv"
        if path.suffix == ".pdf":
            docs.append(Source(path.name, path.read_bytes(), language, kind, "sample PDF"))
        elif language == "nl" and path.suffix in (".docx", ".txt", ".md"):
            docs.append(Source(path.name, typeset(read_path(path, ocr="never")), language, kind, "typeset"))
    real = sorted(RESUMES.rglob("*.pdf")) if RESUMES.is_dir() else []
    for path in random.Random(18).sample(real, min(resumes, len(real))):
        docs.append(Source(path.name, path.read_bytes(), "en", "cv", "resume PDF"))
    if JOB_ADS.exists() and dutch:
        csv.field_size_limit(10**8)
        with JOB_ADS.open(encoding="utf-8") as fh:
            ads = [row for row in csv.DictReader(fh) if row.get("lang") == "nl" and row.get("description")]
        for row in random.Random(18).sample(ads, min(dutch, len(ads))):
            docs.append(Source(f"jobad-{row['id'][:12]}", typeset(row["description"]), "nl", "vacancy", "typeset"))
    return docs


def typeset(text: str) -> bytes:
    """`text` as an A4 PDF with a text layer: 10-point Vera, one column, lines wrapped, pages as needed; Markdown
    bold markers are left out, as a word processor would print them."""
    import reportlab
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Vera", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 800.0
    text = re.sub(r"\*\*|__", "", text)  # Markdown bold (job boards) is bold type on paper, not asterisks
    for paragraph in text.replace("\r", "").split("\n"):
        for line in simpleSplit(paragraph.strip(), "Vera", 10, 480) or [""]:
            if y < 60:
                pdf.showPage()
                y = 800.0
            pdf.setFont("Vera", 10)
            pdf.drawString(56, y, line)
            y -= 13
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def scan(data: bytes, index: int) -> tuple[bytes, str, int, str]:
    """The document as a scan: (bytes, file name, pages, how it was scanned)."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    pdf = pdfium.PdfDocument(data)
    rng = np.random.default_rng(index)
    turned, upside_down = index % 3 == 1, index in (2, 9)
    images = []
    for number in range(len(pdf)):
        image = pdf[number].render(scale=DPI / 72, grayscale=True).to_pil()
        if turned:
            angle = float(rng.choice([-1, 1]) * rng.uniform(0.6, 2.0))
            image = image.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
            noisy = np.asarray(image, dtype=np.float32) + rng.normal(0, 18, (image.height, image.width))
            image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
        if upside_down and number == 0:
            image = image.rotate(180)
        images.append(image)
    pdf.close()
    how = ("turned+noise" if turned else "clean") + (", page 1 upside down" if upside_down else "")
    buffer = io.BytesIO()
    if index % 5 == 4:
        images[0].save(buffer, "TIFF", save_all=True, append_images=images[1:], dpi=(DPI, DPI), compression="tiff_lzw")
        return buffer.getvalue(), "scan.tiff", len(images), how + ", TIFF"
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=DPI, quality=85)
    return buffer.getvalue(), "scan.pdf", len(images), how + ", PDF"


def cpu_seconds() -> float:
    """CPU seconds of this process and the finished child processes (Tesseract) together."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resumes", type=int, default=50, help="real resumes from resumes-livecareer-480")
    parser.add_argument("--dutch", type=int, default=20, help="real Dutch job ads, typeset (jobads-nl-en-jobzoeker)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "ocr.json")
    parser.add_argument("--quick", action="store_true", help="the sample PDFs and 5 resumes only")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the skills each document lost or gained")
    args = parser.parse_args()
    why = unavailable()
    if why:
        sys.exit(f"ocr_eval: {why}")
    text_layer = Extractor(plugins=False, ocr="never")
    ocr = Extractor(taxonomy=text_layer.taxonomy, plugins=False, ocr="auto")
    pooled: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    rows = []
    for index, source in enumerate(documents(5 if args.quick else args.resumes, 5 if args.quick else args.dutch)):
        data, language, kind = source.pdf, source.language, source.kind
        try:
            truth = {m.skill_id for m in text_layer.extract(data, kind=kind, name="text.pdf").mentions}
        except ReadError as exc:
            print(f"skip {source.name}: {exc.status}", file=sys.stderr)
            continue
        image, name, pages, how = scan(data, index)
        cpu, wall = cpu_seconds(), time.perf_counter()
        try:
            doc = ocr.extract(image, kind=kind, name=name)
            found, confidences = {m.skill_id for m in doc.mentions}, [m.confidence for m in doc.mentions]
            status = "ok"
        except ReadError as exc:
            found, confidences, status = set(), [], exc.status
        cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
        both = len(found & truth)
        for scope in (language, "all", f"{language}, {source.origin}"):
            totals = pooled[scope]
            totals["docs"] += 1
            totals["pages"] += pages
            totals["truth"] += len(truth)
            totals["found"] += len(found)
            totals["both"] += both
            totals["cpu"] += cpu
            totals["wall"] += wall
        rows.append({"file": source.name, "origin": source.origin, "language": language, "scan": how, "pages": pages, "status": status,
                     "text_layer_skills": len(truth), "ocr_skills": len(found), "both": both,
                     "lost": sorted(truth - found), "gained": sorted(found - truth),
                     "max_confidence": max(confidences, default=None), "cpu_s": round(cpu, 2)})
        line = (f"{source.name[:44]:<44} {language} {how:<34} {pages}p {cpu:5.1f}s  text layer {len(truth):3}  "
                f"scan {len(found):3}  both {both:3}")
        print(line + (f"  lost {sorted(truth - found)} gained {sorted(found - truth)}" if args.verbose else ""),
              file=sys.stderr)
    results = {}
    for scope, t in sorted(pooled.items()):
        results[scope] = {
            "documents": int(t["docs"]), "pages": int(t["pages"]),
            "recall": round(t["both"] / t["truth"], 3) if t["truth"] else None,
            "precision": round(t["both"] / t["found"], 3) if t["found"] else None,
            "pages_per_cpu_s": round(t["pages"] / t["cpu"], 2), "seconds_per_page_wall": round(t["wall"] / t["pages"], 2),
        }
    print(f"\n{'scope':<16} {'docs':>5} {'pages':>6} {'recall':>7} {'precision':>9} {'pages/s/core':>13}")
    for scope, r in results.items():
        verdict = "ok" if (r["recall"] or 0) >= BAR and (r["precision"] or 0) >= BAR else f"BELOW {BAR}"
        print(f"{scope:<16} {r['documents']:>5} {r['pages']:>6} {r['recall']!s:>7} {r['precision']!s:>9} "
              f"{r['pages_per_cpu_s']:>13}  {verdict}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"summary": results, "documents": rows}, indent=2))
    print(f"\nwritten to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
