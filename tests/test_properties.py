"""Property-based and fuzz tests: extraction, readers and batch never crash, and their output keeps its contract.

Hypothesis runs derandomized (reproducible in CI) and without an example database. For a longer bug hunt:

    SKILLFIT_FUZZ_SCALE=20 SKILLFIT_FUZZ_RANDOM=1 pytest tests/test_properties.py

Known bugs are pinned by `xfail(strict=True)` tests at the bottom of this file and over tests/regressions/. Where a
property test would otherwise trip over one of them, the carve-out is narrow and names the pinning test.
"""

from __future__ import annotations

import codecs
import io
import json
import math
import os
import random
import traceback
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.api import Failure
from pipeline.batch import Limits, extract_batch
from pipeline.errors import ReadError
from pipeline.model import Document, Mention
from pipeline.readers import STATUSES, read_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_docs"
REGRESSIONS = Path(__file__).resolve().parent / "regressions"
SCHEMA = ROOT / "pipeline" / "extract.schema.json"

SCALE = float(os.environ.get("SKILLFIT_FUZZ_SCALE", "1"))
RANDOM = os.environ.get("SKILLFIT_FUZZ_RANDOM") == "1"
METHODS = {"exact", "lemma", "compound", "fuzzy", "acronym", "inferred", "open"}
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def fuzz(examples: int):
    """Hypothesis settings: `examples` (times SKILLFIT_FUZZ_SCALE), no deadline, reproducible, no database."""
    return settings(max_examples=max(1, int(examples * SCALE)), deadline=None, database=None,
                    derandomize=not RANDOM,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


# -- the contract every extraction result keeps --------------------------------------------------------------


@pytest.fixture(scope="session")
def labels(extractor) -> list[str]:
    """Every English and Dutch label of the bundled taxonomy, sorted (a stable order for derandomized runs)."""
    return sorted({label for skill in extractor.taxonomy.skills.values()
                   for labs in skill.labels.values() for label in labs})


@pytest.fixture(scope="session")
def schema_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def check_document(extractor, doc: Document, text: str, validator=None) -> None:
    """Offsets, order, overlap, sections and the JSON contract of one processed document."""
    assert doc.text == text
    prev_end = 0
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.text, m
        assert m.start >= prev_end, f"mentions overlap or are out of order at {m}"
        prev_end = m.end
        assert m.skill_id in extractor.taxonomy.skills or (m.method == "open" and m.skill_id == "open:" + m.key), m
        assert m.method in METHODS, m
        assert 0.0 < m.confidence <= 1.0 and not math.isnan(m.confidence), m
        assert m.years is None or (math.isfinite(m.years) and m.years >= 0), m
        section = doc.section_at(m.start)
        assert m.section == (section.kind if section else None), m
    if doc.kind != "vacancy":
        assert all(m.requirement is None for m in doc.mentions)
    # sections tile the text: contiguous, in order, from 0 to len(text)
    assert doc.sections, "every document has at least one section"
    assert doc.sections[0].start == 0 and doc.sections[-1].end == len(text)
    for a, b in zip(doc.sections, doc.sections[1:]):
        assert a.end == b.start and a.start < a.end, (a, b)
    record = extractor.to_dict(doc)
    encoded = json.dumps(record, ensure_ascii=False, allow_nan=False)
    encoded.encode("utf-8")  # no lone surrogates sneak into the output
    assert json.loads(encoded) == record
    if validator is not None:
        errors = sorted(validator.iter_errors(record), key=str)
        assert not errors, errors[0].message


KINDS = st.sampled_from([None, "cv", "vacancy"])
LANGUAGES = st.sampled_from([None, "en", "nl"])
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@fuzz(1000)
@given(text=ANY_TEXT, kind=KINDS, language=LANGUAGES)
@example(text="", kind=None, language=None)
@example(text="\ufeff", kind=None, language=None)
@example(text="\x00\x85\u2028\u2029\r", kind="vacancy", language=None)
@example(text="ẞ İstanbul ﬁnance Straße 𝐏𝐲𝐭𝐡𝐨𝐧 C++ C# .NET", kind="cv", language=None)
def test_extract_any_unicode_text(extractor, schema_validator, text, kind, language):
    doc = extractor.extract(text, kind=kind, language=language)
    check_document(extractor, doc, text, schema_validator)


WHITESPACE = st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u200b\u2028\u2029\u202f"
                              "\u205f\u3000\ufeff", max_size=60)


