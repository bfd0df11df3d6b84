#!/usr/bin/env python3
"""Main-content detection of the HTML reader on trafilatura's evaluation set.

    python3 benches/html_main_content.py --trafilatura /work/ext/trafilatura \\
        --out TEXT_COMPLETENESS.md

adbar/trafilatura's tests/evaldata.json annotates 990 web pages (news, blogs,
mixed-content pages; tests/eval and tests/cache hold the HTML) with up to six
text segments that belong to the main content ("with") and up to six that are
boilerplate ("without"). Scoring is trafilatura's own (tests/eval_common.py):
a segment counts as found when it occurs, whitespace-normalised, in the
extracted text; a "with" segment found is a true positive, a "without"
segment found a false positive. Precision, recall, accuracy and F1 are over
all segments of all pages, so they sit beside the table in trafilatura's
docs/evaluation.rst (copied below with its date).

Our extracted text is the reader's content blocks (`referat parse --blocks`,
blocks not flagged as furniture), joined by newlines. The run also counts
pages that come back with no content although they have running text (a
"with" segment exists and the whole page's text, furniture included, holds
it): the reader must never return nothing there.

Fetch trafilatura outside the repository; never commit its files.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN = "<!-- html_main_content.py: begin -->"
END = "<!-- html_main_content.py: end -->"
BATCH = 100

# trafilatura's docs/evaluation.rst, "Results (2026-08-04)", 990 documents:
# (package, precision, recall, accuracy, F1).
PUBLISHED = [
    ("trafilatura 2.2.0 (standard)", 0.906, 0.943, 0.923, 0.924),
    ("trafilatura 2.2.0 (precision)", 0.925, 0.915, 0.921, 0.920),
    ("magic-html 0.1.8", 0.887, 0.891, 0.889, 0.889),
    ("justext 3.0.2 (custom)", 0.864, 0.859, 0.862, 0.862),
    ("readability-lxml 0.8.4.1", 0.898, 0.764, 0.839, 0.826),
    ("goose3 3.1.22", 0.936, 0.714, 0.833, 0.810),
    ("html_text 0.7.1 (all text)", 0.531, 0.988, 0.559, 0.691),
]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def parse_all(referat: str, paths: list[Path]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for i in range(0, len(paths), BATCH):
        batch = [str(p) for p in paths[i : i + BATCH]]
        p = subprocess.run([referat, "parse", "--blocks", *batch], capture_output=True, timeout=1200)
        for line in p.stdout.decode("utf-8", "replace").splitlines():
            try:
                doc = json.loads(line)
            except json.JSONDecodeError:
                continue
            out[doc["path"]] = doc
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trafilatura", type=Path, required=True, help="a checkout of adbar/trafilatura")
    ap.add_argument("--referat", help="a built referat binary (default: build the release one)")
    ap.add_argument("--out", type=Path, default=ROOT / "TEXT_COMPLETENESS.md")
    args = ap.parse_args()

    tests = args.trafilatura / "tests"
    evaldata_path = tests / "evaldata.json"
    if not evaldata_path.exists():
        print(f"{evaldata_path} is absent: fetch adbar/trafilatura first", file=sys.stderr)
        return 2
    referat = args.referat
    if not referat:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "referat"], cwd=ROOT, check=True)
        target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
        referat = str(Path(target) / "release" / "referat")

    evaldata = json.loads(evaldata_path.read_text())
    items = []
    for url, item in sorted(evaldata.items()):
        for sub in ("cache", "eval"):
            path = tests / sub / item["file"]
            if path.is_file():
                items.append((url, item, path))
                break
    started = time.time()
    docs = parse_all(referat, [p for _, _, p in items])
    seconds = time.time() - started

    tp = fp = fn = tn = 0
    empty, failed = [], []
    for url, item, path in items:
        doc = docs.get(str(path))
        if doc is None:
            failed.append(item["file"])
            content, everything = "", ""
        else:
            blocks = doc.get("blocks", [])
            content = norm("\n".join(b["text"] for b in blocks if not b["furniture"]))
            everything = norm("\n".join(b["text"] for b in blocks))
        found = sum(1 for w in item["with"] if norm(w) in content)
        wrong = sum(1 for w in item["without"] if norm(w) in content)
        tp, fp = tp + found, fp + wrong
        fn, tn = fn + len(item["with"]) - found, tn + len(item["without"]) - wrong
        if not content and any(norm(w) in everything for w in item["with"]):
            empty.append(item["file"])

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    accuracy = (tp + tn) / (tp + fp + fn + tn)
    f1 = 2 * tp / (2 * tp + fp + fn)
    lines = [
        BEGIN,
        "",
        f"Run of `python3 benches/html_main_content.py` on {time.strftime('%Y-%m-%d')}: {len(items)} pages of "
        f"trafilatura's evaluation set ({tp + fn} main-content and {fp + tn} boilerplate segments), {seconds:.0f} s.",
        "",
        "| extractor | precision | recall | accuracy | F1 |",
        "|---|---:|---:|---:|---:|",
        f"| **referat** (content blocks) | {precision:.3f} | {recall:.3f} | {accuracy:.3f} | **{f1:.3f}** |",
    ]
    for name, p, r, a, f in PUBLISHED:
        lines.append(f"| {name} (published) | {p:.3f} | {r:.3f} | {a:.3f} | {f:.3f} |")
    lines += [
        "",
        f"Pages returned with no content although their text holds a main-content segment: {len(empty)}"
        + (f" ({', '.join(empty)})" if empty else "")
        + f". Pages the reader failed on: {len(failed)}"
        + (f" ({', '.join(failed)})" if failed else "")
        + ".",
        "",
        END,
    ]
    section = "\n".join(lines)
    doc = args.out.read_text() if args.out.exists() else "# Text completeness\n\n"
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        doc = head + section + rest.split(END, 1)[1]
    else:
        doc += "\n" + section + "\n"
    args.out.write_text(doc)
    print(f"precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}; {len(empty)} empty; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
