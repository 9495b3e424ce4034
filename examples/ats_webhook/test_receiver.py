"""The webhook receiver end to end: a real server on a free localhost port, real signed HTTP requests."""

from __future__ import annotations

import base64
import http.client
import io
import json
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from receiver import MAX_BODY, SIGNATURE_HEADER, Deduplicator, WebhookServer, sign  # noqa: E402

SECRET = b"test-secret-not-for-production"
CV_TEXT = "Werkervaring\nPython developer bij Acme: data pipelines in Python en SQL\n\nVaardigheden\nPython, SQL, Git\n"


def hanging_reader(data: bytes, name: str, pdf_engine: str, ocr: str):
    """The reader the parse workers of `guarded_server` use: it hangs on a file that starts with HANG."""
    from pipeline.readers import read

    if data.startswith(b"HANG"):
        time.sleep(600)
    return read(data, name, pdf_engine, ocr)


def serve(tmp_path_factory, name: str, limits, reader=None):
    """A server on a free port, serving from a background thread, with an Extractor under `limits`."""
    tmp = tmp_path_factory.mktemp(name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SKILLFIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "skillfit-cache"))
        from pipeline import Extractor
        from pipeline.isolation import ParsePool

        extractor = Extractor(limits=limits, parse_workers=2)  # as receiver.main builds it
        if reader is not None:
            extractor.parse_pool = ParsePool(limits, 2, reader=reader)
        srv = WebhookServer(("127.0.0.1", 0), SECRET, extractor, Deduplicator(tmp / "events.sqlite"),
                            jsonl=tmp / "results.jsonl")
        thread = threading.Thread(target=srv.serve_forever, daemon=True)
        thread.start()
        try:
            yield srv
        finally:
            srv.shutdown()
            srv.server_close()
            thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server (and one Extractor, with the default limits) for the module."""
    from pipeline.outcome import Limits

    yield from serve(tmp_path_factory, "webhook", Limits())


@pytest.fixture(scope="module")
def guarded_server(tmp_path_factory):
    """A server whose parse workers hang on a file starting with HANG, with a 2 s parse time limit."""
    from pipeline.outcome import Limits

    yield from serve(tmp_path_factory, "webhook-guarded", Limits(timeout_s=2), hanging_reader)


def post(server, payload, secret: bytes = SECRET, raw: bytes | None = None, headers: dict | None = None):
    """POST to /webhook; returns (status, parsed JSON body)."""
    body = raw if raw is not None else json.dumps(payload).encode("utf-8")
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=120)
    try:
        conn.request("POST", "/webhook", body=body,
                     headers={"Content-Type": "application/json", SIGNATURE_HEADER: sign(body, secret),
                              **(headers or {})})
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        conn.close()


def skill_ids(result) -> set[str]:
    return {s["skill_id"] for s in result["skills"]}


def make_pdf(lines: list[str]) -> bytes:
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    buf = io.BytesIO()
    canvas = canvas_mod.Canvas(buf)
    y = 800
    for line in lines:
        canvas.drawString(72, y, line)
        y -= 18
    canvas.save()
    return buf.getvalue()


def test_signed_text_cv_returns_the_extract_contract(server):
    status, result = post(server, {"event_id": "evt-text-1", "candidate": {"id": "c-1", "cv_text": CV_TEXT}})
    assert status == 200, result
    assert {"hard.python", "hard.sql"} <= skill_ids(result)
    assert set(result) >= {"doc_id", "kind", "language", "skills", "skillfit_version", "taxonomy_hash"}
    assert result["kind"] == "cv"
    python = next(s for s in result["skills"] if s["skill_id"] == "hard.python")
    assert CV_TEXT[python["start"]:python["end"]] == python["text"]


def test_same_event_again_is_a_duplicate(server):
    payload = {"event_id": "evt-dup", "candidate": {"id": "c-2", "cv_text": CV_TEXT}}
    first = post(server, payload)
    assert first[0] == 200 and "skills" in first[1]
    assert post(server, payload) == (200, {"duplicate": True, "event_id": "evt-dup"})
    # Dedup is by event_id, not by content: the ATS resending it with a different body is still a repeat.
    changed = {"event_id": "evt-dup", "candidate": {"id": "c-2", "cv_text": "Java"}}
    assert post(server, changed)[1]["duplicate"] is True


def test_bad_or_missing_signature_is_401(server):
    payload = {"event_id": "evt-bad-sig", "candidate": {"id": "c-3", "cv_text": CV_TEXT}}
    assert post(server, payload, secret=b"wrong-secret")[0] == 401
    assert post(server, payload, headers={SIGNATURE_HEADER: ""})[0] == 401
    assert post(server, payload, headers={SIGNATURE_HEADER: "sha256=zz"})[0] == 401
    # A rejected delivery is not remembered: the correctly signed one is processed.
    status, result = post(server, payload)
    assert status == 200 and "hard.python" in skill_ids(result)


def test_signature_covers_the_exact_bytes(server):
    body = json.dumps({"event_id": "evt-bytes", "candidate": {"id": "c-4", "cv_text": CV_TEXT}}).encode()
    signed_for_other = sign(body + b" ", SECRET)
    assert post(server, None, raw=body, headers={SIGNATURE_HEADER: signed_for_other})[0] == 401


def test_base64_pdf_is_read(server):
    pdf = make_pdf(["Anna de Vries", "Werkervaring", "Data engineer bij Bol: Python en SQL",
                    "Vaardigheden", "Python, SQL, Docker"])
    payload = {"event_id": "evt-pdf", "candidate": {"id": "c-5", "cv_base64": base64.b64encode(pdf).decode(),
                                                    "filename": "cv.pdf"}}
    status, result = post(server, payload)
    assert status == 200, result
    assert {"hard.python", "hard.sql"} <= skill_ids(result)
    assert result["source"] == "cv.pdf"


def test_garbage_pdf_is_422_malformed_and_can_be_retried(server):
    garbage = b"%PDF-1.4\n" + bytes(range(256)) * 8
    payload = {"event_id": "evt-garbage", "candidate": {"id": "c-6", "cv_base64": base64.b64encode(garbage).decode(),
                                                        "filename": "cv.pdf"}}
    status, result = post(server, payload)
    assert status == 422
    assert result["status"] == "malformed" and result["error"]
    # Not marked as processed: a retry is read again (and fails again), not answered "duplicate".
    assert post(server, payload)[0] == 422


def test_empty_text_cv_is_422_empty(server):
    status, result = post(server, {"event_id": "evt-empty", "candidate": {"id": "c-7", "cv_text": "  \n"}})
    assert (status, result["status"]) == (422, "empty")


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b'{"candidate": {"id": "x", "cv_text": "Python"}}',
                                 b'{"event_id": "e", "candidate": {"id": "x"}}',
                                 b'{"event_id": "e", "candidate": {"id": "x", "cv_base64": "***"}}',
                                 b"\xff\xfe not utf-8", b"\xc3\x28 not utf-8 either", b"[" * 100_000,
                                 b'{"event_id": "e", "candidate": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001,
                                 b'{"event_id": "e", "candidate": {"id": ' + b"9" * 5000 + b', "cv_text": "Python"}}',
                                 b'{"event_id": "\\ud800", "candidate": {"id": "x", "cv_text": "Python"}}'])
def test_malformed_payloads_are_400(server, raw):
    status, result = post(server, None, raw=raw)
    assert status == 400 and result["error"]


def test_body_over_10_mb_is_413_without_reading_it(server):
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.putrequest("POST", "/webhook")
        conn.putheader("Content-Length", str(MAX_BODY + 1))
        conn.putheader(SIGNATURE_HEADER, "sha256=00")
        conn.endheaders()  # no body sent: the server must answer from the header alone
        assert conn.getresponse().status == 413
    finally:
        conn.close()


def test_other_paths_are_404(server):
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request("POST", "/other", body=b"{}")
        assert conn.getresponse().status == 404
    finally:
        conn.close()


def test_concurrent_deliveries_share_one_extractor(server):
    results: list[tuple[int, dict]] = []
    lock = threading.Lock()

    def send(i: int) -> None:
        got = post(server, {"event_id": f"evt-par-{i}", "candidate": {"id": f"c-{i}", "cv_text": CV_TEXT}})
        with lock:
            results.append(got)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(results) == 8
    assert all(status == 200 and "hard.python" in skill_ids(body) for status, body in results)


def test_processed_events_are_logged_and_survive_a_restart(server):
    assert post(server, {"event_id": "evt-log", "candidate": {"id": "c-log", "cv_text": CV_TEXT}})[0] == 200
    lines = [json.loads(line) for line in server.jsonl.read_text(encoding="utf-8").splitlines()]
    logged = [line for line in lines if line["event_id"] == "evt-log"]
    assert len(logged) == 1 and logged[0]["candidate_id"] == "c-log"
    assert "hard.python" in skill_ids(logged[0]["extract"])
    again = Deduplicator(server.dedup.path)  # a restarted receiver reading the same SQLite file
    try:
        assert again.claim("evt-log") == "duplicate"
        assert again.claim("evt-never-seen") == "new"
    finally:
        again.close()


def test_a_hanging_upload_gets_422_timeout_and_stalls_nothing_else(guarded_server):
    hostile = {"event_id": "evt-hang", "candidate": {"id": "c-hang", "filename": "cv.pdf",
                                                     "cv_base64": base64.b64encode(b"HANG" + b" " * 100).decode()}}
    answer: list = []
    started = time.monotonic()
    sender = threading.Thread(target=lambda: answer.append(post(guarded_server, hostile)))
    sender.start()
    time.sleep(0.3)  # the hostile upload is being parsed now
    host, port = guarded_server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request("GET", "/healthz")
        assert conn.getresponse().status == 200
    finally:
        conn.close()
    pdf = make_pdf(["Werkervaring", "Data engineer: Python en SQL"])
    status, result = post(guarded_server, {"event_id": "evt-beside-hang", "candidate": {
        "id": "c-ok", "filename": "cv.pdf", "cv_base64": base64.b64encode(pdf).decode()}})
    assert status == 200 and "hard.python" in skill_ids(result)
    assert post(guarded_server, {"event_id": "evt-text-beside-hang", "candidate": {"id": "c-t", "cv_text": CV_TEXT}})[0] == 200
    assert sender.is_alive(), "the hostile upload should still be parsing (raise its hang or lower the timeout)"
    sender.join(timeout=60)
    assert time.monotonic() - started < 2 + 30
    status, result = answer[0]
    assert (status, result["status"], result["error"]) == (422, "timeout", "parsing took longer than 2 s")
    # The worker was replaced: the next upload is parsed.
    status, result = post(guarded_server, {"event_id": "evt-after-hang", "candidate": {
        "id": "c-after", "filename": "cv.pdf", "cv_base64": base64.b64encode(pdf).decode()}})
    assert status == 200 and "hard.sql" in skill_ids(result)
