"""HTML report: one self-contained document, candidates in score order, charts, escaping, no external fetches."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import StoreError
from pipeline.report import render_report, write_report

DATA_ROLE = "Data Analyst <script>alert(1)</script>"
DATA_VACANCY = (
    f"{DATA_ROLE}\n"
    "Requirements\n"
    "- Python and SQL\n"
    "- Excel\n"
    "- communication skills\n"
    "Nice to have\n"
    "- teamwork\n"
)
OFFICE_ROLE = "Office Assistant & Planner"
OFFICE_VACANCY = f"{OFFICE_ROLE}\nRequirements\n- Excel\n- teamwork\n- communication skills\n"
CVS = {
    # strongest for the data role: every skill it asks for
    "alice_full.txt": "Profile\nData analyst with Python, SQL and Excel. Strong communication skills and teamwork.\n",
    # middle: part of it
    "bob_partial.txt": "Profile\nReporting in Excel and SQL.\n",
    # weakest for the data role: soft skills only
    "carol_soft.txt": "Profile\nTeam player with good communication skills.\n",
}


@pytest.fixture(scope="module")
def screened(tmp_path_factory):
    """A database built through the real CLI from two vacancies and three CVs (bundled taxonomy)."""
    root = tmp_path_factory.mktemp("report")
    (root / "vacancies").mkdir()
    (root / "cvs").mkdir()
    (root / "vacancies" / "data.txt").write_text(DATA_VACANCY, encoding="utf-8")
    (root / "vacancies" / "office.txt").write_text(OFFICE_VACANCY, encoding="utf-8")
    for name, text in CVS.items():
        (root / "cvs" / name).write_text(text, encoding="utf-8")
    db = root / "screen.duckdb"
    result = CliRunner().invoke(main, ["screen", str(root / "vacancies"), str(root / "cvs"), "--db", str(db),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def report(screened, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("out") / "report.html"
    write_report(screened, out)
    return out.read_text(encoding="utf-8")


def role_ids(db) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT title, doc_id FROM documents WHERE kind = 'vacancy'").fetchall())


def section_of(report: str, marker: str) -> str:
    """The <section> of the role whose title (as escaped in the report) is marker."""
    sections = re.findall(r'<section class="role".*?</section>', report, flags=re.S)
    found = [s for s in sections if marker in s]
    assert len(found) == 1, marker
    return found[0]


class Collector(HTMLParser):
    """Tags, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_one_self_contained_html_document(report):
    assert report.startswith("<!DOCTYPE html>")
    assert report.count("<html") == 1 and report.rstrip().endswith("</html>")
    assert report.count("<body") == 1 and report.count("</body>") == 1
    parser = Collector()
    parser.feed(report)
    tags = [t for t, _ in parser.tags]
    assert "svg" in tags and "style" in tags
    assert "script" not in tags and "link" not in tags and "img" not in tags and "iframe" not in tags
    for tag, attrs in parser.tags:
        for name, value in attrs.items():
            if name in ("src", "href", "srcset", "action", "xlink:href", "data"):
                assert not re.match(r"\s*(https?:|//|file:)", value or "", re.I), (tag, name, value)
            if name in ("href", "xlink:href"):
                assert (value or "").startswith("#"), (tag, value)  # only links within the page
            assert not (name.startswith("on")), (tag, name)  # no inline event handlers
    # no URL at all outside text content: not in attributes, not in the CSS (no @import, url())
    style = re.search(r"<style>(.*?)</style>", report, flags=re.S).group(1)
    assert "url(" not in style and "@import" not in style
    without_text = re.sub(r">[^<]*<", "><", report)
    assert "http://" not in without_text and "https://" not in without_text


def test_header_shows_run_info(report, screened):
    with duckdb.connect(str(screened), read_only=True) as con:
        version, tax_hash = con.execute("SELECT taxonomy_version, taxonomy_hash FROM runs"
                                        " ORDER BY started_at DESC LIMIT 1").fetchone()
    from pipeline import __version__

    head = report.split('<section class="overview">')[0]
    assert version in head and tax_hash in head and __version__ in head
    assert re.search(r"Roles</span><span class=\"v\">2<", head)
    assert re.search(r"Candidates</span><span class=\"v\">3\b", head)


def test_roles_and_candidates_in_score_order(report, screened):
    # both role titles, escaped
    assert "Office Assistant &amp; Planner" in report
    data = section_of(report, "Data Analyst &lt;script&gt;")
    with duckdb.connect(str(screened), read_only=True) as con:
        role = role_ids(screened)[DATA_ROLE]
        scores = con.execute("SELECT candidate_id, score FROM fit_for_role(?) ORDER BY rank", [role]).fetchall()
    assert [s for _, s in scores] == sorted((s for _, s in scores), reverse=True)
    assert scores[0][1] > scores[-1][1]
    # the table lists the file names (shown with optional break points) in the order of the scores
    table = re.search(r"<tbody>(.*?)</tbody>", data, flags=re.S).group(1).replace("<wbr>", "")
    positions = [table.find(name) for name in ("alice_full.txt", "bob_partial.txt", "carol_soft.txt")]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    # the coverage chart and the skills-gap chart are there, as inline SVG
    assert data.count("<svg") == 2
    assert "Hard / soft coverage" in data and "Skills gap in the pool" in data


