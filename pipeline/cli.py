"""The `skillfit` command: thin click wrappers around pipeline.api, pipeline.screening and pipeline.store."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

import click

from pipeline import __version__
from pipeline.api import Extractor, Failure, iter_files, kind_from_path, plain_text, record_kind, record_language
from pipeline.batch import Limits, extract_batch
from pipeline.errors import SkillfitError
from pipeline.export import TABLES as EXPORTABLE
from pipeline.kind import DOUBT_KEY as READS_LIKE_CV
from pipeline.kind import META_KEY as KIND_CONFIDENCE
from pipeline.kind import SURE
from pipeline.kind import VACANCY_DOUBT_KEY as READS_LIKE_VACANCY
from pipeline.model import Document
from pipeline.output import FORMATS, TABLE_ITEMS, write_rows
from pipeline.personal_data import protected_asks

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_DB = "skillfit.duckdb"


def output_options(func):
    """The shared output flags: --format and -o/--output. The file is written whole or not at all: a command that
    fails leaves last week's file as it was (see `replacing`)."""
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help="Output format.")
    @click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
                  help="Write to FILE instead of stdout (replaced only when the command succeeds).")
    @functools.wraps(func)
    def wrapper(*args, output, **kwargs):
        with replacing(output) as stream:
            return func(*args, output=stream, **kwargs)
    return wrapper


@contextlib.contextmanager
def replacing(path: str) -> Iterator[TextIO]:
    """Stdout for "-"; else a temporary file beside `path` that replaces it, with the old file's mode, when the
    command ends done (exit 0, or 1: done with failures, as `screen` with a broken file or `eval` below its
    thresholds), and is removed when it ends in a usage error or a crash. A path that is no regular file (a
    pipe, a device, a link, `>(…)`) is written directly."""
    if path == "-":
        yield sys.stdout
        return
    target = Path(path)
    if target.is_symlink() or (target.exists() and not target.is_file()):
        try:
            direct = open(target, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise click.UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        with direct:
            yield cast("TextIO", direct)
        return
    try:
        stream = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=target.parent or ".",
                                             prefix=f".{target.name}.", suffix=".tmp", delete=False)
    except OSError as exc:
        raise click.UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    done = False
    try:
        yield cast("TextIO", stream)
        done = True
    except click.exceptions.Exit as exc:
        done = exc.exit_code in (EXIT_OK, EXIT_FAILED)
        raise
    except SystemExit as exc:
        done = exc.code in (None, EXIT_OK, EXIT_FAILED)
        raise
    finally:
        stream.close()
        if done:
            os.chmod(stream.name, stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask())
            os.replace(stream.name, target)
        else:
            Path(stream.name).unlink(missing_ok=True)


def _umask() -> int:
    """The process's umask (read by setting it and back): a new file's mode is 0o666 without it."""
    umask = os.umask(0)
    os.umask(umask)
    return umask


def batch_options(func):
    """--workers, --timeout, --max-memory, --pdf-engine and --ocr: how files are parsed in isolated worker processes."""
    func = click.option("--workers", type=click.IntRange(min=1), default=None,
                        help="Worker processes (default: one per core).")(func)
    func = click.option("--timeout", "timeout_s", type=float, default=60.0, show_default=True,
                        help="Seconds one file may take before it is given up (status timeout).")(func)
    func = click.option("--max-memory", "memory_mb", type=int, default=1024, show_default=True,
                        help="MB of memory one file's parser may use (status resource_limit).")(func)
    func = click.option("--pdf-engine", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium",
                        show_default=True, help="PDF parser: pdfplumber is slower but the reference parser.")(func)
    func = click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
                        help="OCR (Tesseract) for scanned PDF pages and images: auto where it is installed; always "
                             "for every PDF page too; never (they are then no_text_layer).")(func)
    return func


def retention_option(func):
    """--retention-days: when loaded CVs expire; --readmit: load people erased on request again."""
    func = click.option("--readmit", is_flag=True,
                        help="Load CVs of people erased with `skillfit forget` again (they applied anew); without it "
                             "they are skipped with a note.")(func)
    return click.option("--retention-days", type=float, default=None,
                        help="Days from loading until CVs expire (skillfit purge removes them); 0 = never. Given, it "
                             "also applies to the CVs read that were loaded before  [default: 28 for new CVs]")(func)


def taxonomy_option(func):
    """--taxonomy FILE, repeatable: extra concept files on top of the bundled taxonomy."""
    return click.option("--taxonomy", "taxonomy_files", multiple=True, type=click.Path(exists=True),
                        help="Extra taxonomy file or folder (repeatable); later files override earlier ones.")(func)


def open_option(func):
    """--no-open: taxonomy skills only, no phrases found outside it."""
    return click.option("--no-open", is_flag=True,
                        help="Taxonomy skills only: no skill phrases found outside the taxonomy (method open).")(func)


CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def fail(message: str) -> None:
    """Print one line on stderr (a line break in a file name is written as \\n)."""
    click.echo("skillfit: " + CONTROL.sub(lambda c: repr(c.group())[1:-1], message), err=True)


def warn_expired(con, db) -> None:
    """A warning when CVs past their retention are still stored (and so ranked): only `purge` erases them."""
    (expired,) = con.execute("SELECT count(*) FROM documents WHERE kind = 'cv' AND expires_at <= now()").fetchone()
    if expired:
        fail(f"warning: {expired} CV(s) are past their retention date and still ranked: `skillfit purge --db {db}`"
             " erases them")


def report_failure(failure: Failure) -> None:
    """One line on stderr for a file that could not be read."""
    fail(f"{failure.source}: {failure.status}: {failure.reason}")


PROGRESS_MIN_FILES = 20  # below this a batch is done before a bar says anything


def progress_iter(items, total: int, label: str):
    """A progress bar on stderr for batches of PROGRESS_MIN_FILES or more, only on a terminal and without
    NO_COLOR; it stays on screen when done (a fast batch would otherwise flash by unseen). Data is unaffected."""
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty() or os.environ.get("NO_COLOR"):
        return items
    from tqdm import tqdm
    return tqdm(items, total=total, desc=label.strip(), unit="doc", file=sys.stderr, dynamic_ncols=True)


def build_extractor(taxonomy_files, fuzzy: bool = True, pdf_engine: str = "pdfium", ocr: str = "auto",
                    open_vocabulary: bool = True) -> Extractor:
    """An Extractor, with taxonomy errors turned into a usage error (exit 2)."""
    try:
        return Extractor(taxonomy_files=taxonomy_files, fuzzy=fuzzy, pdf_engine=pdf_engine, ocr=ocr,
                         open_vocabulary=open_vocabulary)
    except SkillfitError as exc:
        raise UsageProblem(str(exc)) from None


