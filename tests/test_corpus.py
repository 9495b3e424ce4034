"""The robustness corpus (../shared/data/bad-inputs): one batch through the real CLI, zero crashes."""

from __future__ import annotations

import collections
import json
import subprocess
import sys

import pytest

from conftest import needs_shared
from pipeline.readers import STATUSES


@pytest.mark.shared
def test_every_hostile_file_ends_in_one_status(tmp_path):
    corpus = needs_shared("bad-inputs")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix != ".md")
    assert len(files) > 150
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", *map(str, files), "--kind", "cv",
                             "--timeout", "30"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 1  # some files failed, and the exit code says so
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("source") for r in records] == [str(f) for f in files]  # one record per file, in order
    statuses = collections.Counter(r.get("status", "ok") for r in records)
    assert set(statuses) <= set(STATUSES)
    by_name = {r["source"].split("bad-inputs/")[1]: r for r in records}
    assert by_name["pdfplumber/password-example.pdf"]["status"] == "encrypted"
    assert by_name["pdfminer/aes-256.pdf"]["status"] == "encrypted"
    assert by_name["pdfjs/operator_list_cycle.pdf"].get("status", "ok") in STATUSES
    for name, record in by_name.items():
        if record.get("status") == "no_text_layer":
            assert "OCR" in record["error"], name
    stderr_lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(stderr_lines) == sum(n for s, n in statuses.items() if s != "ok")  # one line per failed file
    print(dict(statuses))
