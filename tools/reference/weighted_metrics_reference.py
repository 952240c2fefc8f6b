#!/usr/bin/python3
"""Reference values for MMFuse's weighted metrics and balanced class weights, computed with scikit-learn.

Run with the Debian python (apt-get install python3-sklearn):
    /usr/bin/python3 tools/reference/weighted_metrics_reference.py
It writes tests/MMFuse.Tests/Fixtures/evaluation/weighted_metrics_reference.json, which
tests/MMFuse.Tests/Evaluation/WeightedMetricsReferenceTests.cs compares against (CI has no python; the JSON is
committed). Every metric is scikit-learn's with sample_weight=w; the class weights are compute_class_weight("balanced").
Probabilities and weights are float32 values (weights on a grid that includes 0), so C# floats hold them exactly.
ECE has no scikit-learn implementation; it is computed here with numpy with each row counting its weight in the
documented definition (15 equal-width bins (i/15, (i+1)/15] of the top-class probability).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, f1_score, log_loss, mean_absolute_error,
                             mean_squared_error, r2_score, roc_auc_score)
from sklearn.utils.class_weight import compute_class_weight

BINS = 15
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "MMFuse.Tests", "Fixtures", "evaluation",
                   "weighted_metrics_reference.json")
WEIGHT_GRID = np.float32([0, 0.25, 0.5, 1, 1.5, 2, 3.75])


def ece(p, y, w):
    conf = p.max(axis=1)
    pred = p.argmax(axis=1)
    bins = np.clip(np.ceil(conf * BINS).astype(int) - 1, 0, BINS - 1)
    total = 0.0
    for b in range(BINS):
        m = bins == b
        if w[m].sum() > 0:
            acc = np.average(pred[m] == y[m], weights=w[m])
            mean_conf = np.average(conf[m], weights=w[m])
            total += w[m].sum() / w.sum() * abs(acc - mean_conf)
    return float(total)


def classification_case(name, p32, y, w32):
    k = p32.shape[1]
    p = p32.astype(np.float64)
    w = w32.astype(np.float64)
    pred = p.argmax(axis=1)
    auc = (roc_auc_score(y, p[:, 1], sample_weight=w) if k == 2
           else roc_auc_score(y, p, multi_class="ovr", average="macro", sample_weight=w))
    return {
        "name": name,
        "classes": k,
        "probabilities": p.tolist(),
        "labels": y.tolist(),
        "weights": w.tolist(),
        "accuracy": accuracy_score(y, pred, sample_weight=w),
        "balanced_accuracy": balanced_accuracy_score(y, pred, sample_weight=w),
        "macro_f1": f1_score(y, pred, average="macro", sample_weight=w),
        "log_loss": log_loss(y, p, labels=list(range(k)), sample_weight=w),
        "roc_auc": float(auc),
        "ece": ece(p, y, w),
    }


def main():
    rng = np.random.default_rng(20261203)
    cases = []

    # Binary: scores on a 1/8 grid (ties in the AUC), probabilities kept inside (0, 1) so no clipping rule matters.
    y = rng.integers(0, 2, 50)
    p1 = np.clip(np.round((0.5 * y + 0.25 + rng.normal(0, 0.25, 50)) * 8) / 8, 0.0625, 0.9375).astype(np.float32)
    w = rng.choice(WEIGHT_GRID, 50)
    cases.append(classification_case("binary-ties", np.stack([1 - p1, p1], axis=1).astype(np.float32), y, w))

    # Multiclass (4 classes), Dirichlet rows leaning to the true class; class 3 is rare and weighs more.
    y = rng.choice(4, 80, p=[0.4, 0.3, 0.22, 0.08])
    alpha = np.ones((80, 4)) + 3 * np.eye(4)[y] * rng.integers(0, 2, 80)[:, None]
    p = np.stack([rng.dirichlet(a) for a in alpha]).astype(np.float32)
    w = rng.choice(WEIGHT_GRID, 80) + np.float32(2) * (y == 3)
    cases.append(classification_case("multiclass-dirichlet", p, y, w.astype(np.float32)))

    # Multiclass with quantised scores (ties in every one-vs-rest AUC) and one class never predicted.
    y = rng.choice(3, 40)
    p = np.round(rng.dirichlet([2, 2, 0.3], 40) * 10) / 10 + 0.1
    top2 = p.argmax(axis=1) == 2
    p[top2] = p[top2][:, [2, 1, 0]]
    p = (p / p.sum(axis=1, keepdims=True)).astype(np.float32)
    cases.append(classification_case("multiclass-unpredicted", p, y, rng.choice(WEIGHT_GRID[1:], 40)))

    # Regression.
    t = rng.normal(3, 2, 60).astype(np.float32)
    pr = (t + rng.normal(0, 1, 60)).astype(np.float32)
    w = rng.choice(WEIGHT_GRID, 60)
    td, pd, wd = t.astype(np.float64), pr.astype(np.float64), w.astype(np.float64)
    regression = {
        "targets": td.tolist(),
        "predictions": pd.tolist(),
        "weights": wd.tolist(),
        "rmse": float(np.sqrt(mean_squared_error(td, pd, sample_weight=wd))),
        "mae": mean_absolute_error(td, pd, sample_weight=wd),
        "r2": r2_score(td, pd, sample_weight=wd),
    }

    # Balanced class weights of an imbalanced label vector with one of 5 classes absent.
    labels = rng.choice([0, 1, 2, 4], 37, p=[0.6, 0.25, 0.1, 0.05])
    present = np.unique(labels)
    per_class = compute_class_weight("balanced", classes=present, y=labels)
    balanced = {
        "classes": 5,
        "labels": labels.tolist(),
        "row_weights": [float(per_class[np.searchsorted(present, c)]) for c in labels],
    }

    with open(OUT, "w") as f:
        json.dump({"sklearn": sklearn.__version__, "classification": cases, "regression": regression,
                   "balanced_class_weight": balanced}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