class UsageProblem(click.ClickException):
    """A usage or configuration error: one line on stderr, exit code 2."""

    exit_code = EXIT_USAGE


class SkillfitGroup(click.Group):
    """One error style for every command: `skillfit: <message>` on stderr, never a traceback; exit code 2 for
    usage, configuration and library errors, 1 for a file that cannot be written."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SkillfitError as exc:
            raise UsageProblem(str(exc)) from None
        except BrokenPipeError:
            # the reader went away (`skillfit sql ... | head -1`): not a failure. stdout now points at devnull,
            # so that Python's flush at exit does not raise again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_OK)
        except OSError as exc:  # an output file or folder that cannot be written (report -o /no/such/dir/x)
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None
        except Exception as exc:
            # DuckDB's own errors (a full disk, a corrupted file, an unwritable COPY target) are storage failures:
            # one line, exit 1. DuckDB is not imported here, so its errors are told by their module.
            if type(exc).__module__.split(".")[0] not in ("duckdb", "_duckdb"):
                raise
            raise click.ClickException(str(exc).splitlines()[0]) from None

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        # click's main is overloaded on standalone_mode: always call it with a literal False
        if not standalone_mode:  # the caller handles exceptions itself
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            if exc.ctx is not None:
                click.echo(exc.ctx.get_usage(), err=True)
                click.echo(f"Try '{exc.ctx.command_path} --help' for help.", err=True)
            fail(exc.format_message())
            code = exc.exit_code
        except click.ClickException as exc:
            fail(exc.format_message())
            code = exc.exit_code
        except click.Abort:
            fail("aborted")
            code = EXIT_FAILED
        sys.exit(code if isinstance(code, int) else EXIT_OK)


@click.group(cls=SkillfitGroup)
@click.version_option(__version__, prog_name="skillfit")
def main() -> None:
    """Find hard and soft skills in CVs and vacancies (English and Dutch) and rank candidates in DuckDB.

    \b
    Quick start:
      skillfit screen sample_docs/vacancies sample_docs/cvs --db skillfit.duckdb
      skillfit extract cv.pdf --format jsonl
    """


MAX_RECORD_CHARS = 2 * Limits().max_chars  # a record holds one document's text (capped as for files) and its JSON


def _lines(stream, limit: int):
    """(line, too_long) for each line of `stream`, never holding more than `limit` characters of one line:
    the rest of an oversized line is read and dropped in pieces."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith("\n"):
            yield line, False
            continue
        while line and not line.endswith("\n"):
            line = stream.readline(limit)
        yield "", True


def stdin_documents(extractor: Extractor, kind: str | None, language: str | None = None, one_text_per_id: bool = False):
    """The JSONL records on stdin, extracted: a Document per record (its "kind", "language", "id", "source" and
    "title" win over the options), or a Failure for one that is malformed, blank or too large."""
    if hasattr(sys.stdin, "reconfigure"):  # a byte that is not UTF-8: a lone surrogate, a malformed record
        sys.stdin.reconfigure(encoding="utf-8", errors="surrogateescape")
    for rec in _records(sys.stdin, one_text_per_id, record_kind(kind) if kind else None):
        if isinstance(rec, Failure):
            yield rec
            continue
        yield extractor.extract(rec["text"], kind=rec.get("kind") or kind, language=rec.get("language") or language,
                                doc_id=str(rec["id"]) if rec.get("id") is not None else None,
                                name=rec.get("source"), title=rec.get("title"))


def pasted_document(extractor: Extractor, kind: str | None, language: str | None):
    """stdin as one document's plain text, pasted or piped (`pbpaste | skillfit extract - --plain-text`): a
    Document, or a Failure when it is empty or over the size limit. Explicit, not guessed: a stream whose first
    record is broken must not be read as one document."""
    with contextlib.suppress(AttributeError, ValueError):  # ValueError: stdin was read before (`extract - -`)
        sys.stdin.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    text = sys.stdin.read(Limits().max_chars + 1)
    if len(text) > Limits().max_chars:
        return Failure("<stdin>", "too_large", f"text over {Limits().max_chars:,} characters")
    if not text.strip():
        return Failure("<stdin>", "empty", "no text on stdin")
    return extractor.extract(text, kind=kind, language=language, name="<stdin>")


RECORD_STRINGS = {"language": 'such as "en" or "nl"', "title": "a vacancy's job title",
                  "source": "the file the record came from"}


def _records(stream, one_text_per_id: bool = False, kind: str | None = None):
    """Documents from JSONL records on stdin: {"id", "text", "kind", "language"}; a record that is oversized,
    malformed, nested too deeply or not valid Unicode becomes a Failure and the stream goes on. When
    `one_text_per_id` (loading into a database), a record that gives an earlier record's id another text is a newer
    version of it, which replaces it (a note says so; an event stream sends edits so), unless it is of another kind
    (CVs and vacancies share ids: a Failure); `kind`, the one given for records without their own."""
    ids: dict[str, tuple[int, str | None, int]] = {}  # id -> (line, kind, hash of the text) of its latest record
    for n, (line, too_long) in enumerate(_lines(stream, MAX_RECORD_CHARS), 1):
        if too_long:
            yield Failure(f"<stdin>:{n}", "too_large", f"record over {MAX_RECORD_CHARS:,} characters")
            continue
        if n == 1:
            line = line.removeprefix("\ufeff")  # a byte-order mark some Windows tools write first
        if not line.strip():
            continue
        where = f"<stdin>:{n}"  # and the record's own id once it is known, for an ATS to match the result by
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                if line.lstrip().startswith(("{", "[")):
                    raise
                raise ValueError('no JSON: `-` reads JSON lines, one {"text": …} object per line '
                                 '(--plain-text reads stdin as one document)') from None
            if isinstance(record, dict) and isinstance(record.get("id"), (str, int)):
                where = f"<stdin>:{n} (id {str(record['id'])[:80]!r})"
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('a record is an object with a "text" string')
            json.dumps(record, ensure_ascii=False).encode("utf-8")  # a lone surrogate ("\ud800") cannot be written out
            record["kind"] = record_kind(record.get("kind"))
            for field, what in RECORD_STRINGS.items():
                if record.get(field) is not None and not isinstance(record[field], str):
                    raise ValueError(f'"{field}" must be a string ({what})')
            record["language"] = record_language(record.get("language"))  # "nl-BE" is nl; "fr" a ValueError
            if record.get("id") is not None and (not isinstance(record["id"], (str, int))
                                                 or isinstance(record["id"], bool)):
                raise ValueError('"id" must be a string or a whole number')
            if not record["text"].strip():  # as an empty file is: not an "ok" result with no skills
                yield Failure(where, "empty", "record text is empty")
                continue
            if len(record["text"]) > Limits().max_chars:  # as a file's text is capped
                yield Failure(where, "too_large", f"record text over {Limits().max_chars:,} characters")
                continue
            record["text"] = plain_text(record["text"])  # a website's vacancy as HTML: its visible text
            if not record["text"].strip():
                yield Failure(where, "empty", "record HTML has no visible text")
                continue
            if one_text_per_id and record.get("id") is not None:
                doc_id = str(record["id"])
                this_kind = record["kind"] or kind
                line_before, kind_before, text_before = ids.get(doc_id, (0, None, 0))
                if line_before:
                    if this_kind and kind_before and this_kind != kind_before:
                        raise ValueError(f"id {doc_id[:80]!r} was a {kind_before} on line {line_before}: CVs and "
                                         "vacancies share ids (prefix them: cv-…, vac-…)")
                    if text_before != hash(record["text"]):
                        fail(f"note: {where}: a newer version of the record on line {line_before}: it replaces it")
                ids[doc_id] = (n, this_kind or kind_before, hash(record["text"]))
            yield record
        except UnicodeEncodeError:
            yield Failure(where, "malformed", "bad JSONL record: a string is not valid Unicode (lone surrogate)")
        except RecursionError:
            yield Failure(where, "malformed", "bad JSONL record: nested too deeply")
        except ValueError as exc:
            yield Failure(where, "malformed", f"bad JSONL record: {exc}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--kind", type=click.Choice(["cv", "vacancy"]), help="Document kind (default: from folder name).")
