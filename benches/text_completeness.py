#!/usr/bin/env python3
"""Text completeness of the PDF reader against pdftotext, on other projects' test corpora.

    python3 benches/text_completeness.py --corpus /work/ext/pdf.js/test/pdfs \\
        --corpus /work/ext/pypdf/resources --corpus /work/ext/sample-files \\
        --out TEXT_COMPLETENESS.md

The corpora are public test files of other projects (mozilla/pdf.js test/pdfs,
py-pdf/pypdf resources and sample-files, py-pdf/sample-files); fetch them
outside the repository (`git clone`, or the lead's fetch tool) and never
commit them. For every `*.pdf` under each corpus the script runs

  * `referat parse --blocks FILE` (the release binary; built first unless
    `--referat` names one), counting the text of every block, running headers
    and footers included, since the question is which glyphs the reader
    returns, not which it keeps in the record's clean text;
  * `pdftotext -enc UTF-8 FILE -` (poppler).

Both texts are NFKC-normalised (pdftotext expands ligatures, we may not) and
whitespace is removed before counting. Per file the table gives our
characters, pdftotext's, their ratio, and the *overlap*: the multiset
intersection of the two character bags, i.e. how many of pdftotext's
characters we also returned (extra text of ours cannot hide lost text there).
Overall figures are sums over all files. Files where pdftotext returns more
than 200 characters and we return less than 90 % of them are listed with a
reason: the written one from REASONS below when the file was examined, else
our reader's error or warnings.

The markdown section between the markers in `--out` is replaced; the rest of
the document is kept.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import hashlib
import json
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN = "<!-- text_completeness.py: begin -->"
END = "<!-- text_completeness.py: end -->"
TIMEOUT = 120

# Files below 90 % that were examined by hand, with the reason (corpus-relative
# path -> reason). Keep entries only for what was checked in the file itself.
REASONS: dict[str, str] = {
    "pdfs/ThuluthFeatures.pdf": "CID TrueType fonts (Identity-H) without ToUnicode: the Latin text is read through the embedded programs' Unicode cmap; the Arabic glyphs are contextual forms and ligatures that no cmap entry reaches (only the GSUB rules do), so they have no Unicode (warned); pdftotext prints glyph ids as code points (mojibake)",
    "pdfs/complex_ttf_font.pdf": "Identity-H TrueType subsets without ToUnicode whose programs have neither a cmap nor a post table (only cvt, fpgm, glyf, head, hhea, hmtx, loca, maxp, name, prep): nothing in the file maps a glyph to text; pdftotext's text is glyph ids read as code points",
    "pdfs/issue16538.pdf": "a CFF CIDFont (Adobe-Japan1) without ToUnicode: pdftotext maps CIDs through poppler's Adobe-Japan1 tables, which referat does not ship",
    "pdfs/TAMReview.pdf": "Cambria subsets named /g18, /g152 … (glyph ids) without ToUnicode: pdftotext reads the digits as code points and prints 'ǣ', 'ǡ' …, not text; the Times-Roman /Differences text is read",
    "pdfs/issue18036.pdf": "the text is in form fields (widget annotation appearances), which the reader does not read",
    "pdfs/annotation-text-widget.pdf": "the text is in form fields (widget annotation appearances), which the reader does not read",
    "pdfs/issue17492.pdf": "most of the text is in form fields (widget annotation appearances), which the reader does not read",
    "pdfs/XiaoBiaoSong.pdf": "GB2312 bytes in fonts declared WinAnsi: pdftotext prints Latin-1 mojibake ('¹ØÓÚ'), the characters differ",
    "pdfs/issue19802.pdf": "pdftotext ignores the ToUnicode map (deflated without /Filter) and prints the codes one letter off ('VOC' for 'unb'); referat reads the map and returns the French and Icelandic text pdf.js shows, so the characters differ",
    "pdfs/ZapfDingbats.pdf": "dingbat symbols (glyph names a1 … a191 of the ZapfDingbats font): poppler maps them through the font's own table to U+2700 symbols; referat drops them (warned)",
    "pdfs/mixedfonts.pdf": "one font uses the predefined UniJIS-UTF16-H CMap without ToUnicode (its codes are UTF-16); reading such codes as text is not implemented (warned)",
    "pdfs/issue6127.pdf": "most of the gap is a non-embedded TrueType CID font (TimesNewRoman, Identity-H, no ToUnicode): its codes are glyph ids of a program that is not in the file, which pdftotext prints as code points ('\\x03' for the space, 'H' for 'e'); referat drops them (warned, 1191 glyphs); the rest is 98 rotated glyphs, skipped by design (warned)",
    "pypdf/resources/indirect-rotation.pdf": "scanned pages (EPSON Scan) under an invisible text layer, with /Rotate set through an indirect object: the reader now takes pages 3–5 for scans and OCRs them instead of reading their text layer (2,598 characters when run alone, overlap 87.7 %; under a loaded run the OCR time budget ran out on a page); the first pass, before OCR was merged, returned all 2,930. Not this branch's code: the fonts are non-embedded standard-14 fonts with WinAnsi, which the font-program code never reaches. Left for the OCR work (issue 19)",
    "pdfs/issue1905.pdf": "much of the text is rotated; the reader skips rotated and vertical glyphs by design (warned)",
}


def chars(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def run(cmd: list[str]) -> tuple[int, str, str]:
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -1, "", f"timed out after {TIMEOUT} s"


def ours(referat: str, path: Path) -> tuple[str, str]:
    """Our text of a file, and a note (error or warnings)."""
    code, out, err = run([referat, "parse", "--blocks", "--threads", "1", str(path)])
    text, note = [], ""
    for line in out.splitlines():
        try:
            doc = json.loads(line)
        except json.JSONDecodeError:
            continue
        text.extend(b.get("text", "") for b in doc.get("blocks", []))
        note = "; ".join(doc.get("warnings", []))
    if code != 0 and not text:
        note = " ".join(err.split())[:200] or f"exit {code}"
    return "\n".join(text), note


CACHE: Path | None = None


def theirs(path: Path) -> str:
    """pdftotext's text, cached by the file's SHA-256 when `--cache` is given."""
    key = None
    if CACHE:
        key = CACHE / (hashlib.sha256(path.read_bytes()).hexdigest() + ".txt")
        if key.exists():
            return key.read_text()
    code, out, _ = run(["pdftotext", "-enc", "UTF-8", str(path), "-"])
    out = out if code == 0 else ""
    if key:
        key.write_text(out)
    return out


def measure(referat: str, corpus: Path, path: Path) -> dict:
    a, note = ours(referat, path)
    b = theirs(path)
    ca, cb = chars(a), chars(b)
    overlap = sum((collections.Counter(ca) & collections.Counter(cb)).values())
    return {
        "file": f"{corpus.name}/{path.relative_to(corpus)}",
        "ours": len(ca),
        "theirs": len(cb),
        "overlap": overlap,
        "note": note,
    }


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "–"


def render(rows: list[dict], corpora: list[Path], seconds: float) -> str:
    total_ours = sum(r["ours"] for r in rows)
    total_theirs = sum(r["theirs"] for r in rows)
    total_overlap = sum(r["overlap"] for r in rows)
    low = [
        r
        for r in rows
        if r["theirs"] > 200 and r["overlap"] < 0.9 * r["theirs"]
    ]
    lines = [
        BEGIN,
        "",
        f"Run of `python3 benches/text_completeness.py` on {time.strftime('%Y-%m-%d')}: "
        f"{len(rows)} PDF files from {', '.join(c.name for c in corpora)}; {seconds:.0f} s.",
        "",
        "| | characters |",
        "|---|---:|",
        f"| pdftotext | {total_theirs:,} |",
        f"| referat | {total_ours:,} ({pct(total_ours, total_theirs)} of pdftotext's) |",
        f"| of pdftotext's characters also returned by referat (overlap) | {total_overlap:,} ({pct(total_overlap, total_theirs)}) |",
        "",
        f"Files where pdftotext returns more than 200 characters and referat's overlap is below 90 %: {len(low)}.",
        "",
    ]
    if low:
        lines += ["| file | referat | pdftotext | overlap | reason |", "|---|---:|---:|---:|---|"]
        for r in sorted(low, key=lambda r: r["overlap"] / r["theirs"]):
            reason = REASONS.get(r["file"]) or (f"(not examined) {r['note']}" if r["note"] else "(not examined)")
            reason = reason.replace("|", "/")
            lines.append(
                f"| {r['file']} | {r['ours']:,} | {r['theirs']:,} | {pct(r['overlap'], r['theirs'])} | {reason} |"
            )
        lines.append("")
    lines += [
        "<details><summary>Every file</summary>",
        "",
        "| file | referat | pdftotext | ratio | overlap |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['file']} | {r['ours']:,} | {r['theirs']:,} | {pct(r['ours'], r['theirs'])} | {pct(r['overlap'], r['theirs'])} |"
        )
    lines += ["", "</details>", "", END]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", type=Path, required=True)
    ap.add_argument("--referat", help="a built referat binary (default: build the release one)")
    ap.add_argument("--out", type=Path, default=ROOT / "TEXT_COMPLETENESS.md")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the per-file rows as JSON")
    ap.add_argument("--cache", type=Path, help="a folder to keep pdftotext's output in between runs")
    args = ap.parse_args()
    global CACHE
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
        CACHE = args.cache

    referat = args.referat
    if not referat:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "referat"], cwd=ROOT, check=True)
        target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
        referat = str(Path(target) / "release" / "referat")

    corpora = [c for c in args.corpus if c.is_dir()]
    for c in args.corpus:
        if not c.is_dir():
            print(f"skipping {c}: not a folder (fetch the corpus first)", file=sys.stderr)
    jobs = [(c, p) for c in corpora for p in sorted(c.rglob("*")) if p.suffix.lower() == ".pdf" and p.is_file()]
    started = time.time()
    with cf.ThreadPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(lambda job: measure(referat, *job), jobs))
    seconds = time.time() - started
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    section = render(rows, corpora, seconds)
    doc = args.out.read_text() if args.out.exists() else "# Text completeness\n\n" + BEGIN + "\n" + END + "\n"
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        doc = head + section + rest.split(END, 1)[1]
    else:
        doc += "\n" + section + "\n"
    args.out.write_text(doc)
    t, o = sum(r["theirs"] for r in rows), sum(r["overlap"] for r in rows)
    print(f"{len(rows)} files; overlap {pct(o, t)} of pdftotext's characters; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
