#!/usr/bin/env python3
"""Legacy Word (.doc) parse speed against antiword and LibreOffice, and OCR
seconds per page, on this machine (issue 19). Prints a Markdown section for
BENCHMARKS.md.

Usage:  cargo build --release -p referat && python3 benches/legacy.py [--rounds N]

The .doc files are tests/fixtures/doc/*.doc (the corpus DOCX saved by
LibreOffice) and ../shared/real/*.doc when present. OCR is timed on
../shared/real/ballerup-2012-bilag-scannet-uden-tekstlag.pdf (8 scanned pages,
300 dpi JPEG) with an empty cache, and one Tesseract process on one page.
Needs antiword, soffice, tesseract (dan) and pdfimages; a missing tool's row
says so.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
SCAN = REAL / "ballerup-2012-bilag-scannet-uden-tekstlag.pdf"


def referat() -> Path:
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    exe = target / "release" / "referat"
    if not exe.exists():
        raise SystemExit(f"{exe} missing: cargo build --release -p referat")
    return exe


def timed(cmd, env=None, rounds=1) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return (time.perf_counter() - start) / rounds


def doc_section(exe: Path, rounds: int) -> list[str]:
    files = sorted((ROOT / "tests" / "fixtures" / "doc").glob("*.doc")) + sorted(REAL.glob("*.doc"))
    size = sum(f.stat().st_size for f in files) / 1e6
    n = len(files)
    rows = []
    # referat: one process for all files, one thread, as `referat bench` times it.
    t = timed([str(exe), "bench", "--threads", "1", *map(str, files)], rounds=rounds)
    rows.append(("referat (one process, 1 thread)", t))
    if shutil.which("antiword"):
        t = sum(timed(["antiword", str(f)], rounds=rounds) for f in files)
        rows.append(("antiword (one process per file)", t))
    else:
        rows.append(("antiword: not installed", None))
    if shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as tmp:
            profile = Path(tmp) / "profile"
            base = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "txt:Text", "--outdir", tmp]
            # First run creates the profile: not timed.
            subprocess.run(base + [str(files[0])], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t = timed(base + [str(f) for f in files])
            rows.append(("soffice --convert-to txt (one process, all files)", t))
    else:
        rows.append(("soffice: not installed", None))
    out = [f"**.doc** ({n} files, {size:.2f} MB: the five corpus documents saved as .doc by "
           "LibreOffice, and the real Syddjurs policy; mean of "
           f"{rounds} rounds, LibreOffice once)", "",
           "| tool | seconds | docs/s | referat ÷ tool |", "|---|---:|---:|---:|"]
    base_t = rows[0][1]
    for name, t in rows:
        if t is None:
            out.append(f"| {name} | — | — | — |")
            continue
        ratio = "—" if t is base_t else f"{t / base_t:.1f}×"
        out.append(f"| {name} | {t:.3f} | {n / t:.1f} | {ratio} |")
    return out


def ocr_section(exe: Path) -> list[str]:
    if not SCAN.exists() or not shutil.which("tesseract"):
        return ["OCR: skipped (no scan in ../shared/real or no tesseract)."]
    out = [f"**OCR** ({SCAN.name}: 8 scanned pages, 3507 × 2480 px JPEG at 300 dpi)", ""]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CACHE_HOME=tmp)
        t = timed([str(exe), "parse", "--time-limit", "0", str(SCAN)], env=env)
        again = timed([str(exe), "parse", "--time-limit", "0", str(SCAN)], env=env)
        subprocess.run(["pdfimages", "-j", "-f", "1", "-l", "1", str(SCAN), f"{tmp}/p"], check=True)
        page = next(Path(tmp).glob("p-*.jpg"))
        one_env = dict(os.environ, OMP_THREAD_LIMIT="1")
        with open(page, "rb") as f:
            start = time.perf_counter()
            subprocess.run(["tesseract", "stdin", "stdout", "-l", "dan", "--psm", "1", "tsv"], stdin=f,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=one_env, check=True)
            single = time.perf_counter() - start
    cores = os.cpu_count() or 1
    out += ["| measure | seconds |", "|---|---:|",
            f"| `referat parse` of the 8-page scan, empty cache ({cores} cores, pages in parallel) | {t:.1f} |",
            f"| the same, per page | {t / 8:.2f} |",
            f"| one Tesseract process on one page, one thread | {single:.2f} |",
            f"| `referat parse` again (results from the OCR cache) | {again:.2f} |"]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    exe = referat()
    load = os.getloadavg()[0]
    lines = ["## Legacy Word and OCR", "",
             f"Generated by `python3 benches/legacy.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
             f"load average {load:.1f} at the start.", ""]
    lines += doc_section(exe, args.rounds) + [""] + ocr_section(exe)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
