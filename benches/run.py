#!/usr/bin/env python3
"""The whole benchmark run: the one command behind BENCHMARKS.md.

    python3 benches/run.py                 # 1k and 10k documents (~15 min on 2 cores)
    python3 benches/run.py --sizes 1000    # quick
    python3 benches/run.py --with-100k     # adds 100k (about 40 min more on 2 cores)
    python3 benches/run.py --counts-on DIR # timeline, facets, attendance on an index (issue 20)

Steps, all in one run on the same files:
 1. build `referat` (release) and the query bench binary;
 2. generate the scale corpus (benches/scale/generate.py, cached outside the repo);
 3. parse throughput per format on 1 and all cores: `referat bench --json`
    against pdftotext, mutool draw -F txt (PDF), pandoc -t plain (DOCX),
    pandoc -f html -t plain and python's html.parser (HTML);
 4. ingest (`referat ingest`, timed, peak RSS from /usr/bin/time) at each size,
    index size on disk against the exported text's size;
 5. query latency at 10k (and 100k with --with-100k):
    the mix in benches/query_mix.json through the index (in-process), SQLite
    FTS5 (in-process, python3's sqlite3) and ripgrep (a process per query);
 6. write the results as JSON and render BENCHMARKS.md.

Needs: cargo, python3, LibreOffice (for the template pool, once), poppler-utils,
mupdf-tools, pandoc, ripgrep, GNU time (/usr/bin/time).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import datetime
import html.parser
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REFERAT = REPO / "target" / "release" / "referat"
MIX = json.loads((REPO / "benches" / "query_mix.json").read_text(encoding="utf-8"))


def log(*args) -> None:
    print("[bench]", *args, file=sys.stderr, flush=True)


def sh(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def machine() -> dict:
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            mem_kb = int(line.split()[1])
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "load_at_start": os.getloadavg()[0],
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "versions": {
            "pdftotext": first_line(["pdftotext", "-v"]),
            "mutool": first_line(["mutool", "-v"]),
            "pandoc": first_line(["pandoc", "--version"]),
            "ripgrep": first_line(["rg", "--version"]),
            "sqlite": sqlite3.sqlite_version,
            "rustc": first_line(["rustc", "--version"]),
        },
    }


def first_line(cmd) -> str:
    try:
        r = subprocess.run(cmd, text=True, capture_output=True)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "missing"


def build() -> None:
    log("building referat (release) and the query bench")
    sh(["cargo", "build", "--release", "-p", "referat"], cwd=REPO)
    sh(["cargo", "bench", "--no-run", "--bench", "query"], cwd=REPO)


def generate(n: int) -> Path:
    log(f"scale corpus: {n} documents")
    r = sh([sys.executable, str(REPO / "benches" / "scale" / "generate.py"), "--count", str(n)])
    return Path(r.stdout.strip().splitlines()[-1])


def files_by_format(root: Path) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {"pdf": [], "docx": [], "html": []}
    for p in sorted(root.rglob("*")):
        ext = p.suffix.lstrip(".")
        if ext in out:
            out[ext].append(p)
    return out


# ---------------------------------------------------------------- parse


def referat_bench(files: list[Path], threads: int, with_index: bool = False) -> dict:
    cmd = [str(REFERAT), "bench", "--json", "--threads", str(threads), "--slowest", "3"]
    if with_index:
        cmd.append("--with-index")
    r = subprocess.run(cmd + [str(f) for f in files], text=True, capture_output=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"referat bench failed: {r.stderr}")
    return json.loads(r.stdout)


def run_per_file(cmd_of, files: list[Path], threads: int) -> float:
    """Wall seconds to run one process per file, `threads` at a time."""
    def one(f: Path) -> None:
        subprocess.run(cmd_of(f), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    t = time.perf_counter()
    with cf.ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(one, files))
    return time.perf_counter() - t


class TextOnly(html.parser.HTMLParser):
    """html.parser-based extraction: the text outside script and style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_parser_text(path: str) -> int:
    p = TextOnly()
    p.feed(Path(path).read_text(encoding="utf-8", errors="replace"))
    p.close()
    return len("".join(p.parts))