@click.option("--language", type=click.Choice(["en", "nl"]), help="Skip detection and use this language.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table", "csv"]), default="jsonl", show_default=True,
              help="jsonl/json: the extract contract; table/csv: one row per skill found (csv: and per failed file).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=False), default="-", help="Write to FILE instead of stdout.")
@click.option("--no-fuzzy", is_flag=True, help="Exact, lemma and compound matching only.")
@click.option("--unordered", is_flag=True, help="Write each file's result as soon as it is done, not in input order.")
@click.option("--plain-text", "plain_text_in", is_flag=True, help="PATH `-` is one document's plain text (pasted), not JSONL records.")
@batch_options
@taxonomy_option
@open_option
def extract(paths, kind, language, fmt, output, no_fuzzy, unordered, plain_text_in, workers, timeout_s, memory_mb,
            pdf_engine, ocr, taxonomy_files, no_open) -> None:
    """Extract skills from files, folders or JSONL on stdin.

    PATH `-` reads JSONL records from stdin: {"id", "text", "kind", "language", "title"}, only "text" required
    (with --plain-text: one document's text, as pasted). Without --kind, a record's kind or a folder name, the
    kind is guessed from the text (a warning when unsure).

    \b
    Examples:
      echo '{"id": "a1", "text": "Ervaring met Python en SQL", "kind": "cv"}' | skillfit extract -
      skillfit extract sample_docs/cvs --format csv -o skills.csv
    """
    extractor = build_extractor(taxonomy_files, fuzzy=not no_fuzzy, pdf_engine=pdf_engine, ocr=ocr,
                                open_vocabulary=not no_open)
    failed = 0
    rows = []

    def emit(result: dict) -> None:
        if fmt == "jsonl":
            output.write(json.dumps(result, ensure_ascii=False) + "\n")
            output.flush()
        else:
            rows.append(result)

    def handle(item, from_file: bool = True) -> None:
        nonlocal failed
        if isinstance(item, Failure):
            failed += 1
            report_failure(item)
            emit(item.to_dict())
        else:
            if from_file:  # a record's own result line says so in "kind_confidence"; a file gets a warning too
                warn_doubts(item)
            emit(extractor.to_dict(item))

    for path in paths:
        if path == "-" and plain_text_in:
            handle(pasted_document(extractor, kind, language))
        elif path == "-":
            for item in stdin_documents(extractor, kind, language):
                handle(item, from_file=False)
        else:
            files = list(iter_files([path]))
            batch = extract_batch(extractor, files, kind, workers, Limits(timeout_s, memory_mb), ordered=not unordered)
            for item in progress_iter(batch, len(files), "extract"):
                if language and not isinstance(item, Failure):
                    item = extractor.process(item.replace(language=language, sections=(), mentions=()))
                handle(item)
    if fmt == "json":
        output.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "table":
        write_rows([{"source": r.get("source") or r.get("doc_id"), "skill": s["label_en"], "type": s["type"],
                     "text": s["text"], "method": s["method"], "section": s["section"],
                     "requirement": s["requirement"], "years": s["years"]}
                    for r in rows for s in r.get("skills", [])], "table", output)
    elif fmt == "csv":
        write_rows(list(skill_rows(rows)), "csv", output, EXTRACT_CSV_COLUMNS)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


DOCUMENT_COLUMNS = ["doc_id", "source", "kind", "language"]
EXTRACT_CSV_COLUMNS = [*DOCUMENT_COLUMNS, "skill_id", "label_en", "type", "category", "esco_uri", "start", "end",
                       "text", "method", "confidence", "section", "requirement", "years", "level", "status", "error"]


def skill_rows(results: list[dict]):
    """Flat rows of extract results: one per skill found, and one per file that could not be read."""
    for result in results:
        document = {c: result.get(c) for c in DOCUMENT_COLUMNS}
        if "error" in result:
            yield {**document, "status": result.get("status"), "error": result["error"]}
        for skill in result.get("skills", []):
            yield {**document, "status": result.get("status"), **skill}


def load_paths(db: str, extractor: Extractor, paths, kind: str | None, workers: int | None = None,
               limits: Limits | None = None, retention_days: float | None = None, refresh_scores: bool = True,
               kinds: Counter | None = None, readmit: bool = False):
    """pipeline.screening.load_paths, reporting failures, progress and unsure kinds on stderr; `kinds` counts the
    documents read by kind."""
    from pipeline import screening

    def watch(items, total: int, label: str):
        for item in progress_iter(items, total, label):
            if isinstance(item, Document):
                warn_doubts(item)
                if kinds is not None:
                    kinds[item.kind] += 1
            yield item

    files = [p for p in paths if p != "-"]
    records = stdin_documents(extractor, kind, one_text_per_id=True) if len(files) < len(paths) else ()
    return screening.load_paths(db, extractor, files, kind, workers, limits, retention_days, refresh_scores,
                                on_failure=report_failure, progress=watch, warn=fail, documents=records,
                                on_duplicate=report_duplicate, readmit=readmit, on_erased=report_erased)


def report_duplicate(source: str, kept: str) -> None:
    """One line on stderr for a CV not stored because it repeats a candidate."""
    from pipeline.paths import printable
    from pipeline.screening import SHORT_ID

    fail(f"note: {printable(source)}: the same CV as candidate {kept[:SHORT_ID]} (another file): not stored twice")


