#!/usr/bin/env python3
"""Evaluate skillfit's extractor on public data sets and print one table of figures.

    .venv/bin/python bench/eval_public.py                    # all data sets, bundled taxonomy and + ESCO
    .venv/bin/python bench/eval_public.py --limit 200        # at most 200 sentences/documents per subset
    .venv/bin/python bench/eval_public.py --no-esco --json out.json

The data sets live in `../shared/data` (relative to the repository root; `--data DIR` to change it); each
one is described by its SOURCE.md there. A data set whose folder is absent is reported as
"skipped: not found". Nothing is downloaded and nothing is written outside the cache directory
(`$SKILLFIT_CACHE_DIR`, else `~/.cache/skillfit`, subfolder `bench/`, where the imported ESCO taxonomy
files are kept) and the optional `--json` file.

Data sets and figures (the legend printed under the table says the same):

1. green2022-job-ner (Green et al. 2022, gold test set): BIO "Skill" spans. Lenient span overlap.
2. skillspan (Zhang et al. 2022, test split): BIO Skill and Knowledge spans, scored as one gold set.
3. decorte-esco-skill-benchmark (TECH / HOUSE / TECHWOLF test files): sentences labelled with ESCO
   preferred labels; our mentions are mapped to ESCO preferred labels through their esco_uri.
4. vacatures-nl-vdab: Flemish vacancies with VDAB's own competence lists (silver, Dutch).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a plain script from anywhere
    sys.path.insert(0, str(REPO))

from pipeline import Extractor, __version__  # noqa: E402
from pipeline.errors import TaxonomyError  # noqa: E402
from pipeline.model import Document, Mention  # noqa: E402
from pipeline.taxonomy import load as load_taxonomy  # noqa: E402

try:
    from pipeline.cache import cache_dir
except ImportError:  # older/newer layouts: same rule as the matcher cache
    def cache_dir() -> Path:
        explicit = os.environ.get("SKILLFIT_CACHE_DIR")
        return Path(explicit) if explicit else \
            Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "skillfit"

csv.field_size_limit(1 << 30)

ESCO_EN_ZIP = Path("esco-v1.1.1-en") / "ESCO dataset - v1.1.1 - classification - en - csv.zip"
ESCO_NL_DIR = Path("esco-v1.2.x-nl")
BUNDLED, ESCO_EN, ESCO_EN_NL = "bundled", "+ESCO en", "+ESCO en+nl*"
BASELINE = "baseline"  # exact lookup of every label of the imported ESCO (en, and nl where there): the floor
DECORTE_SPECIAL = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
VDAB_THRESHOLD = 85
VDAB_MIN_LABEL = 3  # labels/mention texts shorter than this (after normalising) are not used for VDAB matching

COLUMNS = ["dataset", "subset", "taxonomy", "n", "gold", "pred", "P", "R", "F1", "R_macro", "ceiling",
           "exact_F1", "units/s"]

LEGEND = f"""\
Columns: n = units scored (sentences or documents); gold / pred = gold items / predicted items;
units/s = units per second of extraction (Extractor.extract only, taxonomy loading excluded).
Taxonomies: baseline = no skillfit at all: case-insensitive whole-word lookup of every ESCO label (the imported
  {ESCO_EN_NL} file's concepts alone, longest match first), the simple baseline to beat;
  bundled = taxonomy/*.yml; {ESCO_EN} = bundled + ESCO v1.1.1 English (skills_en.csv) imported
  with pipeline.esco (as `skillfit taxonomy import-esco`); {ESCO_EN_NL} = the same plus Dutch labels for the
  ~2.4k ESCO skills in the v1.2.x Dutch skill collections (no official skills_nl.csv is available here).
green2022 / skillspan (span data, any predicted skill vs gold spans, lenient overlap):
  P = predicted spans that overlap a gold span / predicted spans; R = gold spans overlapped by any prediction
  / gold spans; F1 from these; exact_F1 = F1 counting only identical character spans.
decorte (sentence-level ESCO labels; gold = ESCO labels of the sentence, minus LABEL NOT PRESENT /
  UNDERSPECIFIED; sentences with no ESCO label left are not scored): predicted = distinct ESCO preferredLabels
  (v1.1.1 skills_en.csv, via each mention's esco_uri) per sentence, compared case-insensitively.
  R = micro recall sum|found & gold| / sum|gold|; R_macro = mean over sentences of |found & gold| / |gold|;
  P = share of predicted ESCO skills that are in the sentence's gold (precision-ish: gold is incomplete);
  ceiling = share of gold labels whose ESCO concept exists in the taxonomy at all.
vdab (silver): each VDAB competence (professionele_vaardigheden split into items) counts as found when
  (a) a concept we found in the vacancy has an en or nl label with rapidfuzz token_set_ratio >= {VDAB_THRESHOLD}
  against the competence (default_process normalisation; note token_set_ratio is 100 whenever every word of
  the label occurs in the competence), or (b) the competence contains one of our mention texts as whole
  words. Labels / mention texts under {VDAB_MIN_LABEL} characters are ignored.
  R = micro recall of competences; R_macro = mean per vacancy; ceiling = share of competences that rule (a)
  maps to any concept of the taxonomy (or that were found), an upper bound for R.
"""


# --------------------------------------------------------------------------------------------------
# Small utilities


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def join_tokens(tokens: list[str]) -> tuple[str, list[int], list[int]]:
    """Text = tokens joined by single spaces, with each token's [start, end) character offsets."""
    starts, ends, pos = [], [], 0
    for tok in tokens:
        starts.append(pos)
        ends.append(pos + len(tok))
        pos += len(tok) + 1
    return " ".join(tokens), starts, ends


def bio_spans(tags: list[str], starts: list[int], ends: list[int], label: str | None = None) -> list[tuple[int, int]]:
    """Character spans of BIO tags (B-X/I-X, or plain B/I). An I- that does not continue a span opens one."""
    spans: list[tuple[int, int]] = []
    cur: list[Any] | None = None
    for i, tag in enumerate(tags):
        prefix, _, kind = (tag or "O").partition("-")
        if prefix not in ("B", "I") or (label is not None and kind != label):
            if cur:
                spans.append((cur[0], cur[1]))
            cur = None
            continue
        if prefix == "B" or cur is None or cur[2] != kind:
            if cur:
                spans.append((cur[0], cur[1]))
            cur = [starts[i], ends[i], kind]
        else:
            cur[1] = ends[i]
    if cur:
        spans.append((cur[0], cur[1]))
    return spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class SpanTally:
    """Lenient (overlap) and exact span counts."""

    n_pred: int = 0
    n_gold: int = 0
    tp_pred: int = 0  # predicted spans overlapping some gold span
    tp_gold: int = 0  # gold spans overlapped by some prediction
    exact: int = 0

    def add(self, pred: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> None:
        pred, gold = sorted(set(pred)), sorted(set(gold))
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        self.tp_pred += sum(1 for p in pred if any(overlaps(p, g) for g in gold))
        self.tp_gold += sum(1 for g in gold if any(overlaps(p, g) for p in pred))
        self.exact += len(set(pred) & set(gold))

    def figures(self) -> dict[str, Any]:
        p, r = ratio(self.tp_pred, self.n_pred), ratio(self.tp_gold, self.n_gold)
        ep, er = ratio(self.exact, self.n_pred), ratio(self.exact, self.n_gold)
        return {"gold": self.n_gold, "pred": self.n_pred, "P": p, "R": r, "F1": f1(p, r), "exact_F1": f1(ep, er)}


class MethodTally:
    """Mentions per matching method, and how many of them overlap a gold span (lenient precision per method)."""

    def __init__(self) -> None:
        self.n: dict[str, int] = defaultdict(int)
        self.tp: dict[str, int] = defaultdict(int)

    def add(self, mentions, gold: list[tuple[int, int]]) -> None:
        for span, method in {(m.start, m.end): m.method for m in mentions}.items():
            self.n[method] += 1
            self.tp[method] += any(overlaps(span, g) for g in gold)

    def __str__(self) -> str:
        return ", ".join(f"{m} {self.n[m]} ({self.tp[m] / self.n[m]:.2f})"
                         for m in sorted(self.n, key=lambda m: -self.n[m]))


class Timer:
    """Accumulates the time spent inside `extract` calls."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.units = 0

    def extract(self, extractor: Extractor, text: str, **kwargs: Any):
        t0 = time.perf_counter()
        doc = extractor.extract(text, **kwargs)
        self.seconds += time.perf_counter() - t0
        self.units += 1
        return doc

    @property
    def rate(self) -> float | None:
        return self.units / self.seconds if self.seconds else None


class ExactLookup:
    """The baseline: every label of a taxonomy looked up as whole words, case-insensitively, longest first; no
    lemmas, compounds, fuzzy matching, context checks or sections. Has what the scorers use of an Extractor."""

    WORD = re.compile(r"[^\W_]+(?:[.+#'’-][^\W_]+)*[+#]*")

    def __init__(self, taxonomy) -> None:
        self.taxonomy = taxonomy
        self.labels = {" ".join(label.casefold().split()): skill.id for skill in taxonomy.skills.values()
                       for labels in skill.labels.values() for label in labels}
        self.longest = max((len(k.split()) for k in self.labels), default=1)

    def extract(self, text: str, **_: Any) -> Document:
        words = list(self.WORD.finditer(text))
        mentions, i = [], 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                key = " ".join(w.group().casefold() for w in words[i:i + n])
                if key in self.labels:
                    start, end = words[i].start(), words[i + n - 1].end()
                    mentions.append(Mention(self.labels[key], start, end, text[start:end], "exact", 1.0))
                    i += n
                    break
            else:
                i += 1
        return Document("", text, mentions=tuple(mentions))


def limited(items: list[Any], limit: int | None) -> list[Any]:
    return items if limit is None else items[:limit]


# --------------------------------------------------------------------------------------------------
# Taxonomies


class Taxonomies:
    """Builds (once) the extractors for the bundled taxonomy and the ESCO-extended ones."""

    def __init__(self, data: Path, use_esco: bool, notes: list[str]) -> None:
        self.data = data
        self.use_esco = use_esco
        self.notes = notes
        self.extractors: dict[str, Extractor | None] = {}
        self.info: dict[str, dict[str, Any]] = {}
        self._core = None

    @property
    def esco_zip(self) -> Path:
        return self.data / ESCO_EN_ZIP

    def available(self, name: str) -> str | None:
        """None when `name` can be built, else why not."""
        if name == BUNDLED:
            return None
        if name == BASELINE:
            return self.available(ESCO_EN_NL)
        if not self.use_esco:
            return "--no-esco"
        if not self.esco_zip.is_file():
            self._note_missing(f"ESCO zip not found: {self.esco_zip}")
            return "ESCO zip not found"
        if name == ESCO_EN_NL and not (self.data / ESCO_NL_DIR).is_dir():
            self._note_missing(f"Dutch ESCO collections not found: {self.data / ESCO_NL_DIR}")
            return "Dutch ESCO not found"
        return None

    def _note_missing(self, line: str) -> None:
        if line not in self.notes:
            self.notes.append(line)

    def get(self, name: str) -> Extractor:
        if name == BASELINE and name not in self.extractors:
            lookup = ExactLookup(self._esco_alone())
            self.extractors[name] = lookup  # type: ignore[assignment]
            self.info[name] = {"concepts": len(lookup.taxonomy.skills), "labels": len(lookup.labels)}
        if name not in self.extractors:
            t0 = time.perf_counter()
            files = [] if name == BUNDLED else [self._esco_file(with_nl=name == ESCO_EN_NL)]
            try:
                extractor = Extractor(taxonomy_files=files)
                strict = True
            except TaxonomyError as exc:
                found = [line.strip() for line in str(exc).splitlines()[1:] if line.strip()]
                more = sum(int(m) for m in re.findall(r"… and (\d+) more", str(exc)))
                found = [line for line in found if not line.startswith("…")]
                self.notes.append(
                    f"taxonomy '{name}' does not pass strict validation ({len(found) + more} problems, e.g. "
                    f"{found[0].split(': ', 1)[-1] if found else '?'}); loaded with strict=False instead. "
                    "`Extractor(taxonomy_files=[esco.json])` and `skillfit extract --taxonomy esco.json` raise "
                    "TaxonomyError on this file.")
                extractor = Extractor(taxonomy=load_taxonomy(files, strict=False))
                strict = False
            tax = extractor.taxonomy
            self.info[name] = {"files": [str(f) for f in files], "concepts": len(tax.skills),
                               "with_esco_uri": sum(1 for s in tax.skills.values() if s.esco_uri),
                               "version": tax.version, "hash": tax.content_hash, "strict": strict,
                               "load_s": round(time.perf_counter() - t0, 2)}
            self.extractors[name] = extractor
        return self.extractors[name]  # type: ignore[return-value]

    def _esco_alone(self):
        """ESCO's own concepts and labels (English, and Dutch from the collections), nothing of skillfit's."""
        from pipeline.esco import esco_id, read_esco
        from pipeline.taxonomy import build, merge_concepts

        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(self.esco_zip, Path(tmp) / "esco_en.zip")
            write_skills_nl(sorted((self.data / ESCO_NL_DIR).glob("*SkillsCollection_nl.csv")), Path(tmp) / "skills_nl.csv")
            skills, _ = read_esco(tmp)
        concepts = [{"id": esco_id(uri), "type": "soft" if esco.get("reuseLevel") == "transversal" else "hard",
                     "category": "esco", "esco": uri, **esco["labels"]} for uri, esco in skills.items()]
        merged, _ = merge_concepts([("<esco>", concepts)])  # not validated: many have no Dutch label
        return build(merged, "esco", "baseline", ["<esco>"])

    def _core_taxonomy(self):
        if self._core is None:
            self._core = load_taxonomy()
        return self._core

    def _esco_file(self, with_nl: bool) -> Path:
        """The imported ESCO taxonomy file, cached by the hash of its inputs."""
        core = self._core_taxonomy()
        digest = hashlib.sha256(f"{__version__}\0{core.content_hash}\0{with_nl}".encode())
        digest.update(self.esco_zip.read_bytes())
        nl_files = sorted((self.data / ESCO_NL_DIR).glob("*SkillsCollection_nl.csv")) if with_nl else []
        for f in nl_files:
            digest.update(f.name.encode() + f.read_bytes())
        name = f"esco-{'en-nl' if with_nl else 'en'}-{digest.hexdigest()[:16]}.json"
        for folder in (cache_dir() / "bench", Path(tempfile.gettempdir()) / "skillfit-bench"):
            out = folder / name
            if out.exists():
                return out
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self._import(out, nl_files, core)
                return out
            except OSError:
                continue
        raise OSError("no writable folder for the imported ESCO taxonomy")

    def _import(self, out: Path, nl_files: list[Path], core) -> None:
        from pipeline.esco import import_esco, write_taxonomy

        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            source: Path = self.esco_zip
            if nl_files:  # a folder with the official zip and a skills_nl.csv built from the Dutch collections
                source = Path(tmp)
                shutil.copy(self.esco_zip, source / "esco_en.zip")
                write_skills_nl(nl_files, source / "skills_nl.csv")
            concepts = import_esco(source, core)
        partial = out.with_suffix(".part")
        write_taxonomy(concepts, partial, core.version)
        os.replace(partial, out)
        self.notes.append(f"imported ESCO ({'en + partial nl' if nl_files else 'en'}) into {out} "
                          f"({len(concepts)} concepts, {time.perf_counter() - t0:.1f}s)")


def write_skills_nl(collections: list[Path], out: Path) -> int:
    """A minimal skills_nl.csv (the columns pipeline.esco reads) from the union of the Dutch skill collections."""
    rows: dict[str, dict[str, str]] = {}
    for path in collections:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                uri = row.get("conceptUri")
                if uri and uri not in rows:
                    rows[uri] = {k: row.get(k) or "" for k in
                                 ("conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "status")}
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["conceptUri", "skillType", "reuseLevel", "preferredLabel",
                                                "altLabels", "status"])
        writer.writeheader()
        writer.writerows(rows.values())
    return len(rows)


def esco_preferred_labels(zip_path: Path) -> dict[str, str]:
    """ESCO skill URI -> English preferredLabel, from skills_en.csv in the official zip."""
    with zipfile.ZipFile(zip_path) as archive:
        member = next(n for n in archive.namelist() if re.search(r"(^|/)skills_en\.csv$", n))
        with archive.open(member) as raw:
            reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
            return {row["conceptUri"]: row["preferredLabel"].strip() for row in reader if row.get("conceptUri")}


# --------------------------------------------------------------------------------------------------
# Data sets. Each evaluator returns table rows (dicts) and appends free-text details.


@dataclass
class Context:
    data: Path
    limit: int | None
    taxonomies: Taxonomies
    details: list[str]
    notes: list[str]


def row(dataset: str, subset: str, taxonomy: str, n: int | None = None, rate: float | None = None,
        **figures: Any) -> dict[str, Any]:
    return {"dataset": dataset, "subset": subset, "taxonomy": taxonomy, "n": n, "units/s": rate, **figures}


def skipped(dataset: str, why: str, taxonomy: str = "") -> dict[str, Any]:
    return {"dataset": dataset, "subset": f"skipped: {why}", "taxonomy": taxonomy}


def taxonomy_runs(ctx: Context, dataset: str, names: list[str],
                  run: Callable[[str, Extractor], list[dict]]) -> list[dict]:
    rows = []
    for name in names:
        why = ctx.taxonomies.available(name)
        if why:
            rows.append(skipped(dataset, why, name))
            continue
        rows += run(name, ctx.taxonomies.get(name))
    return rows


# -- 1. Green et al. 2022 ------------------------------------------------------------------------


def read_conll_pairs(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of "token TAG" lines separated by blank lines."""
    sentences, tokens, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        token, _, tag = line.rpartition(" ")
        if not token:  # a line with a single field: a token without tag
            token, tag = tag, "O"
        tokens.append(token)
        tags.append(tag)
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def eval_green(ctx: Context) -> list[dict]:
    name = "green2022"
    path = ctx.data / "green2022-job-ner" / "raw_data" / "testset.txt"
    if not path.is_file():
        return [skipped(name, "not found")]
    sentences = limited(read_conll_pairs(path), ctx.limit)
    prepared = []
    for tokens, tags in sentences:
        text, starts, ends = join_tokens(tokens)
        others = [s for kind in ("Occupation", "Domain", "Qualification", "Experience")
                  for s in bio_spans(tags, starts, ends, kind)]
        prepared.append((text, bio_spans(tags, starts, ends, "Skill"), others))

    def run(tax: str, extractor: Extractor) -> list[dict]:
        tally, timer, on_other, methods = SpanTally(), Timer(), 0, MethodTally()
        for text, gold, others in prepared:
            doc = timer.extract(extractor, text, kind="vacancy", language="en")
            pred = {(m.start, m.end) for m in doc.mentions}
            tally.add(pred, gold)
            methods.add(doc.mentions, gold)
            on_other += sum(1 for p in pred if not any(overlaps(p, g) for g in gold)
                            and any(overlaps(p, o) for o in others))
        ctx.details.append(f"green2022 [{tax}]: {on_other} of {tally.n_pred - tally.tp_pred} false positives "
                           "overlap a gold Occupation/Domain/Qualification/Experience span; "
                           f"by method (mentions, lenient P): {methods}")
        return [row(name, "test: Skill", tax, len(prepared), timer.rate, **tally.figures())]

    return taxonomy_runs(ctx, name, [BASELINE, BUNDLED, ESCO_EN], run)


# -- 2. SkillSpan ---------------------------------------------------------------------------------


def eval_skillspan(ctx: Context) -> list[dict]:
    name = "skillspan"
    path = ctx.data / "skillspan" / "json" / "test.json"
    if not path.is_file():
        return [skipped(name, "not found")]
    by_source: dict[str, list[tuple[str, list, list]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:  # JSON Lines despite the extension
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            text, starts, ends = join_tokens(rec["tokens"])
            by_source[rec.get("source", "?")].append(
                (text, bio_spans(rec["tags_skill"], starts, ends), bio_spans(rec["tags_knowledge"], starts, ends)))
    by_source = {k: limited(v, ctx.limit) for k, v in sorted(by_source.items())}
    sentences_all = [s for v in by_source.values() for s in v]

    def run(tax: str, extractor: Extractor) -> list[dict]:
        rows, total, total_timer = [], SpanTally(), Timer()
        layers = {"Skill": SpanTally(), "Knowledge": SpanTally()}
        methods = MethodTally()
        for source, sentences in by_source.items():
            tally, timer = SpanTally(), Timer()
            for text, skill, knowledge in sentences:
                doc = timer.extract(extractor, text, kind="vacancy", language="en")
                pred = {(m.start, m.end) for m in doc.mentions}
                tally.add(pred, skill + knowledge)
                methods.add(doc.mentions, skill + knowledge)
                total.add(pred, skill + knowledge)
                layers["Skill"].add(pred, skill)
                layers["Knowledge"].add(pred, knowledge)
            total_timer.seconds += timer.seconds
            total_timer.units += timer.units
            rows.append(row(name, f"test {source}: Skill+Knowledge", tax, timer.units, timer.rate, **tally.figures()))
        rows.append(row(name, "test all: Skill+Knowledge", tax, total_timer.units, total_timer.rate, **total.figures()))
        ctx.details.append(f"skillspan [{tax}]: recall of Skill spans {fmt(layers['Skill'].figures()['R'])} "
                           f"({layers['Skill'].n_gold}), of Knowledge spans {fmt(layers['Knowledge'].figures()['R'])} "
                           f"({layers['Knowledge'].n_gold}); {sum(1 for _, s, k in sentences_all if s or k)} of "
                           f"{len(sentences_all)} sentences have a gold span; "
                           f"by method (mentions, lenient P): {methods}")
        return rows

    return taxonomy_runs(ctx, name, [BASELINE, BUNDLED, ESCO_EN], run)


# -- 3. Decorte et al. ESCO benchmark -------------------------------------------------------------


def eval_decorte(ctx: Context) -> list[dict]:
    name = "decorte"
    folder = ctx.data / "decorte-esco-skill-benchmark" / "data"
    if not folder.is_dir():
        return [skipped(name, "not found")]
    if not ctx.taxonomies.esco_zip.is_file():
        ctx.taxonomies._note_missing(f"ESCO zip not found: {ctx.taxonomies.esco_zip}")  # decorte needs its labels
        return [skipped(name, "ESCO zip not found")]
    uri_label = esco_preferred_labels(ctx.taxonomies.esco_zip)
    known_labels = {label.casefold(): uri for uri, label in uri_label.items()}
    subsets: dict[str, list[tuple[str, set[str]]]] = {}
    for subset in ("tech", "house", "techwolf"):
        path = folder / f"{subset}_test_annotations.csv"
        if not path.is_file():
            continue
        gold: dict[str, set[str]] = {}
        with path.open(encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh):
                labels = gold.setdefault(rec["sentence"], set())
                if rec["label"].strip() not in DECORTE_SPECIAL:
                    labels.add(rec["label"].strip().casefold())
        unknown = {lab for labs in gold.values() for lab in labs if lab not in known_labels}
        if unknown:
            ctx.details.append(f"decorte {subset}: {len(unknown)} gold labels not in ESCO v1.1.1 skills_en.csv "
                               f"(can never be found), e.g. {sorted(unknown)[:3]}")
        empty = sum(1 for labs in gold.values() if not labs)
        ctx.details.append(f"decorte {subset}: {len(gold)} distinct sentences, {empty} of them with only "
                           "LABEL NOT PRESENT / UNDERSPECIFIED (not scored)")
        subsets[subset] = limited([(s, labs) for s, labs in gold.items() if labs], ctx.limit)
    if not subsets:
        return [skipped(name, "no *_test_annotations.csv")]

    def run(tax: str, extractor: Extractor) -> list[dict]:
        taxonomy = extractor.taxonomy
        uris_in_tax = {s.esco_uri for s in taxonomy.skills.values() if s.esco_uri}
        rows = []
        for subset, sentences in subsets.items():
            timer = Timer()
            gold_n = pred_n = hit_gold = hit_pred = reachable = 0
            per_sentence: list[float] = []
            no_uri = not_v111 = 0
            for sentence, gold in sentences:
                doc = timer.extract(extractor, sentence, kind="vacancy", language="en")
                pred: set[str] = set()
                for m in doc.mentions:
                    uri = taxonomy.skills[m.skill_id].esco_uri if m.skill_id in taxonomy.skills else None
                    if not uri:
                        no_uri += 1
                        continue
                    label = uri_label.get(uri)
                    if label is None:
                        not_v111 += 1
                        pred.add(uri)  # an ESCO concept outside v1.1.1: predicted, never in gold
                    else:
                        pred.add(label.casefold())
                found = gold & pred
                gold_n += len(gold)
                pred_n += len(pred)
                hit_gold += len(found)
                hit_pred += len(found)
                per_sentence.append(len(found) / len(gold))
                reachable += sum(1 for lab in gold if known_labels.get(lab) in uris_in_tax)
            rows.append(row(name, f"{subset} test", tax, len(sentences), timer.rate, gold=gold_n, pred=pred_n,
                            P=ratio(hit_pred, pred_n), R=ratio(hit_gold, gold_n),
                            R_macro=ratio(sum(per_sentence), len(per_sentence)), ceiling=ratio(reachable, gold_n)))
            ctx.details.append(f"decorte {subset} [{tax}]: {no_uri} mentions of concepts without an ESCO URI were "
                               f"ignored; {not_v111} mentions have a URI that is not in ESCO v1.1.1 skills_en.csv")
        return rows

    return taxonomy_runs(ctx, name, [BASELINE, BUNDLED, ESCO_EN], run)


# -- 4. VDAB vacancies ---------------------------------------------------------------------------

UPPER = "A-ZÀ-ÖØ-Þ"
ITEM_START = re.compile(rf"\s+(?=[{UPPER}](?![{UPPER}]))")  # a capital that is not part of an acronym (MVO)


def split_competences(cell: str) -> list[str]:
    """VDAB's competence list: items are on separate lines or (mostly) just run together with spaces.

    Items start with a capital letter; a fragment ending in ':' ("Domein:", "Tussenkomen in een zone:") is
    joined to the next one; the "Domein: " prefix is dropped.
    """
    items: list[str] = []
    for line in cell.splitlines():
        frags = [f.strip() for f in ITEM_START.split(line.strip()) if f.strip()]
        merged: list[str] = []
        for frag in frags:
            if merged and merged[-1].endswith(":"):
                merged[-1] += " " + frag
            else:
                merged.append(frag)
        items += merged
    out = []
    for item in items:
        item = re.sub(r"^Domein:\s*", "", item).strip()
        if item and not item.endswith(":") and item not in out:
            out.append(item)
    return out


def read_vdab(path: Path) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Unique vacancies (by job_id) with a real description and a non-empty competence list."""
    stats = {"rows": 0, "duplicate_rows": 0, "scrape_failures": 0, "no_competences": 0}
    seen, docs = set(), []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            stats["rows"] += 1
            if rec["job_id"] in seen:
                stats["duplicate_rows"] += 1
                continue
            seen.add(rec["job_id"])
            body = (rec.get("functieomschrijving") or "").strip()
            if not body or body.startswith("Vacatures - VDAB"):
                stats["scrape_failures"] += 1
                continue
            competences = split_competences(rec.get("professionele_vaardigheden") or "")
            if not competences:
                stats["no_competences"] += 1
                continue
            text = "\n\n".join(part for part in ((rec.get("title") or "").strip(), body,
                                                 (rec.get("profiel") or "").strip()) if part)
            docs.append({"id": rec["job_id"], "text": text, "competences": competences})
    return docs, stats


class CompetenceIndex:
    """For each competence string: the taxonomy concepts that have an en/nl label with token_set_ratio >= 85.

    Computed exactly but fast: only labels that share a word with the competence, or whose token_sort_ratio
    is >= 70, are scored (without a shared word token_set_ratio equals token_sort_ratio on de-duplicated words).
    """

    def __init__(self, taxonomy, competences: list[str]) -> None:
        from rapidfuzz import fuzz, process
        from rapidfuzz.utils import default_process

        owners: dict[str, set[str]] = defaultdict(set)
        for skill in taxonomy.skills.values():
            for lang in ("en", "nl"):
                for label in skill.labels.get(lang, ()):
                    norm = default_process(label)
                    if len(norm) >= VDAB_MIN_LABEL:
                        owners[norm].add(skill.id)
        labels = list(owners)
        by_word: dict[str, list[int]] = defaultdict(list)
        for i, label in enumerate(labels):
            for word in set(label.split()):
                by_word[word].append(i)
        normed = [default_process(c) for c in competences]
        sort_scores = process.cdist(normed, labels, scorer=fuzz.token_sort_ratio, score_cutoff=70,
                                    workers=-1, dtype="uint8") if labels and normed else None
        self.concepts: dict[str, set[str]] = {}
        for row_i, (comp, norm) in enumerate(zip(competences, normed, strict=True)):
            candidates = {i for word in set(norm.split()) for i in by_word.get(word, ())}
            if sort_scores is not None:
                candidates.update(sort_scores[row_i].nonzero()[0].tolist())
            hits: set[str] = set()
            for i in candidates:
                if fuzz.token_set_ratio(norm, labels[i]) >= VDAB_THRESHOLD:
                    hits |= owners[labels[i]]
            self.concepts[comp] = hits
        self.normed = dict(zip(competences, normed, strict=True))


def eval_vdab(ctx: Context) -> list[dict]:
    name = "vdab"
    path = ctx.data / "vacatures-nl-vdab" / "data_scrapping" / "vdab_jobs_playwright_preview_New5.csv"
    if not path.is_file():
        return [skipped(name, "not found")]
    docs, stats = read_vdab(path)
    docs = limited(docs, ctx.limit)
    competences = sorted({c for d in docs for c in d["competences"]})
    verbatim = sum(1 for d in docs for c in d["competences"] if c.casefold() in d["text"].casefold())
    total = sum(len(d["competences"]) for d in docs)
    ctx.details.append(
        f"vdab: {stats['rows']} rows, {stats['duplicate_rows']} duplicate job_id rows dropped, "
        f"{stats['scrape_failures']} scraping failures and {stats['no_competences']} without competences skipped; "
        f"{len(docs)} vacancies, {total} competence items ({len(competences)} distinct); {verbatim} items occur "
        "verbatim in the scored text (title + functieomschrijving + profiel)")

    def run(tax: str, extractor: Extractor) -> list[dict]:
        from rapidfuzz.utils import default_process

        t0 = time.perf_counter()
        index = CompetenceIndex(extractor.taxonomy, competences)
        index_s = time.perf_counter() - t0
        timer = Timer()
        found_n = mappable_n = by_text = 0
        per_doc: list[float] = []
        pred_concepts = pred_hits = 0
        for d in docs:
            doc = timer.extract(extractor, d["text"], kind="vacancy", language="nl")
            concepts = {m.skill_id for m in doc.mentions}
            texts = {t for t in (default_process(m.text) for m in doc.mentions) if len(t) >= VDAB_MIN_LABEL}
            found_here = 0
            for comp in d["competences"]:
                by_label = bool(index.concepts[comp] & concepts)
                padded = f" {index.normed[comp]} "
                by_mention = any(f" {t} " in padded for t in texts)
                found = by_label or by_mention
                by_text += by_mention and not by_label
                found_here += found
                mappable_n += found or bool(index.concepts[comp])
            found_n += found_here
            per_doc.append(found_here / len(d["competences"]))
            pred_concepts += len(concepts)
            pred_hits += sum(1 for c in concepts if any(c in index.concepts[comp] for comp in d["competences"]))
        ctx.details.append(
            f"vdab [{tax}]: {by_text} competences found only by rule (b) (mention text inside the competence); "
            f"{fmt(ratio(pred_hits, pred_concepts))} of the {pred_concepts} "
            f"concepts found per vacancy match some listed competence (the lists are not exhaustive); "
            f"competence index built in {index_s:.1f}s")
        return [row(name, "silver competences (nl)", tax, len(docs), timer.rate, gold=total, pred=pred_concepts,
                    R=ratio(found_n, total), R_macro=ratio(sum(per_doc), len(per_doc)),
                    ceiling=ratio(mappable_n, total))]

    return taxonomy_runs(ctx, name, [BASELINE, BUNDLED, ESCO_EN_NL], run)


# --------------------------------------------------------------------------------------------------

DATASETS: dict[str, Callable[[Context], list[dict]]] = {
    "green2022": eval_green, "skillspan": eval_skillspan, "decorte": eval_decorte, "vdab": eval_vdab,
}


def fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:,.0f}"
    return str(value)


def print_table(rows: list[dict]) -> None:
    table = [[fmt(r.get(c)) for c in COLUMNS] for r in rows]
    widths = [max(len(c), *(len(t[i]) for t in table)) for i, c in enumerate(COLUMNS)]
    numeric = set(COLUMNS[3:])

    def line(cells: list[str]) -> str:
        return "  ".join(cell.rjust(w) if c in numeric else cell.ljust(w)
                         for cell, w, c in zip(cells, widths, COLUMNS, strict=True)).rstrip()

    print(line(COLUMNS))
    print("  ".join("-" * w for w in widths))
    for t, r in zip(table, rows, strict=True):
        if str(r.get("subset", "")).startswith("skipped:"):
            print(line(t[:3] + [""] * (len(COLUMNS) - 3)))
        else:
            print(line(t))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data",
                        help="folder with the data sets (default: ../shared/data relative to the repository root)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="score at most N sentences/documents per subset (first N, file order)")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="also write the results as JSON")
    parser.add_argument("--no-esco", action="store_true", help="only the bundled taxonomy")
    parser.add_argument("--only", choices=sorted(DATASETS), action="append",
                        help="run only this data set (repeatable)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    started = time.perf_counter()
    notes: list[str] = []
    details: list[str] = []
    ctx = Context(args.data, args.limit, Taxonomies(args.data, not args.no_esco, notes), details, notes)
    if not args.data.is_dir():
        notes.append(f"data folder {args.data} not found: every data set is skipped")
    rows: list[dict] = []
    for key in args.only or DATASETS:
        rows += DATASETS[key](ctx)
    runtime = time.perf_counter() - started

    print(f"skillfit {__version__}: public-data evaluation ({args.data})"
          + (f", --limit {args.limit} per subset" if args.limit else ", full test sets (no limit)"))
    print()
    print_table(rows)
    print()
    print(LEGEND)
    if details:
        print("Details:")
        for d in details:
            print(f"  - {d}")
    if ctx.taxonomies.info:
        print("Taxonomies:")
        for tax, info in ctx.taxonomies.info.items():
            if "labels" in info:  # the baseline: ESCO's own labels looked up as they are
                print(f"  - {tax}: {info['concepts']} concepts, {info['labels']} labels (exact lookup)")
                continue
            print(f"  - {tax}: {info['concepts']} concepts ({info['with_esco_uri']} with an ESCO URI), "
                  f"version {info['version']}, hash {info['hash']}, loaded in {info['load_s']}s"
                  + ("" if info["strict"] else ", NOT strictly valid"))
    if notes:
        print("Notes:")
        for n in notes:
            print(f"  - {n}")
    print(f"\nTotal runtime {runtime:.1f}s")

    if args.json:
        payload = {"skillfit_version": __version__, "data": str(args.data), "limit": args.limit,
                   "runtime_s": round(runtime, 1), "columns": COLUMNS, "rows": rows, "legend": LEGEND,
                   "details": details, "taxonomies": ctx.taxonomies.info, "notes": notes}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
