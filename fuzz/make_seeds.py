#!/usr/bin/env python3
"""Fill fuzz/corpus/<target>/ with seed inputs from the bundled corpus and the
hostile fixtures. Deterministic; stdlib only. Run from anywhere:

    python3 fuzz/make_seeds.py
"""
import re
import zipfile
import zlib
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
SEP = b"\xff\x00\xff"  # referat_fuzz::SEPARATOR


def write(target, name, data):
    d = FUZZ / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def pdf_streams(data):
    """Decoded streams of a PDF (Flate or plain), best effort."""
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        raw = m.group(1)
        try:
            yield zlib.decompress(raw)
        except zlib.error:
            yield raw


def main():
    files = sorted(p for p in (ROOT / "corpus").rglob("*") if p.suffix in (".pdf", ".docx", ".html"))
    hostile = ROOT / "tests" / "fixtures" / "hostile"
    files += sorted((ROOT / "tests" / "fixtures" / "doc").glob("*.doc"))
    files += sorted(p for p in hostile.rglob("*") if p.is_file() and p.stat().st_size < 1_000_000)
    for p in files:
        data = p.read_bytes()
        name = p.parent.name + "-" + p.name
        if data.startswith(b"%PDF") or p.suffix == ".pdf":
            write("pdf", name, data)
            for i, s in enumerate(pdf_streams(data)):
                if b"Tj" in s or b"TJ" in s:
                    write("pdf_content", f"{name}-{i}", s[:20000])
                elif b"begincmap" in s:
                    write("pdf_content", f"{name}-{i}-cmap", b"BT /F2 12 Tf <0001000200030004> Tj ET" + SEP + s)
        if data.startswith(b"PK") or p.suffix == ".docx":
            write("docx", name, data)
            try:
                with zipfile.ZipFile(p) as z:
                    names = z.namelist()
                    parts = [z.read(n) if n in names else b"" for n in
                             ("word/document.xml", "word/styles.xml", "word/numbering.xml")]
                    write("docx_xml", name, SEP.join(parts))
            except (zipfile.BadZipFile, OSError, KeyError, EOFError, zlib.error):
                pass
        if data.startswith(b"\xd0\xcf\x11\xe0") or p.suffix == ".doc":
            write("doc", name, data)
        if p.suffix in (".html", ".htm") or b"<html" in data[:4096].lower():
            write("html", name, data)
    # Structure seeds: the expected content texts, one block a line; tag byte 1
    # makes a paragraph, 0 a heading (see referat_fuzz::blocks_from_bytes).
    for p in sorted((ROOT / "corpus" / "expected").glob("*.content.txt")):
        lines = p.read_bytes().splitlines()
        tagged = [(b"\x00" if len(l) < 60 and not l.endswith(b".") else b"\x01") + l for l in lines]
        write("structure", p.name, b"\n".join(tagged))
    for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt")):
        write("structure", p.name, b"\n".join(b"\x01" + l for l in p.read_bytes().splitlines()))


if __name__ == "__main__":
    main()
