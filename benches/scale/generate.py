#!/usr/bin/env python3
"""Write a deterministic, seeded scale corpus of N minutes for the benchmarks.

Each minute is made up from the seed material: its agenda items and their
texts are recombined from the five seeds (through corpus/make.py's own block
model, imported, not copied), with a municipality from the 98 in
crates/parser/data/municipalities.txt, a council or committee, a date in
2015-2025 and attendees drawn from a pool of names. Document i is a PDF, a
DOCX or an HTML page by i mod 3, so every size holds the three formats.

How the files are made (honest about what varies):
- A pool of P minutes (default 240) is written as flat ODF and converted once
  by LibreOffice (soffice --headless --convert-to), like corpus/make.py does:
  real PDFs (embedded subset fonts with ToUnicode) and Word-like DOCX. The
  pool is cached.
- DOCX beyond the pool: a pool DOCX whose word/document.xml text runs are
  rewritten (header fields, item titles, attendee names) and re-zipped, so
  every DOCX says something different and stays valid.
- PDF beyond the pool: a pool PDF reused under another name with a new
  trailer /ID of the same length (so the bytes, hence the SHA-256 and the
  record id, differ while every xref offset stays right). Its text repeats
  the pool's: with subset fonts, new text would need glyphs the subset lacks.
- HTML: every page written afresh (a municipal CMS page).

Files go to $REFERAT_BENCH_DIR, else $XDG_CACHE_HOME/referat-bench, else
~/.cache/referat-bench: never into the repository. A finished size is
cached (a .done marker) and not rewritten.

Usage: python3 benches/scale/generate.py --count 10000 [--seed 7] [--pool 240]
Prints the folder holding the N files.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import importlib.util
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

BODIES = [
    "Byrådet", "Kommunalbestyrelsen", "Økonomiudvalget", "Udsatterådet", "Ældrerådet",
    "Handicaprådet", "Børne- og Ungeudvalget", "Kultur- og Fritidsudvalget",
    "Teknik- og Miljøudvalget", "Social- og Sundhedsudvalget", "Beskæftigelsesudvalget",
    "Klima- og Planudvalget", "Integrationsrådet", "Folkeoplysningsudvalget",
]
GIVEN = [
    "Anne", "Bente", "Carina", "Dorte", "Eva", "Frederik", "Gitte", "Hans", "Ida", "Jens",
    "Karen", "Lars", "Mette", "Niels", "Ole", "Pia", "Rasmus", "Susanne", "Torben", "Ulla",
    "Vibeke", "Søren", "Jette", "Lisbeth", "Helge", "Mads", "Birgitte", "Kirsten", "Poul", "Jørgen",
]
MIDDLE = ["", "", "", "Bo ", "Marie ", "Lykke ", "Skov ", "Møller "]
FAMILY = [
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
    "Johansen", "Møller", "Mortensen", "Nyboe", "Kofoed", "Høyer", "Mogensen", "Vang", "Berrig",
]
PLACES = [
    "Mødelokale 2 i forhallen", "Rådhuset, mødesal 1", "Byrådssalen", "Kantinen, Borgerservice",
    "Frivilligcenteret", "Mødelokale 3, Rådhuset", "Online (Teams)", "Biblioteket, salen",
]
MONTHS = [
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
    "september", "oktober", "november", "december",
]


def load_make():
    """corpus/make.py as a module: its block model, ODF and HTML writers."""
    spec = importlib.util.spec_from_file_location("referat_corpus_make", REPO / "corpus" / "make.py")
    if spec is None or spec.loader is None:
        sys.exit("cannot load corpus/make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def municipalities() -> list[str]:
    path = REPO / "crates" / "parser" / "data" / "municipalities.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [x.strip() for x in lines if x.strip() and not x.startswith("#")]


def item_pool(make) -> list[tuple[str, list]]:
    """(title, blocks) of every numbered agenda item in the seeds."""
    items: list[tuple[str, list]] = []
    item_re = re.compile(r"^\d+\.\s+(.*)$")
    for seed, *_ in make.DOCS:
        blocks = make.build(seed)[0]
        current = None
        for b in blocks:
            is_item = b[0] == "h" and item_re.match(b[2])
            if is_item:
                current = (item_re.match(b[2]).group(1), [])
                items.append(current)
            elif b[0] == "h" and b[1] == 1:
                current = None
            elif current is not None and b[0] in ("p", "ul"):
                current[1].append(b)
    return [(t, bs) for t, bs in items if bs]


def person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(MIDDLE)}{rng.choice(FAMILY)}"


def minute(rng: random.Random, towns: list[str], items: list) -> dict:
    """One made-up minute: fields and recombined items."""
    year = rng.randint(2015, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    start = rng.choice([8, 9, 10, 13, 14, 15, 16, 17])
    people = []
    while len(people) < rng.randint(5, 12):
        p = person(rng)
        if p not in people:
            people.append(p)
    cut = max(3, len(people) - rng.randint(0, 3))
    chosen = rng.sample(items, k=min(len(items), rng.randint(3, 9)))
    return {
        "municipality": rng.choice(towns),
        "body": rng.choice(BODIES),
        "date": f"{year:04d}-{month:02d}-{day:02d}",
        "tid": f"{day}. {MONTHS[month - 1]} {year} kl. {start:02d}.00-{start + 2:02d}.00",
        "sted": rng.choice(PLACES),
        "deltagere": ", ".join(people[:cut]),
        "afbud": " og ".join(people[cut:]) if cut < len(people) else "Ingen",
        "referent": person(rng),
        "items": [(t, bs) for t, bs in chosen],
    }


def header_rows(m: dict) -> list[tuple[str, str]]:
    return [
        ("Forum:", m["body"]), ("Tid:", m["tid"]), ("Sted:", m["sted"]),
        ("Deltagere:", m["deltagere"]), ("Afbud:", m["afbud"]), ("Referent:", m["referent"]),
    ]


def blocks_of(m: dict) -> list:
    """The minute in make.py's block model (as seed 004 is laid out)."""
    blocks = [("title", "Referat"), ("table", [[[a], [b]] for a, b in header_rows(m)], [22, 78])]
    blocks.append(("h", 1, "Beslutningspunkter"))
    for n, (title, body) in enumerate(m["items"], start=1):
        blocks.append(("h", 2, f"{n}. {title}"))
        blocks.append(("p", "Beslutning:", "label"))
        blocks.extend(body)
    return blocks


