"""Folders as users have them: FIFOs, sockets, link loops, links to folders, dangling links and very deep nesting
each get a status of their own; the documents beside them are read; nothing hangs or ends in a traceback."""

from __future__ import annotations

import json
import os
import socket

from click.testing import CliRunner

from pipeline.api import iter_files
from pipeline.cli import main


def test_special_entries_get_a_status_and_the_documents_beside_them_are_read(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "anna.txt").write_text("Skills\nPython, SQL\n", encoding="utf-8")
    os.mkfifo(folder / "pipe")  # reading it would block for ever
    (folder / "loop").symlink_to("loop")
    (folder / "up").symlink_to("..")  # a link to a folder above: followed, it would loop
    (folder / "gone").symlink_to("nowhere")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock"))
    try:
        result = CliRunner().invoke(main, ["extract", str(folder), "--kind", "cv", "--workers", "1"])
    finally:
        sock.close()
    assert result.exit_code == 1  # something failed, and the exit code says so
    lines = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line) for line in result.stdout.splitlines()}
    assert lines["anna.txt"]["skills"]
    assert {name: lines[name]["status"] for name in ("pipe", "loop", "up", "gone", "sock")} == {
        "pipe": "unsupported", "loop": "unsupported", "up": "unsupported", "gone": "not_found", "sock": "unsupported"}
    assert "FIFO" in lines["pipe"]["error"] and "loop" in lines["loop"]["error"]


def test_a_folder_nested_deeper_than_the_recursion_limit_is_walked(tmp_path):
    deep = tmp_path / "cvs"
    path = str(deep)
    os.mkdir(path)
    for _ in range(1100):  # deeper than Python's recursion limit
        path = os.path.join(path, "d")
        os.mkdir(path)
    try:
        with open(os.path.join(path, "cv.txt"), "w", encoding="utf-8") as fh:
            fh.write("Python")
        assert [p.name for p in iter_files([deep])] == ["cv.txt"]
    finally:  # bottom up: shutil.rmtree (pytest's clean-up too) recurses, and this is deeper than it can go
        os.remove(os.path.join(path, "cv.txt"))
        while path != str(tmp_path):
            os.rmdir(path)
            path = os.path.dirname(path)
