#!/usr/bin/python3
"""Reference values for MMFuse.Evaluation, computed with scikit-learn.

Run with the Debian python (apt-get install python3-sklearn):
    /usr/bin/python3 tools/reference/metrics_reference.py
It writes tests/MMFuse.Tests/Fixtures/evaluation/metrics_reference.json, which the C# tests compare against
(CI has no python; the JSON is committed). Inputs are float32 values so that C# floats hold them exactly.
ECE has no scikit-learn implementation; it is computed here with numpy using the documented definition
(15 equal-width bins (i/15, (i+1)/15] of the top-class probability).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, confusion_matrix, f1_score, log_loss,
                             mean_absolute_error, mean_squared_error, r2_score, roc_auc_score)
from sklearn.model_selection import KFold, StratifiedKFold

BINS = 15
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "MMFuse.Tests", "Fixtures", "evaluation",
                   "metrics_reference.json")


def ece(p, y):
    conf = p.max(axis=1)
    pred = p.argmax(axis=1)
    bins = np.clip(np.ceil(conf * BINS).astype(int) - 1, 0, BINS - 1)
    total = 0.0
    for b in range(BINS):
        m = bins == b
        if m.any():
            total += m.sum() / len(y) * abs((pred[m] == y[m]).mean() - conf[m].mean())
    return float(total)


def classification_case(name, p32, y):
    k = p32.shape[1]
    p = p32.astype(np.float64)
    pred = p.argmax(axis=1)
    auc = roc_auc_score(y, p[:, 1]) if k == 2 else roc_auc_score(y, p, multi_class="ovr", average="macro")
    return {
        "name": name,
        "classes": k,
        "probabilities": p.tolist(),
        "labels": y.tolist(),
        "accuracy": accuracy_score(y, pred),
        "balanced_accuracy": balanced_accuracy_score(y, pred),
        "macro_f1": f1_score(y, pred, average="macro"),
        "log_loss": log_loss(y, p, eps=1e-15, labels=list(range(k))),
        "roc_auc": float(auc),
        "ece": ece(p, y),
        "confusion": confusion_matrix(y, pred, labels=list(range(k))).tolist(),
    }


def main():
    rng = np.random.default_rng(20241127)
    cases = []

    # Binary: scores on a 1/8 grid so many ties; a few exact 0 and 1 probabilities exercise log-loss clipping.
    y = rng.integers(0, 2, 40)
    p1 = np.clip(np.round((0.5 * y + 0.25 + rng.normal(0, 0.25, 40)) * 8) / 8, 0, 1).astype(np.float32)
    cases.append(classification_case("binary-ties", np.stack([1 - p1, p1], axis=1).astype(np.float32), y))

    # Multiclass (4 classes), Dirichlet rows leaning to the true class; class 3 is rare.
    y = rng.choice(4, 60, p=[0.4, 0.3, 0.22, 0.08])
    alpha = np.ones((60, 4)) + 3 * np.eye(4)[y] * rng.integers(0, 2, 60)[:, None]
    p = np.stack([rng.dirichlet(a) for a in alpha]).astype(np.float32)
    p[5] = np.float32([0.25, 0.25, 0.25, 0.25])  # a tie: the first arg-max wins
    cases.append(classification_case("multiclass-dirichlet", p, y))

    # Multiclass with one class never predicted (its F1 is 0) and quantised scores (ties in every one-vs-rest AUC).
    y = rng.choice(3, 30)
    p = np.round(rng.dirichlet([2, 2, 0.3], 30) * 10) / 10 + 0.1
    top2 = p.argmax(axis=1) == 2
    p[top2] = p[top2][:, [2, 1, 0]]
    p = (p / p.sum(axis=1, keepdims=True)).astype(np.float32)
    cases.append(classification_case("multiclass-unpredicted", p, y))

    yt = rng.normal(3, 2, 30).astype(np.float32)
    yp = (yt + rng.normal(0, 0.7, 30)).astype(np.float32)
    regression = {
        "targets": yt.astype(np.float64).tolist(),
        "predictions": yp.astype(np.float64).tolist(),
        "rmse": float(np.sqrt(mean_squared_error(yt.astype(np.float64), yp.astype(np.float64)))),
        "mae": mean_absolute_error(yt.astype(np.float64), yp.astype(np.float64)),
        "r2": r2_score(yt.astype(np.float64), yp.astype(np.float64)),
    }

    # Stratified k-fold: how many rows of each class each test fold holds does not depend on the shuffle,
    # so MMFuse must reproduce scikit-learn's allocation exactly. Labels are unsorted and first appear as 2, 0, 1.
    labels = np.array([2] * 7 + [0] * 23 + [1] * 11)
    labels = labels[rng.permutation(len(labels))]
    labels[[0, 1, 2]] = [2, 0, 1]
    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    counts = [np.bincount(labels[test], minlength=3).tolist() for _, test in skf.split(np.zeros(len(labels)), labels)]
    kfold_sizes = [len(test) for _, test in KFold(n_splits=5, shuffle=True, random_state=0).split(np.zeros(23))]

    out = {
        "generator": f"tools/reference/metrics_reference.py, scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "classification": cases,
        "regression": regression,
        "stratified_kfold": {"folds": 5, "labels": labels.tolist(), "test_class_counts": counts},
        "kfold": {"rows": 23, "folds": 5, "test_sizes": kfold_sizes},
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
