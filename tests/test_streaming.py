"""Streaming mode: `skillfit extract -` answers each JSONL record as soon as it arrives."""

from __future__ import annotations

import json
import subprocess
import sys
import time


def test_each_record_is_answered_before_the_next_arrives(small_taxonomy):
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", "-"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    latencies = []
    try:
        for i, record in enumerate([{"id": "r1", "text": "Python en SQL"}, "not json",
                                    {"id": "r3", "text": "Java developer"}]):
            started = time.monotonic()
            process.stdin.write((json.dumps(record) if isinstance(record, dict) else record) + "\n")
            process.stdin.flush()
            answer = json.loads(process.stdout.readline())  # stdin is still open: no waiting for EOF
            latencies.append(time.monotonic() - started)
            if i == 1:
                assert answer["status"] == "malformed" and "error" in answer
            else:
                assert answer["doc_id"] == record["id"] and answer["skills"]
    finally:
        process.stdin.close()
        process.wait(timeout=30)
    assert process.returncode == 1  # one record was malformed
    assert max(latencies[1:]) < 5  # after start-up, each record comes back at once
