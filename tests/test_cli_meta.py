"""Every command has help with a first line, and the README mentions it."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


@pytest.mark.parametrize("path", list(commands(main)), ids=" ".join)
def test_command_has_help_and_is_documented(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.stdout
    assert f"skillfit {' '.join(path)}" in README


def test_top_level_help_cuts_no_sentence():
    listing = CliRunner().invoke(main, ["--help"]).stdout.split("Commands:")[1]
    assert "..." not in listing
    for path in commands(main):
        command = main
        for name in path:
            command = command.commands[name]
        assert not command.get_short_help_str(limit=80).endswith("..."), path


def test_readme_and_changelog_show_the_versions_as_shipped():
    from pipeline import __version__

    root = Path(__file__).resolve().parents[1]
    taxonomy = (root / "taxonomy" / "VERSION").read_text(encoding="utf-8").strip()
    assert f'"skillfit_version": "{__version__}", "taxonomy_version": "{taxonomy}"' in README
    assert f"## {__version__} " in (root / "CHANGELOG.md").read_text(encoding="utf-8")


def test_readme_python_example_runs_as_written(tmp_path):
    """The README's Python block, run as a user would from a checkout (against sample_docs)."""
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    block = README.split("## Python\n\n```python\n", 1)[1].split("```", 1)[0]
    shutil.copytree(root / "sample_docs", tmp_path / "sample_docs", ignore=shutil.ignore_patterns("content", "*.py"))
    result = subprocess.run([sys.executable, "-c", block], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "hard.python" in result.stdout and (tmp_path / "report.html").exists()