@fuzz(200)
@given(text=WHITESPACE, kind=KINDS)
def test_extract_whitespace_and_bom_only(extractor, schema_validator, text, kind):
    doc = extractor.extract(text, kind=kind)
    check_document(extractor, doc, text, schema_validator)
    assert doc.mentions == ()


# Words that steer the stages: headings, years, levels, preference cues, conjunctions, list punctuation.
NOISE = ["en", "and", "of", "or", "as well as", "met", "with", "ervaring", "experience", "kennis van",
         "5 jaar", "3+ years", "twee jaar", "ten years", "1,5 jaar", "(4 years)", "2019 - 2023", "jaar", "years",
         "vloeiend", "fluent", "C1", "basiskennis", "native", "goed", "niveau B2",
         "is een pré", "is a plus", "bij voorkeur", "nice to have", "preferably", "required",
         "\nRequirements\n", "\nWat vragen wij?\n", "\n## Werkervaring\n", "\nNice to have:\n", "\nSkills\n",
         "\nWat bieden wij\n", "\nTalen\n", "\n• ", "\n- ", "\n* ", " - ", " – ", "•", "|", "/", "&", "(", ")",
         "Jan R. Peeters", "Go", "R", "Excel in", "C-level", "Curriculum Vitae", "Vacature", "we are looking for",
         "Project- en", "written and", "communica-\ntievaardigheden", "-kennis", "ontwikkelaar", "\t", "\r\n",
         "\u00ad", "\ufeff", "ﬁ", "İ", "ß", "'", "’s", "...", "!", "?", ";", ":", ",", ".", "\n\n"]
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", "\n", " en ", " and ", "-", "/", ". ", "\t", "\r\n", "", "; "])


def mixed_text(draw, labels: list[str]) -> str:
    """Skill labels (sometimes mangled) mixed with stage-steering noise and a little random text."""
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(labels),
        st.sampled_from(labels).map(str.upper),
        st.sampled_from(labels).map(lambda s: s[:-1] if len(s) > 6 else s),  # a typo: last letter lost
        st.sampled_from(labels).map(lambda s: s.replace(" ", "")),  # compound
        st.sampled_from(NOISE),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6),
    ), max_size=60))
    out = []
    for piece in pieces:
        out.append(piece)
        out.append(draw(SEPARATORS))
    return "".join(out)


@fuzz(600)
@given(data=st.data(), kind=KINDS, language=LANGUAGES)
def test_extract_skill_words_mixed_with_noise(extractor, labels, schema_validator, data, kind, language):
    text = mixed_text(data.draw, labels)
    doc = extractor.extract(text, kind=kind, language=language)
    check_document(extractor, doc, text, schema_validator)


@fuzz(150)
@given(data=st.data())
def test_extract_is_deterministic_and_bytes_equal_text(extractor, labels, data):
    """The same text always gives the same document, whether passed as str or as UTF-8 bytes."""
    text = mixed_text(data.draw, labels)
    first = extractor.extract(text, kind="cv")
    again = extractor.extract(text, kind="cv")
    assert first == again
    if text.replace("\ufeff", "").strip() and "\x00" not in text and not text.lstrip().lower().startswith(
            ("<!doctype html", "<html")) and "%PDF-" not in text[:1024] and not text.startswith("PK\x03\x04"):
        as_bytes = extractor.extract(text.encode("utf-8"), kind="cv", name="cv.txt")
        assert as_bytes.text == text and as_bytes.mentions == first.mentions


def test_extract_one_very_long_line(extractor, labels, schema_validator):
    """A 200k-character single line (a CV pasted without line breaks), skill labels among noise words."""
    rng = random.Random(20240601)
    words = [w for w in NOISE if "\n" not in w and "\r" not in w]
    parts, size = [], 0
    while size <= 200_001:
        part = rng.choice(labels) if rng.randrange(10) == 0 else rng.choice(words)
        parts.append(part)
        size += len(part) + 1
    text = " ".join(parts)[:200_000]
    assert len(text) == 200_000 and "\n" not in text
    for kind in ("cv", "vacancy"):
        doc = extractor.extract(text, kind=kind)
        check_document(extractor, doc, text, schema_validator)
        assert len(doc.mentions) > 1000


