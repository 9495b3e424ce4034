"""Fuzzing the JSONL stream (`skillfit extract -`) and `Extractor.extract` with generated hostile records (issue 19):
every input line gets exactly one answer line, in order, a result or an error record with a status; the exit code
says when one failed; the whole batch stays within a wall-clock budget (a hang guard, not a speed target: speed
is measured by `make bench`, whose worst-case line gives seconds per MB of the slowest input class)."""

from __future__ import annotations

import json
import time

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.errors import ReadError

BUDGET_S = 120  # for one generated batch: far above its usual second or two, far below a hang
STATUSES = {"malformed", "too_large", "unsupported", "empty"}
WORDS = st.sampled_from(["Python", "SQL", "Excel", "teamwork", "communicatie", "ervaring met", "Kronos", ",", "\n",
                         "\u00ad", "\u200b", "â€¢", "**", "\\-", "C++", "@", "\U0001F600", "\ud800", "\x00"])
TEXTS = st.one_of(st.lists(WORDS, max_size=60).map(" ".join), st.text(max_size=300))
VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                      lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                      max_leaves=12)
RECORDS = st.fixed_dictionaries({"text": TEXTS}, optional={
    "id": st.one_of(st.text(max_size=12), st.integers(), VALUES), "kind": st.sampled_from(["cv", "vacancy", "x", 3]),
    "language": st.sampled_from(["en", "nl", "fr", None]), "title": st.one_of(st.text(max_size=30), VALUES)})


def line_of(value) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


LINES = st.one_of(
    RECORDS.map(line_of),  # records, well-formed or with odd fields
    VALUES.map(line_of),  # JSON that is no record
    st.integers(1, 60).map(lambda n: "[" * (n * 1000) + "]" * (n * 1000)),  # nested past any recursion limit
    st.text(max_size=80).filter(lambda s: "\n" not in s and "\r" not in s),  # not JSON at all
    st.just('{"id": "\\udc80", "text": "Python"}'),  # a lone surrogate
)


@settings(max_examples=25, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(lines=st.lists(LINES, min_size=1, max_size=12))
def test_every_stream_line_gets_one_answer_in_order_within_the_budget(small_taxonomy, lines):
    lines = [line.replace("\n", " ").replace("\r", " ").replace("\u2028", " ").replace("\u2029", " ") for line in lines]
    lines = [line for line in lines if line.strip()]  # blank lines are skipped by design
    started = time.monotonic()
    stdin = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")  # a lone surrogate: bytes no UTF-8 allows
    result = CliRunner().invoke(main, ["extract", "-"], input=stdin)
    assert time.monotonic() - started < BUDGET_S
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == len(lines)
    failed = [a for a in answers if a["status"] != "ok"]
    assert all(a["status"] in STATUSES and a["error"] for a in failed)
    assert all("skills" in a for a in answers if a["status"] == "ok")
    assert result.exit_code == (1 if failed else 0)
    assert "Traceback" not in result.stderr


@settings(max_examples=40, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.one_of(st.binary(max_size=2000), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       name=st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv.html", "cv.rtf", "cv.odt", "cv.json", "cv.doc", "cv"]))
def test_extract_bytes_returns_a_document_or_a_read_error_within_the_budget(extractor, data, name):
    started = time.monotonic()
    try:
        doc = extractor.extract(data, name=name, kind="cv")
    except ReadError as exc:
        assert exc.status in STATUSES | {"encrypted", "no_text_layer", "not_found"}
    else:
        assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)
    assert time.monotonic() - started < BUDGET_S
