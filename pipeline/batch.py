"""Batch extraction in isolated worker processes: time and memory limits, crash containment, parallelism.

`workers` long-lived processes are forked after the Extractor is built, so they share the compiled
taxonomy copy-on-write: nothing is loaded per worker. The parent hands each idle worker one file at a
time. A file that exceeds its time limit gets its worker killed (status `timeout`) and a fresh worker
takes over; a worker that runs out of its memory allowance or dies in native code (PDFium and libxml2
can abort) is replaced and its file tried once more in another worker before it is reported as
`resource_limit`. The batch goes on either way. A worker whose parent dies exits within a second. Each
worker leads its own process group, so the programs a reader runs (Tesseract for OCR, catdoc for .doc) are
killed with it: a page that runs over the time limit stops using the core it was on.
"""

from __future__ import annotations

import faulthandler
import gc
import multiprocessing
import os
import resource
import shutil
import signal
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import wait
from pathlib import Path

from pipeline.api import Extractor, Failure, record_kind
from pipeline.model import Document
from pipeline.outcome import Limits, extract_outcome

FILES_PER_WORKER = 500  # a worker is replaced after this many files, so no slow memory growth adds up
DEFAULT_LIMITS = Limits()


def default_workers() -> int:
    """One worker per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def warm_up() -> None:
    """Load lazily imported parsers and models in the parent, so forked workers share them
    instead of each loading them again inside its memory allowance."""
    import docx  # noqa: F401
    import pdfplumber  # noqa: F401
    import pypdfium2  # noqa: F401

    from pipeline.readers import docx as _docx  # noqa: F401
    from pipeline.readers.ocr import unavailable
    from pipeline.stages.language import detect_language

    unavailable()  # asks the tesseract program once, here, rather than once in every worker
    detect_language("warm up the language model")


def extract_file(extractor: Extractor, path: str, kind: str | None, limits: Limits) -> Document | Failure:
    """Read and extract one file, turning every failure into a Failure with a status."""
    return extract_outcome(path, lambda: extractor.extract(Path(path), kind=kind), limits,
                           size=lambda: os.path.getsize(path), memory_capped=True)


def _limit_memory(memory_mb: int) -> None:
    """Let this process grow by at most `memory_mb` from its present size (the address space it has now)."""
    try:
        with open("/proc/self/statm") as fh:
            size = int(fh.read().split()[0]) * resource.getpagesize()
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = size + memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    except (OSError, ValueError):
        pass  # no /proc or no RLIMIT_AS: the time limit still applies


def _worker(conn, extractor: Extractor, kind: str | None, limits: Limits, tmp: str) -> None:
    """Runs in a forked worker: extract each path received until told to stop, then exit without cleanup.
    Temporary files go to `tmp`, a folder of the worker's own that the parent removes: a worker killed mid-OCR
    leaves Tesseract's copy of the page there, not in the shared temp folder (a DPO's audit found 31 scanned CV
    pages left world-readable in /tmp)."""
    tempfile.tempdir = os.environ["TMPDIR"] = tmp
    faulthandler.disable()  # a parser that aborts is reported by the parent, not by a stack dump here
    _own_process_group()
    gc.freeze()  # never collect what the parent built: collecting writes to (and so copies) the shared pages
    parent = os.getppid()
    try:
        while True:
            while not conn.poll(1.0):
                if os.getppid() != parent:
                    return  # the parent died without a word (SIGKILL): siblings keep the pipe open, so no EOF
            path = conn.recv()
            if path is None:
                break
            _limit_memory(limits.memory_mb)  # per file: what earlier files left behind does not count
            result = extract_file(extractor, path, kind, limits)
            conn.send(result)
            if isinstance(result, Failure) and result.status == "resource_limit":
                break  # after a MemoryError the heap may be in any state: a fresh worker takes over
    except (EOFError, OSError):
        pass  # the parent went away
    finally:
        conn.close()
        os._exit(0)  # skip atexit and destructors: the parent owns open databases and caches


def _own_process_group(pid: int = 0) -> None:
    """Make process `pid` (0: this one) the leader of a process group of its own."""
    try:
        os.setpgid(pid, pid)
    except OSError:  # it already is, or it has exited
        pass


class _Worker:
    """One worker process, the file it is on (index, path, attempt) and when it started that file."""

    def __init__(self, context, extractor: Extractor, kind: str | None, limits: Limits) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.tmp = tempfile.mkdtemp(prefix="skillfit-worker-")  # mode 0700: the worker's temporary files
        self.process = context.Process(target=_worker, args=(child, extractor, kind, limits, self.tmp), daemon=True)
        self.process.start()
        _own_process_group(self.process.pid)  # here too: the worker may not have got to it when it is killed
        child.close()
        self.job: tuple[int, str, int] | None = None
        self.started = 0.0
        self.files = 0

    def give(self, job: tuple[int, str, int]) -> None:
        self.job, self.started = job, time.monotonic()
        self.files += 1
        self.conn.send(job[1])

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.kill()
            else:
                self.conn.send(None)
        except OSError:
            pass
        self.process.join(1)
        if self.process.is_alive():
            self.kill()
        self.conn.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def kill(self) -> None:
        """SIGKILL to the worker and every program it started (its process group); its temporary files go."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:  # the group is gone already, or the worker never got its own
            self.process.kill()
        self.process.join(1)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def death(self) -> str:
        self.process.join(1)
        code = self.process.exitcode
        return f"signal {-code}" if code and code < 0 else f"exit code {code}"