def test_extract_empty_input(extractor, schema_validator):
    for source in ("", " ", "\ufeff", "\ufeff\n\t \r\n"):
        doc = extractor.extract(source)
        check_document(extractor, doc, source, schema_validator)
        assert doc.mentions == ()
    for data in (b"", b"   ", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n \t"):
        with pytest.raises(ReadError) as info:
            extractor.extract(data, name="cv.txt")
        assert info.value.status == "empty"


# -- readers on arbitrary bytes --------------------------------------------------------------------------


def read_or_readerror(data: bytes, name: str) -> str | None:
    """read_bytes' contract: a str, or a ReadError with a known status; anything else fails the test."""
    try:
        text = read_bytes(data, name)
    except ReadError as exc:
        assert exc.status in STATUSES and exc.status != "ok", exc.status
        assert exc.reason and "\n" not in exc.reason, exc.reason
        return None
    assert isinstance(text, str) and text.replace("\ufeff", "").strip()
    return text


TEXT_NAMES = st.sampled_from(["cv.txt", "vacature.html", "cv.md", "cv", "CV.TXT", "job.htm", "cv.csv", "cv.bin"])
TEXTISH = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda s: s.encode("cp1252", "ignore")),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=100).map(lambda s: s.encode("utf-16")),
    st.tuples(st.sampled_from([b"<html>", b"<!DOCTYPE html>", b"  <HTML lang=nl>", b"\xef\xbb\xbf<html>",
                               b"<html><body><script>", b"<p hidden>", b"<div style='display: none'>"]),
              st.binary(max_size=200)).map(b"".join),
    st.tuples(st.binary(max_size=200), st.sampled_from([b"", b"</p>", b"<br>", b"\x00", b"\xff\xfe"])).map(b"".join),
)


@fuzz(1000)
@given(data=TEXTISH, name=TEXT_NAMES)
@example(data=b"\xff\xfe", name="cv.txt")
@example(data=b"\xfe\xff\x00", name="cv.txt")
@example(data=b"\x00\x00\x00", name="cv.txt")
@example(data=b"<html>\x00</html>", name="cv.html")
def test_read_bytes_text_and_html(data, name):
    read_or_readerror(data, name)


@fuzz(80)
@given(data=st.binary(max_size=400), name=st.sampled_from(["cv.pdf", "cv.docx"]))
def test_read_bytes_random_bytes_named_pdf_or_docx(data, name):
    read_or_readerror(data, name)


PDF_TOKENS = [b"%PDF-1.4\n", b"1 0 obj\n", b"<< /Type /Catalog /Pages 2 0 R >>", b"endobj\n", b"stream\n",
              b"endstream\n", b"xref\n0 3\n", b"trailer\n<< /Root 1 0 R /Size 3 >>\n", b"startxref\n9\n",
              b"%%EOF\n", b"<< /Length 99999999 >>", b"/Filter /FlateDecode", b"/Encrypt << >>", b"[", b"]",
              b"<<", b">>", b"(", b")", b"/Kids [3 0 R]", b"9999999999 0 R", b"-1", b"0 0 obj"]


@fuzz(70)
@given(tokens=st.lists(st.one_of(st.sampled_from(PDF_TOKENS), st.binary(max_size=20)), max_size=40))
def test_read_bytes_pdf_like(tokens):
    read_or_readerror(b"%PDF-1." + b"".join(tokens), "cv.pdf")


@fuzz(60)
@given(members=st.lists(st.tuples(st.sampled_from(["word/document.xml", "[Content_Types].xml", "_rels/.rels",
                                                   "word/_rels/document.xml.rels", "EncryptedPackage", "x.bin"]),
                                  st.binary(max_size=200)), max_size=4, unique_by=lambda m: m[0]),
       compress=st.booleans())
