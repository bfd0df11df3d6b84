#!/bin/sh
# Run one built fuzz target for SECONDS (default 600) on its seed corpus.
# Build first: RUSTC_BOOTSTRAP=1 cargo fuzz build -O   (see FUZZING.md)
set -eu
cd "$(dirname "$0")"
t=$1; secs=${2:-600}
mkdir -p "artifacts/$t" "corpus/$t" logs
exec nice -n 10 "target/x86_64-unknown-linux-gnu/release/$t" "corpus/$t" \
  -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=262144 \
  -artifact_prefix="artifacts/$t/" -print_final_stats=1 > "logs/$t.log" 2>&1
