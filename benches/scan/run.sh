#!/usr/bin/env bash
# Scan throughput: `ecodes scan --summary` next to `grep -c` with an equivalent pattern, on the
# same generated log, in the same hyperfine run.
#
# Usage: benches/scan/run.sh [SIZE_MB]   (default 800; the log goes to $TMPDIR, not the repo)
# Needs hyperfine (apt-get install hyperfine) and GNU grep.
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb=${1:-800}
dir=${TMPDIR:-/tmp}/ecodes-scan-bench
mkdir -p "$dir"
log=$dir/big.log

cargo build --release --locked -p ecodes-cli
ecodes=$PWD/target/release/ecodes

# A log made of the demo logs' lines (about 2% carry a code) plus plain lines, repeated.
if [ ! -s "$log" ] || [ "$(du -m "$log" | cut -f1)" -lt "$size_mb" ]; then
    {
        cat demo/work-machine.log demo/dr-machine.log
        for i in $(seq 1 400); do
            echo "Mar  2 10:15:$((i % 60)) dr01 sdatad[2211]: [mirror] r-0412 sent $((i * 7)) blocks, wrote $((i * 28)) KB, window 3530"
        done
    } > "$dir/unit.log"
    : > "$log"
    while [ "$(du -m "$log" | cut -f1)" -lt "$size_mb" ]; do
        for _ in $(seq 1 2000); do cat "$dir/unit.log"; done >> "$log"
    done
fi

# The default pattern, as a POSIX ERE for grep -E (same three forms, ASCII case-insensitive
# keywords; GNU grep's \b and \B).
ere='[Ee][Rr][Rr]([Oo][Rr])?([ _-]?([Cc][Oo][Dd][Ee]|[Nn][Oo]|[Nn][Uu][Mm]))?[ 	]*[:=#][ 	]*[0-9]+\b|\b[Ee][Rr][Rr]([Oo][Rr])?[ _-]?([Cc][Oo][Dd][Ee]|[Nn][Oo]|[Nn][Uu][Mm])[ 	]+[0-9]+\b|\bE[0-9]+\b|\B\[[0-9]+\]'
printf '%s\n' "$ere" > "$dir/ere.txt"

echo "log: $(du -h "$log" | cut -f1), $(wc -l < "$log") lines; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "lines with a code: grep $(LC_ALL=C grep -cE -f "$dir/ere.txt" "$log"), ecodes: $("$ecodes" scan --summary --unknown --format json "$log" | grep -o '"lines_with_codes": *[0-9]*' || true)"
# --output=pipe: with output to /dev/null GNU grep stops at the first match.
LC_ALL=C hyperfine -N --output=pipe --warmup 1 --runs "${RUNS:-5}" \
    "grep -cE -f $dir/ere.txt $log" \
    "$ecodes scan --summary $log"
