"""Load, merge, validate and hash the bilingual skill taxonomy."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from pipeline import cache
from pipeline.errors import TaxonomyError
from pipeline.model import Skill
from pipeline.span_model import model_files

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # LibYAML is ~10x faster where available

LANGUAGES = ("en", "nl")
TYPES = ("hard", "soft")
ESCO_URI = re.compile(r"^http://data\.europa\.eu/esco/(skill|isco|occupation)/[0-9a-zA-Z-]+$")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_+#-]+)+$")
CONCEPT_FILES = ("*.yml", "*.yaml", "*.json")
OCCUPATIONS_FILE = "occupations.tsv"  # ESCO occupation labels (pipeline/stages/occupations.py), in the content hash


@dataclass(frozen=True)
class ContextRule:
    """Words around a match that confirm or veto an ambiguous label."""

    reject_next: frozenset[str] = frozenset()
    reject_prev: frozenset[str] = frozenset()
    require_nearby: frozenset[str] = frozenset()
    applies_to: frozenset[str] = frozenset()  # labels the rule covers; empty means all
    reject_before_name: bool = False  # "Frans Peeters": a capitalised word right after means a first name

    def covers(self, label: str) -> bool:
        """Whether this rule applies to `label`."""
        return not self.applies_to or label in self.applies_to


@dataclass
class Taxonomy:
    """All concepts, plus what the matcher needs to know about their labels."""

    skills: dict[str, Skill]
    case_sensitive: dict[str, frozenset[str]] = field(default_factory=dict)
    context: dict[str, ContextRule] = field(default_factory=dict)
    version: str = "0"
    content_hash: str = ""
    sources: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.skills)

    def narrower(self) -> dict[str, list[str]]:
        """Map each concept id to the ids whose `broader` it is."""
        children: dict[str, list[str]] = {}
        for skill in self.skills.values():
            if skill.broader:
                children.setdefault(skill.broader, []).append(skill.id)
        return children

    def search(self, text: str) -> list[Skill]:
        """Concepts whose id or any label (either language) contains `text`, case-insensitive."""
        needle = text.casefold()
        return [
            s for s in self.skills.values()
            if needle in s.id or any(needle in lab.casefold() for labs in s.labels.values() for lab in labs)
        ]

    def stats(self) -> dict[str, Any]:
        """Counts for `skillfit taxonomy stats`."""
        by_type: dict[str, int] = {t: 0 for t in TYPES}
        by_category: dict[str, int] = {}
        labels = {lang: 0 for lang in LANGUAGES}
        for skill in self.skills.values():
            by_type[skill.type] = by_type.get(skill.type, 0) + 1
            key = f"{skill.type}/{skill.category}"
            by_category[key] = by_category.get(key, 0) + 1
            for lang, labs in skill.labels.items():
                labels[lang] = labels.get(lang, 0) + len(labs)
        return {
            "concepts": len(self.skills),
            "by_type": by_type,
            "by_category": dict(sorted(by_category.items())),
            "labels": labels,
            "esco_uris": sum(1 for s in self.skills.values() if s.esco_uri),
            "with_broader": sum(1 for s in self.skills.values() if s.broader),
            "context_rules": len(self.context),
            "version": self.version,
            "hash": self.content_hash,
        }


def bundled_dir() -> Path:
    """The base taxonomy: $SKILLFIT_TAXONOMY_DIR if set, else the one shipped inside the wheel,
    else `taxonomy/` in a source checkout."""
    override = os.environ.get("SKILLFIT_TAXONOMY_DIR")
    if override:
        return Path(override)
    packaged = resources.files("pipeline") / "_taxonomy"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "taxonomy"


def concept_files(path: Path) -> list[Path]:
    """Concept files in a directory (sorted, so the hash is stable), or the file itself."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise TaxonomyError(f"{path}: no such taxonomy file or directory")
    return sorted(p for pattern in CONCEPT_FILES for p in path.glob(pattern))


def read_concepts(path: Path) -> list[dict[str, Any]]:
    """Raw concept mappings from one YAML or JSON file."""
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw) if path.suffix == ".json" else yaml.load(raw, Loader=SafeLoader)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise TaxonomyError(f"{path}: cannot read taxonomy file: {exc}") from exc
    if isinstance(data, dict) and "concepts" in data:
        data = data["concepts"]
    if not isinstance(data, list) or not all(isinstance(c, dict) for c in data):
        raise TaxonomyError(f"{path}: expected a list of concepts (mappings with id, type, en, nl)")
    return data


