"""Batch extraction in isolated worker processes: time and memory limits, crash containment, parallelism.

Each file is read and extracted in a forked child process. Forking after the Extractor is built
shares the compiled taxonomy with every child (copy-on-write), so there is nothing to load per
worker. A child that exceeds its time limit is killed (status `timeout`); one that runs out of its
memory allowance or dies in native code (PDFium, libxml2 can abort) gets status `resource_limit`;
the batch goes on either way.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import resource
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path

from pipeline.api import Extractor, Failure
from pipeline.errors import ReadError
from pipeline.model import Document


@dataclass(frozen=True)
class Limits:
    """Per-file limits. Defaults suit CVs and vacancies; raise them for portfolios."""

    timeout_s: float = 60.0
    memory_mb: int = 1024  # address space a child may add on top of what it inherits
    max_file_mb: float = 50.0
    max_chars: int = 2_000_000


def default_workers() -> int:
    """One worker per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def warm_up() -> None:
    """Load lazily imported parsers and models in the parent, so forked children share them
    instead of each loading them again inside its memory allowance."""
    import docx  # noqa: F401
    import pdfplumber  # noqa: F401

    from pipeline.readers import docx as _docx  # noqa: F401
    from pipeline.stages.language import detect_language

    detect_language("warm up the language model")


def _child(conn, extractor: Extractor, path: str, kind: str | None, limits: Limits) -> None:
    """Runs in the forked child: read + extract one file, send the result, exit without cleanup."""
    faulthandler.disable()  # a parser that aborts is reported by the parent, not by a stack dump here
    try:
        with open("/proc/self/statm") as fh:
            inherited = int(fh.read().split()[0]) * resource.getpagesize()
        allowance = inherited + limits.memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (allowance, allowance))
    except (OSError, ValueError):
        pass  # no /proc or no RLIMIT_AS: the time limit still applies
    try:
        size = os.path.getsize(path)
        if size > limits.max_file_mb * 2**20:
            raise ReadError("too_large", f"{size / 2**20:.1f} MB (the limit is {limits.max_file_mb:g} MB)")
        doc = extractor.extract(Path(path), kind=kind)
        if len(doc.text) > limits.max_chars:
            raise ReadError("too_large", f"{len(doc.text)} characters (the limit is {limits.max_chars})")
        conn.send(doc)
    except FileNotFoundError:
        conn.send(Failure(path, "not_found", "no such file"))
    except ReadError as exc:
        conn.send(Failure(path, exc.status, exc.reason))
    except MemoryError:
        conn.send(Failure(path, "resource_limit", f"parsing needed more than {limits.memory_mb} MB"))
    except RecursionError:
        conn.send(Failure(path, "malformed", "structure nests too deeply (RecursionError)"))
    except Exception as exc:  # a parser bug on a hostile file must not stop the batch
        conn.send(Failure(path, "malformed", f"{type(exc).__name__}: {str(exc)[:150]}".splitlines()[0]))
    finally:
        conn.close()
        os._exit(0)  # skip atexit and destructors: the parent owns open databases and caches


@dataclass
class _Running:
    index: int
    path: str
    process: multiprocessing.Process
    conn: object
    started: float
    attempt: int = 0


def extract_batch(extractor: Extractor, paths: Iterable[str | Path], kind: str | None = None,
                  workers: int | None = None, limits: Limits = Limits(), ordered: bool = True,
                  ) -> Iterator[Document | Failure]:
    """Extract every file in its own child process, `workers` at a time.

    Yields a Document or a Failure per path: in input order when `ordered`, else as they finish.
    """
    warm_up()
    context = multiprocessing.get_context("fork")
    pending = [(index, path, 0) for index, path in enumerate(map(str, paths))]
    pending.reverse()
    workers = workers or default_workers()
    running: dict[object, _Running] = {}
    done: dict[int, Document | Failure] = {}
    next_out = 0
    while pending or running:
        while pending and len(running) < workers:
            index, path, attempt = pending.pop()
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(send, extractor, path, kind, limits), daemon=True)
            process.start()
            send.close()
            running[receive] = _Running(index, path, process, receive, time.monotonic(), attempt)
        deadline = min(r.started for r in running.values()) + limits.timeout_s
        for conn in wait(list(running), timeout=max(0.0, deadline - time.monotonic())):
            job = running.pop(conn)
            try:
                result = conn.recv()
            except (EOFError, OSError):  # died without a word: killed by the OOM killer or aborted
                job.process.join(1)
                conn.close()
                if job.attempt == 0:
                    # Once more in a fresh worker: a crash that does not repeat was the fork's, not the file's.
                    pending.append((job.index, job.path, 1))
                    continue
                code = job.process.exitcode
                how = f"signal {-code}" if code and code < 0 else f"exit code {code}"
                result = Failure(job.path, "resource_limit", f"the parser process died twice ({how})")
            conn.close()
            job.process.join(1)
            done[job.index] = result
        now = time.monotonic()
        for conn, job in list(running.items()):
            if now - job.started >= limits.timeout_s:
                job.process.kill()
                job.process.join(1)
                conn.close()
                del running[conn]
                done[job.index] = Failure(job.path, "timeout", f"parsing took longer than {limits.timeout_s:g} s")
        if ordered:
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
        else:
            for index in sorted(done):
                yield done.pop(index)
