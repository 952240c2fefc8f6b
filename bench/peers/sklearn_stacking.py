#!/usr/bin/python3
"""Row 3's peer: scikit-learn's StackingClassifier on the same avdigits features, the same outer folds.

    /usr/bin/python3 bench/peers/sklearn_stacking.py DATA_DIR

DATA_DIR holds what MMFuse.Bench wrote from the `mmfuse extract --export` Parquet file (Debian 12 has no pyarrow):
x.npy (float32, the image and audio blocks side by side), y.npy (int64 labels) and test_fold.npy (each row's outer
test fold, from MMFuse's stratified split, seed 42). Protocol on stdin/stdout: writes "ready ...", then answers each
"run" with "result SECONDS ACCURACY" (wall seconds of the 5-fold cross-validation, mean fold accuracy); "warm N" does
the same on the first N rows (an untimed warm-up: imports, worker processes); "quit" ends.
A peer to compare against, not part of MMFuse.
"""
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, StackingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import PredefinedSplit, StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 42


def model():
    # The same learners and sizes as `mmfuse compare --strategies stacking/logreg` (src/MMFuse.Cli/Strategies.cs; the
    # bench passes its StackingBaseGbdt and StackingInnerFolds in PEER_* variables): logistic regression on standardised
    # features (L2 = 1 on the summed loss, i.e. C = 1; at most 200 L-BFGS iterations) and a histogram GBDT; the
    # meta-learner is the same logistic regression over the bases' out-of-fold probabilities from an inner stratified k-fold.
    env = os.environ
    logreg = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=200))
    gbdt = HistGradientBoostingClassifier(max_iter=int(env.get("PEER_GBDT_ROUNDS", "40")),
                                          learning_rate=float(env.get("PEER_GBDT_RATE", "0.15")),
                                          max_leaf_nodes=int(env.get("PEER_GBDT_LEAVES", "15")),
                                          max_bins=int(env.get("PEER_GBDT_BINS", "15")),
                                          min_samples_leaf=int(env.get("PEER_GBDT_LEAF_ROWS", "20")),
                                          early_stopping=False, random_state=SEED)
    meta = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=200))
    inner = StratifiedKFold(int(env.get("PEER_INNER_FOLDS", "3")), shuffle=True, random_state=SEED)
    return StackingClassifier([("logreg", logreg), ("gbdt", gbdt)], final_estimator=meta, cv=inner, stack_method="predict_proba")


def main():
    folder = sys.argv[1]
    x = np.load(os.path.join(folder, "x.npy"))
    y = np.load(os.path.join(folder, "y.npy"))
    test_fold = np.load(os.path.join(folder, "test_fold.npy"))
    jobs = int(os.environ.get("PEER_JOBS", "2"))
    print(f"ready sklearn={sklearn.__version__} numpy={np.__version__} rows={x.shape[0]} columns={x.shape[1]} "
          f"outer_jobs={jobs} omp_threads={os.environ.get('OMP_NUM_THREADS', 'default')}", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            break
        if command == "run":
            rows = x.shape[0]
        elif command.startswith("warm "):
            rows = int(command.split()[1])
        else:
            print(f"error unknown request {command!r}", flush=True)
            continue
        start = time.perf_counter()
        # Two outer folds at a time, as MMFuse's CrossValidator runs with parallelism 2.
        scores = cross_validate(model(), x[:rows], y[:rows], cv=PredefinedSplit(test_fold[:rows]), scoring="accuracy", n_jobs=jobs)
        seconds = time.perf_counter() - start
        print(f"result {seconds!r} {float(np.mean(scores['test_score']))!r}", flush=True)


if __name__ == "__main__":
    main()
