"""Parsing in a small pool of resource-limited worker processes, for the library (`Extractor(limits=...)`).

`pipeline.batch` isolates a whole CLI batch by forking workers that run the full extraction. A library caller
(an ATS integration, the webhook example) extracts one document at a time, often from several threads, so it
needs something else: `ParsePool` keeps up to `size` long-lived worker processes that only PARSE (bytes or a
file to text, plus what the reader returns: OCR spans), while the text stages keep running in the calling
thread. Parsing is where native code runs (PDFium, pdfplumber, lxml, striprtf, Tesseract), so that is what
needs the bound; the stages after it are linear-time Python.

- Each worker is a fresh interpreter started as `subprocess` does it (fork and exec at once, like
  multiprocessing's spawn), never a bare fork: the caller may be threaded (an HTTP server), and forking a
  threaded process can deadlock the child. Unlike spawn and forkserver, it never imports the caller's
  `__main__`. It imports the readers (`PRELOAD`) before it says it is ready; that is most of its start-up (a
  few tenths of a second), paid once per worker, as workers are long-lived.
- Each worker leads a session and process group of its own and, for every document, lets its address space
  grow by at most `limits.memory_mb` from its size when the document arrives (RLIMIT_AS, as in
  `pipeline.batch`); the limit is lifted again to send the text back.
- A document that takes longer than `limits.timeout_s` gets its worker's whole process group killed (the
  programs a reader runs, such as Tesseract, with it): ReadError `timeout`. A MemoryError in the worker is
  ReadError `resource_limit`; a worker that dies (an abort in native code, the OOM killer) is replaced and the
  document tried once more in a fresh worker, then it is `resource_limit` too. The statuses and reasons are
  those of `pipeline.batch` and `pipeline.outcome`. A dead worker is always replaced: the next document works.
- Size and length caps (`limits.max_file_mb`, `limits.max_chars`) give ReadError `too_large`, as in a batch.
- Thread-safe: each call borrows an idle worker (waiting while all `size` are busy) and gives it back after.
- A worker whose parent dies sees its socket close and exits.
- In a forked copy of the owning process (`extract_batch`'s workers, which are isolated themselves) the pool's
  sockets belong to the parent, so parsing happens in-process there.
"""

from __future__ import annotations

import faulthandler
import importlib
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import weakref
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import ReadError, SkillfitError

if TYPE_CHECKING:
    from pipeline.outcome import Limits
    from pipeline.readers import Read

ReadFunction = Callable[[bytes, str, str, str], "Read"]  # (data, name, pdf_engine, ocr) -> Read
DOCUMENTS_PER_WORKER = 500  # a worker is replaced after this many documents, so no slow memory growth adds up
START_TIMEOUT_S = 60.0  # a worker that has not said "ready" by then is given up (a machine out of processes)
# Imported by every worker before it takes a document, so that their import is counted in no document's
# memory allowance or time.
PRELOAD = ("pipeline.readers", "pipeline.readers.pdf", "pipeline.readers.docx", "pipeline.readers.html",
           "pipeline.readers.rtf", "pipeline.readers.odt", "pipeline.readers.ocr", "pypdfium2", "pdfplumber", "docx",
           "lxml.etree")
WORKER_CODE = "import sys; sys.path[:0] = [sys.argv[1]]; from pipeline.isolation import _main; _main(int(sys.argv[2]))"


