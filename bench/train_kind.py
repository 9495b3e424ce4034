#!/usr/bin/env python3
"""Fit the CV-or-vacancy model (pipeline/kind.py) and write pipeline/kind_model.json.

    .venv/bin/python bench/train_kind.py            # fit, print the held-out figures, write the weights
    .venv/bin/python bench/train_kind.py --check    # print the figures of the shipped weights, write nothing

Training documents, all public: the real resumes and ads of ../shared/data (the ones bench/yardsticks.py measures)
except a held-out share of them, the other public resumes (SoupBoss, the multi-column templates), the Dutch IT
vacancies (doniol), and the team's own documents (tests/eval/*.yml, sample_docs, the dev part's Dutch CVs).
Never used, for training or for choosing features: the real-document corpus's test part (tests/eval/real/test)
and the ten ads of real-ads-sample. The held-out share (bench/yardsticks.py `held_out`: a hash of each id) is what
the figure printed as "held out" is measured on; bench/yardsticks.py measures every document, trained on or not.

The model is logistic regression (numpy, L2, Newton steps) over the standardised features of pipeline/kind.py:
a dozen weights a reader can check against the features' meaning.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a plain script from anywhere
    sys.path.insert(0, str(REPO))

from bench.yardsticks import RESUME_FOLDERS, held_out, real_ads  # noqa: E402
from pipeline.errors import ReadError  # noqa: E402
from pipeline.kind import FEATURES, MODEL_PATH, SURE, features, vacancy_probability  # noqa: E402
from pipeline.readers import read_path  # noqa: E402
from pipeline.real_corpus import shared_data  # noqa: E402

L2 = 1.0
GOLD = REPO / "tests" / "eval"


def test_part_sources() -> set[str]:
    """What the real-document corpus's test part points at: `source` paths and row ids, `file` names."""
    out = set()
    for path in (GOLD / "real" / "test").glob("*.yml"):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        ref = gold.get("source") or gold.get("file")
        out.add(ref)
        out.add(ref.partition("#")[2] or ref)
    return out


def _read(path: Path) -> str | None:
    try:
        return read_path(path)
    except ReadError:
        return None


def documents(root: Path) -> list[dict]:
    """Every document: {id, text, kind ("cv"/"vacancy"), yardstick (measured there), held_out}."""
    excluded = test_part_sources()
    docs: list[dict] = []

    def add(doc_id: str, text: str | None, kind: str, yardstick: bool) -> None:
        if text and text.strip() and doc_id not in excluded:
            docs.append({"id": doc_id, "text": text, "kind": kind, "yardstick": yardstick,
                         "held_out": yardstick and held_out(doc_id)})

    for folder in RESUME_FOLDERS:
        for path in sorted((root / folder).rglob("*.pdf")):
            add(str(path.relative_to(root)), _read(path), "cv", True)
    for ad in real_ads(root):  # the ten reserved ads are left out there
        add(ad["id"], ad["text"], "vacancy", True)
    for folder in ("resumes-docx-pdf-pairs-soupboss", "resumes-templates-multicolumn-pdf"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix.lower() in (".pdf", ".docx", ".txt"):
                add(str(path.relative_to(root)), _read(path), "cv", False)
    for path in sorted((root / "vacatures-nl-keywords-doniol" / "dataset").glob("*.txt")):
        if "keywords" not in path.name and "testset" not in path.name:
            add(str(path.relative_to(root)), _read(path), "vacancy", False)
    for path in sorted(GOLD.glob("*.yml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        add(f"team/{path.stem}", gold["text"], gold["kind"], False)
    for kind, folder in (("cv", "cvs"), ("vacancy", "vacancies")):
        for path in sorted((REPO / "sample_docs" / folder).iterdir()):
            add(f"sample/{path.name}", _read(path), kind, False)
    for path in sorted((GOLD / "real" / "dev").glob("nl_cv_*.yml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        add(gold["file"], _read(GOLD / "real" / gold["file"]), "cv", False)
    return docs


def matrix(docs: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[features(d["text"])[name] for name in FEATURES] for d in docs])
    y = np.array([d["kind"] == "vacancy" for d in docs], dtype=float)
    return x, y


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    """Scale (not centre: a feature at 0 is a sign absent), then L2-regularised logistic regression by Newton's
    method; the two classes weigh the same."""
    scale = x.std(axis=0) + 1e-9
    z = np.hstack([np.ones((len(x), 1)), x / scale])
    sample = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (sample * (p - y)) + penalty * w
        hess = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"bias": float(w[0]), "weights": dict(zip(FEATURES, map(float, w[1:]))),
            "scale": dict(zip(FEATURES, map(float, scale)))}


def report(model: dict, docs: list[dict], y: np.ndarray) -> None:
    """Right and unsure shares per class, held out and trained on, as pipeline/kind.py decides with `model`."""
    weights = (model["weights"], model["scale"], model["bias"])
    p = np.array([vacancy_probability(d["text"], model=lambda: weights) for d in docs])
    for name, mask in (("held out", np.array([d["held_out"] for d in docs])),
                       ("trained on", np.array([not d["held_out"] for d in docs]))):
        for kind, label in ((0, "cv"), (1, "vacancy")):
            sel = mask & (y == kind)
            right = ((p[sel] > 0.5) == kind).mean() if sel.any() else float("nan")
            unsure = (np.maximum(p[sel], 1 - p[sel]) < SURE).mean() if sel.any() else float("nan")
            print(f"{name:<10} {label:<8} n={sel.sum():>4}  right {right:.3f}  unsure {unsure:.3f}")
    for d, prob, kind in zip(docs, p, y):
        if (prob > 0.5) != kind:
            print(f"  wrong: {d['id']} p(vacancy)={prob:.2f}{' (held out)' if d['held_out'] else ''}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="measure the shipped weights; write nothing")
    args = parser.parse_args()
    docs = documents(shared_data())
    x, y = matrix(docs)
    if args.check:
        model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    else:
        train = np.array([not d["held_out"] for d in docs])
        model = fit(x[train], y[train])
        model = {"about": "weights of pipeline/kind.py, fitted by bench/train_kind.py; do not edit by hand",
                 "trained_on": int(train.sum()), **model}
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    report(model, docs, y)
    for name in FEATURES:
        print(f"  {name:<18} {model['weights'][name]:+.2f}")
    print(f"  {'bias':<18} {model['bias']:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
