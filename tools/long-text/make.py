#!/usr/bin/env python3
"""Builds samples/mantext/mantext.csv: long texts labelled by a field they carry.

Each row is a Debian 12 manual page rendered to plain text from its DESCRIPTION on (NAME and SYNOPSIS, which give the
section away in the first lines, are dropped), cut to MAX_CHARS, labelled with its section: 1 (user commands),
3 (library functions), 5 (file formats), 8 (administration). Pages are picked deterministically (sorted, every k-th),
and only pages whose rendered text is longer than MIN_CHARS are kept, so most rows exceed MiniLM's 256 word pieces.
Usage: python3 tools/long-text/make.py [PER_SECTION]
"""
import csv, gzip, os, re, subprocess, sys

PER_SECTION = int(sys.argv[1]) if len(sys.argv) > 1 else 30
MIN_CHARS, MAX_CHARS = 3000, 6000
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "samples", "mantext", "mantext.csv")

def render(path):
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    out = subprocess.run(["groff", "-man", "-Tutf8", "-P", "-cbou"], input=raw, capture_output=True, timeout=20).stdout.decode("utf-8", "replace")
    # The last line is the page footer, which names the section ("LS(1)"): drop it.
    out = "\n".join(out.rstrip().split("\n")[:-1])
    start = out.find("\nDESCRIPTION")
    if start < 0:
        return None
    text = re.sub(r"\s+", " ", out[start:]).strip()
    return text[:MAX_CHARS] if len(text) >= MIN_CHARS else None

rows = []
seen = set()
for section in ["1", "3", "5", "8"]:
    folder = f"/usr/share/man/man{section}"
    # Google Cloud SDK's thousands of near-identical gcloud pages would make section 1 one topic.
    names = sorted(n for n in os.listdir(folder) if n.endswith(".gz") and not n.startswith(("gcloud", "gsutil", "bq")))
    step = max(1, len(names) // (PER_SECTION * 4))
    kept = 0
    for name in names[::step]:
        if kept == PER_SECTION:
            break
        try:
            text = render(os.path.join(folder, name))
        except Exception:
            text = None
        # Several names can render the same page (gmtime.3 and gmtime_r.3): keep the first of each text.
        if text and text not in seen:
            seen.add(text)
            rows.append((name[:-3], text, section))
            kept += 1
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "text", "section"])
    w.writerows(rows)
print(f"{len(rows)} rows -> {OUT}")