def report_erased(source: str, at) -> None:
    """One line on stderr for a CV not loaded because its person was erased on request."""
    from pipeline.paths import printable

    fail(f"note: {printable(source)}: a person erased on request on {at:%Y-%m-%d} (skillfit forget): not loaded again;"
         " --readmit loads it (a new application)")


def counts(*loads) -> str:
    """ "unchanged 2, same CV in another file 1, failed 0": what loads left out, for the closing line."""
    duplicates = sum(len(loaded.duplicates) for loaded in loads)
    erased = sum(len(loaded.erased) for loaded in loads)
    return (f"unchanged {sum(loaded.skipped for loaded in loads)}, "
            + (f"same CV in another file {duplicates}, " if duplicates else "")
            + (f"erased before {erased}, " if erased else "")
            + f"failed {sum(len(loaded.failures) for loaded in loads)}")


def warn_doubts(doc: Document) -> None:
    """One line on stderr for each doubt about what was read: its kind (warn_unsure_kind), its language."""
    warn_unsure_kind(doc)
    asks = protected_asks(doc.text) if doc.kind == "vacancy" else []
    if asks:  # the recruiter must refuse such a request from a client: skillfit scores none of it
        fail(f"warning: {doc.source or doc.id}: asks for a protected attribute ({'; '.join(asks[:3])}); skillfit"
             " does not score it, and an ad may not ask it")
    if doc.language not in (None, "en", "nl", "und"):  # a French CV from Brussels: a few tool names at most
        fail(f"warning: {doc.source or doc.id}: written in {doc.language}; skillfit reads English and Dutch, so most"
             " of its skills are missed")


def warn_unsure_kind(doc: Document) -> None:
    """One line on stderr for a document whose kind the classifier guessed without being sure, or that was given
    as a vacancy by its folder but reads like a CV (stored as a role, a CV would keep the person's name with no
    expiry)."""
    confidence = doc.meta.get(KIND_CONFIDENCE, 1.0)
    if confidence < SURE:
        fail(f"warning: {doc.source or doc.id}: unsure whether this is a CV or a vacancy (read as {doc.kind}, "
             f"{confidence:.0%} sure); pass --kind, or put it in a cvs/ or vacancies/ folder")
    elif doc.meta.get(READS_LIKE_CV):
        fail(f"warning: {doc.source or doc.id}: in a vacancies folder and stored as a vacancy, but it reads like a CV "
             f"({doc.meta[READS_LIKE_CV]:.0%} sure); a CV stored as a role keeps no expiry: check it")
    elif doc.meta.get(READS_LIKE_VACANCY):
        fail(f"warning: {doc.source or doc.id}: in a CVs folder and stored as a CV, but it reads like a vacancy "
             f"({doc.meta[READS_LIKE_VACANCY]:.0%} sure); it is ranked as a candidate: check it")


def kinds_read(kinds: Counter) -> str:
    """ "2 CVs, 1 vacancy": the documents read, by kind."""
    cvs, vacancies = kinds.get("cv", 0), kinds.get("vacancy", 0)
    return f"{cvs} CV{'s' * (cvs != 1)}, {vacancies} vacanc{'ies' if vacancies != 1 else 'y'}"


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to write.")
@click.option("--kind", type=click.Choice(["cv", "vacancy"]), help="Document kind (default: from folder name).")
@batch_options
@retention_option
@taxonomy_option
@open_option
def load(paths, db, kind, workers, timeout_s, memory_mb, pdf_engine, ocr, retention_days, readmit, taxonomy_files,
         no_open) -> None:
    """Extract skills from files and load them (idempotent).

    Loading the same files again adds nothing; the stored fit scores are refreshed afterwards. A PATH
    holding a Parquet result of `skillfit distributed-extract` (a folder or URL with _skillfit.json) is
    loaded as it is; with --kind, only its documents of that kind. PATH `-` reads JSONL records from stdin, as
    `skillfit extract -` does ({"id", "text", "kind", "language", "title", "source"}, only "text" required).

    \b
    Examples:
      skillfit load sample_docs/vacancies --db screening.duckdb --kind vacancy
      skillfit load sample_docs/cvs --db screening.duckdb --kind cv --retention-days 90
    """
    extractor = build_extractor(taxonomy_files, pdf_engine=pdf_engine, ocr=ocr, open_vocabulary=not no_open)
    kinds: Counter = Counter()
    loaded = load_paths(db, extractor, paths, kind, workers, Limits(timeout_s, memory_mb), retention_days,
                        kinds=kinds, readmit=readmit)
    click.echo(f"loaded {loaded.written}, {counts(loaded)} -> {db} (read {kinds_read(kinds)})", err=True)
    sys.exit(EXIT_FAILED if loaded.failures else EXIT_OK)


@main.command("distributed-extract")
@click.argument("source")
@click.argument("out")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler to use, e.g. tcp://host:8786.")
@click.option("--local-workers", type=click.IntRange(min=1),
              help="Start a local Dask cluster with N worker processes (default without --scheduler: one per core).")
@click.option("--kind", type=click.Choice(["cv", "vacancy"]), help="Document kind (default: from folder name).")
@click.option("--files-per-task", type=click.IntRange(min=1),
              help="Files per Dask task and Parquet part (default: about 4 tasks per worker, at most 64 files).")
