"""The real-document gold corpus: where each document's text comes from.

Real job ads and resumes may not be copied into the repository, so a gold file points at its document:
`source: <path under ../shared/data>` for a file there (PDF, DOCX, TXT), `source: <csv path>#<row id>` for an ad
that is one row of a CSV, or `file: <path under the gold folder>` for a document the team's writers made (the
Dutch CVs). The text is what skillfit reads: files through `read_path` with the default PDF engine, CSV ads as
the ad's own description fields. Annotations are surfaces of that text.
"""

from __future__ import annotations

import csv
import functools
import os
from pathlib import Path

from pipeline.readers import read_path

SHARED_DATA_ENV = "SKILLFIT_SHARED_DATA"  # where ../shared/data is, when not beside the checkout
# The id column of each CSV source, and the columns that make an ad's text (in order, blank lines between).
CSV_SOURCES = {
    "jobads-nl-en-jobzoeker/all_jobs.csv": ("id", ("description",)),
    "vacatures-nl-vdab/data_scrapping/vdab_jobs_playwright_preview_New5.csv":
        ("job_id", ("functieomschrijving", "profiel", "anbod")),
}


def shared_data() -> Path:
    """../shared/data beside the checkout (or $SKILLFIT_SHARED_DATA)."""
    if os.environ.get(SHARED_DATA_ENV):
        return Path(os.environ[SHARED_DATA_ENV])
    return Path(__file__).resolve().parents[2] / "shared" / "data"


@functools.lru_cache(maxsize=8)
def csv_rows(path: str, root: str) -> dict[str, dict[str, str]]:
    """The rows of a CSV source by their id column."""
    id_column, _ = CSV_SOURCES[path]
    csv.field_size_limit(1 << 30)
    with open(Path(root) / path, encoding="utf-8", newline="") as handle:
        return {row[id_column]: row for row in csv.DictReader(handle)}


def csv_record(source: str, root: Path | None = None) -> dict[str, str]:
    """The CSV row a `path#id` source names."""
    path, _, row_id = source.partition("#")
    return csv_rows(path, str(root or shared_data()))[row_id]


def document_text(gold: dict, gold_root: Path, root: Path | None = None) -> str:
    """The text skillfit reads for a gold document (its `source` or `file`)."""
    if gold.get("file"):
        return read_path(gold_root / gold["file"])
    source = gold["source"]
    root = root or shared_data()
    if "#" in source:
        path = source.partition("#")[0]
        row = csv_record(source, root)
        return "\n\n".join(row[c].strip() for c in CSV_SOURCES[path][1] if row.get(c, "").strip())
    return read_path(root / source)


def available(gold: dict, root: Path | None = None) -> bool:
    """Whether the document a gold file points at is on this machine."""
    if gold.get("file"):
        return True
    return (root or shared_data()).joinpath(gold["source"].partition("#")[0]).exists()
