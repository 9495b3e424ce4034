"""`Extractor(limits=...)`: parsing in resource-limited worker processes, for the library and the webhook.

The misbehaving parsers are `misbehaving_reader` below, which the workers import from this module (a pool takes a
`reader`), so no test hook lives in the library. No test asserts speed: only that a bound is enforced (with a
generous upper bound on wall time where a timeout is the point).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

try:
    from conftest import needs_shared
except ImportError:  # in a parse worker, which imports this module for its reader: another conftest came first
    needs_shared = None  # type: ignore[assignment]
from pipeline import Extractor
from pipeline.errors import ReadError
from pipeline.isolation import ParsePool
from pipeline.outcome import Limits
from pipeline.readers import STATUSES, read

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs"
MARGIN_S = 15  # wall time allowed beyond a timeout: worker start, kill and reap on a slow, busy machine


def misbehaving_reader(data: bytes, name: str, pdf_engine: str, ocr: str):
    """`pipeline.readers.read`, unless the bytes start with an instruction: hang, eat memory, abort, or start
    a program and hang (writing the program's pid to the file named after SPAWN)."""
    if data.startswith(b"HANG"):
        time.sleep(600)
    if data.startswith(b"HOG"):
        return bytearray(3 * 2**30)  # over any memory_mb a test gives
    if data.startswith(b"ABORT"):
        os.abort()
    if data.startswith(b"SPAWN "):
        child = subprocess.Popen(["sleep", "600"])
        Path(data[6:].decode().strip()).write_text(str(child.pid))
        time.sleep(600)
    return read(data, name, pdf_engine, ocr)


def bounded(limits: Limits, size: int = 1) -> Extractor:
    """An Extractor with limits whose workers parse with `misbehaving_reader`."""
    extractor = Extractor(limits=limits)
    extractor.parse_pool = ParsePool(limits, size, reader=misbehaving_reader)
    return extractor


def status_of(extractor: Extractor, data: bytes, name: str = "cv.txt") -> str:
    try:
        extractor.extract(data, kind="cv", name=name)
    except ReadError as exc:
        return exc.status
    return "ok"


def skills(doc) -> set[str]:
    return {m.skill_id for m in doc.mentions}


def gone(pid: int) -> bool:
    """The process has exited (a zombie that its new parent has not reaped yet counts as exited)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.fixture(scope="module")
def plain():
    return Extractor()


def sample_files() -> list[Path]:
    found = [next(SAMPLES.rglob(f"*{suffix}"), None) for suffix in (".pdf", ".docx", ".txt", ".html", ".rtf", ".odt")]
    return [path for path in found if path is not None]


def test_without_limits_nothing_changes_and_no_process_starts(plain, monkeypatch):
    assert plain.limits is None and plain.parse_pool is None

    def no_processes(*args, **kwargs):
        raise AssertionError("an Extractor without limits started a process")

    monkeypatch.setattr(subprocess, "Popen", no_processes)
    path = sample_files()[0]
    assert plain.extract(path, kind="cv").mentions
    with pytest.raises(ReadError) as exc:
        plain.extract(b"%PDF-1.4\n" + bytes(range(256)) * 8, name="cv.pdf")
    assert exc.value.status == "malformed"


def test_bounded_documents_equal_unbounded_ones(plain):
    files = sample_files()
    assert len(files) >= 3
    with Extractor(limits=Limits()) as guarded:
        for path in files:
            assert guarded.extract(path) == plain.extract(path), path
            data = path.read_bytes()
            assert guarded.extract(data, name=path.name) == plain.extract(data, name=path.name), path
        assert guarded.extract("Python en SQL", kind="cv") == plain.extract("Python en SQL", kind="cv")
        assert guarded.parse_pool is not None and 1 <= guarded.parse_pool.workers <= guarded.parse_pool.size


def test_reader_errors_keep_their_status_and_reason(plain):
    garbage = b"%PDF-1.4\n" + bytes(range(256)) * 8
    with pytest.raises(ReadError) as unbounded:
        plain.extract(garbage, name="cv.pdf")
    with Extractor(limits=Limits()) as guarded, pytest.raises(ReadError) as isolated:
        guarded.extract(garbage, name="cv.pdf")
    assert (isolated.value.status, isolated.value.reason) == (unbounded.value.status, unbounded.value.reason)
    with Extractor(limits=Limits()) as guarded, pytest.raises(ReadError) as missing:
        guarded.extract(Path("/nonexistent/cv.pdf"))
    assert missing.value.status == "not_found"


def test_a_hanging_parser_times_out_and_the_next_document_works(small_taxonomy):
    with bounded(Limits(timeout_s=1.5)) as extractor:
        started = time.monotonic()
        with pytest.raises(ReadError) as exc:
            extractor.extract(b"HANG", name="cv.pdf")
        assert time.monotonic() - started < 1.5 + MARGIN_S
        assert (exc.value.status, exc.value.reason) == ("timeout", "parsing took longer than 1.5 s")
        assert "hard.python" in skills(extractor.extract(b"Python en SQL", kind="cv", name="cv.txt"))
        assert extractor.parse_pool is not None and extractor.parse_pool.workers == 1


def test_a_timeout_kills_the_programs_the_parser_started(small_taxonomy, tmp_path):
    pid_file = tmp_path / "child.pid"
    with bounded(Limits(timeout_s=2)) as extractor:
        assert status_of(extractor, b"SPAWN " + str(pid_file).encode()) == "timeout"
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while not gone(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert gone(child), "the program the parser started outlived the timeout"


def test_a_memory_hog_gets_resource_limit_and_the_next_document_works(small_taxonomy):
    with bounded(Limits(memory_mb=200)) as extractor:
        with pytest.raises(ReadError) as exc:
            extractor.extract(b"HOG", name="cv.docx")
        assert (exc.value.status, exc.value.reason) == ("resource_limit", "parsing needed more than 200 MB")
        assert status_of(extractor, b"Python en SQL") == "ok"


def test_a_crashing_parser_gets_resource_limit_and_the_next_document_works(small_taxonomy):
    with bounded(Limits()) as extractor:
        with pytest.raises(ReadError) as exc:
            extractor.extract(b"ABORT", name="cv.pdf")
        assert exc.value.status == "resource_limit"
        assert exc.value.reason == "the parser process died twice (signal 6)"
        assert status_of(extractor, b"Python en SQL") == "ok"


def test_size_and_length_caps_are_too_large(small_taxonomy):
    with Extractor(limits=Limits(max_file_mb=0.001, max_chars=50)) as extractor:
        assert status_of(extractor, b"Python " * 400) == "too_large"  # 2.8 KB: over the file cap
        assert status_of(extractor, b"Python " * 20) == "too_large"  # 140 characters: over the text cap
        with pytest.raises(ReadError) as exc:
            extractor.extract("Python " * 20, kind="cv")  # text given as a str is capped too
        assert exc.value.reason == "140 characters (the limit is 50)"
        assert status_of(extractor, b"Python en SQL") == "ok"


def test_concurrent_threads_each_get_their_own_result(small_taxonomy):
    texts = {i: ("Python" if i % 2 else "Java") + f" en SQL, kandidaat {i}" for i in range(10)}
    results: dict[int, object] = {}

    def work(i: int) -> None:
        try:
            data = b"HANG" if i == 3 else texts[i].encode()
            results[i] = extractor.extract(data, kind="cv", name=f"cv{i}.txt")
        except ReadError as exc:
            results[i] = exc.status

    with bounded(Limits(timeout_s=3), size=3) as extractor:
        threads = [threading.Thread(target=work, args=(i,)) for i in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert extractor.parse_pool is not None and extractor.parse_pool.workers <= 3
    assert results.pop(3) == "timeout"
    assert len(results) == 9
    for i, doc in results.items():
        assert getattr(doc, "text", None) == texts[i], i
        assert ("hard.python" if i % 2 else "hard.java") in skills(doc)


def pdf_bomb(inflated_mb: int) -> bytes:
    """A one-page PDF whose content stream inflates to `inflated_mb` MB of spaces (as `test_batch.pdf_bomb`, but
    compressed a megabyte at a time, so that making it does not raise this process's peak memory)."""
    packer = zlib.compressobj(9)
    stream = b"".join(packer.compress(b" " * 2**20) for _ in range(inflated_mb)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_bomb_is_bounded_and_the_caller_stays_small(small_taxonomy):
    bomb = pdf_bomb(1024)  # about 1 MB that inflates to 1 GiB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with Extractor(limits=Limits(timeout_s=20, memory_mb=256)) as extractor:
        started = time.monotonic()
        status = status_of(extractor, bomb, "bomb.pdf")
        assert time.monotonic() - started < 20 + MARGIN_S
        assert status in {"resource_limit", "timeout", "too_large", "no_text_layer"}
        assert status_of(extractor, b"Python en SQL") == "ok"
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024 < 100


@pytest.mark.shared
def test_hostile_corpus_gets_a_status_for_every_file(small_taxonomy):
    corpus = needs_shared("bad-inputs")
    files = sorted(p for folder in ("pdfminer", "pdfplumber", "poi_docx") for p in (corpus / folder).iterdir())
    files += [corpus / "qpdf" / name for name in ("issue-120.pdf", "issue-149.pdf") if (corpus / "qpdf" / name).exists()]
    files += [corpus / "pdfjs" / name for name in ("bomb_giant.pdf", "operator_list_cycle.pdf")
              if (corpus / "pdfjs" / name).exists()]
    with Extractor(limits=Limits(timeout_s=30, memory_mb=512), parse_workers=2) as extractor:
        for path in files:
            try:
                extractor.extract(path, kind="cv")
            except ReadError as exc:
                assert exc.status in STATUSES and exc.reason and "\n" not in exc.reason, path
        assert status_of(extractor, b"Python en SQL") == "ok"


def test_a_batch_of_a_bounded_extractor_parses_in_its_own_workers(small_taxonomy, tmp_path):
    from pipeline.batch import extract_batch

    paths = []
    for i, text in enumerate(["Python en SQL", "Java", "Excel"]):
        paths.append(tmp_path / f"cv{i}.txt")
        paths[-1].write_text(text)
    with Extractor(limits=Limits()) as extractor:
        results = list(extract_batch(extractor, paths, "cv", workers=2))
        assert results == [Extractor().extract(p, kind="cv") for p in paths]
        assert extractor.parse_pool is not None and extractor.parse_pool.workers == 0  # forked copies parsed


def test_workers_exit_when_their_parent_is_killed(tmp_path):
    script = ("import sys, time\n"
              "from pipeline.isolation import ParsePool\n"
              "from pipeline.outcome import Limits\n"
              "pool = ParsePool(Limits(), 1)\n"
              "pool.start()\n"
              "print(next(iter(pool._workers)).process.pid, flush=True)\n"
              "time.sleep(600)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[1])
    try:
        worker = int(parent.stdout.readline())
        assert not gone(worker)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    while not gone(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert gone(worker)


def test_closing_stops_the_workers_and_a_later_document_starts_them_again(small_taxonomy):
    extractor = Extractor(limits=Limits(), parse_workers=2)
    extractor.start_workers()
    pool = extractor.parse_pool
    assert pool is not None and pool.workers == 2
    extractor.close()
    assert pool.workers == 0
    assert status_of(extractor, b"Python en SQL") == "ok"
    extractor.close()


def test_json_nested_too_deeply_is_a_status_not_a_recursion_error(plain):
    with pytest.raises(ReadError) as exc:
        plain.extract(b"[" * 100_000, name="cv.json")
    assert exc.value.status == "unsupported"
    with pytest.raises(ReadError):
        plain.extract(b'{"text": "Python", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", name="cv.json")


def test_a_pickled_pool_is_a_fresh_one_with_the_same_settings():
    import pickle

    limits = Limits(timeout_s=5, memory_mb=300)
    with ParsePool(limits, 2, reader=misbehaving_reader) as pool:
        pool.start()
        copy = pickle.loads(pickle.dumps(pool))
        assert (copy.limits, copy.size, copy.reader, copy.workers) == (limits, 2, misbehaving_reader, 0)
        copy.close()
