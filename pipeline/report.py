"""A self-contained HTML report of a skillfit database: ranked candidates, hard/soft coverage and skills gaps.

The report is one HTML file with inline CSS and inline SVG: no JavaScript, no fonts, images or links
fetched when it is viewed, so it can be mailed, archived or printed as is. Every text value that comes
from the database (titles, file names, skill labels) is escaped; every query is parameterised.

    from pipeline.report import write_report
    write_report("screening.duckdb", "report.html", top=10)
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline import __version__
from pipeline.errors import StoreError

__all__ = ["render_report", "write_report"]

MAX_MATCHED_CHIPS = 8
MAX_MISSING_CHIPS = 8
MAX_GAP_SKILLS = 10

# Okabe-Ito colours: distinguishable with the common forms of colour blindness.
HARD = "#0072B2"  # blue
SOFT = "#E69F00"  # orange
GAP = "#D55E00"  # vermillion
TRACK = "#EDF0F4"
GRID = "#D9DEE5"
INK = "#1C2430"
MUTED = "#5B6675"
DASH = ' stroke-dasharray="2 3"'
DOT = " \u00b7 "
CHECK = '<span class="check" title="all required skills met">\u2713</span>'


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute (None becomes an empty string)."""
    return html.escape("" if value is None else str(value), quote=True)


def file_name(source: str | None, fallback: str = "") -> str:
    """The last component of a stored source path, whether written with / or \\."""
    if not source:
        return fallback
    return re.split(r"[\\/]", source.rstrip("/\\"))[-1] or fallback


def breakable(name: str) -> str:
    """Escaped file name with optional line breaks after _ . - so long names wrap between words."""
    return re.sub(r"([_.\-])", r"\1<wbr>", esc(name))


