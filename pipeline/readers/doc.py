"""Legacy Word (.doc, Word 97-2003 and Word 6/95): text by catdoc (Debian package catdoc).

catdoc runs as its own process on a temporary copy of the file, with a time limit: old C code meets hostile
files here, and a crash or a hang costs that file only. It keeps paragraphs as lines and a table row as one
line with its cells separated by tabs, and adds the page headers at the end. A document Word saved "fast"
(edits appended out of order) is read as catdoc finds it, without catdoc's warning line: its latest edits may
be out of place. antiword, the other Debian converter, was left out: it crashes at random (SIGSEGV) on
small valid files and drops page headers.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

from pipeline.errors import ReadError

TIMEOUT_S = 30
MAX_OUTPUT = 80_000_000  # bytes of text; a .doc within the 50 MB file cap never holds more
FAST_SAVED = re.compile(r"^\[This was fast-saved \d+ times\. Some information is lost\]\s*$", re.M)


def converters() -> list[str]:
    """The .doc converters installed here (catdoc, or none)."""
    return ["catdoc"] if shutil.which("catdoc") else []


def read_doc(data: bytes) -> str:
    """Text of a Word .doc, paragraphs and table rows in document order."""
    if not converters():
        raise ReadError("unsupported", "legacy .doc needs catdoc (Debian package catdoc; make install installs it "
                                       "as root): or save the file as .docx or PDF")
    with tempfile.TemporaryDirectory(prefix="skillfit-doc-") as folder:
        path = os.path.join(folder, "document.doc")
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            done = subprocess.run(["catdoc", "-w", "-d", "utf-8", path], capture_output=True, timeout=TIMEOUT_S,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ReadError("timeout", f"catdoc took longer than {TIMEOUT_S} s") from None
    message = " ".join(done.stderr.decode("utf-8", "replace").split())[:150]
    if done.returncode < 0:
        raise ReadError("malformed", f"catdoc crashed on the file (signal {-done.returncode})")
    if "encrypt" in message.lower() or "password" in message.lower():
        raise ReadError("encrypted", "password-protected .doc: ask the sender for an unprotected copy")
    if done.returncode != 0:
        raise ReadError("malformed", f"catdoc cannot read the file{': ' + message if message else ''}")
    if len(done.stdout) > MAX_OUTPUT:
        raise ReadError("too_large", f"over {MAX_OUTPUT // 1_000_000} MB of text")
    text = FAST_SAVED.sub("", done.stdout.decode("utf-8", "replace"))
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\x0c", "\n").split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
