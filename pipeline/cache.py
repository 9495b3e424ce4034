"""The on-disk cache of compiled objects (taxonomy, matcher, language model), keyed by content.

Files live in $SKILLFIT_CACHE_DIR, else $XDG_CACHE_HOME/skillfit (~/.cache/skillfit). A name holds
everything its content depends on (code fingerprint, content hash), so a stale file is never read;
old files of the same kind are pruned when a new one is written.

Unpickling runs code, so a file is only unpickled when it carries a keyed hash (HMAC-SHA256) made with this
user's secret key, kept apart from the cache in $SKILLFIT_CONFIG_DIR, else $XDG_CONFIG_HOME/skillfit
(~/.config/skillfit), readable by the user alone: a file planted in the cache folder by anyone without that key
is ignored and rebuilt, never executed.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import os
import pickle
import secrets
import tempfile
from pathlib import Path
from typing import Any

KEEP = 6  # files kept per kind (prefix before the first "-"): recent taxonomies and code versions
MAGIC = b"SKILLFIT-CACHE-1"  # then the 32-byte keyed hash of the pickle, then the pickle
PICKLED_MODULES = ("matcher.py", "morphology.py", "tokens.py", "normalise.py", "lexicon.py", "taxonomy.py", "model.py")


def cache_dir() -> Path:
    """Where compiled objects are kept: $SKILLFIT_CACHE_DIR, else $XDG_CACHE_HOME/skillfit."""
    explicit = os.environ.get("SKILLFIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "skillfit"


def key_path() -> Path:
    """The secret key that signs cache files: $SKILLFIT_CONFIG_DIR, else $XDG_CONFIG_HOME/skillfit."""
    explicit = os.environ.get("SKILLFIT_CONFIG_DIR")
    folder = Path(explicit) if explicit else Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "skillfit"
    return folder / "cache.key"


def _key(create: bool) -> bytes | None:
    """This user's cache key; made (mode 0600) on first write. None when there is none (nothing is trusted)."""
    path = key_path()
    try:
        return path.read_bytes()
    except OSError:
        if not create:
            return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
    except FileExistsError:
        pass  # another process made it first
    except OSError:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _signature(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, "sha256").digest()  # SHA-NI makes this ~30 ms on the largest cache file


def code_fingerprint() -> str:
    """A hash of the modules whose objects are pickled, so a code change never loads a stale cache."""
    digest = hashlib.sha256()
    for module in PICKLED_MODULES:
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:10]


def read(path: Path) -> Any | None:
    """The object pickled at `path`, or None when it is missing, unreadable or not signed with this user's key
    (then it is rebuilt)."""
    key = _key(create=False)
    if key is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + 32
    if not data.startswith(MAGIC) or not hmac.compare_digest(data[len(MAGIC):head], _signature(key, data[head:])):
        return None  # planted, tampered with or from another install: never unpickled
    collecting = gc.isenabled()
    gc.disable()  # unpickling creates a million objects; collecting while it runs only costs time
    try:
        return pickle.loads(memoryview(data)[head:])
    except Exception:  # from another Python: rebuilding is never fatal
        return None
    finally:
        if collecting:
            gc.enable()


def write(path: Path, obj: Any) -> None:
    """Pickle `obj` atomically and prune old files of its kind; a read-only cache only costs speed."""
    key = _key(create=True)
    if key is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as fh:
            fh.write(MAGIC + _signature(key, payload))
            fh.write(payload)
        os.replace(fh.name, path)
        kind = path.name.split("-", 1)[0]
        siblings = sorted(path.parent.glob(f"{kind}-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in siblings[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
