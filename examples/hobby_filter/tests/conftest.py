"""Keep skillfit's compiled-matcher cache out of ~/.cache while these tests run."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    """SKILLFIT_CACHE_DIR points at a per-session temp dir; session-scoped so that it is set before any
    module-scoped Extractor is built, and restored afterwards."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SKILLFIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "skillfit-cache"))
        yield