def test_read_bytes_docx_like_zip(members, compress):
    """Well-formed zip archives with DOCX-ish member names and random content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as archive:
        for name, content in members:
            archive.writestr(name, content)
    read_or_readerror(buffer.getvalue(), "cv.docx")


# -- byte-mutated copies of the sample PDFs and DOCX files, through the isolated batch ---------------------


MUTANTS = 150


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Flip bits, insert or delete a run of bytes, truncate, or scramble a few bytes."""
    data = bytearray(data)
    op = rng.choice(["flip", "insert", "delete", "truncate", "scramble"])
    if op == "flip":
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    elif op == "insert":
        i = rng.randrange(len(data))
        data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif op == "delete":
        i = rng.randrange(len(data))
        del data[i:i + rng.randint(1, 256)]
    elif op == "truncate":
        del data[rng.randrange(1, len(data)):]
    else:
        for _ in range(rng.randint(2, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory) -> list[Path]:
    sources = sorted(p for p in SAMPLES.rglob("*") if p.suffix.lower() in (".pdf", ".docx"))
    assert len(sources) >= 6, "the sample PDFs and DOCX files are missing"
    folder = tmp_path_factory.mktemp("mutants")
    rng = random.Random(1729)
    paths = []
    for k in range(MUTANTS):
        source = sources[k % len(sources)]
        path = folder / f"m{k:03}_{source.stem}{source.suffix}"
        path.write_bytes(mutate(source.read_bytes(), rng))
        paths.append(path)
    return paths


def known_docx_archive_bug(exc: BaseException) -> bool:
    """An exception escaping the member scan of check_archive in pipeline/readers/docx.py (BadZipFile, zlib.error,
    ValueError 'negative seek value'): pinned by test_regression_file_reads_or_fails_with_readerror over
    tests/regressions/docx_*.docx."""
    return any(frame.name == "check_archive" and frame.filename.endswith(os.path.join("readers", "docx.py"))
               for frame in traceback.extract_tb(exc.__traceback__))


def test_mutated_samples_through_the_batch(extractor, mutants):
    """Every mutant ends in a Document or a Failure with a known status, in input order; none is lost."""
    results = list(extract_batch(extractor, mutants, kind="cv", workers=2, limits=Limits(timeout_s=20)))
    assert len(results) == len(mutants)
    counts = Counter()
    for path, result in zip(mutants, results):
        assert isinstance(result, (Document, Failure)), (path.name, result)
        assert result.source == str(path), "results out of input order"
        if isinstance(result, Failure):
            assert result.status in STATUSES and result.status != "ok", result
            assert result.reason and "\n" not in result.reason, result
            counts[result.status] += 1
        else:
            check_document(extractor, result, result.text)
            counts["ok"] += 1
    assert counts["ok"] >= 10, counts  # most PDF mutants still read: the reader is not over-strict
    assert counts["malformed"] >= 10, counts


def test_mutated_samples_read_bytes_contract(mutants):
    """In-process: read_bytes on every mutant returns text or raises ReadError. Any other exception that is not
    the known check_archive bug is a new finding (the failure names the mutant file to keep)."""
    surprises = []
    for path in mutants:
        if path.suffix == ".pdf":
            continue  # read_pdf turns every parser exception into a ReadError; the batch test covers PDFs
        data = path.read_bytes()
        try:
            read_bytes(data, path.name)
        except ReadError as exc:
            assert exc.status in STATUSES
        except Exception as exc:  # noqa: BLE001 - the point is to catch everything else
            if known_docx_archive_bug(exc):
                continue
            surprises.append((path, exc))
    if surprises:
        pytest.fail("read_bytes raised outside ReadError (keep the mutant as a regression file in "
                    "tests/regressions/): " + "; ".join(f"{p}: {type(e).__name__}: {e}" for p, e in surprises))


# -- the regression folder: files that once crashed something ---------------------------------------------

# file name -> why it is still expected to fail (a strict xfail: fixing the bug turns the test red until the
# entry is removed here). Files not listed must pass.
KNOWN_BUGS: dict[str, str] = {}  # all fixed; add an entry when a new crasher is kept before its fix


def regression_files() -> list:
    files = sorted(p for p in REGRESSIONS.glob("*") if p.is_file() and not p.name.startswith((".", "README")))
    return [pytest.param(p, id=p.name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[p.name]))
            if p.name in KNOWN_BUGS else pytest.param(p, id=p.name) for p in files]


