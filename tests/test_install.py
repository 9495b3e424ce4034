"""A wheel built from the local tree and installed into a clean virtualenv gives a working `skillfit` command.

Offline: the wheel is built without build isolation (hatchling comes from the dev dependencies) and installed
with --no-index --no-deps; the new environment finds the dependencies through a .pth file pointing at this
environment's site-packages, after its own, so `pipeline` itself can only come from the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_install_ships_the_taxonomy_and_runs(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
                            "--no-build-isolation", "-w", str(wheels), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("skillfit-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    site = subprocess.run([str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps",
                              str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-2000:]
    env = {**os.environ, "SKILLFIT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SKILLFIT_TAXONOMY_DIR", None)
    # Run from an empty folder so nothing from the source tree can be picked up.
    stats = subprocess.run([str(bin_dir / "skillfit"), "taxonomy", "stats", "--format", "json"],
                           capture_output=True, text=True, cwd=tmp_path, env=env)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["concepts"] >= 500
    extract = subprocess.run([str(bin_dir / "skillfit"), "extract", "-"], input='{"text": "Python en SQL"}\n',
                             capture_output=True, text=True, cwd=tmp_path, env=env)
    assert extract.returncode == 0, extract.stderr
    assert {s["skill_id"] for s in json.loads(extract.stdout)["skills"]} >= {"hard.python", "hard.sql"}
    tagged = subprocess.run([str(bin_dir / "skillfit"), "extract", "-", "--kind", "cv"], env=env, cwd=tmp_path,
                            input='{"text": "Experience\\nPerformed line maintenance and routine servicing."}\n',
                            capture_output=True, text=True)
    assert tagged.returncode == 0, tagged.stderr  # the trained tagger's model ships in the wheel
    assert {"line maintenance", "routine servicing"} <= {s["text"] for s in json.loads(tagged.stdout)["skills"]}
    (tmp_path / "cvs").mkdir()
    (tmp_path / "cvs" / "a.txt").write_text("Ervaring met Python")
    load = subprocess.run([str(bin_dir / "skillfit"), "load", "cvs", "--db", "x.duckdb"],
                          capture_output=True, text=True, cwd=tmp_path, env=env)
    assert load.returncode == 0, load.stderr  # the SQL files ship in the wheel too
    where = subprocess.run([str(bin_dir / "python"), "-c", "import pipeline; print(pipeline.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert str(env_dir) in where.stdout and sys.prefix not in where.stdout
