"""The on-disk cache of compiled objects (taxonomy, matcher, language model), keyed by content.

Files live in $SKILLFIT_CACHE_DIR, else $XDG_CACHE_HOME/skillfit (~/.cache/skillfit). A name holds
everything its content depends on (code fingerprint, content hash), so a stale file is never read;
old files of the same kind are pruned when a new one is written.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

KEEP = 6  # files kept per kind (prefix before the first "-"): recent taxonomies and code versions
PICKLED_MODULES = ("matcher.py", "tokens.py", "lexicon.py", "taxonomy.py", "model.py")


def cache_dir() -> Path:
    """Where compiled objects are kept: $SKILLFIT_CACHE_DIR, else $XDG_CACHE_HOME/skillfit."""
    explicit = os.environ.get("SKILLFIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "skillfit"


def code_fingerprint() -> str:
    """A hash of the modules whose objects are pickled, so a code change never loads a stale cache."""
    digest = hashlib.sha256()
    for module in PICKLED_MODULES:
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:10]


def read(path: Path) -> Any | None:
    """The object pickled at `path`, or None when it is missing or unreadable (then it is rebuilt)."""
    collecting = gc.isenabled()
    gc.disable()  # unpickling creates a million objects; collecting while it runs only costs time
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, truncated or from another Python: rebuilding is never fatal
        return None
    finally:
        if collecting:
            gc.enable()


def write(path: Path, obj: Any) -> None:
    """Pickle `obj` atomically and prune old files of its kind; a read-only cache only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
        kind = path.name.split("-", 1)[0]
        siblings = sorted(path.parent.glob(f"{kind}-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in siblings[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