def test_missing_required_skills_are_red_chips(report, screened):
    data = section_of(report, "Data Analyst &lt;script&gt;")
    rows = re.findall(r"<tr>(.*?)</tr>", re.search(r"<tbody>(.*?)</tbody>", data, flags=re.S).group(1), flags=re.S)
    carol = next(r for r in rows if "carol_soft" in r.replace("<wbr>", ""))
    missing = re.findall(r'<span class="chip missing">([^<]*)</span>', carol)
    candidate = re.search(r'class="fname" title="([0-9a-f]+)"', carol).group(1)
    with duckdb.connect(str(screened), read_only=True) as con:
        expected = {r[0] for r in con.execute(
            "SELECT label_en FROM skill_gap(?, ?) WHERE status = 'missing' AND requirement = 'required'",
            [candidate, role_ids(screened)[DATA_ROLE]]).fetchall()}
    assert set(missing) == expected
    assert "Python" in expected and "SQL" in expected and any("Excel" in label for label in expected)
    alice = next(r for r in rows if "alice_full" in r.replace("<wbr>", ""))
    assert 'class="chip missing"' not in alice


def test_user_text_is_escaped(report):
    assert "<script>" not in report and "alert(1)</script>" not in report
    assert "Data Analyst &lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "&amp; Planner" in report


def test_pseudonymous_report_hides_file_names(screened):
    with duckdb.connect(str(screened), read_only=True) as con:
        named = render_report(con, top=2)
        hidden = render_report(con, top=2, pseudonymous=True)
        ids = [r[0] for r in con.execute("SELECT doc_id FROM documents WHERE kind = 'cv'").fetchall()]
    assert "alice_full" in named.replace("<wbr>", "")
    for name in CVS:
        assert name.split(".")[0] not in hidden.replace("<wbr>", "")
    assert any(i in hidden for i in ids)
    assert "by pseudonymous id" in hidden
    # top limits the rows per role
    data = section_of(named, "Data Analyst &lt;script&gt;")
    assert data.count('<td class="rank">') == 2


def test_database_is_opened_read_only(screened, tmp_path):
    """write_report works while another process could hold the file, and never writes to it."""
    before = screened.stat().st_mtime_ns
    write_report(screened, tmp_path / "r.html", top=1)
    assert screened.stat().st_mtime_ns == before


def test_errors(tmp_path, screened):
    with pytest.raises(StoreError):
        write_report(tmp_path / "absent.duckdb", tmp_path / "r.html")
    with duckdb.connect(str(screened), read_only=True) as con, pytest.raises(ValueError):
        render_report(con, top=0)


def test_empty_database_renders(tmp_path):
    from pipeline.store import connect

    db = tmp_path / "empty.duckdb"
    connect(db).close()
    write_report(db, tmp_path / "r.html")
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "No roles yet" in text


def test_report_command_writes_the_file(small_taxonomy, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    (tmp_path / "vacancies").mkdir()
    (tmp_path / "cvs").mkdir()
    (tmp_path / "vacancies" / "job.txt").write_text("Data engineer\nRequirements\nPython and SQL\n")
    (tmp_path / "cvs" / "a.txt").write_text("Profile\nPython developer\n")
    db, out = tmp_path / "r.duckdb", tmp_path / "r.html"
    assert CliRunner().invoke(main, ["screen", str(tmp_path / "vacancies"), str(tmp_path / "cvs"), "--db", str(db)]).exit_code == 0
    result = CliRunner().invoke(main, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text()
    assert "Data engineer" in text and "a.txt" not in text  # ids by default, as screen and fit show them
    with duckdb.connect(str(db), read_only=True) as con:
        cid = con.execute("SELECT doc_id FROM documents WHERE kind = 'cv'").fetchone()[0]
    assert cid[:8] in text
    named = CliRunner().invoke(main, ["report", "--db", str(db), "-o", str(out), "--show-sources"])
    assert named.exit_code == 0 and "a.txt" in out.read_text()


def test_css_is_the_packaged_stylesheet_inlined(report):
    from importlib import resources

    css = (resources.files("pipeline") / "templates" / "report.css").read_text(encoding="utf-8")
    assert re.search(r"<style>(.*?)</style>", report, flags=re.S).group(1).strip() == css.strip()


def test_chart_geometry_and_escaping():
    """Bars are as long as their share of the span; labels are clipped, escaped and complete in the tooltip."""
    from pipeline.report import SPAN, X0, environment, gap_chart
    from pipeline.screening import PoolGap, RoleOverview

    label = 'Say "hi" <b>to</b> & everyone in the whole wide world'
    role = RoleOverview("r1", "Role <1>", "r1.txt", "en", 80.0, 20.0, 2, 0, 4, 0,
                        gaps=(PoolGap(label, "soft", 2, 50.0), PoolGap("SQL", "hard", 0, 0.0)))
    chart = gap_chart(role, pool=4)
    half, none = chart.rows
    assert half.bars[0].fill == SPAN / 2 and none.bars[0].fill == 0
    assert half.soft and half.title == label + " (soft)" and len(half.label) == 24
    svg = environment().get_template("charts.html.j2").module.gap_chart(chart)
    parser = Collector()
    parser.feed(str(svg))
    assert [t for t, _ in parser.tags].count("b") == 0  # user text never becomes markup
    assert parser.tags[0][1]["aria-label"].endswith("Role <1>")
    rects = [a for t, a in parser.tags if t == "rect"]
    assert [(r["x"], r["width"]) for r in rects] == [(str(X0), str(SPAN)), (str(X0), f"{SPAN / 2:.1f}"),
                                                    (str(X0), str(SPAN))]  # no filled bar for 0%
    assert label + " (soft)" in parser.text and f"{label}: 2 of 4 candidates lack it" in parser.text
