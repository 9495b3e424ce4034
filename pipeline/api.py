"""Library entry points: what the CLI, the spaCy component and ATS code all call."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pipeline import __version__
from pipeline.errors import ReadError, SkillfitError
from pipeline.matcher import SkillMatcher, cached_matcher
from pipeline.model import DocKind, Document
from pipeline.readers import read_bytes, read_path
from pipeline.readers.pdf import ENGINES as PDF_ENGINES
from pipeline.rows import skill_columns
from pipeline.stages import (
    DropNonSkillContexts,
    MatchSkills,
    Stage,
    classify_mentions,
    detect_language,
    drop_personal_data,
    segment_sections,
)
from pipeline.taxonomy import Taxonomy
from pipeline.taxonomy import load as load_taxonomy

CV_FOLDERS = {"cv", "cvs", "resume", "resumes", "candidates", "kandidaten", "sollicitanten", "applicants"}
VACANCY_FOLDERS = {"vacancy", "vacancies", "vacature", "vacatures", "jobs", "job", "roles", "ads", "jobads",
                   "postings", "openings"}
# Matched against lower-cased text: an IGNORECASE alternation is twice as slow.
VACANCY_CUES = re.compile(r"\b(wat bieden wij|wat bieden we|we offer|what we offer|wat vragen wij|requirements|"
                          r"solliciteer|apply now|apply|vacature|job description|functieomschrijving|"
                          r"jouw profiel|your profile|we are looking for|wij zoeken|we zoeken|nice to have)\b")
CV_CUES = re.compile(r"\b(curriculum vitae|werkervaring|work experience|employment history|opleiding|education|"
                     r"hobby's|hobbies|geboortedatum|date of birth|references|referenties)\b")


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
    """Guess cv or vacancy from cue phrases (used only when neither flag nor folder says)."""
    head = text[:5000].lower()
    return "vacancy" if len(VACANCY_CUES.findall(head)) > len(CV_CUES.findall(head)) else "cv"


def document_id(text: str) -> str:
    """Stable id from the content: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Failure:
    """A document that could not be read: its source, status and one-line reason."""

    source: str
    status: str
    reason: str

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
        plugins: add stages from installed `skillfit.stages` plugins (default: yes, unless the
            environment sets SKILLFIT_PLUGINS=0).
        pdf_engine: how PDFs are read: "pdfium" (fast, the default) or "pdfplumber" (slower, the
            reference parser); both give the same text for nearly every PDF.
    """

    def __init__(self, taxonomy: Taxonomy | None = None, taxonomy_files: Sequence[str | Path] = (),
                 stages: Sequence[Stage] | None = None, fuzzy: bool = True, use_cache: bool = True,
                 plugins: bool | None = None, pdf_engine: str = "pdfium") -> None:
        if pdf_engine not in PDF_ENGINES:
            raise ValueError(f"unknown pdf_engine {pdf_engine!r} (choose from {', '.join(PDF_ENGINES)})")
        self.pdf_engine = pdf_engine
        self.taxonomy = taxonomy or load_taxonomy(taxonomy_files)
        self.matcher: SkillMatcher = cached_matcher(self.taxonomy, use_cache=use_cache)
        if stages is not None:
            self.stages: list[Stage] = list(stages)
        else:
            self.stages = self.default_stages(fuzzy)
            if plugins is None:
                plugins = os.environ.get("SKILLFIT_PLUGINS", "1") != "0"
            if plugins:
                for stage in plugin_stages(self):
                    insert_stage(self.stages, stage)

    def default_stages(self, fuzzy: bool = True) -> list[Stage]:
        """The built-in pipeline: detect, segment, match, personal, context, classify (see `stage_name`)."""
        return [detect_language, segment_sections, MatchSkills(self.matcher, fuzzy=fuzzy), drop_personal_data,
                DropNonSkillContexts(self.taxonomy), classify_mentions]

    def process(self, doc: Document) -> Document:
        """Run every stage over `doc`."""
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def extract(self, source: str | bytes | Path, kind: str | None = None, language: str | None = None,
                doc_id: str | None = None, name: str | None = None) -> Document:
        """Extract skills from text (str), file content (bytes) or a file (Path).

        Raises:
            ReadError: the file or bytes cannot be read; `.status` says why.
        """
        origin = None
        if isinstance(source, Path):
            origin = str(source)
            text = read_path(source, self.pdf_engine)
            kind = kind or kind_from_path(source)
        elif isinstance(source, bytes):
            text = read_bytes(source, name or "<bytes>", self.pdf_engine)
            origin = name
        else:
            text = source
            origin = name
        # "cv" or "vacancy" by contract: the CLI validates --kind and JSONL "kind", and the guessers return only those
        doc_kind = cast("DocKind", kind or kind_from_text(text))
        doc = Document(id=doc_id or document_id(text), text=text, kind=doc_kind, source=origin, language=language)
        return self.process(doc)

    def extract_many(self, paths: Iterable[str | Path], kind: str | None = None) -> Iterator[Document | Failure]:
        """Extract every file in order; unreadable files come out as Failure, never as an exception."""
        for path in paths:
            try:
                yield self.extract(Path(path), kind=kind)
            except ReadError as exc:
                yield Failure(str(path), exc.status, exc.reason)

    def to_dict(self, doc: Document) -> dict[str, Any]:
        """The extract contract (DESIGN.md section 3) for one document."""
        return document_to_dict(doc, self.taxonomy)


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
        skills.append({
            "skill_id": m.skill_id,
            "label": skill.label(doc.language or "en") if skill else m.text,
            **skill_columns(skill, m),  # label_en, type, category, esco_uri: as in the stored rows
            "start": m.start, "end": m.end, "text": m.text,
            "method": m.method, "confidence": m.confidence,
            "section": m.section, "requirement": m.requirement, "years": m.years, "level": m.level,
        })
    return {
        "doc_id": doc.id, "source": doc.source, "kind": doc.kind, "language": doc.language,
        "skills": skills,
        "skillfit_version": __version__,
        "taxonomy_version": taxonomy.version, "taxonomy_hash": taxonomy.content_hash,
    }


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and every file under named folders (sorted, hidden ones skipped): a file
    skillfit cannot read still gets its status (unsupported), it is never passed over in silence."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    yield f
        else:
            yield p