def python_html(files: list[Path], threads: int) -> float:
    t = time.perf_counter()
    if threads == 1:
        for f in files:
            html_parser_text(str(f))
    else:
        with cf.ProcessPoolExecutor(max_workers=threads) as pool:
            list(pool.map(html_parser_text, [str(f) for f in files], chunksize=16))
    return time.perf_counter() - t


BASELINES = {
    "pdf": {
        "pdftotext": lambda f: ["pdftotext", "-q", str(f), "-"],
        "mutool draw -F txt": lambda f: ["mutool", "draw", "-q", "-F", "txt", "-o", "-", str(f)],
    },
    "docx": {"pandoc -t plain": lambda f: ["pandoc", "-t", "plain", str(f)]},
    "html": {"pandoc -f html -t plain": lambda f: ["pandoc", "-f", "html", "-t", "plain", str(f)]},
}


# What one run of the tool costs doing nothing: subtracted to show the
# extraction cost alone (pandoc's start-up is so large it is not subtracted).
STARTUP = {"pdftotext": ["pdftotext", "-v"], "mutool draw -F txt": ["mutool", "-v"]}


def parse_throughput(sample: dict[str, list[Path]], cores: list[int]) -> list[dict]:
    rows = []
    for fmt, files in sample.items():
        mb = sum(f.stat().st_size for f in files) / 1e6
        for threads in cores:
            log(f"parse {fmt} x{len(files)} on {threads} thread(s)")
            rb = referat_bench(files, threads)
            rows.append(row(fmt, "referat", threads, len(files), mb, rb["wall_seconds"], rb))
            for tool, cmd_of in BASELINES[fmt].items():
                seconds = run_per_file(cmd_of, files, threads)
                rows.append(row(fmt, tool, threads, len(files), mb, seconds))
                if tool in STARTUP:
                    # The same number of processes doing nothing: what start-up costs.
                    idle = run_per_file(lambda f, t=tool: STARTUP[t], files, threads)
                    rows.append(row(fmt, f"{tool} minus start-up", threads, len(files), mb, max(1e-9, seconds - idle)))
            if fmt == "html":
                rows.append(row(fmt, "python html.parser", threads, len(files), mb, python_html(files, threads)))
    return rows


def row(fmt, tool, threads, n, mb, seconds, detail=None) -> dict:
    r = {
        "format": fmt, "tool": tool, "threads": threads, "files": n, "mb": mb, "seconds": seconds,
        "docs_per_second": n / seconds if seconds else 0.0, "mb_per_second": mb / seconds if seconds else 0.0,
    }
    if detail is not None:
        r["referat_bench"] = detail
    return r


# ---------------------------------------------------------------- ingest


def ingest(corpus: Path, index: Path) -> dict:
    log(f"ingest {corpus}")
    shutil.rmtree(index, ignore_errors=True)
    t = time.perf_counter()
    r = subprocess.run(
        ["/usr/bin/time", "-f", "%M", str(REFERAT), "--index", str(index), "ingest", str(corpus)],
        text=True, capture_output=True,
    )
    seconds = time.perf_counter() - t
    peak_kb = int(r.stderr.strip().splitlines()[-1])
    n = sum(1 for p in corpus.rglob("*") if p.suffix in (".pdf", ".docx", ".html"))
    size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    return {
        "documents": n, "seconds": seconds, "docs_per_second": n / seconds, "peak_rss_bytes": peak_kb * 1024,
        "index_bytes": size, "exit": r.returncode, "summary": r.stderr.strip().splitlines()[-2:-1],
    }


def export(index: Path, out: Path) -> int:
    """The records as JSON lines; returns the bytes of their `text`."""
    with out.open("w", encoding="utf-8") as f:
        subprocess.run([str(REFERAT), "--index", str(index), "export"], stdout=f, check=True)
    total = 0
    with out.open(encoding="utf-8") as f:
        for line in f:
            total += len(json.loads(line).get("text", "").encode("utf-8"))
    return total


# ---------------------------------------------------------------- queries


def persons_of(rec: dict) -> str:
    people = []
    for key in ("attendees", "absent", "absent_without_notice", "guests"):
        people += [p.get("name", "") for p in rec.get(key) or []]
    for key in ("minute_taker", "author"):
        if rec.get(key):
            people.append(rec[key].get("name", ""))
    return "; ".join(people)


