"""A processed Document as table rows: the one serializer, and the one Arrow schema per table.

The DuckDB loader (`Store.write`) and the Parquet writer (`pipeline.distributed`) both get their rows
here, so a database loaded from files and one loaded from a Parquet result hold the same values. The
rows carry every column of the Parquet result; the loader keeps those its tables have.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from functools import cache
from typing import TYPE_CHECKING, Any

from pipeline import __version__
from pipeline.job_titles import part_around, title_columns
from pipeline.kind import META_KEY as KIND_CONFIDENCE
from pipeline.model import Document, Mention, Skill
from pipeline.normalise import normalise
from pipeline.occupations import occupation_columns
from pipeline.personal_data import BIRTH_DATE, EMAIL, PHONE, PROTECTED, name_words, redact
from pipeline.sentences import SentenceBounds, bounds_of
from pipeline.titles import META_KEY as TITLE_KEY
from pipeline.titles import find_title

if TYPE_CHECKING:
    import pyarrow as pa

    from pipeline.taxonomy import Taxonomy

EVIDENCE_MAX = 300
EVIDENCE_SHOWN = 110  # characters of evidence `gap` shows (pipeline.cli.clip): a longer sentence is cut ...
EVIDENCE_BEFORE = 50  # ... to start about this far before its mention
OPEN_CATEGORY = "open"  # the category of a skill found outside the taxonomy
TITLE_MAX = 120
TABLES = ("documents", "mentions", "texts")
EXTRACTED_WITH = "extracted_with"  # Document.meta key: the Extractor's settings hash (pipeline.api.Extractor.settings)


def evidence(text: str, start: int, end: int, names: Set[str] = frozenset(),
             sentence_of: SentenceBounds | None = None, private: bool = False) -> str:
    """The sentence around a mention, without e-mail addresses, phone numbers, birth dates or `names` (`private`, a
    CV's: nor addresses, bank accounts and protected attributes in prose, see `redact`), and as a
    person reads it: without Markdown escapes and emphasis or mojibake ("BIG\\-registratie" is "BIG-registratie").
    A long sentence (a skills line, a paragraph without full stops) is shown from a few words before the mention,
    after "…", so that the mention is in what is stored and near the start of what `gap` and the report show."""
    s, e = (sentence_of or SentenceBounds(text))(start, end)
    lead = ""
    if e - s > EVIDENCE_SHOWN and start - s > EVIDENCE_BEFORE:
        space = text.find(" ", start - EVIDENCE_BEFORE, start)
        cut = space + 1 if space >= 0 else start
        spans = [*PHONE.finditer(text, s, e), *EMAIL.finditer(text, s, e), *BIRTH_DATE.finditer(text, s, e),
                 *(PROTECTED.finditer(text, s, e) if private else ())]
        for found in spans:
            # never cut inside a phone number ("… 34 56 78") or an age ("Ik ben 52 jaar": "ben 52 jaar" reads as
            # none and would be kept): past it
            if found.start() < cut < found.end():
                cut = min(found.end(), start)
        s, lead = cut, "… "
    return redact(lead + " ".join(normalise(text[s:e])[0].split()), names, private)[:EVIDENCE_MAX]


def title_of(doc: Document) -> str | None:
    """A vacancy's job title: the one its record gave, else the one its text names (`pipeline.titles`), else
    None (no line names a role); always None for CVs, whose title would be a person's name."""
    if doc.kind != "vacancy":
        return None
    title = doc.meta.get(TITLE_KEY) or find_title(doc.text)
    return title[:TITLE_MAX] if title else None


def redactable_names(doc: Document) -> frozenset[str]:
    """Name words to remove from a CV's evidence sentences; a word that is itself a skill mention stays."""
    if doc.kind != "cv":
        return frozenset()
    skill_words = {w.casefold() for m in doc.mentions for w in m.text.split()}
    return name_words(doc.text) - skill_words


def skill_columns(skill: Skill | None, mention: Mention) -> dict[str, Any]:
    """What the taxonomy says of a mention's skill (label_en, type, category, esco_uri); for a skill the
    taxonomy does not have (method open), the mention's own text is the label and its words tell the type; an
    occupation (method occupation) has its ISCO group's, a job-title word (method title) its own."""
    if mention.method == "occupation":
        return occupation_columns(mention)
    if mention.method == "title":
        return title_columns(mention)
    if skill is None:
        return {"label_en": " ".join(normalise(mention.text)[0].split()),  # as a person reads it ("décor", no "Ã©")
                "type": mention.type, "category": OPEN_CATEGORY if mention.key else None,
                "esco_uri": None}
    return {"label_en": skill.label("en"), "type": skill.type, "category": skill.category, "esco_uri": skill.esco_uri}


def title_evidence(doc: Document, mention: Mention, names: Set[str]) -> str:
    """A job-title word's evidence: a vacancy's title, or the part of a CV's line that names the job (not the whole
    line, which may hold an address)."""
    if doc.kind == "vacancy":
        return (title_of(doc) or mention.text)[:EVIDENCE_MAX]
    return redact(part_around(doc.text, mention.start, mention.end), names, private=True)[:EVIDENCE_MAX]


def document_rows(doc: Document, index: int, taxonomy: Taxonomy) -> dict[str, list[dict]]:
    """The rows of one processed document, per table (see `TABLES`); `index` is its `doc_index`, its place
    among the documents written together."""
    versions = {"skillfit_version": __version__, "taxonomy_version": taxonomy.version,
                "taxonomy_hash": taxonomy.content_hash}
    names = redactable_names(doc)
    sentence_of = bounds_of(doc.text)  # the text's sentence ends, found once per document
    mentions = [{
        "doc_id": doc.id, "doc_index": index, "seq": seq, "kind": doc.kind, "language": doc.language,
        "skill_id": m.skill_id, **skill_columns(taxonomy.skills.get(m.skill_id), m),
        "start_offset": m.start, "end_offset": m.end, "text": m.text, "method": m.method, "confidence": m.confidence,
        "section": m.section, "requirement": m.requirement, "years": m.years, "level": m.level,
        "alt_group": m.group, "key": m.key, "link": m.link,
        "evidence": title_evidence(doc, m, names) if m.method == "title"
        else evidence(doc.text, m.start, m.end, names, sentence_of, private=doc.kind == "cv"), **versions}
        for seq, m in enumerate(doc.mentions + doc.occupations + doc.title_words)]
    document = {
        "doc_id": doc.id, "doc_index": index, "kind": doc.kind, "language": doc.language,
        "source": doc.source if doc.kind != "cv" else None,  # CV file names often hold the person's name
        "title": title_of(doc), "kind_confidence": doc.meta.get(KIND_CONFIDENCE, 1.0), "chars": len(doc.text),
        "mentions": len(doc.mentions), "extracted_with": doc.meta.get(EXTRACTED_WITH),
        "sections": [{"kind": s.kind, "start": s.start, "end": s.end, "heading": s.heading, "language": s.language}
                     for s in doc.sections], **versions}
    text = {"doc_id": doc.id, "doc_index": index, "source": doc.source, "text": doc.text}
    return {"documents": [document], "mentions": mentions, "texts": [text]}


def rows_for(docs: Iterable[Document], taxonomy: Taxonomy) -> dict[str, list[dict]]:
    """The rows of documents written together, per table; `doc_index` counts them from 0."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for index, doc in enumerate(docs):
        for name, new in document_rows(doc, index, taxonomy).items():
            rows[name] += new
    return rows


@cache
def schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each table in `TABLES`."""
    import pyarrow as pa  # here, not at the top: extraction imports this module, and loading pyarrow is slow

    versions = [("skillfit_version", pa.string()), ("taxonomy_version", pa.string()), ("taxonomy_hash", pa.string())]
    section = pa.struct([("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
                         ("heading", pa.string()), ("language", pa.string())])
    return {
        "documents": pa.schema([
            ("doc_id", pa.string()), ("doc_index", pa.int32()), ("kind", pa.string()), ("language", pa.string()),
            ("source", pa.string()), ("title", pa.string()), ("kind_confidence", pa.float64()), ("chars", pa.int64()),
            ("mentions", pa.int32()), ("extracted_with", pa.string()),
            ("sections", pa.list_(section)), *versions]),
        "mentions": pa.schema([
            ("doc_id", pa.string()), ("doc_index", pa.int32()), ("seq", pa.int32()), ("kind", pa.string()),
            ("language", pa.string()), ("skill_id", pa.string()), ("label_en", pa.string()), ("type", pa.string()),
            ("category", pa.string()), ("esco_uri", pa.string()), ("start_offset", pa.int32()),
            ("end_offset", pa.int32()), ("text", pa.string()), ("method", pa.string()), ("confidence", pa.float64()),
            ("section", pa.string()), ("requirement", pa.string()), ("years", pa.float64()), ("level", pa.string()),
            ("alt_group", pa.string()), ("key", pa.string()), ("link", pa.string()), ("evidence", pa.string()),
            *versions]),
        "texts": pa.schema([("doc_id", pa.string()), ("doc_index", pa.int32()), ("source", pa.string()),
                            ("text", pa.string())]),
    }
