"""Import the official ESCO CSV export (v1.1 or v1.2; folder or zip; one or more languages).

ESCO concepts that the core taxonomy already has (same URI) keep the core id, type and category and
gain ESCO's labels; the rest become `esco.<uuid>` concepts. Transversal skills are soft, everything
else (knowledge, sector-specific and cross-sector skills) hard.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.errors import TaxonomyError
from pipeline.taxonomy import Taxonomy

SKILLS_FILE = re.compile(r"(?:^|/)skills_([a-z]{2})\.csv$")
BROADER_FILE = re.compile(r"(?:^|/)broaderRelationsSkillPillar(?:_([a-z]{2}))?\.csv$")
LANGUAGES = ("en", "nl")
csv.field_size_limit(10_000_000)


def _open_members(source: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    """(name, text stream) of every CSV in a folder, a zip, or a folder of zips."""
    if source.is_file() and zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                if name.endswith(".csv"):
                    with archive.open(name) as raw:
                        yield name, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    elif source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.suffix == ".zip":
                yield from _open_members(path)
            elif path.suffix == ".csv":
                with path.open(encoding="utf-8-sig", newline="") as fh:
                    yield path.name, fh
    else:
        raise TaxonomyError(f"{source}: not an ESCO CSV folder or zip")


def _split_labels(cell: str | None) -> list[str]:
    return [label.strip() for label in (cell or "").splitlines() if label.strip()]


def read_esco(source: str | Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """ESCO skills by URI (type, reuse level, labels per language) and skill -> broader skill URIs."""
    skills: dict[str, dict[str, Any]] = {}
    broader: dict[str, str] = {}
    found_any = False
    for name, stream in _open_members(Path(source)):
        skills_match, broader_match = SKILLS_FILE.search(name), BROADER_FILE.search(name)
        if skills_match and skills_match.group(1) in LANGUAGES:
            found_any = True
            lang = skills_match.group(1)
            for row in csv.DictReader(stream):
                uri = row.get("conceptUri")
                if not uri or row.get("status", "released") not in ("released", ""):
                    continue
                concept = skills.setdefault(uri, {"labels": {}})
                concept["skillType"] = row.get("skillType") or concept.get("skillType")
                concept["reuseLevel"] = row.get("reuseLevel") or concept.get("reuseLevel")
                labels = [row.get("preferredLabel", "").strip()] + _split_labels(row.get("altLabels")) \
                    + _split_labels(row.get("hiddenLabels"))
                concept["labels"][lang] = [lab for lab in dict.fromkeys(labels) if lab]
        elif broader_match:
            for row in csv.DictReader(stream):
                if row.get("conceptType", "KnowledgeSkillCompetence") == "KnowledgeSkillCompetence" and \
                        row.get("broaderType", "KnowledgeSkillCompetence") == "KnowledgeSkillCompetence":
                    broader.setdefault(row["conceptUri"], row["broaderUri"])
    if not found_any:
        raise TaxonomyError(f"{source}: no skills_en.csv or skills_nl.csv found (is this an ESCO CSV export?)")
    return skills, broader


def esco_id(uri: str) -> str:
    """A taxonomy id for an ESCO URI: esco.<uuid>."""
    return "esco." + uri.rsplit("/", 1)[-1].lower()


def import_esco(source: str | Path, core: Taxonomy) -> list[dict[str, Any]]:
    """Concepts for an imported-ESCO taxonomy file, merged by URI with `core`."""
    skills, broader = read_esco(source)
    core_by_uri = {s.esco_uri: s for s in core.skills.values() if s.esco_uri}
    ids = {uri: core_by_uri[uri].id if uri in core_by_uri else esco_id(uri) for uri in skills}
    # Core labels win: an ESCO label that a core concept already uses is dropped from ESCO's concept.
    core_labels = {(lang, lab.casefold()) for s in core.skills.values() for lang, labs in s.labels.items()
                   for lab in labs}
    added_to_core: set[tuple[str, str]] = set()  # an ESCO label goes to one core concept only
    concepts = []
    for uri, esco in skills.items():
        known = core_by_uri.get(uri)
        labels = {lang: [lab for lab in labs if (lang, lab.casefold()) not in core_labels]
                  for lang, labs in esco["labels"].items()}
        if known:  # only ESCO's extra labels are added; the core's type and category stay
            labels = {lang: [lab for lab in labs if (lang, lab.casefold()) not in added_to_core]
                      for lang, labs in labels.items()}
            labels = {lang: labs for lang, labs in labels.items() if labs}
            added_to_core |= {(lang, lab.casefold()) for lang, labs in labels.items() for lab in labs}
            if labels:
                concepts.append({"id": known.id, **labels})
            continue
        labels = {lang: labs for lang, labs in labels.items() if labs}
        if not labels:
            continue
        concept: dict[str, Any] = {
            "id": ids[uri],
            "type": "soft" if esco.get("reuseLevel") == "transversal" else "hard",
            "category": f"esco_{(esco.get('reuseLevel') or esco.get('skillType') or 'skill').replace('-', '_').replace('/', '_')}",
            "esco": uri,
            "imported": True,
            **labels,
        }
        parent = broader.get(uri)
        if parent in ids:
            concept["broader"] = ids[parent]
        concepts.append(concept)
    return concepts


def write_taxonomy(concepts: list[dict[str, Any]], out: str | Path, version: str) -> None:
    """Write imported concepts as JSON (fast to load) or YAML, by the file's extension."""
    out = Path(out)
    payload = {"version": version, "source": "ESCO", "concepts": concepts}
    if out.suffix in (".yml", ".yaml"):
        import yaml
        out.write_text(yaml.safe_dump(concepts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    else:
        out.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