@click.option("--no-fuzzy", is_flag=True, help="Exact, lemma and compound matching only.")
@click.option("--no-text", is_flag=True, help="Do not keep document texts (OUT can be queried, not loaded).")
@click.option("--overwrite", is_flag=True, help="Replace an earlier result in OUT.")
@taxonomy_option
def distributed_extract(source, out, scheduler, local_workers, kind, files_per_task, no_fuzzy, no_text, overwrite,
                        taxonomy_files) -> None:
    """Extract skills on a Dask cluster into Parquet.

    Needs skillfit[distributed]. The result is partitioned Parquet, one part per task.

    SOURCE is a folder, file or fsspec URL (file://, s3://, gs://, abfs://); OUT a folder or URL.
    `skillfit load OUT` loads the result; DuckDB queries OUT/mentions/*.parquet directly.

    \b
    Example:
      skillfit distributed-extract s3://bucket/cvs out/ --scheduler tcp://scheduler:8786
      skillfit load out/ --db screening.duckdb
    """
    import logging

    try:
        import fsspec  # noqa: F401
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageProblem("distributed-extract needs Dask: install skillfit[distributed]"
                           " (pip install 'skillfit[distributed]')") from None
    from pipeline.batch import default_workers
    from pipeline.distributed import extract_to_parquet

    if scheduler and local_workers:
        raise UsageProblem("give --scheduler or --local-workers, not both")
    try:
        if scheduler:
            client, cluster = Client(scheduler, timeout="30s"), None
        else:
            cluster = LocalCluster(n_workers=local_workers or default_workers(), threads_per_worker=1,
                                   processes=True, dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except OSError as exc:
        raise UsageProblem(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    try:
        summary = extract_to_parquet(source, out, client=client, kind=kind, taxonomy_files=taxonomy_files,
                                     fuzzy=not no_fuzzy, files_per_task=files_per_task, keep_text=not no_text,
                                     overwrite=overwrite)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for f in summary.failures:
        report_failure(f)
    click.echo(f"extracted {summary.documents} documents, {summary.mentions} mentions, failed {len(summary.failures)}"
               f" in {summary.seconds:.1f}s on {summary.workers} worker(s) -> {out}", err=True)
    sys.exit(EXIT_FAILED if summary.failures else EXIT_OK)


FIT_COLUMNS = ["rank", "candidate", "score", "required", "matched", "missing_required"]


def announce_role(con, reference: str, role_id: str) -> str:
    """`role_id`; on stderr which role a title or the start of an id named, so the user sees the one chosen."""
    if reference != role_id:
        title = con.execute("SELECT coalesce(title, source, '') FROM documents WHERE doc_id = ?", [role_id]).fetchone()
        click.echo(f"role {role_id}: {title[0] if title else ''}".rstrip(": "), err=True)
    return role_id


@main.command("roles")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(exists=True), help="DuckDB file.")
@output_options
def roles_cmd(db, fmt, output) -> None:
    """List the roles: the ids and titles fit and gap take.

    Each role's file is listed too: two ads may share a title.

    \b
    Example:
      skillfit roles --db screening.duckdb
    """
    from pipeline import screening
    from pipeline.store import connect

    with connect(db, read_only=True) as con:
        files = dict(con.execute("SELECT doc_id, source FROM documents WHERE kind = 'vacancy'").fetchall())
        rows = [{"role_id": role_id, "title": title, "file": screening.file_name(files.get(role_id))}
                for role_id, title in screening.roles(con)]
    write_rows(rows, fmt, output, ["role_id", "title", "file"])


WEAK_SCORE = 25  # below this a candidate meets little of a role: an unrelated CV scores less (tests/test_specificity.py)


def weak_pool_note(rows: list[dict]) -> str:
    """A line under a ranking whose best candidate scores below WEAK_SCORE: a top 5 of 8-point scores is no
    shortlist, and a recruiter should not read it as one."""
    if not rows or rows[0]["score"] is None or rows[0]["score"] >= WEAK_SCORE:
        return ""
    return f"(no candidate scores {WEAK_SCORE} or more: none meets much of this role; the best scores {rows[0]['score']})\n"


def warn_unscorable(con, role_id: str, title: str | None, rows: list[dict]) -> None:
    """A warning for a role with no requirement recognised: its empty ranking says nothing else (a trial read
    "(no rows)" as no candidates)."""
    if not rows and not con.execute("SELECT count(*) FROM role_weights WHERE role_id = ?", [role_id]).fetchone()[0]:
        fail(f"warning: role {role_id} ({title}): no skill requirement was recognised in this vacancy, so no "
             "candidate can be scored (`skillfit extract` on it shows what was read)")


def fit_columns(show_sources: bool) -> list[str]:
    """The columns of a ranking: FIT_COLUMNS, with the CV's file name after the short id on request."""
    return FIT_COLUMNS[:2] + ["source"] + FIT_COLUMNS[2:] if show_sources else FIT_COLUMNS


def fit_data_columns(show_sources: bool) -> list[str]:
    """The columns of a ranking as data (csv, json, parquet), the same in `fit` and `screen`: the role, numbers in
    columns of their own ("2/8" becomes a date in a spreadsheet), both scores and all that is missing."""
    return ["role_id", "role_title", "rank", "candidate", *(["source"] if show_sources else []), "score",
            "required_met", "required_total", "hard_score", "soft_score", "matched", "missing_required",
            "missing_preferred", "candidate_id"]


def show_sources_option(func):
    """--show-sources: name candidates by their CV's file name too."""
    return click.option("--show-sources", is_flag=True,
                        help="Also show each candidate's CV file name (from the mapping beside the database; for your"
                             " own eyes: file names often hold a person's name).")(func)


def labels_option(func):
    """--labels: the language skills are named in."""
    return click.option("--labels", type=click.Choice(["en", "nl"], case_sensitive=False), default="en", show_default=True,
                        envvar="SKILLFIT_LABELS",
                        help="Name skills in English or Dutch (Dutch where the taxonomy has a Dutch name, else"
                             " English; `gap` words its whole report in it; env SKILLFIT_LABELS).")(func)


@main.command()
@click.argument("vacancies", type=click.Path(exists=True))
@click.argument("cvs", type=click.Path(exists=True))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to write.")
@click.option("--top", default=5, show_default=True, type=click.IntRange(min=1), help="Candidates shown per role.")
@show_sources_option
@labels_option
@output_options
@batch_options
@retention_option
@taxonomy_option
@open_option
def screen(vacancies, cvs, db, top, show_sources, labels, fmt, output, workers, timeout_s, memory_mb, pdf_engine, ocr,
           retention_days, readmit, taxonomy_files, no_open) -> None:
    """Load vacancies and CVs; print the best per role.

    Prints the top candidates of every role, with what they match and miss; candidates by a short id, which
    `skillfit gap`, `forget` and `export` take (with --show-sources, also by their CV's file name).

    \b
    Example:
      skillfit screen sample_docs/vacancies sample_docs/cvs --db screening.duckdb --top 3 --show-sources
    """
    from pipeline import screening
    from pipeline.store import connect

    for path, kind in ((vacancies, "vacancy"), (cvs, "cv")):
        folder = Path(path) if Path(path).is_dir() else Path(path).parent  # its own name, not its parents'
        named = kind_from_path(folder.name + "/file")
        if named and named != kind:  # CVs stored as roles would keep people's names with no expiry
            plural = {"cv": "CVs", "vacancy": "vacancies"}
            raise UsageProblem(f"{path} is named as a folder of {plural[named]}, but screen reads its {plural[kind]} "
                               "from there: give the vacancies first, then the CVs")
    extractor = build_extractor(taxonomy_files, pdf_engine=pdf_engine, ocr=ocr, open_vocabulary=not no_open)
    limits = Limits(timeout_s, memory_mb)
    roles = load_paths(db, extractor, [vacancies], "vacancy", workers, limits, retention_days, refresh_scores=False)
    candidates = load_paths(db, extractor, [cvs], "cv", workers, limits, retention_days, readmit=readmit)
    failures = roles.failures + candidates.failures
    click.echo(f"loaded {roles.written} vacancies and {candidates.written} CVs, {counts(roles, candidates)}"
               f" -> {db}", err=True)
    con = connect(db, read_only=True)
    all_rows = []
    columns = fit_columns(show_sources)
    for role_id, title in screening.roles(con):
        rows = screening.ranking(con, db, role_id, top, show_sources=show_sources, labels=labels)
        warn_unscorable(con, role_id, title, rows)
        for r in rows:
            r.update(role_title=title, role_id=role_id)
        all_rows += rows
        if fmt == "table":
            output.write(f"\n== {title}  (role {role_id})\n")
            write_rows(rows, "table", output, columns, list_items=TABLE_ITEMS)
            output.write(weak_pool_note(rows))
    if fmt != "table":
        write_rows(all_rows, fmt, output, fit_data_columns(show_sources))
    warn_expired(con, db)
    con.close()
    if failures:
        fail(f"{len(failures)} file(s) could not be read (see above); the others were screened")
    sys.exit(EXIT_FAILED if failures else EXIT_OK)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(), help="DuckDB file to read.")