def test_regression_folder_lists_every_known_bug():
    present = {p.name for p in REGRESSIONS.glob("*") if p.is_file()}
    assert set(KNOWN_BUGS) <= present, set(KNOWN_BUGS) - present


@pytest.mark.parametrize("path", regression_files())
def test_regression_file_reads_or_fails_with_readerror(extractor, path):
    """Extractor.extract_many promises a Document or a Failure per file, never an exception."""
    (result,) = list(extractor.extract_many([path], kind="cv"))
    if isinstance(result, Failure):
        assert result.status in STATUSES
    else:
        check_document(extractor, result, result.text)


def test_regression_folder_through_the_batch(extractor):
    """The isolated batch contains every regression file: a Document or a Failure with a known status."""
    files = sorted(p for p in REGRESSIONS.glob("*") if p.is_file() and not p.name.startswith((".", "README")))
    results = list(extract_batch(extractor, files, kind="cv", workers=2, limits=Limits(timeout_s=20)))
    assert [r.source for r in results] == [str(p) for p in files]
    for result in results:
        assert isinstance(result, Document) or result.status in STATUSES, result


def test_readable_cv_with_unicode_number_word_is_not_reported_malformed(extractor):
    (result,) = list(extract_batch(extractor, [REGRESSIONS / "years_long_s_number_word.txt"], kind="cv", workers=1))
    assert isinstance(result, Document), result


# -- pinned bugs found by the properties above (minimal inputs) --------------------------------------------


@pytest.mark.parametrize("text", ["Python: ſix years", "Python sıx years", "SQL: SİX YEARS", "Java, zeſ jaar"])
def test_years_phrase_with_unicode_case_variant_does_not_crash(extractor, schema_validator, text):
    doc = extractor.extract(text, kind="cv")
    check_document(extractor, doc, text, schema_validator)
    assert doc.mentions and doc.mentions[0].text in ("Python", "SQL", "Java")  # the skill is still found


@pytest.mark.parametrize("data,name", [(b"\xff\xfeA", "cv.txt"), (b"\xfe\xff\x00", "cv.txt"),
                                       (b"\xff\xfe\x00\xd8A\x00", "cv.txt"), (b"\xff\xfeA\x00B", "vacature.html")])
def test_utf16_bom_with_broken_payload_reads_with_replacement_characters(data, name):
    """A broken UTF-16 payload is read, its broken units replaced (U+FFFD), what is whole kept: a recruiter
    sees the readable part instead of losing the file."""
    text = read_bytes(data, name)
    assert "\ufffd" in text
    assert text.replace("\ufffd", "").strip() == data[2:].decode("utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be",
                                                              errors="ignore").strip()


def minimal_docx(compression=zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
                         'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Python en SQL'
                         '</w:t></w:r></w:p></w:body></w:document>' + " " * 2000)
    return buffer.getvalue()


def corrupt_member_data(data: bytes) -> bytes:
    """Flip one byte inside the first member's data (after its 30-byte local header and name)."""
    name_len = int.from_bytes(data[26:28], "little")
    extra_len = int.from_bytes(data[28:30], "little")
    i = 30 + name_len + extra_len + 40
    return data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1:]


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED], ids=["stored", "deflated"])
def test_docx_with_corrupt_member_is_a_readerror(compression):
    with pytest.raises(ReadError) as info:
        read_bytes(corrupt_member_data(minimal_docx(compression)), "cv.docx")
    assert info.value.status == "malformed"


@pytest.mark.parametrize("text,skill_id", [
    ("Vaardigheden: Excel.\n2011 - 2014: boekhouder bij Van Dijk", "hard.microsoft_excel"),
    ("Zijn taken: planning en flexibiliteit.\n2013 - 2015: kok", "soft.flexibility"),
    ("Skills: Microsoft Office, Excel\n2019 - 2021 Accountant", "hard.microsoft_excel"),
])
def test_context_rule_does_not_look_past_the_end_of_the_line(extractor, text, skill_id):
    assert skill_id in {m.skill_id for m in extractor.extract(text, kind="cv").mentions}


