#!/usr/bin/python3
"""Builds an imbalanced avdigits table for docs/weights.md: every row of ../shared/datasets/avdigits except that one
digit keeps only 5 % of its rows (seeded). The table is written outside the repository (it is not committed); its
image and audio cells are absolute paths into the shared dataset.

    /usr/bin/python3 tools/weights/imbalanced_avdigits.py OUT.csv [--digit 3] [--share 0.05] [--seed 1]
"""
import argparse
import csv
import os
import random

SOURCE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "datasets", "avdigits")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--digit", default="3")
    parser.add_argument("--share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--source", default=SOURCE)
    args = parser.parse_args()
    source = os.path.abspath(args.source)
    with open(os.path.join(source, "avdigits.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    rare = [r for r in rows if r["digit"] == args.digit]
    keep = set(r["id"] for r in random.Random(args.seed).sample(rare, max(1, round(len(rare) * args.share))))
    kept = [r for r in rows if r["digit"] != args.digit or r["id"] in keep]
    with open(args.out, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "image", "audio", "digit"])
        for r in kept:
            writer.writerow([r["id"], os.path.join(source, r["image"]), os.path.join(source, r["audio"]), r["digit"]])
    print(f"{args.out}: {len(kept)} rows, digit {args.digit} kept {len(keep)} of {len(rare)}")


if __name__ == "__main__":
    main()