@click.option("--role", "role_id", required=True, help="Role: its id, the start of it, or its title.")
@click.option("--top", type=click.IntRange(min=1), help="Show only the best N candidates.")
@click.option("--min-score", default=0.0, show_default=True, help="Hide candidates below this score.")
@click.option("--refresh", is_flag=True,
              help="First recompute the stored fit scores if the data changed (opens the database writable).")
@show_sources_option
@labels_option
@output_options
def fit(db, role_id, top, min_score, refresh, show_sources, labels, fmt, output) -> None:
    """Rank candidates for one role.

    The scores come from the stored fit_scores table while it is fresh (load and screen refresh it), else
    from the fit_for_role macro: the same numbers, slower on large pools.

    Candidates are shown by a short id, which `skillfit gap`, `forget` and `export` take; --show-sources adds
    the CV's file name.

    \b
    Examples:
      skillfit fit --db screening.duckdb --role ROLE_ID --top 10 --min-score 40
      skillfit fit --db screening.duckdb --role ROLE_ID --show-sources
    """
    from pipeline import screening
    from pipeline.store import connect, connect_writable

    if refresh and not Path(db).exists():
        raise UsageProblem(f"{db}: no such database (run `skillfit screen` or `skillfit load` first)")
    with (connect_writable(db) if refresh else connect(db, read_only=True)) as con:
        if refresh:
            screening.refresh_fit_scores(con, warn=fail)
        role_id = announce_role(con, role_id, screening.resolve_role(con, role_id, db))
        rows = screening.ranking(con, db, role_id, top, min_score, show_sources=show_sources, labels=labels)
        title = dict(screening.roles(con)).get(role_id)
        warn_unscorable(con, role_id, title, rows)
        warn_expired(con, db)
    for r in rows:
        r.update(role_title=title, role_id=role_id)
    columns = fit_columns(show_sources) if fmt == "table" else fit_data_columns(show_sources)
    write_rows(rows, fmt, output, columns, list_items=TABLE_ITEMS)
    if fmt == "table":
        output.write(weak_pool_note(rows) if min_score <= 0 else "")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(exists=True), help="DuckDB file.")
@click.option("--keep", type=click.IntRange(min=0),
              help="Candidates stored per role, best first; 0 = every pair (default: as last time, else 1000).")
@click.option("--force", is_flag=True, help="Recompute even when the stored scores are fresh.")
def scores(db, keep, force) -> None:
    """Compute and store every role's fit scores.

    They go to the fit_scores table; prints what was stored (fit_scores_state).

    `skillfit load` and `screen` refresh them too; `skillfit fit` reads them while they are fresh.

    \b
    Example:
      skillfit scores --db screening.duckdb --keep 0    # every candidate for every role
    """
    from pipeline import screening
    from pipeline.store import connect_writable

    with connect_writable(db) as con:
        status = screening.refresh_fit_scores(con, keep, force, warn=fail)
    if status is None:
        sys.exit(EXIT_FAILED)
    click.echo(json.dumps(status, indent=2, default=str))


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(), help="DuckDB file to read.")
@click.option("--candidate", "candidate_ref", required=True,
              help="Candidate: its id (or the start of it, as tables show it), or its CV file.")
@click.option("--role", "role_id", required=True, help="Role: its id, the start of it, or its title.")
@labels_option
@output_options
def gap(db, candidate_ref, role_id, labels, fmt, output) -> None:
    """What a candidate meets and misses of a role.

    Skills met, met in part through a related skill, and missing; with --format table, as a readable report.
    The candidate is named by id (`skillfit fit` shows them) or by CV file.

    \b
    Examples:
      skillfit gap --db screening.duckdb --candidate CANDIDATE_ID --role ROLE_ID
      skillfit gap --db screening.duckdb --candidate cv_jan_peeters.pdf --role ROLE_ID
    """
    from pipeline import gap_report, screening
    from pipeline.store import connect

    con = connect(db, read_only=True)
    click.get_current_context().call_on_close(con.close)
    role_id = announce_role(con, role_id, screening.resolve_role(con, role_id, db))
    candidate_id = screening.resolve_candidate(con, db, candidate_ref)
    rows = screening.gap(con, candidate_id, role_id)
    if not rows:
        raise UsageProblem(f"role {role_id} asks for no skills in {db} (is the id right?)")
    if fmt != "table":
        write_rows(rows, fmt, output)
        return
    output.write(gap_report.header(screening.fit_of(con, role_id, candidate_id), labels))
    output.write(gap_report.gap_report(rows, labels))


@main.command(context_settings={"ignore_unknown_options": True})  # a query may open with a "-- comment"
@click.argument("query")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(), help="DuckDB file to query.")
@click.option("--write", is_flag=True, help="Open the database writable (default: read-only).")
@click.option("--allow-files", is_flag=True,
              help="Let the query read and write files (read_csv, COPY ... TO, ATTACH); off by default.")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=0.1), default=300, show_default=True,
              help="Seconds before the query is stopped.")