def percentiles(times_ms: list[float]) -> dict:
    times_ms = sorted(times_ms)

    def pct(p):
        return times_ms[round((len(times_ms) - 1) * p)]

    return {"p50_ms": pct(0.5), "p95_ms": pct(0.95), "p99_ms": pct(0.99), "mean_ms": statistics.fmean(times_ms), "runs": len(times_ms)}


def fts5_queries(export_path: Path, work: Path, repeat: int) -> dict:
    (work / "fts.sqlite").unlink(missing_ok=True)  # one database per corpus size
    db = sqlite3.connect(work / "fts.sqlite")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(text, persons, tokenize='unicode61 remove_diacritics 0')")
    db.execute("CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, date TEXT)")
    with export_path.open(encoding="utf-8") as f:
        for i, line in enumerate(f, start=1):
            rec = json.loads(line)
            db.execute("INSERT INTO docs(rowid, text, persons) VALUES (?,?,?)", (i, rec.get("text", ""), persons_of(rec)))
            db.execute("INSERT INTO meta VALUES (?,?,?)", (i, rec.get("id"), rec.get("date")))
    db.execute("CREATE INDEX meta_date ON meta(date)")
    db.commit()
    queries = {
        "word": ("SELECT m.id FROM docs d JOIN meta m ON m.rowid = d.rowid WHERE docs MATCH ? ORDER BY rank LIMIT 20", ("text: økonomi",)),
        "phrase": ("SELECT m.id FROM docs d JOIN meta m ON m.rowid = d.rowid WHERE docs MATCH ? ORDER BY rank LIMIT 20", ('text: "nyt udsatteråd"',)),
        "person": ("SELECT m.id FROM docs d JOIN meta m ON m.rowid = d.rowid WHERE docs MATCH ? ORDER BY rank LIMIT 20", ('persons: "mette hansen"',)),
        "date range": ("SELECT id FROM meta WHERE date BETWEEN ? AND ? ORDER BY date DESC LIMIT 20", ("2019-01-01", "2020-12-31")),
        "combined": (
            "SELECT m.id FROM docs d JOIN meta m ON m.rowid = d.rowid WHERE docs MATCH ? AND m.date BETWEEN ? AND ? ORDER BY rank LIMIT 20",
            ("text: boliger AND persons: hansen", "2018-01-01", "2021-12-31"),
        ),
    }
    count_sql = {
        "date range": ("SELECT count(*) FROM meta WHERE date BETWEEN ? AND ?", ("2019-01-01", "2020-12-31")),
    }
    out = {}
    for name, (sql, params) in queries.items():
        for _ in range(10):
            db.execute(sql, params).fetchall()
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            db.execute(sql, params).fetchall()
            times.append((time.perf_counter() - t) * 1e3)
        if name in count_sql:
            hits = db.execute(*count_sql[name]).fetchone()[0]
        else:
            hits = len(db.execute(sql.replace("LIMIT 20", ""), params).fetchall())
        out[name] = dict(percentiles(times), hits=hits)
    db.close()
    return out


def rg_queries(export_path: Path, work: Path, repeat: int) -> dict:
    """ripgrep over one line of text per document: date, persons, text."""
    lines = work / "docs.txt"
    with export_path.open(encoding="utf-8") as f, lines.open("w", encoding="utf-8") as out:
        for line in f:
            rec = json.loads(line)
            text = " ".join(rec.get("text", "").split())
            out.write(f"{rec.get('date') or '-'}\t{persons_of(rec)}\t{text}\n")
    f = str(lines)
    queries = {
        "word": f"rg -c -i -w økonomi {f}",
        "phrase": f"rg -c -i 'nyt\\s+udsatteråd' {f}",
        "person": f"rg -c -i 'mette hansen' {f}",
        "date range": f"rg -c '^20(19|20)-' {f}",
        "combined": f"rg -i -w boliger {f} | rg -i hansen | rg -c '^20(18|19|20|21)-'",
    }
    out_q = {}
    for name, cmd in queries.items():
        times = []
        hits = 0
        for _ in range(repeat):
            t = time.perf_counter()
            r = subprocess.run(cmd, shell=True, text=True, capture_output=True)
            times.append((time.perf_counter() - t) * 1e3)
            hits = int(r.stdout.strip() or 0)
        out_q[name] = dict(percentiles(times), hits=hits)
    return out_q


