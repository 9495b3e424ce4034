"""One file's outcome: its Document, or a Failure saying why not. Shared by the process pool
(`pipeline.batch`) and the Dask runner (`pipeline.distributed`), so a file fails the same way in both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.api import Failure
from pipeline.errors import ReadError
from pipeline.model import Document


@dataclass(frozen=True)
class Limits:
    """Per-file limits. Defaults suit CVs and vacancies; raise them for portfolios.

    The same object and defaults bound every entry point: the CLI batch and `extract_batch` (forked workers),
    `Extractor(limits=...)` (parse workers, `pipeline.isolation`; what an ATS and the webhook example use),
    and the Dask path (the size and length caps)."""

    timeout_s: float = 60.0
    memory_mb: int = 1024  # address space one file may add to its worker's size when the file starts
    max_file_mb: float = 50.0
    max_chars: int = 2_000_000


def extract_outcome(source: str, extract: Callable[[], Document], limits: Limits,
                    size: Callable[[], int | None] = lambda: None, memory_capped: bool = False) -> Document | Failure:
    """`extract()` within the size and length limits, every failure turned into a Failure with a status.

    Args:
        source: the file, as the Failure names it.
        extract: reads and extracts the file (raising ReadError when it cannot be read).
        size: the file's size in bytes, checked first (None: unknown); a FileNotFoundError here is `not_found`.
        memory_capped: whether this process runs under `limits.memory_mb`, which a MemoryError then names.
    """
    try:
        try:
            nbytes = size()
        except FileNotFoundError:
            raise ReadError("not_found", "no such file") from None
        except OSError:
            nbytes = None  # a link loop or a special file: reading it says what it is
        if nbytes is not None and nbytes > limits.max_file_mb * 2**20:
            raise ReadError("too_large", f"{nbytes / 2**20:.1f} MB (the limit is {limits.max_file_mb:g} MB)")
        doc = extract()
        if len(doc.text) > limits.max_chars:
            raise ReadError("too_large", f"{len(doc.text)} characters (the limit is {limits.max_chars})")
        return doc
    except ReadError as exc:
        return Failure(source, exc.status, exc.reason)
    except MemoryError:
        reason = f"parsing needed more than {limits.memory_mb} MB" if memory_capped else "parsing ran out of memory"
        return Failure(source, "resource_limit", reason)
    except RecursionError:
        return Failure(source, "malformed", "structure nests too deeply (RecursionError)")
    except Exception as exc:  # a parser bug on a hostile file must not stop the run
        return Failure(source, "malformed", f"{type(exc).__name__}: {str(exc)[:150]}".splitlines()[0])