def slug(text: str) -> str:
    t = text.lower().replace("å", "aa").replace("æ", "ae").replace("ø", "oe")
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def stem_of(m: dict, i: int) -> str:
    return f"{slug(m['municipality'])}/{slug(m['body'])}-{m['date']}-{i:06d}"


def html_of(make, m: dict) -> str:
    rows = "\n".join(
        f"      <tr><th>{make.h(a)}</th><td>{make.h(b)}</td></tr>" for a, b in header_rows(m)
    )
    blocks = [b for b in blocks_of(m) if b[0] not in ("title", "table")]
    main = (
        '<main id="main-content">\n  <article>\n'
        f"    <h1>Referat: {make.h(m['body'])} {make.h(m['tid'])}</h1>\n"
        f'    <table class="meeting">\n{rows}\n    </table>\n'
        f"{make.html_blocks(blocks, 4)}\n  </article>\n</main>"
    )
    town = m["municipality"]
    return make.html_page(
        title=f"Referat - {m['body']} - {town} Kommune",
        asset_root=slug(town),
        body_class="page-minutes",
        header=f'<header><a href="/">{make.h(town)} Kommune</a></header>',
        breadcrumb=f'<nav class="breadcrumb"><a href="/">Forside</a> / {make.h(m["body"])}</nav>',
        main=main,
        footer=f"<footer>{make.h(town)} Kommune</footer>",
    )


def rng_for(seed: int, what: str, i: int) -> random.Random:
    return random.Random(f"{seed}:{what}:{i}")


