#!/usr/bin/env bash
# Peak memory (maximum resident set size) of `channelshift run` per shipped
# scenario and number of trials: the memory benchmark docs/performance.md quotes.
#
#   scripts/memory-bench.sh [TRIALS...]        default: 100000 1000000
#
# Needs GNU time (/usr/bin/time, Debian package "time"). Builds the release
# binary first. Each run writes to a temporary directory, without charts and
# sensitivity (they work from a fixed subset and add little memory).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "memory-bench.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
cargo build --release --locked --quiet
trials=("$@")
[ ${#trials[@]} -eq 0 ] && trials=(100000 1000000)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-40s %10s %12s %10s\n' scenario trials peak_MiB seconds
for f in scenarios/*.toml; do
    for n in "${trials[@]}"; do
        log="$out/time.txt"
        if /usr/bin/time -f '%M %e' -o "$log" ./target/release/channelshift run "$f" \
            --trials "$n" --seed 1 --no-charts --no-sensitivity --quiet --out "$out/run" >/dev/null 2>"$out/err"; then
            read -r kb secs <"$log"
            printf '%-40s %10s %12.0f %10s\n' "$(basename "$f")" "$n" "$((kb / 1024))" "$secs"
        else
            printf '%-40s %10s %12s %10s  (%s)\n' "$(basename "$f")" "$n" - - "$(head -c 120 "$out/err" | tr '\n' ' ')"
        fi
    done
done
