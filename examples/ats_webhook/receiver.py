"""A minimal ATS webhook receiver for skillfit, using only the standard library (plus skillfit).

    SKILLFIT_WEBHOOK_SECRET=... python receiver.py --port 8080 --secret-env SKILLFIT_WEBHOOK_SECRET \
        [--timeout 60] [--max-memory 1024] [--parse-workers N]

POST /webhook with a JSON body, either the CV as text or as a base64-encoded file:

    {"event_id": "evt-1", "candidate": {"id": "c-42", "cv_text": "Werkervaring ..."}}
    {"event_id": "evt-2", "candidate": {"id": "c-43", "cv_base64": "JVBERi0...", "filename": "cv.pdf"}}

and the header ``X-Skillfit-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the shared secret>``.

Replies (JSON bodies):
    200  the extract contract for the CV (``Extractor.to_dict``), exactly as ``skillfit extract`` prints it
    200  {"duplicate": true, "event_id": ...} for an event_id already processed
    400  body is not JSON (also: nested too deeply, not UTF-8, a lone surrogate escape such as "\ud800"), or
         fields are missing or of the wrong type, or cv_base64 is not base64
    401  signature header missing or wrong
    404  any path other than /webhook
    409  the same event_id is being processed right now (retry later; Retry-After is set)
    411  no Content-Length (chunked uploads are not accepted)
    413  body over 10 MB
    422  {"status": ..., "error": ...}: the CV cannot be read (pipeline.readers.STATUSES: malformed, encrypted,
         no_text_layer, empty, unsupported, too_large, timeout, resource_limit, ...), with a one-line reason.
         A retry of the same event is processed again.
    500  anything else; the event is not marked as processed, so the sender may retry

One Extractor is built at start-up and shared by all request threads (it holds no per-document state). It is
built with `limits` (`pipeline.outcome.Limits`, the CLI's defaults: 60 s and 1024 MB per document), so every
uploaded file is parsed in a small pool of worker processes (`pipeline.isolation`): a file that hangs the parser
is killed after --timeout s (422, status "timeout"), one that needs more than --max-memory MB or crashes the
parser gets 422 "resource_limit", and neither stalls other requests or /healthz.
An event_id counts as processed only after a 200; with --dedup-db the processed ids survive restarts.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
import signal
import sqlite3
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from pipeline import Extractor
from pipeline.errors import ReadError
from pipeline.outcome import Limits

MAX_BODY = 10 * 1024 * 1024
SIGNATURE_HEADER = "X-Skillfit-Signature"
log = logging.getLogger("skillfit.webhook")


def sign(body: bytes, secret: bytes) -> str:
    """The signature header value for `body`: what the sender computes, and what we check."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def signature_ok(body: bytes, header: str | None, secret: bytes) -> bool:
    """Constant-time comparison of the received header with the expected signature."""
    if not header:
        return False
    given = header.strip().lower().encode("utf-8", "surrogateescape")
    return hmac.compare_digest(sign(body, secret).encode("ascii"), given)