def make_pool(make, root: Path, seed: int, size: int, towns, items) -> Path:
    """P minutes converted by LibreOffice to PDF and DOCX, once."""
    pool = root / f"pool-s{seed}-p{size}"
    if (pool / ".done").exists():
        return pool
    if shutil.which("soffice") is None:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer-nogui hyphen-da")
    shutil.rmtree(pool, ignore_errors=True)
    pool.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="referat-bench-lo-") as tmp:
        tmp = Path(tmp)
        srcs = []
        for j in range(size):
            m = minute(rng_for(seed, "pool", j), towns, items)
            src = tmp / f"t{j:04d}.fodt"
            src.write_text(make.fodt(blocks_of(m), title=None, header="Referat", layout=make.A4_WORD), encoding="utf-8")
            srcs.append(src)
        # One soffice process per target and batch of files: start-up dominates otherwise.
        for target in ("pdf:writer_pdf_Export", "docx:MS Word 2007 XML"):
            for k in range(0, len(srcs), 60):
                cmd = [
                    "soffice", f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", target, "--outdir", str(pool), *map(str, srcs[k : k + 60]),
                ]
                res = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
                if res.returncode != 0:
                    sys.exit(f"soffice failed: {res.stderr or res.stdout}")
    missing = [j for j in range(size) for e in ("pdf", "docx") if not (pool / f"t{j:04d}.{e}").exists()]
    if missing:
        sys.exit(f"soffice did not write {len(missing)} pool files")
    (pool / ".done").write_text("ok\n")
    return pool


def xml_text(s: str) -> str:
    return html.escape(s, quote=False)


def docx_variant(template: bytes, old: dict, new: dict) -> bytes:
    """The template DOCX with its text runs rewritten from `old`'s fields to `new`'s."""
    mapping = {}
    for (_, a), (_, b) in zip(header_rows(old), header_rows(new)):
        mapping[xml_text(a)] = xml_text(b)
    for n, ((ta, _), (tb, _)) in enumerate(zip(old["items"], new["items"]), start=1):
        mapping[xml_text(f"{n}. {ta}")] = xml_text(f"{n}. {tb}")
        mapping[xml_text(ta)] = xml_text(tb)

    def swap(match: re.Match) -> str:
        return match.group(1) + mapping.get(match.group(2), match.group(2)) + match.group(3)

    src = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)", swap, text)
                data = text.encode("utf-8")
            dst.writestr(info, data)
    return out.getvalue()


def pdf_variant(template: bytes, i: int, seed: int) -> bytes:
    """The template PDF with a new trailer /ID of the same length."""
    match = re.search(rb"/ID \[ ?<([0-9A-Fa-f]+)>", template)
    if match is None:
        return template + f"\n%referat-bench {seed} {i}\n".encode()
    digest = hashlib.md5(f"{seed}:{i}".encode()).hexdigest().upper().encode()
    new = (digest * 4)[: len(match.group(1))]
    return template[: match.start(1)] + new + template[match.end(1) :]


def generate(count: int, seed: int, pool_size: int, root: Path) -> Path:
    out = root / f"s{seed}-p{pool_size}" / f"n{count}"
    if (out / ".done").exists():
        return out
    make = load_make()
    towns = municipalities()
    items = item_pool(make)
    pool = make_pool(make, root, seed, pool_size, towns, items)
    shutil.rmtree(out, ignore_errors=True)
    for i in range(count):
        fmt = ("pdf", "docx", "html")[i % 3]
        k = i // 3  # the k-th document of its format
        if fmt == "html":
            m = minute(rng_for(seed, "html", k), towns, items)
            data = html_of(make, m).encode("utf-8")
        else:
            j = k % pool_size
            tm = minute(rng_for(seed, "pool", j), towns, items)
            template = (pool / f"t{j:04d}.{fmt}").read_bytes()
            if fmt == "pdf":
                m = tm
                data = template if k < pool_size else pdf_variant(template, i, seed)
            else:
                # same items (their bodies are in the template), new fields and titles
                fresh = minute(rng_for(seed, "docx", k), towns, items)
                m = dict(fresh, items=[(t, b) for (t, _), (_, b) in zip(fresh["items"] * 9, tm["items"])])
                data = template if k < pool_size else docx_variant(template, tm, m)
                if k < pool_size:
                    m = tm
        path = out / f"{stem_of(m, i)}.{fmt}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (out / ".done").write_text("ok\n")
    return out


def default_root() -> Path:
    if os.environ.get("REFERAT_BENCH_DIR"):
        return Path(os.environ["REFERAT_BENCH_DIR"])
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "referat-bench"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, required=True, help="how many documents")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pool", type=int, default=240, help="LibreOffice-made PDF/DOCX templates")
    ap.add_argument("--root", type=Path, default=None, help="output root (default: the cache folder)")
    args = ap.parse_args()
    root = (args.root or default_root()).resolve()
    if REPO in root.parents or root == REPO:
        sys.exit("the scale corpus must live outside the repository")
    print(generate(args.count, args.seed, args.pool, root))


if __name__ == "__main__":
    main()