@output_options
def sql(query, db, write, allow_files, timeout_s, fmt, output) -> None:
    """Run a SQL query against the database.

    Prints the result in --format; the database opens read-only unless --write, and the query reaches no
    file, network or extension unless --allow-files. CSV cells that a spreadsheet would run as formulas are
    prefixed with '. Several statements separated by ";" run in order, and the last one's result is printed
    ("UPDATE fit_weights ...; FROM fit" with --write).

    QUERY `-` reads the query from stdin (a .sql file: `skillfit sql - < top.sql`).

    \b
    Example:
      skillfit sql "FROM fit ORDER BY score DESC LIMIT 10" --format csv
    """
    from pipeline import screening
    from pipeline.store import connect, connect_writable

    if query == "-":
        query = sys.stdin.read()

    con = connect_writable(db, any_database=True) if write else connect(db, read_only=True, any_database=True)
    click.get_current_context().call_on_close(con.close)
    try:
        result = screening.query(con, query, allow_files=allow_files, timeout=timeout_s)
    except screening.QueryError as exc:
        raise UsageProblem(str(exc)) from None
    if result is None:
        return
    names, rows = result
    write_rows([dict(zip(names, r)) for r in rows], fmt, output, names)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(), help="DuckDB file to read.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "excel-csv", "json", "jsonresume"]),
              default="parquet", show_default=True,
              help="excel-csv: as Excel opens it in Belgium and the Netherlands (UTF-8 with a byte-order mark,"
                   " semicolons, decimal commas).")
@click.option("--what", default="fit", show_default=True, type=click.Choice(EXPORTABLE),
              help="View or table to export (not for jsonresume); other views: `skillfit sql` with --format.")
@click.option("--candidate", "candidate_ref",
              help="jsonresume: only this candidate; json: everything stored about this candidate (by id, the start"
                   " of it, or CV file).")
@click.option("-o", "--output", "out", required=True, type=click.Path(), help="File to write.")
def export(db, fmt, what, candidate_ref, out) -> None:
    """Export a view, or candidates' skills as JSON Resume.

    A view or table as Parquet, CSV or JSON; with --candidate and --format json, everything stored about one person.
    In CSV a text cell that starts with =, +, -, @, a tab or a carriage return gets a leading ' so a spreadsheet
    shows it as text instead of running it ("- Rijbewijs B" is written '- Rijbewijs B); Parquet and JSON keep it.

    \b
    Examples:
      skillfit export --what fit --format parquet -o fit.parquet
      skillfit export --format jsonresume --candidate CANDIDATE_ID -o skills.json
    """
    from pipeline import screening
    from pipeline.export import export_table, json_resume_skills
    from pipeline.store import connect

    if candidate_ref and fmt in ("parquet", "csv", "excel-csv"):
        raise UsageProblem("--candidate goes with --format json (everything about a person) or jsonresume")
    con = connect(db, read_only=True)
    click.get_current_context().call_on_close(con.close)
    candidate_id = screening.resolve_candidate(con, db, candidate_ref) if candidate_ref else None
    if candidate_id and fmt == "json":  # a data subject's access request: everything stored about them
        from pipeline.export import subject_access

        data = subject_access(con, db, candidate_id)
        if not data["document"]:
            raise UsageProblem(f"no candidate {candidate_id} in {db}")
        Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        click.echo(f"wrote {out}: everything stored about candidate {candidate_id}", err=True)
        return
    if fmt == "jsonresume":
        data = json_resume_skills(con, candidate_id)
        if candidate_id and candidate_id not in data:
            raise UsageProblem(f"no candidate {candidate_id} in {db}")
        payload = data[candidate_id] if candidate_id else data
        Path(out).write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
        click.echo(f"wrote {out}: {len(data)} candidate(s)", err=True)
        return
    try:
        rows = export_table(con, what, fmt, out)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None
    click.echo(f"wrote {out}: {rows} rows of {what}", err=True)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(exists=True), help="DuckDB file.")
@click.option("--candidate", "candidate_ids", multiple=True,
              help="Candidate to erase: its id, its first 8 characters or more, or its CV file (repeatable).")
@click.option("--source", "sources", multiple=True, help="Erase the candidate loaded from this file (repeatable).")
@click.option("--role", "roles", multiple=True,
              help="Remove a closed vacancy: its id, its first 8 characters or more, its whole title or its file"
                   " (repeatable; alone, not with candidates).")
def forget(db, candidate_ids, sources, roles) -> None:
    """Erase candidates or closed roles; print a receipt.

    The right to erasure (GDPR article 17): rows, the file mapping and every trace in the database files
    are removed (the files are rewritten). A name that matches no candidate, or several, erases nothing (exit 2).

    \b
    Examples:
      skillfit forget --db screening.duckdb --source cvs/jan_peeters.pdf
      skillfit forget --db screening.duckdb --role "Senior Data Engineer"
    """
    from pipeline import screening

    if not candidate_ids and not sources and not roles:
        raise UsageProblem("name at least one --candidate, --source or --role")
    if roles and (candidate_ids or sources):
        raise UsageProblem("--role removes vacancies: name candidates in another `skillfit forget`")
    try:
        receipt = screening.remove_roles(db, roles) if roles else screening.forget(db, candidate_ids, sources)
    except (screening.NoSuchCandidate, screening.NoSuchRole) as exc:
        raise UsageProblem(str(exc)) from None
    click.echo(json.dumps(receipt, indent=2))
    if receipt.get("files_still_there"):
        fail(f"note: {receipt['files_still_there']} erased CV file(s) are still where they were loaded from; a `skillfit"
             " load` of their folder skips them (the same text), a changed file or another format of it would be new")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(exists=True), help="DuckDB file.")
@click.option("--now", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]), help="Clock to use (default: now, UTC).")
def purge(db, now) -> None:
    """Erase candidates past their retention date.

    Prints a receipt of what was erased. Retention is set when loading (`--retention-days`, default 28).
    """
    from datetime import timezone

    from pipeline import screening

    receipt = screening.purge(db, now.replace(tzinfo=timezone.utc) if now else None)
    click.echo(json.dumps(receipt, indent=2))
    if receipt.get("files_still_there"):  # a DPO's audit: the next load of the folder stored them again, for 28 days
        fail(f"note: {receipt['files_still_there']} purged CV file(s) are still where they were loaded from; a"
             " `skillfit load` of their folder stores them again with a new retention period: delete or move them")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(), help="DuckDB file to read.")
@click.option("-o", "--output", "out", default="report.html", show_default=True, type=click.Path(),
              help="HTML file to write.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1), help="Candidates shown per role.")
@click.option("--show-sources", is_flag=True,
              help="Show CV file names instead of candidate ids (for your own eyes: file names often name people).")
@click.option("--pseudonymous", is_flag=True, hidden=True, help="The default since 0.7.0; kept for scripts.")
@labels_option
def report(db, out, top, show_sources, pseudonymous, labels) -> None:
    """Write a self-contained HTML report.

    Ranked candidates, hard/soft coverage and the pool's skills gap, in one file that fetches nothing. Candidates
    are shown by id, as in `screen` and `fit`; `--show-sources` shows their file names.

    \b
    Example:
      skillfit report --db screening.duckdb -o report.html
    """
    from pipeline.report import write_report
    from pipeline.store import connect

    write_report(db, out, top, pseudonymous=not show_sources, labels=labels)
    click.echo(f"wrote {out}", err=True)
    with connect(db, read_only=True) as con:
        warn_expired(con, db)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--part", type=click.Choice(["all", "team", "dev", "test"]), default="all", show_default=True,
              help="team: the team-written set in GOLD_DIR; dev/test: the real-document corpus in GOLD_DIR/real.")