class Deduplicator:
    """Which event_ids have been processed (and which are in flight), behind one lock.

    In memory by default; with `path`, processed ids are also kept in a small SQLite file so that a
    redelivery after a restart is still recognised.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self._lock = threading.Lock()
        self._done: set[str] = set()
        self._in_flight: set[str] = set()
        self._db: sqlite3.Connection | None = None
        self.path = Path(path) if path else None
        if path:
            self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self._db.execute("CREATE TABLE IF NOT EXISTS processed_events ("
                             "event_id TEXT PRIMARY KEY, candidate_id TEXT, processed_at REAL)")
            self._done.update(row[0] for row in self._db.execute("SELECT event_id FROM processed_events"))

    def claim(self, event_id: str) -> str:
        """'new' (the caller now owns the event), 'duplicate' (already processed) or 'in_flight'."""
        with self._lock:
            if event_id in self._done:
                return "duplicate"
            if event_id in self._in_flight:
                return "in_flight"
            self._in_flight.add(event_id)
            return "new"

    def done(self, event_id: str, candidate_id: str) -> None:
        """Mark a claimed event as processed."""
        with self._lock:
            if self._db is not None:
                self._db.execute("INSERT OR IGNORE INTO processed_events VALUES (?, ?, ?)",
                                 (event_id, candidate_id, time.time()))
            self._done.add(event_id)
            self._in_flight.discard(event_id)

    def release(self, event_id: str) -> None:
        """Give up a claim without marking it processed (the sender's retry will be processed)."""
        with self._lock:
            self._in_flight.discard(event_id)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class BadRequest(Exception):
    """The payload is not what the webhook expects (-> 400)."""


def parse_payload(body: bytes) -> tuple[str, str, str | bytes, str | None]:
    """(event_id, candidate_id, CV text or file bytes, filename) from the raw body, or BadRequest."""
    try:
        payload = json.loads(body)
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError (not UTF-8/16/32)
        raise BadRequest(f"body is not valid JSON: {one_line(exc)}") from None
    except RecursionError:
        raise BadRequest("body is not valid JSON: nested too deeply") from None
    try:
        json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # "\ud800": valid JSON, but no text that can be stored or answered
        raise BadRequest("body is not valid JSON: a string holds a lone surrogate escape") from None
    if not isinstance(payload, dict):
        raise BadRequest("body must be a JSON object")
    event_id, candidate = payload.get("event_id"), payload.get("candidate")
    if not isinstance(event_id, str) or not event_id.strip():
        raise BadRequest("event_id must be a non-empty string")
    if not isinstance(candidate, dict):
        raise BadRequest("candidate must be an object")
    candidate_id = candidate.get("id")
    if not isinstance(candidate_id, (str, int)) or isinstance(candidate_id, bool) or str(candidate_id) == "":
        raise BadRequest("candidate.id must be a string or number")
    filename = candidate.get("filename")
    if filename is not None and not isinstance(filename, str):
        raise BadRequest("candidate.filename must be a string")
    if isinstance(candidate.get("cv_text"), str):
        return event_id, str(candidate_id), candidate["cv_text"], filename
    if isinstance(candidate.get("cv_base64"), str):
        try:
            data = base64.b64decode(candidate["cv_base64"], validate=True)
        except (binascii.Error, ValueError):
            raise BadRequest("candidate.cv_base64 is not valid base64") from None
        return event_id, str(candidate_id), data, filename or "cv"
    raise BadRequest("candidate needs cv_text (string) or cv_base64 (string, with filename)")


def one_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


class WebhookServer(ThreadingHTTPServer):
    """A threading HTTP server carrying the shared state the handlers use."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], secret: bytes, extractor: Extractor,
                 dedup: Deduplicator | None = None, jsonl: str | Path | None = None) -> None:
        if not secret:
            raise ValueError("the webhook secret must not be empty")
        super().__init__(address, WebhookHandler)
        self.secret = secret
        self.extractor = extractor
        self.dedup = dedup or Deduplicator()
        self.jsonl = Path(jsonl) if jsonl else None
        self.jsonl_lock = threading.Lock()

    def record(self, event_id: str, candidate_id: str, result: dict[str, Any]) -> None:
        """Append one line per processed event to the JSONL file, if one was given."""
        if self.jsonl is None:
            return
        line = json.dumps({"event_id": event_id, "candidate_id": candidate_id, "received_at": time.time(),
                           "extract": result}, ensure_ascii=False)
        with self.jsonl_lock, self.jsonl.open("a", encoding="utf-8") as f:
            f.write(line + "\n")

    def server_close(self) -> None:
        super().server_close()
        self.dedup.close()
        self.extractor.close()  # its parse workers, if it has limits


class WebhookHandler(BaseHTTPRequestHandler):
    server: WebhookServer
    server_version = "skillfit-webhook/0.1"
    timeout = 30  # seconds a client may take to send its request; stops slow senders holding a thread

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path.split("?", 1)[0] != "/webhook":
            return self.reply(404, {"error": "not found"})
        length = self.headers.get("Content-Length")
        if length is None:
            return self.reply(411, {"error": "Content-Length required"})
        try:
            size = int(length)
        except ValueError:
            return self.reply(400, {"error": "bad Content-Length"})
        if size < 0:
            return self.reply(400, {"error": "bad Content-Length"})
        if size > MAX_BODY:
            # Refuse before reading a byte; the connection is closed so the unread body does not linger.
            return self.reply(413, {"error": f"body over {MAX_BODY} bytes"})
        body = self.rfile.read(size)
        if len(body) != size:
            return self.reply(400, {"error": "body shorter than Content-Length"})
        # Authenticate before looking at the content, so an unsigned sender learns nothing.
        if not signature_ok(body, self.headers.get(SIGNATURE_HEADER), self.server.secret):
            return self.reply(401, {"error": "bad or missing signature"})
        try:
            event_id, candidate_id, cv, filename = parse_payload(body)
        except BadRequest as exc:
            return self.reply(400, {"error": str(exc)})

        claim = self.server.dedup.claim(event_id)
        if claim == "duplicate":
            return self.reply(200, {"duplicate": True, "event_id": event_id})
        if claim == "in_flight":
            return self.reply(409, {"error": "this event is being processed", "event_id": event_id},
                              {"Retry-After": "5"})
        try:
            if isinstance(cv, str) and not cv.strip():
                raise ReadError("empty", "cv_text is empty")
            doc = self.server.extractor.extract(cv, kind="cv", name=filename)
            result = self.server.extractor.to_dict(doc)
            self.server.record(event_id, candidate_id, result)
        except ReadError as exc:
            self.server.dedup.release(event_id)
            log.info("event %s: CV not readable (%s)", event_id, exc.status)
            return self.reply(422, {"status": exc.status, "error": exc.reason, "event_id": event_id})
        except Exception:
            self.server.dedup.release(event_id)
            log.exception("event %s: extraction failed", event_id)
            return self.reply(500, {"error": "internal error", "event_id": event_id})
        self.server.dedup.done(event_id, candidate_id)
        log.info("event %s: candidate %s, %d skills", event_id, candidate_id, len(result["skills"]))
        return self.reply(200, result)

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/healthz":
            return self.reply(200, {"ok": True})
        return self.reply(404, {"error": "not found"})

    def reply(self, code: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        try:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate that got this far: escaped, the answer still goes out
            body = json.dumps(payload).encode("ascii")
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if code >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        # Request lines only (method, path, status): never bodies, which hold personal data.
        log.debug("%s %s", self.address_string(), format % args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Receive ATS webhooks and extract skills with skillfit.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--secret-env", default="SKILLFIT_WEBHOOK_SECRET",
                        help="name of the environment variable holding the shared HMAC secret")
    parser.add_argument("--dedup-db", help="SQLite file remembering processed event ids across restarts")
    parser.add_argument("--jsonl", help="append every extraction result to this JSONL file")
    parser.add_argument("--taxonomy", action="append", default=[], help="extra taxonomy file (repeatable)")
    parser.add_argument("--timeout", type=float, default=Limits.timeout_s,
                        help="seconds one file may take to parse (default: %(default)s; then 422 timeout)")
    parser.add_argument("--max-memory", type=int, default=Limits.memory_mb,
                        help="MB one file's parser may use (default: %(default)s; then 422 resource_limit)")
    parser.add_argument("--parse-workers", type=int, default=None,
                        help="files parsed at once, each in its own process (default: one per core, at most 4)")
    parser.add_argument("-v", "--verbose", action="store_true", help="also log every request line")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s")
    secret = os.environ.get(args.secret_env, "")
    if not secret:
        print(f"error: environment variable {args.secret_env} is not set or empty", file=sys.stderr)
        return 2
    # Built once, shared by every request thread; uploads are parsed in worker processes under these limits.
    extractor = Extractor(taxonomy_files=args.taxonomy, limits=Limits(timeout_s=args.timeout, memory_mb=args.max_memory),
                          parse_workers=args.parse_workers)
    extractor.start_workers()  # now, rather than in the first requests
    server = WebhookServer((args.host, args.port), secret.encode("utf-8"), extractor,
                           Deduplicator(args.dedup_db), args.jsonl)
    log.info("listening on http://%s:%d/webhook", *server.server_address[:2])
    # SIGTERM (systemd, docker stop) stops like Ctrl-C: finish the current requests, close the SQLite file.
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