@pytest.mark.parametrize("text", ["Talen\nFrans\nEngels\nNederlands", "Talen\nNederlands\nFrans\nDuits"])
def test_language_listed_one_per_line_is_found(extractor, text):
    assert "lang.french" in {m.skill_id for m in extractor.extract(text, kind="cv", language="nl").mentions}


# -- pinned performance bugs (operation counts, not wall time: deterministic on any machine) ---------------


def test_resolve_overlaps_is_not_quadratic():
    from pipeline.matcher import resolve_overlaps

    reads = [0]

    class Probe:
        method, confidence = "exact", 1.0

        def __init__(self, start: int) -> None:
            self._start, self._end = start, start + 1

        @property
        def start(self) -> int:
            reads[0] += 1
            return self._start

        @property
        def end(self) -> int:
            reads[0] += 1
            return self._end

    n = 1500
    kept = resolve_overlaps([Probe(2 * i) for i in range(n)])
    assert len(kept) == n
    assert reads[0] <= 40 * n, f"{reads[0]} offset reads for {n} candidates"


def test_classify_is_not_quadratic():
    from pipeline.stages import classify_mentions, segment_sections

    reads = [0]

    class CountingMention(Mention):
        def __getattribute__(self, name):
            if name == "start":
                reads[0] += 1
            return object.__getattribute__(self, name)

    n = 1000
    text = "Python\n" * n
    doc = segment_sections(Document(id="x", text=text, kind="vacancy", language="en", mentions=tuple(
        CountingMention("hard.python", 7 * i, 7 * i + 6, "Python", "exact", 1.0) for i in range(n))))
    reads[0] = 0
    classified = classify_mentions(doc)
    assert len(classified.mentions) == n
    assert reads[0] <= 200 * n, f"{reads[0]} reads of Mention.start for {n} mentions"


def test_compound_lookup_is_not_quadratic_in_token_length(extractor, monkeypatch):
    looked_up = [0]

    class CountingIndex(dict):
        def get(self, key, default=None):
            looked_up[0] += len(key)
            return super().get(key, default)

    matcher = extractor.matcher
    monkeypatch.setattr(matcher, "compound", CountingIndex(matcher.compound))
    n = 20_000
    doc = extractor.extract("a" * n, kind="cv", language="nl")
    assert doc.mentions == ()
    assert looked_up[0] <= 100 * n, f"{looked_up[0]} characters sliced for one {n}-character word"
    extractor.extract("Goede schriftelijkecommunicatievaardigheden", kind="cv", language="nl")
    assert looked_up[0] > 0, "the compound index is consulted for words of normal length"


# -- the fit score in DuckDB keeps its own invariants ------------------------------------------------------


@pytest.fixture(scope="module")
def memory_store(extractor):
    from pipeline.store import Store

    store = Store(":memory:")
    store.sync_taxonomy(extractor.taxonomy)
    yield store
    store.close()


@fuzz(60)
@given(data=st.data())
def test_fit_score_bounds(extractor, labels, memory_store, data):
    """Whatever the documents say, the score is 0-100, hard + soft = score, and required_met <= required_total."""
    cv_text = mixed_text(data.draw, labels)
    vacancy_text = "Vacature\nRequirements\n" + mixed_text(data.draw, labels)
    cv = extractor.extract(cv_text, kind="cv")
    vacancy = extractor.extract(vacancy_text, kind="vacancy")
    if vacancy.id == cv.id:
        return
    run_id = memory_store.start_run(extractor.taxonomy)
    memory_store.write([cv, vacancy], extractor.taxonomy, run_id)
    row = memory_store.con.execute(
        "SELECT score, hard_score, soft_score, required_met, required_total FROM fit"
        " WHERE role_id = ? AND candidate_id = ?", [vacancy.id, cv.id]).fetchone()
    if row is None:  # the vacancy asks for nothing: it has no row in fit
        assert not any(m.requirement for m in vacancy.mentions)
        return
    score, hard, soft, met, total = row
    assert 0.0 <= score <= 100.0
    assert abs((hard or 0) + (soft or 0) - score) <= 0.11
    assert 0 <= met <= total