def default_size() -> int:
    """Workers in a pool when the caller does not say: one per core, at most 4 (a pool serves one process)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def timeout_reason(limits: Limits) -> str:
    return f"parsing took longer than {limits.timeout_s:g} s"


def memory_reason(memory_mb: int) -> str:
    return f"parsing needed more than {memory_mb} MB"


def size_check(nbytes: int, limits: Limits) -> None:
    """ReadError `too_large` for more than `limits.max_file_mb` (the message of `pipeline.outcome`)."""
    if nbytes > limits.max_file_mb * 2**20:
        raise ReadError("too_large", f"{nbytes / 2**20:.1f} MB (the limit is {limits.max_file_mb:g} MB)")


def length_check(text: str, limits: Limits) -> None:
    """ReadError `too_large` for text over `limits.max_chars` characters (the message of `pipeline.outcome`)."""
    if len(text) > limits.max_chars:
        raise ReadError("too_large", f"{len(text)} characters (the limit is {limits.max_chars})")


# --------------------------------------------------------------------------- the worker side


def _limit_memory(memory_mb: int) -> tuple[int, int] | None:
    """Let this process grow by at most `memory_mb` from its present size; returns the limit it had before."""
    try:
        with open("/proc/self/statm") as fh:
            size = int(fh.read().split()[0]) * resource.getpagesize()
        before = resource.getrlimit(resource.RLIMIT_AS)
        hard = before[1]
        soft = size + memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
        return before
    except (OSError, ValueError):
        return None  # no /proc or no RLIMIT_AS: the time limit still applies


def _parse(reader: ReadFunction | None, source: bytes | str, name: str, pdf_engine: str, ocr: str) -> Read:
    from pipeline.readers import fetch_bytes
    from pipeline.readers import read as read_document

    if isinstance(source, str):  # a path: read here, so the file's bytes need not cross the socket
        path = Path(source)
        source, name = fetch_bytes(path.read_bytes), path.name
    return (reader or read_document)(source, name, pdf_engine, ocr)


def _serve(conn: Connection, memory_mb: int, max_chars: int, reader: ReadFunction | None) -> None:
    """A worker's life: parse each request received until told to stop (None) or the parent goes away.

    Requests are (source, name, pdf_engine, ocr), with `source` the bytes or a path (str); replies are
    ("ok", Read) or ("error", status, reason). A text over `max_chars` is answered `too_large` here, so that it
    never crosses to the parent.
    """
    try:
        conn.send(("ready", os.getpid()))
        while True:
            request = conn.recv()  # EOFError when the parent has gone: only it holds the other end
            if request is None:
                break
            before = _limit_memory(memory_mb)  # per document: what earlier ones left behind does not count
            reply: tuple[Any, ...]
            try:
                result = _parse(reader, *request)
                if len(result[0]) > max_chars:
                    raise ReadError("too_large", f"{len(result[0])} characters (the limit is {max_chars})")
                reply = ("ok", result)
                del result
            except ReadError as exc:
                reply = ("error", exc.status, exc.reason)
            except MemoryError:
                reply = ("error", "resource_limit", memory_reason(memory_mb))
            except RecursionError:
                reply = ("error", "malformed", "structure nests too deeply (RecursionError)")
            except Exception as exc:  # a parser bug on a hostile file: the same one line as in a batch
                reply = ("error", "malformed", f"{type(exc).__name__}: {str(exc)[:150]}".splitlines()[0])
            if before is not None:
                try:
                    resource.setrlimit(resource.RLIMIT_AS, before)  # room to send the text back
                except (OSError, ValueError):
                    pass
            conn.send(reply)
            if reply[0] == "error" and reply[1] == "resource_limit":
                break  # after a MemoryError the heap may be in any state: a fresh worker takes over
    except (EOFError, OSError, KeyboardInterrupt):
        pass  # the parent went away
    finally:
        conn.close()
        os._exit(0)  # skip atexit and destructors: nothing here is ours to clean up


def _main(fd: int) -> None:
    """The worker program (`WORKER_CODE`), with `fd` its end of a socket pair to the parent."""
    faulthandler.disable()  # a parser that aborts is reported by the parent, not by a stack dump here
    conn = Connection(fd)
    try:
        sys.path[:] = conn.recv()  # the parent's, so that its readers (a test's too) import here as there
        memory_mb, max_chars, reader = conn.recv()
    except (EOFError, OSError):
        os._exit(0)
    except Exception as exc:  # the reader cannot be imported here
        try:
            conn.send(("failed", f"{type(exc).__name__}: {exc}".splitlines()[0]))
        finally:
            os._exit(1)
    for module in PRELOAD:
        try:
            importlib.import_module(module)
        except ImportError:
            pass
    _serve(conn, memory_mb, max_chars, reader)


# --------------------------------------------------------------------------- the parent side


class _Worker:
    """One parse worker process and the parent's end of its socket pair."""

    def __init__(self, limits: Limits, reader: ReadFunction | None) -> None:
        ours, theirs = socket.socketpair()
        package_root = str(Path(__file__).resolve().parent.parent)
        # a temp folder of its own (mode 0700), removed when it stops: one killed mid-OCR leaves the page's image
        # there, not in the shared temp folder
        self.tmp = tempfile.mkdtemp(prefix="skillfit-worker-")
        try:
            self.process = subprocess.Popen([sys.executable, "-c", WORKER_CODE, package_root, str(theirs.fileno())],
                                            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, start_new_session=True,
                                            env={**os.environ, "TMPDIR": self.tmp})
        except OSError as exc:
            ours.close()
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise SkillfitError(f"cannot start a parse worker: {exc}") from None
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self.documents = 0
        try:
            self.conn.send(list(sys.path))
            self.conn.send((limits.memory_mb, limits.max_chars, reader))
            ready = self.conn.recv() if self.conn.poll(START_TIMEOUT_S) else ("failed", "no answer")
        except (EOFError, OSError):
            ready = ("failed", "it exited")
        if ready[0] != "ready":
            self.stop(kill=True)
            raise SkillfitError(f"a parse worker did not start: {ready[1]}")

    def kill(self) -> None:
        """SIGKILL to the worker and every program it started (its process group)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:  # gone already
            pass

    def stop(self, kill: bool = False) -> None:
        """Ask the worker to exit (or kill it), and reap it."""
        if not kill:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                kill = True
        if kill:
            self.kill()
        try:
            self.process.wait(1)
        except subprocess.TimeoutExpired:
            self.kill()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                pass
        self.conn.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def death(self) -> str:
        """How the worker ended: "signal N" or "exit code N"."""
        try:
            code = self.process.wait(1)
        except subprocess.TimeoutExpired:
            return "still running"
        return f"signal {-code}" if code < 0 else f"exit code {code}"


def _stop_all(workers: set[_Worker], owner: int) -> None:
    if os.getpid() != owner:
        return  # a forked copy exiting: the workers are its parent's, still at work
    for worker in list(workers):
        try:
            worker.stop(kill=True)
        except Exception:  # at interpreter exit, anything may already be gone
            pass
    workers.clear()


class ParsePool:
    """Up to `size` parse-only worker processes under `limits` (a `pipeline.outcome.Limits`), shared by threads.

    `read(source, name, pdf_engine, ocr)` returns what `pipeline.readers.read` returns, or raises ReadError:
    `timeout`, `resource_limit`, `too_large` and every status the readers give. Workers start on first use (or
    with `start`) and stay until `close()`, until the pool is garbage-collected, or until the process exits.

    Args:
        limits: time, memory, size and length caps per document.
        size: the most workers (and so documents parsed at once); default `default_size()`.
        reader: what a worker calls instead of `pipeline.readers.read`: a module-level function with the same
            arguments (data, name, pdf_engine, ocr), importable from the caller's sys.path; for tests that need
            a parser that hangs, crashes or eats memory.
    """

    def __init__(self, limits: Limits, size: int | None = None, reader: ReadFunction | None = None) -> None:
        self.limits = limits
        self.size = max(1, size or default_size())
        self.reader = reader
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._workers: set[_Worker] = set()  # idle and busy
        self._starting = 0
        self._closed = False
        self._owner = os.getpid()
        self._finalizer = weakref.finalize(self, _stop_all, self._workers, self._owner)

    def __reduce__(self) -> tuple[Any, ...]:
        """A copy elsewhere (another process) is a fresh pool with the same settings: workers do not travel."""
        return (ParsePool, (self.limits, self.size, self.reader))

    @property
    def workers(self) -> int:
        """Worker processes running now."""
        with self._cond:
            return len(self._workers)

    def read(self, source: bytes | Path, name: str = "<bytes>", pdf_engine: str = "pdfium", ocr: str = "auto") -> Read:
        """The text of `source` (file bytes, or a file) parsed in a worker, within the limits.

        Raises:
            ReadError: as `pipeline.readers.read`, plus `timeout`, `resource_limit` and `too_large`.
        """
        payload: bytes | str
        if isinstance(source, Path):
            try:
                size_check(os.path.getsize(source), self.limits)
            except FileNotFoundError:
                raise ReadError("not_found", "no such file") from None
            except OSError:
                pass  # the worker reports what reading it gives
            payload, name = str(source), source.name
        else:
            size_check(len(source), self.limits)
            payload = source
        if os.getpid() != self._owner:  # a forked copy: the workers' sockets are the parent's
            result = _parse(self.reader, payload, name, pdf_engine, ocr)
        else:
            result = self._read_in_worker((payload, name, pdf_engine, ocr))
        length_check(result[0], self.limits)
        return result

    def _read_in_worker(self, request: tuple[bytes | str, str, str, str]) -> Read:
        crashes = lost = 0  # lost: workers found dead before they took the document (killed while idle)
        while True:
            worker = self._acquire()
            healthy = False
            try:
                try:
                    worker.conn.send(request)
                except (OSError, ValueError):
                    lost += 1
                    if lost < 3:
                        continue
                    raise ReadError("resource_limit", f"the parser process died before parsing ({worker.death()})") \
                        from None
                worker.documents += 1
                if not worker.conn.poll(self.limits.timeout_s):
                    raise ReadError("timeout", timeout_reason(self.limits))
                try:
                    reply = worker.conn.recv()
                except (EOFError, OSError):  # died without a word: aborted in native code, or the OOM killer
                    crashes += 1
                    if crashes < 2:
                        continue  # once more in a fresh worker: a crash that does not repeat was not the file's
                    raise ReadError("resource_limit", f"the parser process died twice ({worker.death()})") from None
                if reply[0] == "ok":
                    healthy = True
                    return reply[1]
                healthy = reply[1] != "resource_limit"  # a worker exits after a MemoryError
                raise ReadError(reply[1], reply[2])
            finally:
                self._release(worker, healthy)

    def _acquire(self) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise SkillfitError("the parse pool is closed")
                if self._idle:
                    return self._idle.pop()
                if len(self._workers) + self._starting < self.size:
                    self._starting += 1
                    break
                self._cond.wait()
        try:
            worker = _Worker(self.limits, self.reader)  # outside the lock: other threads go on
        finally:
            with self._cond:
                self._starting -= 1
                self._cond.notify()
        with self._cond:
            self._workers.add(worker)
        return worker

    def _release(self, worker: _Worker, healthy: bool) -> None:
        keep = healthy and not self._closed and worker.documents < DOCUMENTS_PER_WORKER
        if not keep:
            worker.stop(kill=not healthy)
        with self._cond:
            if keep:
                self._idle.append(worker)
            else:
                self._workers.discard(worker)
            self._cond.notify()

    def start(self, workers: int = 1) -> None:
        """Start `workers` workers now (at most `size`), so that the first documents do not wait for them."""
        started = [self._acquire() for _ in range(min(workers, self.size))]
        for worker in started:
            self._release(worker, True)

    def close(self) -> None:
        """Stop every worker (a busy one when its document is done or timed out); later reads raise."""
        if os.getpid() != self._owner:
            return  # a forked copy: the workers are the parent's
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            for worker in idle:
                self._workers.discard(worker)
            self._cond.notify_all()
        for worker in idle:
            worker.stop()

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
