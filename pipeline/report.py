"""A self-contained HTML report of a skillfit database: ranked candidates, hard/soft coverage and skills gaps.

The report is one HTML file with inline CSS and inline SVG: no JavaScript, no fonts, images or links
fetched when it is viewed, so it can be mailed, archived or printed as is. The data comes from
pipeline.screening (every query parameterised); this module lays out the charts and renders the Jinja2
templates in pipeline/templates, which escape every value (titles, file names, skill labels).

    from pipeline.report import write_report
    write_report("screening.duckdb", "report.html", top=10)
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from pipeline import __version__
from pipeline.errors import StoreError
from pipeline.screening import MAX_GAP_SKILLS, RoleOverview, overview

__all__ = ["render_report", "write_report"]

MAX_MATCHED_CHIPS = 8
MAX_MISSING_CHIPS = 8

# Okabe-Ito colours: distinguishable with the common forms of colour blindness. templates/report.css
# repeats them as CSS variables; these are for the SVG, whose attributes cannot use the variables.
COLOURS = {
    "hard": "#0072B2",  # blue
    "soft": "#E69F00",  # orange
    "gap": "#D55E00",  # vermillion
    "track": "#EDF0F4",
    "grid": "#D9DEE5",
}

# Both charts: 540 units wide, labels left of x0, bars from x0 to x1, figures right of x1.
WIDTH, LABEL_W, VALUE_W, TOP_PAD = 540, 170, 96, 26
X0, X1 = LABEL_W, WIDTH - VALUE_W
SPAN = X1 - X0


# ---------------------------------------------------------------- text helpers (template filters)


def clip(text: str, limit: int) -> str:
    """Shorten text to limit characters with an ellipsis (the caller shows the full text in a tooltip)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def fmt_num(value: float | None, digits: int = 1) -> str:
    """A number with `digits` decimals, without a trailing .0; a dash for None."""
    if value is None:
        return "\u2013"
    text = f"{value:.{digits}f}"
    return text[:-2] if text.endswith(".0") else text


def breakable(name: str) -> Markup:
    """Escaped file name with optional line breaks after _ . - so long names wrap between words."""
    return Markup(re.sub(r"([_.\-])", r"\1<wbr>", str(escape(name))))


def bar_width(score: float) -> str:
    """A 0-100 score as the width (in %) of a bar."""
    return f"{max(0.0, min(100.0, score)):.1f}"


def share_pct(part: int, whole: int) -> str:
    """part of whole in whole percent (0 when whole is 0)."""
    return f"{100.0 * part / whole if whole else 0:.0f}"


def fmt_time(value) -> str:
    """A timestamp to the minute; "unknown" for None."""
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return "unknown" if value is None else str(value)


# ---------------------------------------------------------------- chart geometry