def clip(text: str, limit: int) -> str:
    """Shorten text to limit characters with an ellipsis (the caller shows the full text in a tooltip)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def fmt_num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "\u2013"
    text = f"{value:.{digits}f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass
class Candidate:
    rank: int
    candidate_id: str
    name: str
    language: str | None
    score: float
    required_met: int
    required_total: int
    hard_score: float
    soft_score: float
    matched: list[tuple[str, float, str | None, str | None]] = field(default_factory=list)
    missing_required: list[str] = field(default_factory=list)


@dataclass
class Role:
    role_id: str
    title: str
    source_name: str
    language: str | None
    hard_max: float
    soft_max: float
    n_required: int
    n_preferred: int
    assessed: int
    meeting_all: int
    candidates: list[Candidate] = field(default_factory=list)
    gaps: list[tuple[str, str, int, float]] = field(default_factory=list)


# ---------------------------------------------------------------- data


def _run_info(con: duckdb.DuckDBPyConnection) -> dict:
    row = con.execute(
        "SELECT run_id, started_at, finished_at, command, skillfit_version, taxonomy_version, taxonomy_hash"
        " FROM runs ORDER BY started_at DESC NULLS LAST, run_id DESC LIMIT 1"
    ).fetchone()
    keys = ["run_id", "started_at", "finished_at", "command", "skillfit_version", "taxonomy_version", "taxonomy_hash"]
    info = dict(zip(keys, row, strict=True)) if row else dict.fromkeys(keys)
    counts = con.execute(
        "SELECT count(*) FILTER (kind = 'vacancy'), count(*) FILTER (kind = 'cv'),"
        " count(DISTINCT taxonomy_hash) FROM documents"
    ).fetchone()
    info["n_roles"], info["n_candidates"], info["n_taxonomies"] = counts
    info["n_runs"] = con.execute("SELECT count(*) FROM runs").fetchone()[0]
    return info


def _candidate_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """candidate_id -> CV file name, from the mapping file kept beside the database (empty when absent)."""
    from pipeline.store.privacy import SourceMap

    row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    if not row or not row[0]:
        return {}
    ids = [r[0] for r in con.execute("SELECT doc_id FROM documents WHERE kind = 'cv'").fetchall()]
    try:
        found = SourceMap(row[0]).lookup(ids)
    except duckdb.Error:  # a mapping file that is locked or damaged: fall back to the ids
        return {}
    return {doc_id: file_name(source, doc_id) for doc_id, source in found.items()}


def _expired(con: duckdb.DuckDBPyConnection) -> int:
    """CVs past their retention date (0 for a database from before retention existed)."""
    try:
        return con.execute("SELECT count(*) FROM documents WHERE kind = 'cv' AND expires_at IS NOT NULL"
                           " AND expires_at <= $now", {"now": _dt.datetime.now(_dt.timezone.utc)}).fetchone()[0]
    except duckdb.BinderException:
        return 0


def _roles(con: duckdb.DuckDBPyConnection, top: int, names: dict[str, str]) -> list[Role]:
    rows = con.execute(
        """
        WITH w AS (
            SELECT role_id,
                   sum(weight) FILTER (type = 'hard') AS hard_w,
                   sum(weight) FILTER (type = 'soft') AS soft_w,
                   sum(weight) AS total_w,
                   count(*) FILTER (requirement = 'required') AS n_req,
                   count(*) FILTER (requirement = 'preferred') AS n_pref
            FROM role_weights GROUP BY role_id
        ), f AS (
            SELECT role_id, count(*) AS assessed,
                   count(*) FILTER (required_total > 0 AND required_met = required_total) AS meeting_all
            FROM fit GROUP BY role_id
        )
        SELECT d.doc_id, d.title, d.source, d.language,
               coalesce(100.0 * w.hard_w / nullif(w.total_w, 0), 0) AS hard_max,
               coalesce(100.0 * w.soft_w / nullif(w.total_w, 0), 0) AS soft_max,
               coalesce(w.n_req, 0), coalesce(w.n_pref, 0), coalesce(f.assessed, 0), coalesce(f.meeting_all, 0)
        FROM documents d LEFT JOIN w ON w.role_id = d.doc_id LEFT JOIN f ON f.role_id = d.doc_id
        WHERE d.kind = 'vacancy'
        """
    ).fetchall()
    roles = []
    for doc_id, title, source, language, hard_max, soft_max, n_req, n_pref, assessed, meeting_all in rows:
        name = file_name(source, doc_id)
        roles.append(Role(doc_id, (title or "").strip() or name, name, language, float(hard_max), float(soft_max),
                          n_req, n_pref, assessed, meeting_all))
    roles.sort(key=lambda r: (r.title.casefold(), r.role_id))
    for role in roles:
        role.candidates = _ranking(con, role.role_id, top, names)
        role.gaps = _gaps(con, role.role_id)
    return roles


def _ranking(con: duckdb.DuckDBPyConnection, role_id: str, top: int, names: dict[str, str]) -> list[Candidate]:
    rows = con.execute(
        """
        SELECT f.rank, f.candidate_id, d.source, d.language, f.score, f.required_met, f.required_total,
               f.hard_score, f.soft_score
        FROM fit_for_role($role) f JOIN documents d ON d.doc_id = f.candidate_id
        ORDER BY f.rank LIMIT $top
        """,
        {"role": role_id, "top": top},
    ).fetchall()
    candidates = [
        Candidate(rank, cid, names.get(cid) or file_name(source, cid), lang, float(score or 0), met, total,
                  float(hard or 0), float(soft or 0))
        for rank, cid, source, lang, score, met, total, hard, soft in rows
    ]
    if not candidates:
        return candidates
    by_id = {c.candidate_id: c for c in candidates}
    ids = list(by_id)
    evidence = con.execute(
        """
        SELECT candidate_id, label_en, credit, relation, via_skill
        FROM fit_evidence WHERE role_id = $role AND list_contains($ids, candidate_id)
        ORDER BY candidate_id, (requirement = 'required') DESC, weight * credit DESC, label_en
        """,
        {"role": role_id, "ids": ids},
    ).fetchall()
    for cid, label, credit, relation, via in evidence:
        by_id[cid].matched.append((label, float(credit or 0), relation, via))
    missing = con.execute(
        """
        SELECT c.candidate_id, r.label_en
        FROM role_weights r CROSS JOIN (SELECT unnest($ids) AS candidate_id) c
        LEFT JOIN fit_evidence e ON e.role_id = r.role_id AND e.skill_id = r.skill_id
                                AND e.candidate_id = c.candidate_id
        WHERE r.role_id = $role AND r.requirement = 'required' AND coalesce(e.credit, 0) = 0
        ORDER BY c.candidate_id, r.weight DESC, r.label_en
        """,
        {"role": role_id, "ids": ids},
    ).fetchall()
    for cid, label in missing:
        by_id[cid].missing_required.append(label)
    return candidates


def _gaps(con: duckdb.DuckDBPyConnection, role_id: str) -> list[tuple[str, str, int, float]]:
    return con.execute(
        """
        SELECT label_en, type, candidates_lacking, coalesce(pct_lacking, 0)
        FROM skills_gap_by_role WHERE role_id = $role
        ORDER BY pct_lacking DESC, label_en LIMIT $n
        """,
        {"role": role_id, "n": MAX_GAP_SKILLS},
    ).fetchall()


# ---------------------------------------------------------------- charts


def _svg_open(width: int, height: int, label: str) -> str:
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-label="{esc(label)}" preserveAspectRatio="xMinYMin meet">'
            f"<title>{esc(label)}</title>")


def _percent_grid(x0: float, span: float, top_pad: int, height: int) -> str:
    """Vertical grid lines with 0-100% labels, shared by both charts."""
    out = []
    for pct in (0, 25, 50, 75, 100):
        x = x0 + span * pct / 100
        out.append(f'<line x1="{x:.1f}" y1="{top_pad - 6}" x2="{x:.1f}" y2="{height - 6}" stroke="{GRID}" '
                   f'stroke-width="1"{"" if pct in (0, 100) else DASH}/>')
        out.append(f'<text x="{x:.1f}" y="{top_pad - 12}" class="axis" text-anchor="middle">{pct}%</text>')
    return "".join(out)


def coverage_chart(role: Role) -> str:
    """Grouped horizontal bars: each candidate's hard and soft points as a share of the role's maximum."""
    width, label_w, value_w = 540, 170, 96
    x0, x1 = label_w, width - value_w
    span = x1 - x0
    row_h, bar_h, top_pad = 34, 10, 26
    height = top_pad + row_h * len(role.candidates) + 8
    out = [_svg_open(width, height, f"Hard and soft skill coverage per candidate for {role.title}")]
    out.append(_percent_grid(x0, span, top_pad, height))
    for i, c in enumerate(role.candidates):
        y = top_pad + i * row_h + 4
        out.append(f'<text x="18" y="{y + bar_h + 2}" class="label rank" text-anchor="end">{c.rank}</text>'
                   f'<text x="26" y="{y + bar_h + 2}" class="label"><title>{esc(c.name)}</title>'
                   f"{esc(clip(c.name, 21))}</text>")
        for j, (kind, got, most, colour) in enumerate(
            (("hard", c.hard_score, role.hard_max, HARD), ("soft", c.soft_score, role.soft_max, SOFT))
        ):
            by = y + j * (bar_h + 3)
            out.append(f'<rect x="{x0}" y="{by}" width="{span}" height="{bar_h}" rx="2" fill="{TRACK}"/>')
            if most > 0:
                share = max(0.0, min(1.0, got / most))
                if share > 0:
                    out.append(f'<rect x="{x0}" y="{by}" width="{span * share:.1f}" height="{bar_h}" rx="2" '
                               f'fill="{colour}"><title>{kind}: {fmt_num(got)} of {fmt_num(most)} points '
                               f"({share * 100:.0f}%)</title></rect>")
                value = f"{share * 100:.0f}%"
            else:
                value = "n/a"
            out.append(f'<text x="{x1 + 8}" y="{by + bar_h - 1}" class="value">{value}'
                       f'<tspan class="of"> {fmt_num(got)}/{fmt_num(most)}</tspan></text>')
    out.append("</svg>")
    return "".join(out)


def gap_chart(role: Role, pool: int) -> str:
    """Horizontal bars: share of the candidate pool lacking each required skill of the role."""
    width, label_w, value_w = 540, 170, 96
    x0, x1 = label_w, width - value_w
    span = x1 - x0
    row_h, bar_h, top_pad = 26, 14, 26
    height = top_pad + row_h * len(role.gaps) + 8
    out = [_svg_open(width, height, f"Share of the candidate pool lacking each required skill of {role.title}")]
    out.append(_percent_grid(x0, span, top_pad, height))
    for i, (label, kind, lacking, pct) in enumerate(role.gaps):
        y = top_pad + i * row_h + 4
        suffix = " (soft)" if kind == "soft" else ""
        out.append(f'<text x="{x0 - 10}" y="{y + bar_h - 3}" class="label" text-anchor="end">'
                   f"<title>{esc(label)}{suffix}</title>{esc(clip(label, 24))}"
                   + ('<tspan class="of"> soft</tspan>' if suffix else "") + "</text>")
        out.append(f'<rect x="{x0}" y="{y}" width="{span}" height="{bar_h}" rx="2" fill="{TRACK}"/>')
        share = max(0.0, min(1.0, float(pct) / 100))
        if share > 0:
            out.append(f'<rect x="{x0}" y="{y}" width="{span * share:.1f}" height="{bar_h}" rx="2" fill="{GAP}">'
                       f"<title>{esc(label)}: {lacking} of {pool} candidates lack it</title></rect>")
        out.append(f'<text x="{x1 + 8}" y="{y + bar_h - 3}" class="value">{fmt_num(float(pct), 0)}%'
                   f'<tspan class="of"> {lacking}/{pool}</tspan></text>')
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- HTML


def _chips(matched, missing) -> tuple[str, str]:
    chips = []
    for label, credit, relation, via in matched[:MAX_MATCHED_CHIPS]:
        if credit >= 1.0:
            chips.append(f'<span class="chip">{esc(label)}</span>')
        else:
            how = f"partly met ({fmt_num(credit * 100, 0)}%)"
            if via and via != label:
                how += f" via {via}" + (f" ({relation})" if relation else "")
            chips.append(f'<span class="chip partial" title="{esc(how)}">{esc(label)}<span class="sr"> '
                         f"(partly)</span></span>")
    extra = len(matched) - MAX_MATCHED_CHIPS
    if extra > 0:
        rest = ", ".join(m[0] for m in matched[MAX_MATCHED_CHIPS:])
        chips.append(f'<span class="chip more" title="{esc(rest)}">+{extra} more</span>')
    gone = [f'<span class="chip missing">{esc(label)}</span>' for label in missing[:MAX_MISSING_CHIPS]]
    extra = len(missing) - MAX_MISSING_CHIPS
    if extra > 0:
        rest = ", ".join(missing[MAX_MISSING_CHIPS:])
        gone.append(f'<span class="chip more" title="{esc(rest)}">+{extra} more</span>')
    return ("".join(chips) or '<span class="none">none</span>',
            "".join(gone) or '<span class="none ok">none</span>')


def _ranking_table(role: Role) -> str:
    rows = []
    for c in role.candidates:
        matched, missing = _chips(c.matched, c.missing_required)
        all_met = c.required_total > 0 and c.required_met == c.required_total
        req_pct = 100.0 * c.required_met / c.required_total if c.required_total else 0
        lang = f' <span class="lang">{esc(c.language)}</span>' if c.language else ""
        rows.append(
            f'<tr><td class="rank">{c.rank}</td>'
            f'<td class="cand"><span class="fname" title="{esc(c.candidate_id)}">{breakable(c.name)}</span>{lang}</td>'
            f'<td class="score" data-label="Score"><div class="scorecell"><span class="num">{fmt_num(c.score)}</span>'
            f'<span class="bar" aria-hidden="true"><span style="width:{max(0.0, min(100.0, c.score)):.1f}%">'
            f"</span></span></div></td>"
            f'<td class="req{" all" if all_met else ""}" data-label="Required"><span class="num">{c.required_met}</span>'
            f'<span class="of">/{c.required_total}</span>{CHECK if all_met else ""}'
            f'<span class="minibar" aria-hidden="true"><span style="width:{req_pct:.0f}%"></span></span></td>'
            f'<td class="chips" data-label="Matched">{matched}</td>'
            f'<td class="chips" data-label="Missing required">{missing}</td></tr>'
        )
    return (
        '<div class="tablewrap"><table class="ranking"><thead><tr>'
        '<th class="rank">#</th><th>Candidate</th><th class="score">Score</th>'
        '<th class="req" title="Required skills fully met">Required</th>'
        '<th class="chips">Matched skills</th><th class="chips">Missing required</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div>"
    )


def _role_section(role: Role, index: int, pool: int) -> str:
    anchor = f"role-{index}"
    meta = [f'<span title="{esc(role.role_id)}">{esc(role.source_name)}</span>']
    if role.language:
        meta.append(f"language {esc(role.language)}")
    meta.append(f"{role.n_required} required, {role.n_preferred} preferred skills")
    if role.n_required + role.n_preferred:
        meta.append(f"weight hard {fmt_num(role.hard_max, 0)}% \u00b7 soft {fmt_num(role.soft_max, 0)}%")
    head = (f'<section class="role" id="{anchor}"><header class="rolehead"><div>'
            f'<p class="eyebrow">Role {index}</p><h2>{esc(role.title)}</h2>'
            f'<p class="meta">{DOT.join(meta)}</p></div>')
    if not role.candidates:
        reason = ("No skill requirements were recognised in this vacancy, so candidates cannot be scored."
                  if role.n_required + role.n_preferred == 0 else "No candidates in the database.")
        return head + f'</header><p class="empty">{reason}</p></section>'
    best = role.candidates[0]
    head += (f'<div class="kpis"><div><span class="k">{fmt_num(best.score)}</span><span class="l">best score</span>'
             f'</div><div><span class="k">{role.meeting_all}<small>/{role.assessed}</small></span>'
             f'<span class="l">meet every required skill</span></div></div></header>')
    shown = len(role.candidates)
    chip_legend = ('<p class="legend chiplegend"><span class="chip">met</span><span class="chip partial">partly met '
                   '(related skill)</span><span class="chip missing">required, not met</span></p>')
    ranking = (f'<div class="tablehead"><h3>Top {shown} of {role.assessed} candidates</h3>{chip_legend}</div>'
               + _ranking_table(role))
    legend_cov = (f'<p class="legend"><span class="sw" style="background:{HARD}"></span>hard skills '
                  f'(max {fmt_num(role.hard_max)} pts)<span class="sw" style="background:{SOFT}"></span>soft skills '
                  f"(max {fmt_num(role.soft_max)} pts)</p>")
    coverage = ('<figure class="panel"><figcaption><h3>Hard / soft coverage</h3>'
                "<p>Share of the role's hard and soft skill points each candidate earns.</p></figcaption>"
                + legend_cov + coverage_chart(role) + "</figure>")
    if role.gaps:
        gap_body = (f'<p class="legend"><span class="sw" style="background:{GAP}"></span>'
                    f"share of all {pool} candidates lacking the skill</p>" + gap_chart(role, pool))
    else:
        gap_body = '<p class="empty">This role lists no required skills.</p>'
    gaps = ('<figure class="panel"><figcaption><h3>Skills gap in the pool</h3>'
            f"<p>Required skills of this role that the most candidates lack (top {MAX_GAP_SKILLS}).</p>"
            "</figcaption>" + gap_body + "</figure>")
    return head + ranking + f'<div class="panels">{coverage}{gaps}</div></section>'


def _overview(roles: list[Role]) -> str:
    rows = []
    for i, role in enumerate(roles, 1):
        if role.candidates:
            best = role.candidates[0]
            best_cell = f'<span class="fname">{breakable(best.name)}</span>'
            score = (f'<div class="scorecell"><span class="num">{fmt_num(best.score)}</span><span class="bar">'
                     f'<span style="width:{max(0.0, min(100.0, best.score)):.1f}%"></span></span></div>')
        else:
            best_cell, score = '<span class="none">\u2013</span>', '<span class="none">\u2013</span>'
        rows.append(f'<tr><td class="rank">{i}</td><td><a href="#role-{i}">{esc(role.title)}</a></td>'
                    f'<td class="numcol" data-label="Required skills">{role.n_required}</td>'
                    f'<td data-label="Best candidate">{best_cell}</td><td class="score" data-label="Best score">{score}</td>'
                    f'<td class="numcol" data-label="Meet all required">{role.meeting_all}'
                    f'<span class="of">/{role.assessed}</span></td></tr>')
    return ('<section class="overview"><h2>Roles at a glance</h2><div class="tablewrap"><table class="ranking">'
            '<thead><tr><th class="rank">#</th><th>Role</th><th class="numcol">Required skills</th>'
            '<th>Best candidate</th><th class="score">Best score</th>'
            '<th class="numcol">Meet all required</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></div></section>")


def _fmt_time(value) -> str:
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return "unknown" if value is None else str(value)


def _header(info: dict, generated: _dt.datetime) -> str:
    tax = info.get("taxonomy_version") or "unknown"
    tax_hash = info.get("taxonomy_hash")
    facts = [
        ("Roles", f'{info["n_roles"]}'),
        ("Candidates", f'{info["n_candidates"]} <span class="of">{esc(info["naming"])}</span>'),
        ("Taxonomy", f'{esc(tax)}' + (f' <code title="taxonomy hash">{esc(tax_hash)}</code>' if tax_hash else "")),
        ("Last run", f'{esc(_fmt_time(info.get("finished_at") or info.get("started_at")))}'
                     + (f' <span class="of">{esc(info["command"])}</span>' if info.get("command") else "")),
    ]
    cards = "".join(f'<div class="fact"><span class="l">{k}</span><span class="v">{v}</span></div>' for k, v in facts)
    notes = []
    if info.get("n_taxonomies", 0) > 1:
        notes.append(f'<p class="warn">Documents in this database were extracted with {info["n_taxonomies"]} '
                     "different taxonomy versions; reload them with one taxonomy for comparable scores.</p>")
    if info.get("n_expired"):
        notes.append(f'<p class="warn">{info["n_expired"]} candidate(s) are past their retention date and due for '
                     "erasure: run <code>skillfit purge</code>.</p>")
    if info.get("skillfit_version") and info["skillfit_version"] != __version__:
        notes.append(f'<p class="warn">The last run used skillfit {esc(info["skillfit_version"])}; this report was '
                     f"made with {esc(__version__)}.</p>")
    return (
        '<header class="top"><div class="brand"><span class="logo" aria-hidden="true">'
        '<svg viewBox="0 0 24 24" width="24" height="24">'
        f'<rect x="2" y="13" width="5" height="9" rx="1" fill="{SOFT}"/>'
        f'<rect x="9.5" y="7" width="5" height="15" rx="1" fill="{HARD}"/>'
        f'<rect x="17" y="2" width="5" height="20" rx="1" fill="{HARD}" opacity=".55"/></svg></span>'
        '<span>skillfit</span></div>'
        "<h1>Candidate fit report</h1>"
        f'<p class="sub">Generated {esc(generated.strftime("%Y-%m-%d %H:%M %Z").strip())} by skillfit '
        f"{esc(__version__)}</p>"
        f'<div class="facts">{cards}</div>{"".join(notes)}</header>'
    )


# Colours repeat the constants above (Okabe-Ito palette).
CSS = """
:root{--ink:#1C2430;--muted:#5B6675;--line:#E3E7ED;--bg:#F5F7FA;--card:#FFFFFF;--hard:#0072B2;--soft:#E69F00;
--gap:#D55E00;--track:#EDF0F4;--ok:#007A5A}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;font-variant-numeric:tabular-nums;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:1180px;margin:0 auto;padding:32px 24px 48px}
h1,h2,h3{line-height:1.25;margin:0}
h1{font-size:28px;font-weight:700;letter-spacing:-.01em;margin-top:6px}
h2{font-size:20px;font-weight:650}
h3{font-size:14px;font-weight:650;margin:22px 0 10px;color:var(--ink)}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;background:var(--bg);
padding:1px 5px;border-radius:4px;color:var(--muted)}
a{color:var(--hard);text-decoration:none}a:hover{text-decoration:underline}
.top{margin-bottom:28px}
.brand{display:flex;align-items:center;gap:8px;font-weight:700;font-size:13px;letter-spacing:.08em;
text-transform:uppercase;color:var(--muted)}
.logo{display:inline-flex}
.sub{color:var(--muted);margin:4px 0 18px}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px}
.fact{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
.fact .l{display:block;font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.fact .v{display:block;font-size:18px;font-weight:600;margin-top:2px}
.fact .v code,.fact .v .of{font-size:12px;font-weight:400}
.warn{background:#FFF6E5;border:1px solid #F3D9A4;border-radius:8px;padding:8px 12px;margin:12px 0 0}
section.overview,section.role{background:var(--card);border:1px solid var(--line);border-radius:12px;
padding:22px 24px;margin:0 0 24px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
section.overview h2{margin-bottom:12px}
.rolehead{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;flex-wrap:wrap;
border-bottom:1px solid var(--line);padding-bottom:16px}
.eyebrow{margin:0 0 2px;font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.08em;
color:var(--hard)}
.meta{margin:6px 0 0;color:var(--muted);font-size:13px}
.kpis{display:flex;gap:28px}
.kpis div{text-align:right}
.kpis .k{display:block;font-size:24px;font-weight:700;line-height:1.1}
.kpis .k small{font-size:14px;font-weight:500;color:var(--muted)}
.kpis .l{font-size:12px;color:var(--muted)}
.tablewrap{overflow-x:auto}
table.ranking{width:100%;border-collapse:collapse}
table.ranking th{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
font-weight:600;text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);white-space:nowrap}
table.ranking td{padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
table.ranking tbody tr:last-child td{border-bottom:0}
table.ranking tbody tr:nth-child(even) td{background:#FAFBFC}
td.rank,th.rank{width:32px;color:var(--muted);text-align:right}
td.rank{font-weight:600}
td.cand{width:22%;min-width:180px}
th.chips{width:30%}
.fname{font-weight:600}
.lang{display:inline-block;margin-left:6px;font-size:10px;font-weight:600;text-transform:uppercase;
color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 4px;vertical-align:1px}
td.score,th.score{width:150px}
.scorecell{display:flex;align-items:center;gap:8px}
.scorecell .num{width:36px;text-align:right;font-weight:650}
.bar{flex:1;height:8px;background:var(--track);border-radius:4px;overflow:hidden;min-width:60px}
.bar span{display:block;height:100%;background:var(--hard);border-radius:4px}
td.req,th.req{width:86px;white-space:nowrap}
td.req .num{font-weight:650}
.of{color:var(--muted)}
.minibar{display:block;width:56px;height:4px;background:var(--track);border-radius:2px;margin-top:5px;overflow:hidden}
.minibar span{display:block;height:100%;background:#7A8699}
td.req.all .minibar span{background:var(--ok)}
td.req.all .num{color:var(--ok)}
.check{color:var(--ok);font-weight:700;margin-left:4px}
.numcol{text-align:right;white-space:nowrap}
td.chips{line-height:1.35}
.chip{display:inline-block;font-size:11.5px;line-height:17px;padding:0 7px;margin:1px 3px 2px 0;border-radius:999px;
background:#E6F0F8;color:#0B4A75;border:1px solid #C5DBEC;white-space:nowrap}
.chip.partial{background:#fff;border-style:dashed;color:#2F5E82}
.chip.missing{background:#FBEAE1;color:#9C3A00;border-color:#F0C4AA}
.chip.missing::before{content:"\\2715\\00a0";font-size:10px}
.chip.more{background:#fff;color:var(--muted);border-color:var(--line)}
.none{color:var(--muted);font-size:12px}
.none.ok{color:var(--ok)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:20px;margin-top:8px}
.panel{margin:0;border:1px solid var(--line);border-radius:10px;padding:4px 16px 12px;min-width:0}
.panel figcaption p{margin:-6px 0 6px;color:var(--muted);font-size:12px}
.legend{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;margin:0 0 4px;font-size:12px;
color:var(--muted)}
.legend .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-left:8px}
.legend .sw:first-child{margin-left:0}
svg.chart{display:block;width:100%;height:auto;max-width:600px;overflow:visible}
svg.chart text{font-family:inherit;font-size:12px;fill:var(--ink)}
svg.chart text.axis{font-size:10px;fill:var(--muted)}
svg.chart text.value{font-weight:600}
svg.chart .of,svg.chart .rank{fill:var(--muted);font-weight:400}
svg.chart .rank{font-weight:600}
.empty{color:var(--muted);margin:14px 0 0}
.tablehead{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap;gap:4px 16px}
.chiplegend{margin:0}.chiplegend .chip{margin:0 0 0 4px}
.about{color:var(--muted);font-size:12px;margin-top:28px;border-top:1px solid var(--line);padding-top:14px}
.about p{margin:4px 0}
@media (max-width:720px){main{padding:20px 12px 32px}section.overview,section.role{padding:16px 14px}
.panels{grid-template-columns:1fr}.kpis div{text-align:left}h1{font-size:23px}
table.ranking thead{display:none}table.ranking,table.ranking tbody,table.ranking td{display:block;width:auto}
table.ranking tr{display:grid;grid-template-columns:30px minmax(0,1fr);padding:8px 0;border-bottom:1px solid var(--line)}
table.ranking tbody tr:last-child{border-bottom:0}table.ranking tbody tr:nth-child(even) td{background:none}
table.ranking td{grid-column:2;border:0;padding:2px 4px;min-width:0;max-width:none;text-align:left}
table.ranking td.rank{grid-column:1;grid-row:1/span 6;text-align:right}
table.ranking td[data-label]::before{content:attr(data-label);display:block;font-size:10px;text-transform:uppercase;
letter-spacing:.06em;color:var(--muted);margin-top:4px}.panel{padding:4px 10px 10px}}
@page{margin:14mm}
@media print{body{background:#fff;font-size:11px}main{max-width:none;padding:0}
section.overview,section.role{box-shadow:none;border:0;border-radius:0;padding:0 0 12px;margin:0 0 18px;
break-inside:auto}section.role{break-before:page}section.role:first-of-type{break-before:auto}
.fact,.panel{border-color:#ccc}tr,.panel,.rolehead{break-inside:avoid}.panels{grid-template-columns:1fr 1fr}
a{color:var(--ink)}.tablewrap{overflow:visible}}
"""


def render_report(con: duckdb.DuckDBPyConnection, top: int = 10, *, pseudonymous: bool = False) -> str:
    """The whole report as one self-contained HTML document (inline CSS and SVG, nothing fetched).

    Candidates are named by their CV file name when the mapping file beside the database
    (`<db>.sources.duckdb`) is there, as `skillfit fit` does, else by their pseudonymous id;
    `pseudonymous=True` always uses the ids, for a report to share outside the screening team.
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a positive integer, not {top!r}")
    try:
        info = _run_info(con)
        names = {} if pseudonymous else _candidate_names(con)
        info["naming"] = "by file name" if names else "by pseudonymous id"
        info["n_expired"] = _expired(con)
        roles = _roles(con, top, names)
    except duckdb.CatalogException as exc:
        raise StoreError(f"not a skillfit database (run `skillfit screen` first): {str(exc).splitlines()[0]}") from None
    generated = _dt.datetime.now().astimezone()
    pool = info["n_candidates"]
    if roles:
        body = _overview(roles) + "".join(_role_section(r, i, pool) for i, r in enumerate(roles, 1))
    else:
        body = ('<section class="overview"><h2>No roles yet</h2><p class="empty">This database holds no vacancies. '
                "Load some with <code>skillfit screen VACANCIES CVS</code>.</p></section>")
    about = (
        '<footer class="about">'
        "<p><strong>Score</strong>: weighted share (0\u2013100) of the role's skills a candidate meets; required "
        "skills weigh more than preferred ones and hard skills more than soft ones (see the <code>fit_weights</code> "
        "table). Related skills in the taxonomy earn partial credit: those chips have a dashed border.</p>"
        "<p><strong>Required</strong>: required skills fully met. <strong>Missing required</strong>: required "
        "skills with no credit at all. <strong>Skills gap</strong>: share of every candidate in the database who "
        "does not fully meet a required skill.</p>"
        f"<p>Report made by skillfit {esc(__version__)} from {info['n_runs']} recorded run(s).</p></footer>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="skillfit ' + esc(__version__) + '">'
        "<title>skillfit \u2013 candidate fit report</title>"
        f"<style>{CSS}</style></head><body><main>"
        + _header(info, generated)
        + body
        + about
        + "</main></body></html>\n"
    )


def write_report(db_path: str | Path, out_path: str | Path, top: int = 10, *, pseudonymous: bool = False) -> None:
    """Render the report of the database at db_path (opened read-only) into the HTML file out_path.

    See render_report for how candidates are named and what `pseudonymous` does."""
    db = Path(db_path)
    if not db.exists():
        raise StoreError(f"{db}: no such database (run `skillfit screen` or `skillfit load` first)")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"{db}: cannot open database: {str(exc).splitlines()[0]}") from None
    try:
        document = render_report(con, top=top, pseudonymous=pseudonymous)
    finally:
        con.close()
    Path(out_path).write_text(document, encoding="utf-8")