@click.option("--min-precision", type=float, help="Exit 1 when precision in any language is below this.")
@click.option("--min-recall", type=float, help="Exit 1 when recall in any language is below this.")
@click.option("--show-errors/--no-show-errors", default=True,
              help="List misses and false positives on stderr (never for the test part: it is not tuned on).")
@output_options
@taxonomy_option
@open_option
def evaluate_cmd(gold_dir, part, min_precision, min_recall, show_errors, fmt, output, taxonomy_files, no_open) -> None:
    """Score extraction against annotated gold documents.

    The team-written set (GOLD_DIR/*.yml) and the blind real-document corpus (GOLD_DIR/real: dev and test
    parts), per language and kind; type accuracy and error classes on the real parts.

    \b
    Examples:
      skillfit eval tests/eval
      skillfit eval tests/eval --part test --min-precision 0.88 --format json
    """
    from pipeline.evaluate import Tally, evaluate, load_gold
    from pipeline.span_eval import evaluate_real, load_real_gold

    extractor = build_extractor(taxonomy_files, open_vocabulary=not no_open)
    rows: list[dict] = []
    limits: list[tuple[str, Tally]] = []  # (scope, tally) that the --min-* options apply to
    if part in ("all", "team"):
        team = evaluate(extractor, load_gold(gold_dir))
        limits += [(f"team {lang}", tally) for lang, tally in sorted(team.by_language.items())]
        rows += [{**r, "scope": f"team {r['scope']}"} for r in team.rows()]
        rows.append({"scope": "team traps fired", "fp": len(team.traps_fired)})
        if show_errors:
            for doc_id, sid in team.misses:
                click.echo(f"miss  team {doc_id}: {sid}", err=True)
            for doc_id, sid, text in team.false_positives:
                click.echo(f"false team {doc_id}: {sid} ({text!r})", err=True)
    real_dir = Path(gold_dir) / "real"
    if part != "team" and real_dir.is_dir():
        real = evaluate_real(extractor, load_real_gold(real_dir, None if part == "all" else part), real_dir)
        if real.unavailable:
            fail(f"{real.unavailable} real documents skipped: ../shared/data is not here")
        rows += real.rows()
        limits += [(" ".join(scope), t) for scope, t in sorted(real.tallies.items()) if len(scope) == 2]
        for name in sorted(real.documents):
            rows += [{"scope": f"real {name} {r['error']}", "fn" if r["error"].startswith("miss") else "fp": r["count"]}
                     for r in real.class_rows(name)]
        if show_errors:
            for error in real.errors:
                if error["part"] == "dev":
                    detail = f"{error['skill']} " if error["skill"] else ""
                    click.echo(f"{error['error']:<22} {error['doc']}: {detail}({error['text']!r})", err=True)
    write_rows(rows, fmt, output, ["scope", "tp", "fp", "fn", "precision", "recall", "f1"])
    below = [f"{scope}: {name} {value:.3f} < {limit}" for scope, t in limits
             for name, value, limit in (("precision", t.precision, min_precision), ("recall", t.recall, min_recall))
             if limit is not None and value < limit]
    for line in below:
        fail(f"below target: {line}")
    sys.exit(EXIT_FAILED if below else EXIT_OK)


@main.group()
def taxonomy() -> None:
    """Inspect and validate the skill taxonomy."""


@taxonomy.command("validate")
@taxonomy_option
def taxonomy_validate(taxonomy_files) -> None:
    """Check the bundled and --taxonomy concept files.

    Exit 1 with one line per problem.
    """
    from pipeline.taxonomy import problems

    found = problems(taxonomy_files)
    for p in found:
        click.echo(p, err=True)
    click.echo(f"{len(found)} problem(s)" if found else "taxonomy is valid", err=True)
    sys.exit(EXIT_FAILED if found else EXIT_OK)


@taxonomy.command("import-esco")
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--output", "out", required=True, type=click.Path(), help="Taxonomy file to write (.json or .yml).")
@taxonomy_option
def taxonomy_import_esco(source, out, taxonomy_files) -> None:
    """Import an ESCO CSV export, merged with the core.

    SOURCE is a folder or zip holding skills_en.csv / skills_nl.csv.

    \b
    Example:
      skillfit taxonomy import-esco "ESCO dataset - v1.1.1 - classification - en - csv.zip" -o esco.json
      skillfit extract cv.pdf --taxonomy esco.json
    """
    import time

    from pipeline.esco import import_esco, write_taxonomy
    from pipeline.taxonomy import load as load_taxonomy

    started = time.perf_counter()
    core = load_taxonomy(taxonomy_files)
    concepts = import_esco(source, core)
    write_taxonomy(concepts, out, core.version)
    new = sum(1 for c in concepts if c.get("imported"))
    labels = sum(len(c.get(lang, [])) for c in concepts for lang in ("en", "nl"))
    click.echo(f"wrote {out}: {new} ESCO concepts, {len(concepts) - new} core concepts extended, "
               f"{labels} labels in {time.perf_counter() - started:.1f}s", err=True)


@taxonomy.command("stats")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@taxonomy_option
def taxonomy_stats(fmt, taxonomy_files) -> None:
    """Counts of concepts, labels and ESCO links."""
    from pipeline.taxonomy import load as load_taxonomy

    stats = load_taxonomy(taxonomy_files).stats()
    if fmt == "json":
        click.echo(json.dumps(stats, indent=2))
        return
    rows = [{"what": k, "count": v} for k, v in stats.items() if not isinstance(v, dict)]
    rows += [{"what": f"{k}: {sub}", "count": n} for k, v in stats.items() if isinstance(v, dict)
             for sub, n in v.items()]
    write_rows(rows, "table")


@taxonomy.command("search")
@click.argument("text")
@output_options
@taxonomy_option
def taxonomy_search(text, fmt, output, taxonomy_files) -> None:
    """Find concepts by id or label, in English or Dutch."""
    from pipeline.taxonomy import load as load_taxonomy

    rows = [{"id": s.id, "type": s.type, "category": s.category, "en": s.labels.get("en", ()),
             "nl": s.labels.get("nl", ()), "esco": s.esco_uri, "broader": s.broader}
            for s in load_taxonomy(taxonomy_files).search(text)]
    write_rows(rows, fmt, output)


if __name__ == "__main__":  # pragma: no cover
    main()