@dataclass(frozen=True)
class GridLine:
    """A vertical grid line at pct% of the bars' span, with its label above it."""

    x: float
    pct: int
    dashed: bool  # all but the 0% and 100% lines
    y1: int
    y2: int
    label_y: int


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: a full-width track, the filled part (none when fill is 0) and the figures right of it."""

    y: int
    fill: float  # width of the filled part
    colour: str
    tooltip: str  # of the filled part
    value: str
    detail: str  # muted, after the value
    text_y: int


@dataclass(frozen=True)
class Row:
    """A row of a chart: its label (clipped; the full text in a tooltip) and its bars."""

    label_x: int
    text_y: int
    label: str
    title: str
    bars: tuple[Bar, ...]
    rank: int | None = None  # coverage chart: shown left of the label at rank_x
    rank_x: int = 18
    soft: bool = False  # gap chart: a soft skill, tagged as such


@dataclass(frozen=True)
class Chart:
    """An inline SVG bar chart: size, accessible label, percent grid and rows."""

    label: str
    height: int
    bar_height: int
    grid: tuple[GridLine, ...]
    rows: tuple[Row, ...]
    width: int = WIDTH
    x0: int = X0
    span: int = SPAN
    value_x: int = X1 + 8


def _grid(height: int) -> tuple[GridLine, ...]:
    """Vertical grid lines at 0-100%, shared by both charts."""
    return tuple(GridLine(X0 + SPAN * pct / 100, pct, pct not in (0, 100), TOP_PAD - 6, height - 6, TOP_PAD - 12)
                 for pct in (0, 25, 50, 75, 100))


def coverage_chart(role: RoleOverview) -> Chart:
    """Grouped horizontal bars: each candidate's hard and soft points as a share of the role's maximum."""
    row_h, bar_h = 34, 10
    height = TOP_PAD + row_h * len(role.candidates) + 8
    rows = []
    for i, c in enumerate(role.candidates):
        y = TOP_PAD + i * row_h + 4
        bars = []
        for j, (kind, got, most, colour) in enumerate(
            (("hard", c.hard_score, role.hard_max, COLOURS["hard"]), ("soft", c.soft_score, role.soft_max, COLOURS["soft"]))
        ):
            by = y + j * (bar_h + 3)
            share = max(0.0, min(1.0, got / most)) if most > 0 else 0.0
            bars.append(Bar(by, SPAN * share, colour,
                            f"{kind}: {fmt_num(got)} of {fmt_num(most)} points ({share * 100:.0f}%)",
                            f"{share * 100:.0f}%" if most > 0 else "n/a", f"{fmt_num(got)}/{fmt_num(most)}",
                            by + bar_h - 1))
        rows.append(Row(26, y + bar_h + 2, clip(c.name, 21), c.name, tuple(bars), rank=c.rank))
    return Chart(f"Hard and soft skill coverage per candidate for {role.title}", height, bar_h, _grid(height),
                 tuple(rows))


def gap_chart(role: RoleOverview, pool: int) -> Chart:
    """Horizontal bars: share of the candidate pool lacking each required skill of the role."""
    row_h, bar_h = 26, 14
    height = TOP_PAD + row_h * len(role.gaps) + 8
    rows = []
    for i, g in enumerate(role.gaps):
        y = TOP_PAD + i * row_h + 4
        share = max(0.0, min(1.0, g.pct / 100))
        bar = Bar(y, SPAN * share, COLOURS["gap"], f"{g.label}: {g.lacking} of {pool} candidates lack it",
                  f"{fmt_num(g.pct, 0)}%", f"{g.lacking}/{pool}", y + bar_h - 3)
        soft = g.type == "soft"
        rows.append(Row(X0 - 10, y + bar_h - 3, clip(g.label, 24), g.label + (" (soft)" if soft else ""), (bar,),
                        soft=soft))
    return Chart(f"Share of the candidate pool lacking each required skill of {role.title}", height, bar_h,
                 _grid(height), tuple(rows))


# ---------------------------------------------------------------- rendering


@dataclass(frozen=True)
class RoleSection:
    """A role as the report shows it: its number (the anchor), its data and its two charts."""

    index: int
    role: RoleOverview
    coverage: Chart
    gaps: Chart | None  # None when the role lists no required skills


@cache
def environment() -> Environment:
    """The Jinja2 environment of the report templates (pipeline/templates): autoescaping, with the report's filters."""
    # trim_blocks/lstrip_blocks: template tags on their own lines leave no blank lines in the report
    env = Environment(loader=PackageLoader("pipeline", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(num=fmt_num, breakable=breakable, bar_width=bar_width, share_pct=share_pct,
                       f1=lambda x: f"{x:.1f}")
    env.globals.update(colours=COLOURS, max_matched=MAX_MATCHED_CHIPS, max_missing=MAX_MISSING_CHIPS,
                       max_gap_skills=MAX_GAP_SKILLS, version=__version__)
    return env


@cache
def _css() -> Markup:
    """The stylesheet shipped beside the templates, inlined so the report stays one file (ours: not escaped)."""
    env = environment()
    assert env.loader is not None  # environment() always sets a PackageLoader
    return Markup(env.loader.get_source(env, "report.css")[0])


def render_report(con: duckdb.DuckDBPyConnection, top: int = 10, *, pseudonymous: bool = False,
                  labels: str = "en") -> str:
    """The whole report as one self-contained HTML document (inline CSS and SVG, nothing fetched).

    Candidates are named by their CV file name when the mapping file beside the database
    (`<db>.sources.duckdb`) is there, as `skillfit fit` does, else by their pseudonymous id;
    `pseudonymous=True` always uses the ids, for a report to share outside the screening team. Skills are named
    in `labels`' language (en or nl; English where the taxonomy has no Dutch label).
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a positive integer, not {top!r}")
    data = overview(con, top, pseudonymous=pseudonymous, labels=labels)
    generated = _dt.datetime.now().astimezone()
    pool = data.n_candidates
    sections = [RoleSection(i, role, coverage_chart(role), gap_chart(role, pool) if role.gaps else None)
                for i, role in enumerate(data.roles, 1)]
    run = data.last_run
    return environment().get_template("report.html.j2").render(
        data=data, run=run, sections=sections, pool=pool, css=_css(),
        naming="by file name" if data.by_file_name else "by pseudonymous id",
        last_run=fmt_time(run.finished_at or run.started_at),
        generated=generated.strftime("%Y-%m-%d %H:%M %Z").strip())


def write_report(db_path: str | Path, out_path: str | Path, top: int = 10, *, pseudonymous: bool = False,
                 labels: str = "en") -> None:
    """Render the report of the database at db_path (opened read-only) into the HTML file out_path.

    See render_report for how candidates are named and what `pseudonymous` and `labels` do."""
    db = Path(db_path)
    if not db.exists():
        raise StoreError(f"{db}: no such database (run `skillfit screen` or `skillfit load` first)")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"{db}: cannot open database: {str(exc).splitlines()[0]}") from None
    try:
        document = render_report(con, top=top, pseudonymous=pseudonymous, labels=labels)
    finally:
        con.close()
    Path(out_path).write_text(document, encoding="utf-8")
