"""Exports for the formats users already have: Parquet/CSV/JSON tables and JSON Resume `skills[]`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from pipeline.output import json_value, write_rows

# What can be exported, each in a stable order a reader expects: the best candidates of each role first.
ORDER = {"fit": "role_id, score DESC, candidate_id", "candidate_skills": "candidate_id, skill_id",
         "role_requirements": "role_id, position, skill_id", "mentions": "doc_id, seq", "documents": "doc_id",
         "skills": "skill_id", "skills_gap_by_role": "role_id, candidates_lacking DESC, skill_id"}
TABLES = tuple(ORDER)


def csv_safe_text(relation: duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    """The relation with text cells that a spreadsheet would run as a formula prefixed with ' (output.csv_safe)."""
    columns = []
    for name, dtype in zip(relation.columns, relation.types):
        quoted = '"' + name.replace('"', '""') + '"'
        if str(dtype) == "VARCHAR":
            columns.append(f"CASE WHEN left({quoted}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) "
                           f"THEN chr(39) || {quoted} ELSE {quoted} END AS {quoted}")
        else:
            columns.append(quoted)
    return relation.project(", ".join(columns))


def export_table(con: duckdb.DuckDBPyConnection, what: str, fmt: str, out: str | Path) -> int:
    """Write one view or table to `out` as parquet, csv, excel-csv or json; returns the row count."""
    if what not in TABLES:
        raise ValueError(f"cannot export {what!r}: choose one of {', '.join(TABLES)}")
    relation = con.table(what) if what in ("mentions", "documents", "skills") else con.view(what)
    if "role_id" in relation.columns:  # the role's title beside its id: a spreadsheet reader cannot join
        rank = (", row_number() OVER (PARTITION BY x.role_id ORDER BY x.score DESC, x.candidate_id) AS rank"
                if what == "fit" else "")  # as the tables rank them: ties by candidate id
        relation = con.sql(f"SELECT x.role_id, coalesce(d.title, d.source, x.role_id) AS role_title{rank},"
                           f" x.* EXCLUDE (role_id) FROM {what} x "
                           "LEFT JOIN documents d ON d.doc_id = x.role_id")
    relation = relation.order(ORDER[what])
    if fmt == "parquet":
        relation.write_parquet(str(out))
    elif fmt == "csv":
        csv_safe_text(relation).write_csv(str(out))
    elif fmt == "excel-csv":
        with open(out, "w", encoding="utf-8", newline="") as f:
            write_rows([dict(zip(relation.columns, r)) for r in relation.fetchall()], fmt, f, relation.columns)
    else:
        names = relation.columns
        rows = [dict(zip(names, r)) for r in relation.fetchall()]
        Path(out).write_text(json.dumps(rows, ensure_ascii=False, indent=2, default=json_value), encoding="utf-8")
    return relation.aggregate("count(*)").fetchall()[0][0]


def subject_access(con: duckdb.DuckDBPyConnection, db: str, candidate_id: str) -> dict[str, Any]:
    """Everything stored about one candidate: their document row, every mention, the file mapping, and the scores
    computed about them (GDPR art. 15: the automated assessment too): per role its score, rank and requirements
    met, as the `fit` view gives them now."""
    from pipeline.store.privacy import SourceMap

    def rows(sql: str) -> list[dict[str, Any]]:
        cursor = con.execute(sql, {"id": candidate_id})
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]

    documents = rows("SELECT * FROM documents WHERE doc_id = $id AND kind = 'cv'")
    files = SourceMap(db).lookup_all([candidate_id]).get(candidate_id, [])
    return {
        "candidate_id": candidate_id,
        "document": documents[0] if documents else None,
        "mentions": rows("SELECT * FROM mentions WHERE doc_id = $id ORDER BY seq"),
        "source_file": files[0] if files else None,
        "source_files": files,  # every file the CV came in (a DOCX and its PDF are one candidate)
        "fit": rows("""SELECT role_id, role_title, score, rank, required_met, required_total FROM (
                           SELECT f.*, coalesce(d.title, d.source, f.role_id) AS role_title,
                                  rank() OVER (PARTITION BY f.role_id ORDER BY f.score DESC NULLS LAST) AS rank
                           FROM fit f JOIN documents d ON d.doc_id = f.role_id)
                       WHERE candidate_id = $id ORDER BY score DESC NULLS LAST, role_id"""),
    }


def json_resume_skills(con: duckdb.DuckDBPyConnection, candidate_id: str | None = None) -> dict[str, Any]:
    """JSON Resume `skills[]` ({name, level, keywords}) per candidate, with ESCO URIs where known.

    `keywords` holds the skill type and category, and `competencyIds` (HR Open style) the ESCO URI.
    """
    rows = con.execute(
        """
        SELECT c.candidate_id, c.label_en, c.type, c.category, c.esco_uri, c.years,
               (SELECT max(level) FROM mentions m WHERE m.doc_id = c.candidate_id AND m.skill_id = c.skill_id)
        FROM candidate_skills c
        WHERE ($cand IS NULL OR c.candidate_id = $cand) AND coalesce(c.category, '') NOT IN ('occupation', 'title')  -- jobs: no skills
        ORDER BY c.candidate_id, c.type, c.label_en
        """, {"cand": candidate_id}).fetchall()
    out: dict[str, Any] = {}
    for cand, name, type_, category, uri, years, level in rows:
        entry: dict[str, Any] = {"name": name, "keywords": [type_, category]}
        if level or years:
            entry["level"] = level or f"{years:g} years"
        if uri:
            entry["competencyIds"] = [uri]
        out.setdefault(cand, {"skills": []})["skills"].append(entry)
    return out
