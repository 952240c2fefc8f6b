"""Writes the inputs of the avdigits grouped-fold measurements in docs/robustness.md.

  meta_base.csv  avdigits_meta.csv with a base_voice column (the voice before '+': en-us+m1 -> en-us)
  avd-third.csv  a stratified third of avdigits.csv: every third row of each (base voice, digit) cell, paths absolute

Usage: python3 tools/robustness/avdigits_subset.py ../shared/datasets/avdigits OUT_FOLDER
"""
import collections
import csv
import os
import sys


def main(dataset, out):
    dataset = os.path.abspath(dataset)
    meta = list(csv.DictReader(open(os.path.join(dataset, "avdigits_meta.csv"))))
    base = {m["id"]: m["voice"].split("+")[0] for m in meta}
    with open(os.path.join(out, "meta_base.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "voice", "base_voice", "snr_db"])
        for m in meta:
            w.writerow([m["id"], m["voice"], base[m["id"]], m["snr_db"]])
    rows = list(csv.DictReader(open(os.path.join(dataset, "avdigits.csv"))))
    cells = collections.defaultdict(list)
    for r in rows:
        cells[(base[r["id"]], r["digit"])].append(r)
    keep = sorted((r for k in sorted(cells) for r in cells[k][::3]), key=lambda r: int(r["id"]))
    with open(os.path.join(out, "avd-third.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "image", "audio", "digit"])
        for r in keep:
            w.writerow([r["id"], os.path.join(dataset, r["image"]), os.path.join(dataset, r["audio"]), r["digit"]])
    print(len(keep), "rows")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