def referat_cli_queries(index: Path, repeat: int) -> dict:
    """`referat search` as a process per query: start-up and index opening included.

    One untimed run per query first: the first `--person` search after an
    ingest resolves the people of the whole index and caches them beside it
    (`referat persons` does the same), which later searches reuse.
    """
    out = {}
    for entry in MIX:
        cmd = [str(REFERAT), "--index", str(index), "search", "--json", "--limit", "20"]
        for key, flag in (("person", "--person"), ("from", "--from"), ("to", "--to")):
            if key in entry:
                cmd += [flag, entry[key]]
        if "text" in entry:
            cmd.append(entry["text"])
        subprocess.run(cmd, text=True, capture_output=True)
        times = []
        hits = 0
        for _ in range(repeat):
            t = time.perf_counter()
            r = subprocess.run(cmd, text=True, capture_output=True)
            times.append((time.perf_counter() - t) * 1e3)
            hits = len(json.loads(r.stdout or "[]"))
        out[entry["name"]] = dict(percentiles(times), hits=f"{hits} (page)")
    return out


def query_bench_binary() -> Path:
    """The newest build of benches/query.rs (built by `cargo bench --no-run --bench query`)."""
    found = [
        p for p in (REPO / "target" / "release" / "deps").glob("query-*")
        if p.is_file() and os.access(p, os.X_OK) and not p.suffix
    ]
    if not found:
        raise RuntimeError("build the query bench first: cargo bench --no-run --bench query")
    return max(found, key=lambda p: p.stat().st_mtime)


def referat_queries(index: Path, repeat: int) -> dict:
    r = subprocess.run(
        [str(query_bench_binary()), "--bench"],
        cwd=REPO, text=True, capture_output=True,
        env=dict(os.environ, REFERAT_BENCH_INDEX=str(index), REFERAT_BENCH_REPEAT=str(repeat)),
    )
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return json.loads(r.stdout.strip().splitlines()[-1])


def counts_bench_binary() -> Path:
    """The newest build of benches/counts.rs (built by `cargo bench --no-run --bench counts`)."""
    found = [
        p for p in (REPO / "target" / "release" / "deps").glob("counts-*")
        if p.is_file() and os.access(p, os.X_OK) and not p.suffix
    ]
    if not found:
        raise RuntimeError("build the counts bench first: cargo bench --no-run --bench counts")
    return max(found, key=lambda p: p.stat().st_mtime)