def extract_batch(extractor: Extractor, paths: Iterable[str | Path], kind: str | None = None,
                  workers: int | None = None, limits: Limits = DEFAULT_LIMITS, ordered: bool = True,
                  ) -> Iterator[Document | Failure]:
    """Extract every file in worker processes, `workers` at a time (default: one per core).

    Yields a Document or a Failure per path: in input order when `ordered`, else as they finish.
    `limits` are per file, with the same `Limits` defaults as every other entry point (`Extractor(limits=
    Limits())`, which bounds one document at a time, and the webhook example): here the whole extraction of a
    file runs in the forked worker, so an Extractor's own `limits` are not applied a second time inside it.
    """
    kind = record_kind(kind) if kind else None  # a ValueError, not one failure per file, for "banana"
    pending = deque((index, path, 0) for index, path in enumerate(map(str, paths)))
    if not pending:
        return
    warm_up()
    context = multiprocessing.get_context("fork")
    size = max(1, min(workers or default_workers(), len(pending)))
    pool: list[_Worker] = []
    done: dict[int, Document | Failure] = {}
    next_out = 0
    try:
        while pending or any(w.job for w in pool):
            while len(pool) < size and pending:
                pool.append(_Worker(context, extractor, kind, limits))
            for worker in [w for w in pool if w.job is None]:
                if pending:
                    job = pending.popleft()
                    try:
                        worker.give(job)
                    except OSError:  # died while idle (the OOM killer): the file goes to another worker
                        pending.appendleft(job)
                        worker.stop(kill=True)
                        pool.remove(worker)
            busy = {w.conn: w for w in pool if w.job}
            if not busy:
                continue
            deadline = min(w.started for w in busy.values()) + limits.timeout_s
            for conn in wait(list(busy), timeout=max(0.0, deadline - time.monotonic())):
                worker = busy[conn]
                assert worker.job is not None  # busy holds only workers with a job
                index, path, attempt = worker.job
                worker.job = None
                try:
                    done[index] = worker.conn.recv()  # is conn; wait() types it as a union of pipes, sockets and fds
                except (EOFError, OSError):  # died without a word: killed by the OOM killer or aborted
                    how = worker.death()
                    worker.stop(kill=True)
                    pool.remove(worker)
                    if attempt == 0:
                        # Once more in another worker: a crash that does not repeat was not the file's.
                        pending.appendleft((index, path, 1))
                    else:
                        done[index] = Failure(path, "resource_limit", f"the parser process died twice ({how})")
                    continue
                if worker.files >= FILES_PER_WORKER or not worker.process.is_alive() or \
                        getattr(done[index], "status", "") == "resource_limit":
                    worker.stop()
                    pool.remove(worker)
            now = time.monotonic()
            for worker in [w for w in pool if w.job and now - w.started >= limits.timeout_s]:
                assert worker.job is not None  # picked for having a job
                index, path, _ = worker.job
                worker.stop(kill=True)
                pool.remove(worker)
                done[index] = Failure(path, "timeout", f"parsing took longer than {limits.timeout_s:g} s")
            if ordered:
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
            else:
                for index in sorted(done):
                    yield done.pop(index)
    finally:
        for worker in pool:
            worker.stop(kill=worker.job is not None)
