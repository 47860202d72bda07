#!/usr/bin/env bash
# Whole-process speed of this checkout against another build, in one run so
# that the machine's speed cancels out (the speed issue's rule).
#
#   scripts/speed-vs.sh REV [TRIALS] [ROUNDS] [THREADS]
#
# Builds git revision REV (in a worktree under ${TMPDIR:-/tmp}) and this
# checkout in release mode, then runs both builds alternately, ROUNDS times
# (default 5), on the two benchmark scenarios:
#   channelshift run FILE --trials TRIALS --seed 5 --threads THREADS \
#       --no-charts --no-sensitivity --quiet
# (TRIALS default 100000, THREADS default 1) and prints every round's wall
# and user seconds, the medians and the speed-up (REV's median / this one's).
# Each build runs the scenario file as its own checkout has it (an older
# build cannot read keys added since): where the file changed in between,
# the two builds compute different models, and the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: scripts/speed-vs.sh REV [TRIALS] [ROUNDS] [THREADS]}
trials=${2:-100000}
rounds=${3:-5}
threads=${4:-1}
tmp=${TMPDIR:-/tmp}
base_dir="$tmp/channelshift-speed-$(git rev-parse --short "$rev")"
if [ ! -d "$base_dir" ]; then
    git worktree add --detach "$base_dir" "$rev" >/dev/null
fi
echo "building $rev in $base_dir ..." >&2
(cd "$base_dir" && cargo build --release --locked --quiet)
echo "building this checkout ..." >&2
cargo build --release --locked --quiet
base="$base_dir/target/release/channelshift"
this="target/release/channelshift"
out="$tmp/channelshift-speed-out"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
for file in tests/data/every-input-uncertain.toml scenarios/vallensbaek-2012.toml; do
    : >"$out.base"
    : >"$out.this"
    for round in $(seq "$rounds"); do
        for which in base this; do
            bin=${!which}
            scenario=$file
            [ "$which" = base ] && scenario="$base_dir/$file"
            /usr/bin/time -f "%e %U" -o "$out.time" "$bin" run "$scenario" --trials "$trials" --seed 5 \
                --threads "$threads" --no-charts --no-sensitivity --quiet --out "$out.dir" >/dev/null
            read -r wall user <"$out.time"
            echo "$wall $user" >>"$out.$which"
            echo "$(basename "$file") round $round $which: ${wall} s wall, ${user} s user"
        done
    done
    if ! cmp -s "$file" "$base_dir/$file"; then
        echo "note: $file differs between $rev and this checkout (different models)"
    fi
    bw=$(cut -d' ' -f1 "$out.base" | median)
    tw=$(cut -d' ' -f1 "$out.this" | median)
    bu=$(cut -d' ' -f2 "$out.base" | median)
    tu=$(cut -d' ' -f2 "$out.this" | median)
    echo "$(basename "$file"), $trials trials, $threads thread(s): $rev median ${bw} s wall (${bu} s user), this ${tw} s wall (${tu} s user): $(awk -v b="$bw" -v t="$tw" 'BEGIN {printf "%.2f", b / t}') x"
done
