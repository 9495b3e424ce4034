"""Layers point one way (readers → text utilities → stages → store → library → CLI), and no module
imports another module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ABOVE_TEXT = ("pipeline.stages", "pipeline.store", "pipeline.rows", "pipeline.api", "pipeline.batch",
              "pipeline.distributed", "pipeline.cli", "pipeline.report", "pipeline.screening")
# What a layer must not import, lazily or not: the layers above it.
RULES = {
    "pipeline/readers": ("pipeline.tokens", "pipeline.sentences", "pipeline.personal_data", *ABOVE_TEXT),
    "pipeline/tokens.py": ABOVE_TEXT,
    "pipeline/sentences.py": ABOVE_TEXT,
    "pipeline/personal_data.py": ABOVE_TEXT,
    "pipeline/kind.py": ABOVE_TEXT,
    "pipeline/span_model.py": ABOVE_TEXT,
    "pipeline/titles.py": ABOVE_TEXT[1:],
    "pipeline/stages": ABOVE_TEXT[1:],
    "pipeline/rows.py": ABOVE_TEXT[1:],
    "pipeline/store": ("pipeline.stages", *ABOVE_TEXT[3:]),
}


def imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every `from module import name`, and (module, "") for every `import module`."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return found


def files(where: str) -> list[Path]:
    path = ROOT / where
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


@pytest.mark.parametrize("where", sorted(RULES))
def test_layers_import_only_downwards(where):
    wrong = {f"{path.relative_to(ROOT)} imports {module}" for path in files(where) for module, _ in imports(path)
             if module.startswith(RULES[where])}
    assert not wrong


def test_no_private_names_imported_across_modules():
    wrong = [f"{path.relative_to(ROOT)}: from {module} import {name}"
             for where in ("pipeline", "bench") for path in files(where) for module, name in imports(path)
             if name.startswith("_") and not name.startswith("__")]
    assert not wrong
