"""Library entry points: what the CLI, the spaCy component and ATS code all call."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pipeline import __version__
from pipeline.errors import ReadError, SkillfitError
from pipeline.isolation import ParsePool, length_check
from pipeline.job_titles import TITLE_PREFIX
from pipeline.kind import DOUBT_KEY as READS_LIKE_CV
from pipeline.kind import META_KEY as KIND_CONFIDENCE
from pipeline.kind import VACANCY_DOUBT_KEY as READS_LIKE_VACANCY
from pipeline.kind import guess_kind
from pipeline.matcher import SkillMatcher, cached_matcher
from pipeline.model import OPEN_PREFIX, DocKind, Document, Mention, document_id
from pipeline.normalise import plain_spaces
from pipeline.occupations import isco_of, lexicon
from pipeline.paths import printable
from pipeline.readers import OCR_MODES, OcrSpan, read, read_file
from pipeline.readers.html import looks_like_html, read_html
from pipeline.readers.pdf import ENGINES as PDF_ENGINES
from pipeline.rows import EXTRACTED_WITH, skill_columns, title_of
from pipeline.stages import (
    DropNonSkillContexts,
    FindOpenSkills,
    GroupAlternatives,
    MatchSkills,
    Stage,
    classify_mentions,
    detect_language,
    drop_personal_data,
    find_occupations,
    segment_sections,
)
from pipeline.taxonomy import Taxonomy
from pipeline.taxonomy import load as load_taxonomy
from pipeline.titles import META_KEY as TITLE

if TYPE_CHECKING:
    from pipeline.outcome import Limits

CV_FOLDERS = {"cv", "cvs", "resume", "resumes", "candidates", "kandidaten", "sollicitanten", "applicants"}
VACANCY_FOLDERS = {"vacancy", "vacancies", "vacature", "vacatures", "jobs", "job", "roles", "ads", "jobads",
                   "postings", "openings"}


def record_kind(value: Any) -> DocKind | None:
    """A record's "kind" as cv or vacancy: also in the words its folder could have ("vacature", "resume", "Job"),
    any case; None for none.

    Raises:
        ValueError: for anything else, naming what is accepted.
    """
    if value is None:
        return None
    name = value.strip().lower() if isinstance(value, str) else None
    if name in CV_FOLDERS:
        return "cv"
    if name in VACANCY_FOLDERS:
        return "vacancy"
    raise ValueError(f'"kind" must be "cv" or "vacancy" (or "resume", "vacature", "job"), not {value!r}')


LANGUAGES = {"en": "en", "eng": "en", "english": "en", "engels": "en", "anglais": "en", "nl": "nl", "nld": "nl", "dut": "nl",
             "dutch": "nl", "nederlands": "nl", "flemish": "nl", "vlaams": "nl", "néerlandais": "nl"}


def record_language(value: str | None) -> str | None:
    """A record's "language" as en or nl: also a locale ("nl-BE", "en_GB") or a language's name ("Dutch"), any case;
    None for none (the language is detected then).

    Raises:
        ValueError: for another language, naming what is accepted.
    """
    if value is None or not value.strip():
        return None
    name = value.strip().lower()
    found = LANGUAGES.get(name) or LANGUAGES.get(re.split(r"[-_]", name, maxsplit=1)[0])
    if found is None:
        raise ValueError(f'"language" must be "en" or "nl" (or a locale such as "nl-BE"), not {value[:40]!r}')
    return found


def kind_from_path(path: str | Path) -> DocKind | None:
    """`cv` or `vacancy` from the names of the folders a file sits in, else None."""
    for part in reversed(Path(path).parent.parts):
        name = part.lower()
        if name in CV_FOLDERS:
            return "cv"
        if name in VACANCY_FOLDERS:
            return "vacancy"
    return None


def kind_from_text(text: str) -> DocKind:
    """Guess cv or vacancy from the text alone (used only when neither flag nor folder says); see `guess_kind`."""
    return guess_kind(text).kind


# Files that are no CV or vacancy, whatever their bytes: code and configuration, a folder's own notes.
CODE_SUFFIXES = {".py", ".pyi", ".ipynb", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".java", ".kt", ".scala", ".c",
                 ".h", ".cc", ".cpp", ".hpp", ".cs", ".go", ".rs", ".rb", ".php", ".pl", ".lua", ".swift", ".r", ".sh",
                 ".bash", ".zsh", ".ps1", ".bat", ".sql", ".css", ".scss", ".less", ".yaml", ".yml", ".toml", ".ini",
                 ".cfg", ".conf", ".lock", ".xml", ".xsd", ".svg", ".log"}
NOTE_NAMES = {"readme", "source", "license", "licence", "changelog", "contributing", "copying", "authors", "notice",
              "codeowners", "security", "manifest"}
# A line of code: a statement opening it, or braces and call ends closing it (a ";" alone ends many a Dutch list
# item, so it does not count).
CODE_LINE = re.compile(r"^\s*(?:import \w|from [\w.]+ import |def \w+\(|class \w+[(:]|#include|function\b|"
                       r"(?:const|let|var|public|private|static|return)\s)|(?:[{}]|\);|\):|=>)\s*$")
TABLE_SEPARATORS = (",", ";", "\t", "|")
# The object syntax of a PDF that lost its %PDF header ("1 0 obj<<", "trailer<<", "endobj") decodes as text.
PDF_SYNTAX = re.compile(r"\btrailer\s*<<|\bstartxref\b|\bendobj\b|\b\d+ \d+ obj\b")


def not_a_document(name: str | None, text: str) -> str | None:
    """Why a file is no CV or vacancy (source code, a data table, JSON that is no record, a folder's README or
    SOURCE notes), or None when it may be one. `name` is the file name, when there is one."""
    path = Path(name or "")
    suffix = path.suffix.lower()
    if suffix in CODE_SUFFIXES:
        return f"source code or configuration ({suffix}), not a CV or vacancy"
    if path.stem.lower() in NOTE_NAMES and suffix in ("", ".md", ".txt", ".rst", ".markdown"):
        return f"{path.name} is a note about its folder, not a CV or vacancy"
    if suffix in (".json", ".jsonl", ".ndjson") or text.lstrip()[:1] in ("{", "["):
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: nested too deeply to be a record
            if suffix in (".jsonl", ".ndjson") or _json_lines(text):
                return "JSON lines: pipe the records to `skillfit extract -`"
            if suffix == ".json":
                return "not valid JSON"
        else:
            if not (isinstance(value, dict) and isinstance(value.get("text"), str)):
                return 'JSON that is not a document record ({"text": ..., "kind": ...})'
    if suffix in (".csv", ".tsv") and (columns := _csv_columns(text, "\t" if suffix == ".tsv" else None)):
        return f"a data table ({columns} columns), not a CV or vacancy"
    if PDF_SYNTAX.search(text, 0, 4000):
        return "PDF syntax without a PDF header (a damaged PDF), not a CV or vacancy"
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    if len(lines) >= 5:
        if sum(bool(CODE_LINE.search(line)) for line in lines) >= 0.4 * len(lines) or text.startswith("#!"):
            return "source code, not a CV or vacancy"
        for sep in TABLE_SEPARATORS:
            counts = [line.count(sep) for line in lines]
            if min(counts) >= 3 and max(counts) - min(counts) <= 1 and sum(c == counts[0] for c in counts) >= 0.9 * len(counts):
                return f"a data table ({counts[0] + 1} columns), not a CV or vacancy"
    return None


def _csv_columns(text: str, delimiter: str | None) -> int | None:
    """The number of columns of a CSV file's first rows when they agree (quoted fields may hold line breaks, so
    lines are not rows), else None."""
    import csv

    sample = text[:65536]
    try:
        delimiter = delimiter or csv.Sniffer().sniff(sample[:8192], delimiters=",;\t|").delimiter
        rows = [len(row) for _, row in zip(range(20), csv.reader(io.StringIO(sample), delimiter=delimiter)) if row]
    except csv.Error:
        return None
    complete = rows[:-1] if len(rows) > 2 else rows  # the sample may cut the last row short
    return complete[0] if len(complete) >= 2 and complete[0] >= 3 and len(set(complete)) == 1 else None


def plain_text(text: str) -> str:
    """A text given as a string, its visible text where it is HTML markup (a record of a website's vacancy); empty
    for markup that shows nothing (an empty text is an empty document, as `extract("")` is)."""
    return read_html(text.encode("utf-8", "surrogateescape")) if looks_like_html(text) else text


def json_record(text: str) -> dict[str, Any] | None:
    """The record a JSON file holds (`{"text": ..., "kind", "language", "title", "id"}`), or None when the text
    is not JSON.

    Raises:
        ReadError: `malformed` for a record whose fields have the wrong type; `empty` for one without text.
    """
    if text.lstrip()[:1] != "{":
        return None
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return None
    try:
        record["kind"] = record_kind(record.get("kind"))
    except ValueError as exc:
        raise ReadError("malformed", f"record {exc}") from None
    for key in ("language", "title"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise ReadError("malformed", f'record "{key}" must be a string')
    if not record["text"].strip():
        raise ReadError("empty", 'the record\'s "text" is empty')
    return record


def _json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    try:
        return len(lines) > 1 and all(isinstance(json.loads(line), dict) for line in lines[:20])
    except (ValueError, RecursionError):
        return False


@dataclass(frozen=True)
class Failure:
    """A document that could not be read: its source, status and one-line reason."""

    source: str
    status: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", printable(self.source))  # a file name that is not UTF-8 still prints

    def to_dict(self) -> dict[str, Any]:
        """The error record of the extract contract."""
        return {"source": self.source, "status": self.status, "error": self.reason}

    def to_log(self) -> dict[str, Any]:
        """The record kept in the database's run log: the file as a hash, since CV file names are personal."""
        return {"file": hashlib.sha256(self.source.encode()).hexdigest()[:12], "status": self.status,
                "error": self.reason}


class Extractor:
    """Extracts skills from documents; build once, reuse for every document.

    The taxonomy is loaded and compiled once (cached on disk by content hash). An Extractor holds
    no per-document state, so one instance may be shared by threads.

    Args:
        taxonomy: an already loaded Taxonomy; by default the bundled one plus `taxonomy_files`.
        taxonomy_files: extra taxonomy files or folders (company skills, an imported ESCO).
        stages: the pipeline as a list of `Document -> Document` callables; default `default_stages()`.
        fuzzy: allow approximate matches for typos and OCR noise.
        open_vocabulary: also report skill phrases the taxonomy does not know (method "open"), found in skills
            sections, after cues ("experience with") and in lists beside known skills.
        plugins: add stages from installed `skillfit.stages` plugins (default: yes, unless the
            environment sets SKILLFIT_PLUGINS=0).
        pdf_engine: how PDFs are read: "pdfium" (fast, the default) or "pdfplumber" (slower, the
            reference parser); both give the same text for nearly every PDF.
        ocr: "auto" (default) reads scanned PDF pages and image files with OCR (Tesseract) where it is
            installed, "always" every PDF page too (a text layer of garbage), "never" none: they are then
            `no_text_layer`, as they are under "auto" on a machine without Tesseract.
        limits: parse every file or bytes in a small pool of worker processes under these per-document limits
            (a `pipeline.outcome.Limits`; `Limits()` has the defaults of `skillfit extract`, `load` and `screen`
            and of `extract_batch`: 60 s, 1024 MB more address space than the worker has when the document
            arrives, 50 MB files, 2,000,000 characters; the Dask path applies the last two). A parse that runs
            over `timeout_s` is killed with everything it started: ReadError `timeout`; one that needs more than
            `memory_mb`, or whose worker crashes (twice: a crash is retried once in a fresh worker), is ReadError
            `resource_limit`; a file over `max_file_mb` or a text (a str too) over `max_chars` is `too_large`.
            A dead worker is replaced, so the next document works. Only parsing runs in the workers; the stages
            run in the calling thread. Workers are fresh interpreters (fork and exec, never a bare fork, so a
            threaded caller such as a web server is safe), started on first use or by `start_workers()`: the
            first bounded call pays that start-up (about a quarter of a second; see `pipeline.isolation`).
            Use this for untrusted uploads. Default None: parse in-process with no time or memory bound, as
            always (the fastest path, for trusted files).
        parse_workers: the most documents parsed at once with `limits` (default: one per core, at most 4);
            callers beyond that wait for a free worker.

    With `limits`, call `close()` (or use the Extractor as a context manager) to stop the workers early; they
    also stop when the Extractor is garbage-collected or the process exits.
    """

    def __init__(self, taxonomy: Taxonomy | None = None, taxonomy_files: Sequence[str | Path] = (),
                 stages: Sequence[Stage] | None = None, fuzzy: bool = True, use_cache: bool = True,
                 plugins: bool | None = None, pdf_engine: str = "pdfium", ocr: str = "auto",
                 open_vocabulary: bool = True, limits: Limits | None = None,
                 parse_workers: int | None = None) -> None:
        if pdf_engine not in PDF_ENGINES:
            raise ValueError(f"unknown pdf_engine {pdf_engine!r} (choose from {', '.join(PDF_ENGINES)})")
        if ocr not in OCR_MODES:
            raise ValueError(f"unknown ocr {ocr!r} (choose from {', '.join(OCR_MODES)})")
        if ocr == "always":
            from pipeline.readers.ocr import unavailable
            if unavailable():
                raise SkillfitError(f"--ocr always: {unavailable()}")
        self.pdf_engine, self.ocr = pdf_engine, ocr
        self.limits = limits
        # The parse workers, when `limits` are given (tests may swap in a ParsePool with their own reader).
        self.parse_pool: ParsePool | None = ParsePool(limits, parse_workers) if limits is not None else None
        self.taxonomy = taxonomy or load_taxonomy(taxonomy_files)
        self.matcher: SkillMatcher = cached_matcher(self.taxonomy, use_cache=use_cache)
        if stages is not None:
            self.stages: list[Stage] = list(stages)
        else:
            self.stages = self.default_stages(fuzzy, open_vocabulary)
            if plugins is None:
                plugins = os.environ.get("SKILLFIT_PLUGINS", "1") != "0"
            if plugins:
                for stage in plugin_stages(self):
                    insert_stage(self.stages, stage)

    def default_stages(self, fuzzy: bool = True, open_vocabulary: bool = True) -> list[Stage]:
        """The built-in pipeline: detect, segment, match, open, personal, context, classify, alternatives,
        occupations (see `stage_name`)."""
        found: list[Stage] = [MatchSkills(self.matcher, fuzzy=fuzzy)]
        if open_vocabulary:
            found.append(FindOpenSkills(self.taxonomy, self.matcher.known_words))
        return [detect_language, segment_sections, *found, drop_personal_data,
                DropNonSkillContexts(self.taxonomy, self.matcher.known_words), classify_mentions,
                GroupAlternatives(self.taxonomy), find_occupations]

    @property
    def settings(self) -> str:
        """A hash of what a document's rows depend on besides its text: skillfit's version, the taxonomy, the
        stages (with fuzzy matching on or off, open skills, plugins) and how files are parsed. Each processed
        document carries it (`doc.meta["extracted_with"]`, stored in documents.extracted_with), so loading a file
        again with other settings replaces its rows instead of calling them unchanged."""
        parts = [__version__, self.taxonomy.content_hash, self.pdf_engine, self.ocr,
                 *(f"{stage_name(s)}:{type(s).__module__}:{getattr(s, 'fuzzy', '')}" for s in self.stages)]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]

    def process(self, doc: Document) -> Document:
        """Run every stage over `doc`; it carries the settings it was extracted with (`extracted_with`), and, where
        its id is not a hash of its text (a record's own id), its text's hash with them, and its title and source:
        a record sent again with a new text, title or source under the same id is a changed document, not an
        unchanged one."""
        written = doc.text
        doc = doc.replace(text=plain_spaces(written))  # read with plain spaces, given back as written
        for stage in self.stages:
            doc = stage(doc)
        doc = as_written(doc, written)
        settings = self.settings
        if doc.id != document_id(doc.text):
            record = "\n".join((settings, document_id(doc.text), doc.meta.get(TITLE) or "", doc.source or ""))
            settings = hashlib.sha256(record.encode()).hexdigest()[:16]
        return doc.replace(meta={**doc.meta, EXTRACTED_WITH: settings})

    def extract(self, source: str | bytes | Path, kind: str | None = None, language: str | None = None,
                doc_id: str | None = None, name: str | None = None, title: str | None = None) -> Document:
        """Extract skills from text (str), file content (bytes) or a file (Path).

        The kind is `kind`, else the folder a file sits in, else a guess from the text, whose confidence is in
        `doc.meta["kind_confidence"]` (1.0 when the kind was given; below `pipeline.kind.SURE`: unsure). A file in a
        vacancies folder that the classifier is sure is a CV has `doc.meta["reads_like_cv"]` (how sure), a file in a
        CVs folder that it is sure is a vacancy `doc.meta["reads_like_vacancy"]`.
        With `limits` (see the class), files and bytes are parsed in a worker process within them. Text is never
        refused: an empty one is a document with no skills (an empty file or JSONL record is `empty`).
        A file that is no CV or vacancy (source code, a data table, a folder's README) raises ReadError with
        status `unsupported`; a JSON file holding one record (`{"text", "kind", "title", ...}`) is read as
        that record. `title`: a vacancy's job title when the caller knows it (else it is found in the text).

        Raises:
            ReadError: the file or bytes cannot be read, or are no document; `.status` says why (with `limits`
                also `timeout`, `resource_limit` and `too_large`).
            TypeError: `source` is none of those, or `doc_id`, `name`, `title` or `language` is no string.
            ValueError: `kind` is no kind (see `record_kind`), or `language` no language (see `record_language`).
        """
        if not isinstance(source, (str, bytes, Path)):
            raise TypeError(f"source must be text (str), file content (bytes) or a file (pathlib.Path), "
                            f"not {type(source).__name__}")
        for field, value in (("doc_id", doc_id), ("name", name), ("title", title), ("language", language)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{field} must be a string, not {type(value).__name__}")
        kind = record_kind(kind) if kind else None  # "resume", "Vacature", …; ValueError for anything else
        language = record_language(language)  # "nl-BE", "Dutch"; ValueError for another language
        origin = None
        from_folder = False  # the kind comes from the folder's name (a misfiled CV is caught below)
        ocr: tuple[OcrSpan, ...] = ()  # the stretches of text that OCR read
        pool = self.parse_pool
        try:
            if isinstance(source, Path):
                origin = str(source)
                text, ocr = pool.read(source, source.name, self.pdf_engine, self.ocr) if pool else \
                    read_file(source, self.pdf_engine, self.ocr)
                # the folder says the kind, alone or as the caller does (`screen vacatures/ cvs/`)
                folder_kind = kind_from_path(source)
                from_folder = folder_kind is not None and kind in (None, folder_kind)
                kind = kind or folder_kind
            elif isinstance(source, bytes):
                text, ocr = pool.read(source, name or "<bytes>", self.pdf_engine, self.ocr) if pool else \
                    read(source, name or "<bytes>", self.pdf_engine, self.ocr)
                origin = name
        except ReadError as exc:  # the library's caller sees which file: "cvs/x.pdf: encrypted: …"
            exc.source = exc.source or (printable(str(source)) if isinstance(source, Path) else name)
            raise
        if isinstance(source, str):
            text = source
            origin = name
            if self.limits is not None:
                length_check(text, self.limits)
            text = plain_text(text)
        if origin is not None and not isinstance(source, str):  # a file: is it a document at all?
            reason = not_a_document(Path(origin).name, text)
            if reason:
                raise ReadError("unsupported", reason, printable(origin))
            record = json_record(text)
            if record is not None:
                text, kind = plain_text(record["text"]), record.get("kind") or kind
                if not text.strip():  # a record of HTML that shows nothing: empty, as such an .html file is
                    raise ReadError("empty", "the record's HTML has no visible text", printable(origin))
                language, title = language or record_language(record.get("language")), title or record.get("title")
                doc_id = doc_id or (str(record["id"]) if record.get("id") is not None else None)
        confidence, doubt = 1.0, None
        if not kind:
            guess = guess_kind(text)
            kind, confidence = guess.kind, guess.confidence
        elif from_folder:  # a misfiled CV stored as a role would keep the person's name; a vacancy is ranked
            guess = guess_kind(text)
            doubt = guess.confidence if guess.kind != kind and guess.sure else None
        meta: dict[str, Any] = {KIND_CONFIDENCE: confidence}
        if doubt:
            meta[READS_LIKE_CV if kind == "vacancy" else READS_LIKE_VACANCY] = doubt
        if title and title.strip():
            meta[TITLE] = title.strip()
        # "cv" or "vacancy" by contract: `kind` was validated above, json_record validates its own, and the guessers
        # return only those
        doc = Document(id=doc_id or document_id(text), text=text, kind=cast("DocKind", kind),
                       source=printable(origin) if origin else origin, language=language, meta=meta)
        return ocr_confidence(self.process(doc), ocr) if ocr else self.process(doc)

    def extract_many(self, paths: Iterable[str | Path], kind: str | None = None) -> Iterator[Document | Failure]:
        """Extract every file in order, one at a time in this process (parsing in a worker under `limits` when
        the Extractor has them); unreadable files come out as Failure, never as an exception. For many files,
        `pipeline.batch.extract_batch` runs the whole extraction in parallel worker processes under the same
        `Limits`."""
        for path in paths:
            try:
                yield self.extract(Path(path), kind=kind)
            except ReadError as exc:
                yield Failure(str(path), exc.status, exc.reason)

    def start_workers(self, workers: int | None = None) -> None:
        """With `limits`: start `workers` parse workers (default: as many as `parse_workers`) now, so that the
        first documents do not wait for them; without `limits`, nothing."""
        if self.parse_pool is not None:
            self.parse_pool.start(workers or self.parse_pool.size)

    def close(self) -> None:
        """Stop the parse workers, if any; a later `extract` of a file or bytes starts them again."""
        if self.parse_pool is not None:
            pool, self.parse_pool = self.parse_pool, ParsePool(self.parse_pool.limits, self.parse_pool.size,
                                                               self.parse_pool.reader)
            pool.close()

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def to_dict(self, doc: Document) -> dict[str, Any]:
        """The extract contract (DESIGN.md section 3) for one document."""
        return document_to_dict(doc, self.taxonomy)


OCR_CONFIDENCE_CAP = 0.9  # a mention in text that OCR read is never as sure as one from a text layer


def as_written(doc: Document, text: str) -> Document:
    """`doc`, read with plain spaces (normalise.plain_spaces), given back its text as written: every mention's text
    is the slice of what the caller passed (the extract contract; offsets are the same)."""
    if doc.text == text:
        return doc

    def own(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        return tuple(replace(m, text=text[m.start:m.end]) if m.end > m.start else m for m in mentions)

    return doc.replace(text=text, mentions=own(doc.mentions), occupations=own(doc.occupations),
                       title_words=own(doc.title_words))


def ocr_confidence(doc: Document, spans: Sequence[OcrSpan]) -> Document:
    """`doc` with the confidence of each mention in text that OCR read multiplied by Tesseract's confidence
    in that page, at most OCR_CONFIDENCE_CAP: the letters themselves may be misread."""
    def factor(start: int) -> float:
        return next((min(OCR_CONFIDENCE_CAP, s.confidence) for s in spans if s.start <= start < s.end), 1.0)

    return doc.replace(mentions=tuple(replace(m, confidence=round(m.confidence * factor(m.start), 3))
                                      for m in doc.mentions))


PLUGIN_GROUP = "skillfit.stages"


def stage_name(stage: Stage) -> str:
    """A stage's name: its `name` attribute, else its function name (detect, segment, match, classify)."""
    name = getattr(stage, "name", None)
    if name:
        return name
    return getattr(stage, "__name__", type(stage).__name__)


def insert_stage(stages: list[Stage], stage: Stage) -> None:
    """Put `stage` where its `position` attribute says: "end" (default), "start", "before:NAME" or "after:NAME";
    "replace:NAME" swaps out a built-in stage."""
    position = getattr(stage, "position", "end")
    where, _, name = position.partition(":")
    names = [stage_name(s) for s in stages]
    if where in ("before", "after", "replace"):
        if name not in names:
            raise ValueError(f"stage {stage_name(stage)!r}: no stage named {name!r} (there are {names})")
        index = names.index(name)
        if where == "replace":
            stages[index] = stage
        else:
            stages.insert(index + (where == "after"), stage)
    elif where == "start":
        stages.insert(0, stage)
    else:
        stages.append(stage)


def plugin_stages(extractor: Extractor) -> list[Stage]:
    """Stages from installed packages: entry points in the `skillfit.stages` group.

    Each entry point names a factory called with the Extractor, returning a stage (a callable
    `Document -> Document`, optionally with `name` and `position` attributes).
    """
    from importlib.metadata import entry_points

    stages = []
    for ep in sorted(entry_points(group=PLUGIN_GROUP), key=lambda ep: ep.name):
        try:
            stages.append(ep.load()(extractor))
        except Exception as exc:
            raise SkillfitError(f"stage plugin {ep.name} ({ep.value}) failed to load: {type(exc).__name__}: {exc}"
                                " (uninstall it or pass plugins=False)") from None
    return stages


def document_to_dict(doc: Document, taxonomy: Taxonomy) -> dict[str, Any]:
    """Serialise a processed Document to the JSON contract."""
    skills = []
    for m in doc.mentions:
        skill = taxonomy.skills.get(m.skill_id)
        columns = skill_columns(skill, m)  # label_en, type, category, esco_uri: as in the stored rows
        skills.append({
            "skill_id": None if m.skill_id.startswith(OPEN_PREFIX) else m.skill_id,
            "label": skill.label(doc.language or "en") if skill else columns["label_en"],
            **columns,
            "start": m.start, "end": m.end, "text": m.text,
            "method": m.method, "confidence": m.confidence,
            "section": m.section, "requirement": m.requirement, "years": m.years, "level": m.level,
            "group": m.group,
            **({"key": m.key} if m.key else {}), **({"link": m.link} if m.link else {}),
        })
    return {
        "doc_id": doc.id, "source": doc.source, "status": "ok", "kind": doc.kind,
        "kind_confidence": doc.meta.get(KIND_CONFIDENCE, 1.0), "title": title_of(doc), "language": doc.language,
        "skills": skills,
        "occupations": [{"isco": isco_of(m), "label": lexicon().name(isco_of(m)), "text": m.text,
                         "start": m.start, "end": m.end, "section": m.section, "requirement": m.requirement,
                         "years": m.years}
                        for m in doc.occupations],
        "title_words": [{"word": m.skill_id[len(TITLE_PREFIX):], "text": m.text, "start": m.start, "end": m.end,
                         "section": m.section, "requirement": m.requirement, "specificity": m.confidence}
                        for m in doc.title_words],
        "skillfit_version": __version__,
        "taxonomy_version": taxonomy.version, "taxonomy_hash": taxonomy.content_hash,
    }


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and every entry under named folders that is not a folder (sorted, hidden ones
    skipped): FIFOs, devices, links to folders and link loops come out too, so that reading gives them a status
    (unsupported) instead of passing them over in silence. Links to folders are not followed; the walk is
    iterative, so a folder nested a thousand deep is no problem."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(_below(p))
        else:
            yield p


def _below(root: Path) -> Iterator[Path]:
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            yield folder  # unreadable: reading it reports why
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                folders.append(Path(entry.path))
            else:
                yield Path(entry.path)