def _labels(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    seen: dict[str, None] = {}
    for label in raw:
        label = " ".join(str(label).split())
        if label:
            seen.setdefault(label, None)
    return tuple(seen)


def _words(raw: Any) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in (raw or ()))


def merge_concepts(layers: Iterable[tuple[str, list[dict[str, Any]]]]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Merge concept layers by id: a later layer's fields win, its labels are added to the earlier ones.

    Returns the merged concepts and the problems found inside single layers (duplicate ids).
    """
    merged: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for origin, concepts in layers:
        seen_here: set[str] = set()
        for concept in concepts:
            cid = str(concept.get("id", "")).strip()
            if not cid:
                problems.append(f"{origin}: concept without id: {concept!r:.80}")
                continue
            if cid in seen_here:
                problems.append(f"{origin}: duplicate id {cid}")
            seen_here.add(cid)
            if cid not in merged:
                merged[cid] = {**concept, "id": cid, "_origin": origin}
                continue
            base = merged[cid]
            for key, value in concept.items():
                if key in LANGUAGES or key == "case_sensitive":
                    base[key] = list(_labels(base.get(key))) + [v for v in _labels(value) if v not in _labels(base.get(key))]
                else:
                    base[key] = value
    return merged, problems


def validate_concepts(merged: dict[str, dict[str, Any]]) -> list[str]:
    """Every problem that makes the taxonomy unsafe to match with, as readable lines."""
    problems: list[str] = []
    owners: dict[tuple[str, str], str] = {}
    for cid, c in merged.items():
        where = f"{c.get('_origin', '?')}: {cid}"
        if not ID_PATTERN.match(cid):
            problems.append(f"{where}: malformed id (use lowercase dotted ids such as hard.python)")
        if c.get("type") not in TYPES:
            problems.append(f"{where}: type must be hard or soft, not {c.get('type')!r}")
        if not c.get("category"):
            problems.append(f"{where}: missing category")
        uri = c.get("esco")
        if uri and not ESCO_URI.match(str(uri)):
            problems.append(f"{where}: malformed ESCO URI {uri!r}")
        broader = c.get("broader")
        if broader and broader not in merged:
            problems.append(f"{where}: broader concept {broader!r} does not exist")
        if broader == cid:
            problems.append(f"{where}: concept is its own broader concept")
        # Imported ESCO concepts may lack a language and share labels (ESCO's own alt labels overlap).
        imported = bool(c.get("imported"))
        ambiguous = bool(c.get("context")) or bool(c.get("ambiguous")) or imported
        for lang in LANGUAGES:
            labels = _labels(c.get(lang))
            if not labels and not imported:
                problems.append(f"{where}: no {lang} label (every concept needs English and Dutch labels)")
            for label in labels:
                sensitive = label in _labels(c.get("case_sensitive")) or _is_acronym(label)
                key = (lang, label if sensitive else label.casefold())
                other = owners.get(key)
                if other and other != cid and not (ambiguous or _ambiguous(merged[other])):
                    problems.append(f"{where}: {lang} label {label!r} also belongs to {other} (mark one ambiguous with a context rule)")
                owners.setdefault(key, cid)
    problems.extend(_cycles(merged))
    return problems


def _ambiguous(concept: dict[str, Any]) -> bool:
    return bool(concept.get("context") or concept.get("ambiguous") or concept.get("imported"))


def _cycles(merged: dict[str, dict[str, Any]]) -> list[str]:
    problems = []
    for cid in merged:
        seen, node = {cid}, merged[cid].get("broader")
        while node in merged:
            if node in seen:
                problems.append(f"{cid}: broader chain loops back through {node}")
                break
            seen.add(node)
            node = merged[node].get("broader")
    return problems


def _is_acronym(label: str) -> bool:
    """ALL-CAPS labels (SQL, AWS, HACCP, CI/CD) match only in capitals."""
    letters = [ch for ch in label if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def build(merged: dict[str, dict[str, Any]], version: str, content_hash: str, sources: Sequence[str]) -> Taxonomy:
    """Turn validated raw concepts into a Taxonomy."""
    skills: dict[str, Skill] = {}
    case_sensitive: dict[str, frozenset[str]] = {}
    context: dict[str, ContextRule] = {}
    for cid, c in merged.items():
        labels = {lang: _labels(c.get(lang)) for lang in LANGUAGES}
        skills[cid] = Skill(
            id=cid, type=c["type"], category=str(c.get("category", "")), labels=labels,
            esco_uri=c.get("esco") or None, broader=c.get("broader") or None,
        )
        all_labels = {lab for labs in labels.values() for lab in labs}
        sensitive = set(_labels(c.get("case_sensitive"))) | {lab for lab in all_labels if _is_acronym(lab)}
        if sensitive:
            case_sensitive[cid] = frozenset(sensitive)
        rule = c.get("context")
        if rule:
            context[cid] = ContextRule(
                reject_next=_words(rule.get("reject_next")),
                reject_prev=_words(rule.get("reject_prev")),
                require_nearby=_words(rule.get("require_nearby")),
                applies_to=frozenset(_labels(rule.get("applies_to"))),
                reject_before_name=bool(rule.get("reject_before_name")),
            )
    return Taxonomy(skills, case_sensitive, context, version, content_hash, tuple(sources))


def load(extra: Sequence[str | Path] = (), include_bundled: bool = True, strict: bool = True) -> Taxonomy:
    """Load the bundled taxonomy plus `extra` files or directories (later ones override earlier ones).

    Raises TaxonomyError listing every problem when `strict` and the result does not validate.
    """
    paths = ([bundled_dir()] if include_bundled else []) + [Path(p) for p in extra]
    files = [f for p in paths for f in concept_files(p)]
    if not files:
        raise TaxonomyError("no taxonomy files found")
    version = _version(paths[0]) + ("+custom" if len(paths) > 1 else "")
    digest = hashlib.sha256(version.encode())
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    if include_bundled:  # what the occupations stage and the open-skills tagger read
        for data in [bundled_dir() / OCCUPATIONS_FILE, *model_files()]:
            if data.is_file():
                digest.update(data.read_bytes())
    content_hash = digest.hexdigest()[:16]
    cached = cache.cache_dir() / f"taxonomy-{cache.code_fingerprint()}-{content_hash}.pkl"
    taxonomy = cache.read(cached)
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    layers = [(str(f), read_concepts(f)) for f in files]
    merged, problems = merge_concepts(layers)
    problems += validate_concepts(merged)
    if strict and problems:
        raise TaxonomyError("taxonomy is invalid:\n  " + "\n  ".join(problems[:50])
                            + (f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""))
    taxonomy = build(merged, version, content_hash, [str(p) for p in paths])
    if strict:
        cache.write(cached, taxonomy)
    return taxonomy


def to_concepts(taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """The taxonomy as concept mappings in the file format (used by the spaCy component's to_disk)."""
    out = []
    for skill in taxonomy.skills.values():
        concept: dict[str, Any] = {"id": skill.id, "type": skill.type, "category": skill.category}
        if skill.esco_uri:
            concept["esco"] = skill.esco_uri
        if skill.broader:
            concept["broader"] = skill.broader
        concept.update({lang: list(labels) for lang, labels in skill.labels.items()})
        if skill.id in taxonomy.case_sensitive:
            concept["case_sensitive"] = sorted(taxonomy.case_sensitive[skill.id])
        rule = taxonomy.context.get(skill.id)
        if rule:
            concept["context"] = {k: (sorted(v) if isinstance(v, frozenset) else v) for k, v in vars(rule).items() if v}
        concept["ambiguous"] = True  # already validated where it came from
        out.append(concept)
    return out


def from_concepts(concepts: list[dict[str, Any]], version: str = "0") -> Taxonomy:
    """A Taxonomy from concept mappings (no files involved)."""
    merged, found = merge_concepts([("<memory>", concepts)])
    found += validate_concepts(merged)
    if found:
        raise TaxonomyError("taxonomy is invalid:\n  " + "\n  ".join(found[:50]))
    digest = hashlib.sha256(json.dumps(concepts, sort_keys=True).encode()).hexdigest()[:16]
    return build(merged, version, digest, ["<memory>"])


def problems(extra: Sequence[str | Path] = (), include_bundled: bool = True) -> list[str]:
    """Validation problems of the taxonomy as it would be loaded (empty when valid)."""
    paths = ([bundled_dir()] if include_bundled else []) + [Path(p) for p in extra]
    layers = [(str(f), read_concepts(f)) for p in paths for f in concept_files(p)]
    merged, found = merge_concepts(layers)
    return found + validate_concepts(merged)


def _version(path: Path) -> str:
    version_file = (path if path.is_dir() else path.parent) / "VERSION"
    return version_file.read_text().strip() if version_file.exists() else "0"