def referat_counts(index: Path, repeat: int) -> dict:
    """Timeline, facets and attendance (issue 20) on an existing index, in-process."""
    r = subprocess.run(
        [str(counts_bench_binary()), "--bench"],
        cwd=REPO, text=True, capture_output=True,
        env=dict(os.environ, REFERAT_BENCH_INDEX=str(index), REFERAT_BENCH_REPEAT=str(repeat)),
    )
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return json.loads(r.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes to ingest")
    ap.add_argument("--with-100k", action="store_true", help="also 100000 (long)")
    ap.add_argument("--parse-sample", type=int, default=100, help="files per format for the parse comparison")
    ap.add_argument("--repeat", type=int, default=300, help="runs per query (in-process tools)")
    ap.add_argument("--rg-repeat", type=int, default=30, help="runs per query for ripgrep")
    ap.add_argument("--repeat-100k", type=int, default=60,
                    help="runs per query for the in-process tools at 100k (FTS5 takes seconds per run there)")
    ap.add_argument("--rg-repeat-100k", type=int, default=5,
                    help="runs per query for ripgrep and the CLI at 100k")
    ap.add_argument("--results", type=Path, default=REPO / "target" / "bench-results.json")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--render-only", action="store_true", help="render BENCHMARKS.md from --results")
    ap.add_argument("--queries-on", type=Path, metavar="INDEX",
                    help="only redo the query comparison on an existing index, merged into --results")
    ap.add_argument("--counts-on", type=Path, metavar="INDEX",
                    help="only time timeline, facets and attendance on an existing index; prints JSON")
    args = ap.parse_args()
    if args.counts_on:
        if not args.no_build:
            sh(["cargo", "bench", "--no-run", "--bench", "counts"], cwd=REPO)
        print(json.dumps(referat_counts(args.counts_on, 20), indent=2))
        return
    if args.queries_on:
        results = json.loads(args.results.read_text())
        with tempfile.TemporaryDirectory(prefix="referat-bench-q-") as tmp:
            work = Path(tmp)
            exp = work / "export.jsonl"
            export(args.queries_on, exp)
            n = sum(1 for _ in exp.open(encoding="utf-8"))
            try:
                referat_q = referat_queries(args.queries_on, args.repeat)
            except RuntimeError as e:
                log(f"query bench: {e}")
                referat_q = {}
            results.setdefault("queries_by_size", {})[str(n)] = {
                "documents": n,
                "referat": referat_q,
                "referat_cli": referat_cli_queries(args.queries_on, args.rg_repeat),
                "sqlite_fts5": fts5_queries(exp, work, args.repeat),
                "ripgrep": rg_queries(exp, work, args.rg_repeat),
            }
        args.results.write_text(json.dumps(results, indent=2, default=str))
        render(results)
        return
    if args.render_only:
        render(json.loads(args.results.read_text()))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_100k and 100000 not in sizes:
        sizes.append(100000)
    sizes.sort()
    results: dict = {"machine": machine(), "sizes": sizes}
    if not args.no_build:
        build()
    corpora = {n: generate(n) for n in sizes}
    smallest = files_by_format(corpora[sizes[0]])
    sample = {fmt: files[: args.parse_sample] for fmt, files in smallest.items()}
    cores = sorted({1, os.cpu_count() or 1})
    results["parse"] = parse_throughput(sample, cores)
    with tempfile.TemporaryDirectory(prefix="referat-bench-run-") as tmp:
        work = Path(tmp)
        results["ingest"] = {}
        # Query latency at 10k and at 100k (with --with-100k), or at the
        # largest size when the run stays below 10k.
        query_sizes = {n for n in sizes if n >= 10000} or {max(sizes)}
        results["queries_by_size"] = {}
        for n in sizes:
            index = work / f"index-{n}"
            res = ingest(corpora[n], index)
            exp = work / f"export-{n}.jsonl"
            res["text_bytes"] = export(index, exp)
            res["index_per_text_byte"] = res["index_bytes"] / max(1, res["text_bytes"])
            results["ingest"][str(n)] = res
            log(f"ingest {n}: {res['docs_per_second']:.1f} docs/s, peak {res['peak_rss_bytes'] / 1e6:.0f} MB")
            if n == sizes[0]:
                log("cross-check: referat bench --with-index on the same files")
                results["bench_with_index"] = referat_bench([corpora[n]], os.cpu_count() or 1, with_index=True)
            if n in query_sizes:
                repeat = args.repeat_100k if n >= 100000 else args.repeat
                rg_repeat = args.rg_repeat_100k if n >= 100000 else args.rg_repeat
                log(f"queries at {n} ({repeat} runs per query in-process, {rg_repeat} per process)")
                try:
                    referat_q = referat_queries(index, repeat)
                except RuntimeError as e:
                    log(f"query bench failed: {e}; keeping the index at {args.results.parent / 'bench-index'}")
                    shutil.copytree(index, args.results.parent / "bench-index", dirs_exist_ok=True)
                    referat_q = {}
                results["queries_by_size"][str(n)] = {
                    "documents": n,
                    "repeat": repeat,
                    "rg_repeat": rg_repeat,
                    "referat": referat_q,
                    "referat_cli": referat_cli_queries(index, rg_repeat),
                    "sqlite_fts5": fts5_queries(exp, work, repeat),
                    "ripgrep": rg_queries(exp, work, rg_repeat),
                }
                (work / "fts.sqlite").unlink(missing_ok=True)
            shutil.rmtree(index, ignore_errors=True)
            exp.unlink(missing_ok=True)
    results["machine"]["load_at_end"] = os.getloadavg()[0]
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2, default=str))
    log(f"results: {args.results}")
    render(results)


def render(results: dict) -> None:
    sys.path.insert(0, str(REPO / "benches"))
    import report  # noqa: E402  (benches/report.py)

    (REPO / "BENCHMARKS.md").write_text(report.markdown(results), encoding="utf-8")
    log("wrote BENCHMARKS.md")


if __name__ == "__main__":
    main()
