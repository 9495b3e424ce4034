"""What each part of the open vocabulary (issue 13) adds: the real-document corpus scored with everything on, then
with one part off at a time, and with all of them off.

Parts: the ESCO-derived vocabulary layer (taxonomy/esco_attested*.yml), skills outside the taxonomy (method
open), generated Dutch and English inflections (pipeline/morphology.py), and text normalisation
(pipeline/normalise.py). Each row is a fresh Extractor with an uncached matcher; the test part's figures are
printed, never its errors.

    .venv/bin/python bench/recall_shares.py            # dev and test parts, about two minutes
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.api import Extractor  # noqa: E402
from pipeline.span_eval import evaluate_real, load_real_gold  # noqa: E402
from pipeline.taxonomy import load as load_taxonomy  # noqa: E402

REAL = ROOT / "tests" / "eval" / "real"
PARTS = ("vocabulary", "open", "morphology", "normalisation")


@contextmanager
def without(part: str, folder: Path):
    """The pipeline with `part` switched off (vocabulary: a taxonomy folder without the generated layer)."""
    if part == "vocabulary":
        with mock.patch.dict("os.environ", {"SKILLFIT_TAXONOMY_DIR": str(folder)}):
            yield {}
    elif part == "open":
        yield {"open_vocabulary": False}
    elif part == "morphology":
        with mock.patch("pipeline.morphology.Morphology.variants", lambda self, lang, words: ()), \
                mock.patch("pipeline.morphology.Morphology.verb_first", lambda self, lang, words: ()):
            yield {}
    else:
        with mock.patch("pipeline.tokens.normalise", lambda text: (text, None)):
            yield {}


def score(off: tuple[str, ...], folder: Path, gold: list[dict]) -> dict[tuple[str, ...], tuple[float, float]]:
    with ExitStack() as stack:
        options: dict = {}
        for part in off:
            options.update(stack.enter_context(without(part, folder)))
        extractor = Extractor(taxonomy=load_taxonomy(), use_cache=False, plugins=False, **options)
        report = evaluate_real(extractor, gold, REAL)
    return {scope: (t.precision, t.recall) for scope, t in report.tallies.items() if len(scope) <= 2}


def main() -> None:
    gold = load_real_gold(REAL)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "taxonomy"
        shutil.copytree(ROOT / "taxonomy", folder, ignore=shutil.ignore_patterns("esco_attested*"))
        rows = [("everything", score((), folder, gold))]
        rows += [(f"without {part}", score((part,), folder, gold)) for part in PARTS]
        rows.append(("none of them", score(PARTS, folder, gold)))
    scopes = [("dev",), ("dev", "en"), ("dev", "nl"), ("test",), ("test", "en"), ("test", "nl")]
    print(f"{'configuration':24}" + "".join(f"{' '.join(s):>16}" for s in scopes))
    print(f"{'':24}" + "".join(f"{'P     R':>16}" for _ in scopes))
    for name, figures in rows:
        print(f"{name:24}" + "".join(f"{figures[s][0]:>10.3f}{figures[s][1]:>6.3f}" for s in scopes))
    full = dict(rows)["everything"]
    print("\nrecall each part adds (everything minus without it):")
    for name, figures in rows[1:-1]:
        print(f"  {name[8:]:14}" + "".join(f"{full[s][1] - figures[s][1]:>+16.3f}" for s in scopes))


if __name__ == "__main__":
    main()
