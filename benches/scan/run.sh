#!/usr/bin/env bash
# Scan throughput: `ecodes scan` next to GNU grep and ripgrep with the same pattern, on the same
# generated logs: one log; two logs, ecodes serial (--jobs 1) and parallel; the log gzipped;
# and the formats that print every line (serial against parallel).
#
# Usage: benches/scan/run.sh [SIZE_MB]   (default 250; the logs go to $TMPDIR, not the repo)
#
# Environment:
#   RUNS      timed runs per command (default 5), after one warm-up run
#   SECTIONS  which sections to run, of: one, single, two, gzip, stream, backends, catalogs
#             (default "one two gzip stream"). `single` times one log read from a file and from standard
#             input, to compare builds given with ECODES; `backends` builds ecodes with each gzip
#             backend, zlib-rs (the default) and miniz_oxide, and times both on two gzip logs;
#             `catalogs` times one log with the default forms of other catalogs: a generated
#             one of 10,000 codes, each with a C symbol, and the foreign fixtures
#   ECODES    an ecodes binary to measure instead of building one
#   ATTEMPTS, PAUSE  up to how many times to repeat a command's runs when other jobs used the
#             CPU meanwhile (default 4), and how many seconds to wait before a repeat (20)
#   CARGO_TARGET_DIR  where cargo builds, as for cargo
#
# Needs GNU grep and gzip. Measures ripgrep too when `rg` is installed (`cargo install --locked
# ripgrep`: a peer to compare with, not a dependency), and says so when it is not. Times with
# hyperfine when it is installed; otherwise runs each command RUNS times with bash's `time` and
# prints the median wall time, its range, and the median user and system times. Either way
# every command writes to a pipe: GNU grep stops at its first match when its output is
# /dev/null. The load average is printed at the start and end of each section, since other jobs
# on the machine skew the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb=${1:-250}
runs=${RUNS:-5}
sections=${SECTIONS:-one two gzip stream}
dir=${TMPDIR:-/tmp}/ecodes-scan-bench
mkdir -p "$dir"

if [ -n "${ECODES:-}" ]; then
    ecodes=$ECODES
else
    cargo build --release --locked -p ecodes-cli
    ecodes=${CARGO_TARGET_DIR:-$PWD/target}/release/ecodes
fi

have() { command -v "$1" > /dev/null 2>&1; }
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(date +%T))"; }
if have rg; then
    rg=rg
else
    rg=
    echo "ripgrep (rg) is not installed: its rows are skipped (cargo install --locked ripgrep)"
fi

# A log made of the demo logs' lines (2% of lines carry a code) plus plain lines, repeated up to
# SIZE_MB megabytes (10^6 bytes); the second log is a copy, the .gz files are gzip -6 of them.
log=$dir/big-$size_mb.log
log2=$dir/big2-$size_mb.log
if [ ! -s "$log.gz" ] || [ ! -s "$log2.gz" ]; then
    {
        cat demo/work-machine.log demo/dr-machine.log
        for i in $(seq 1 400); do
            echo "Mar  2 10:15:$((i % 60)) dr01 sdatad[2211]: [mirror] r-0412 sent $((i * 7)) blocks, wrote $((i * 28)) KB, window 3530"
        done
    } > "$dir/unit.log"
    unit=$(stat -c %s "$dir/unit.log")
    units=$(( (size_mb * 1000000 + unit - 1) / unit ))
    for _ in $(seq 1 100); do cat "$dir/unit.log"; done > "$dir/block.log"
    {
        for _ in $(seq 1 $((units / 100))); do cat "$dir/block.log"; done
        for _ in $(seq 1 $((units % 100))); do cat "$dir/unit.log"; done
    } > "$log"
    cp "$log" "$log2"
    gzip -6 -c "$log" > "$log.gz"
    cp "$log.gz" "$log2.gz"
    rm "$dir/block.log"
fi

# The default pattern, as a POSIX ERE for grep -E (same three forms, ASCII case-insensitive
# keywords; GNU grep's \b and \B). ripgrep is given the same file.
ere='[Ee][Rr][Rr]([Oo][Rr])?([ _-]?([Cc][Oo][Dd][Ee]|[Nn][Oo]|[Nn][Uu][Mm]))?[ 	]*[:=#][ 	]*[0-9]+\b|\b[Ee][Rr][Rr]([Oo][Rr])?[ _-]?([Cc][Oo][Dd][Ee]|[Nn][Oo]|[Nn][Uu][Mm])[ 	]+[0-9]+\b|\bE[0-9]+\b|\B\[[0-9]+\]'
printf '%s\n' "$ere" > "$dir/ere.txt"
grep_e="grep -cE -f $dir/ere.txt"
# The forms `scan` looks for with the product's catalog (`Forms::new`: keyword, subsystem-name,
# status, request-log and message-confirmed forms), written by hand for grep -E in forms.ere:
# the same regular language, without what grep cannot do (a code counts only if the catalog
# has it, or its message is on the line). Rewrite it when the forms change.
grep_forms="grep -cE -f benches/scan/forms.ere"
rg_e="rg -c -f $dir/ere.txt"

echo "ecodes: $ecodes"
echo "log: $log, $(stat -c %s "$log") bytes, $(wc -l < "$log") lines; gzip: $(stat -c %s "$log.gz") bytes"
echo "$(nproc) cores; $(grep --version | head -1)${rg:+; $(rg --version | head -1)}"
echo "lines with a code: grep $(LC_ALL=C $grep_e "$log")${rg:+, rg $($rg_e "$log")}, ecodes $("$ecodes" scan --summary --unknown --format json "$log" | grep -o '"lines_with_codes": *[0-9]*' | grep -o '[0-9]*$')"

bytes=$(stat -c %s "$log")
export LC_ALL=C TIMEFORMAT='%R %U %S'

# busy: CPU time used on the whole machine so far, by everyone, in seconds (from /proc/stat).
busy() { awk '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / 100 }' /proc/stat; }

# median FILE COLUMN: the median of a column of numbers.
median() { cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# section TITLE MB COMMAND...: times the commands, each writing to a pipe. MB is how much log
# text each command reads, for the MB/s column.
section() {
    local title=$1 mb=$2
    shift 2
    echo
    echo "## $title"
    load
    if have hyperfine; then
        # Through a shell, for the pipelines; hyperfine subtracts its start-up time.
        hyperfine --output=pipe --warmup 1 --runs "$runs" "$@"
    else
        echo
        # "others" is the CPU time the rest of the machine used while the command ran, per run:
        # near 0 when nothing else ran. When it is over 0.03 s plus 5% of the command's time,
        # the runs are repeated after a pause, up to ATTEMPTS times, and the quietest attempt is
        # shown ("attempt" says which). Peak RSS is from one more run, under /usr/bin/time.
        echo "| command | median s | min-max s | MB/s | user s | system s | others s | attempt | peak RSS MB |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        local command times best
        times=$(mktemp)
        best=$(mktemp)
        exec 3>&2
        for command in "$@"; do
            # The first run is a warm-up, not kept.
            eval "$command" 2>&3 | cat > /dev/null
            local attempt others least= quietest=0
            for attempt in $(seq 1 "${ATTEMPTS:-4}"); do
                : > "$times"
                local before after
                before=$(busy)
                for _ in $(seq 1 "$runs"); do
                    { time { eval "$command" 2>&3 | cat > /dev/null; }; } 2>> "$times"
                done
                after=$(busy)
                others=$(awk -v b="$before" -v a="$after" -v n="$runs" \
                    '{ own += $2 + $3 } END { o = (a - b - own) / n; printf "%.2f", o < 0 ? 0 : o }' "$times")
                if [ -z "$least" ] || awk -v o="$others" -v l="$least" 'BEGIN { exit !(o < l) }'; then
                    least=$others
                    quietest=$attempt
                    cp "$times" "$best"
                fi
                if awk -v o="$others" -v t="$(median "$times" 1)" 'BEGIN { exit !(o <= 0.03 + 0.05 * t) }'; then
                    break
                fi
                [ "$attempt" -lt "${ATTEMPTS:-4}" ] && sleep "${PAUSE:-20}"
            done
            cp "$best" "$times"
            others=$least
            local rss=
            if [ -x /usr/bin/time ] && [[ $command != *[\|\<]* ]]; then
                # shellcheck disable=SC2086 # the command is split into its words on purpose
                /usr/bin/time -o "$times.rss" -f '%M' $command | cat > /dev/null
                rss=$(awk '{ kb = $1 } END { printf "%.1f", kb / 1024 }' "$times.rss")
            fi
            local real
            real=$(median "$times" 1)
            local shown=${command//$dir\//}
            printf '| `%s` | %.3f | %.3f-%.3f | %.0f | %.3f | %.3f | %s | %s | %s |\n' \
                "${shown//$ecodes/ecodes}" "$real" \
                "$(cut -d' ' -f1 "$times" | sort -g | head -1)" \
                "$(cut -d' ' -f1 "$times" | sort -g | tail -1)" \
                "$(awk -v mb="$mb" -v s="$real" 'BEGIN { print mb / s }')" \
                "$(median "$times" 2)" "$(median "$times" 3)" "$others" "$quietest" "$rss"
        done
        exec 3>&-
        rm -f "$times" "$times.rss" "$best"
    fi
    load
}

mb=$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')
mb2=$(awk -v b="$bytes" 'BEGIN { print 2 * b / 1e6 }')
for name in $sections; do
    case $name in
        one)
            section "One log" "$mb" \
                "$grep_e $log" \
                "$grep_forms $log" \
                ${rg:+"$rg_e $log"} \
                "$ecodes scan --summary --jobs 1 $log" \
                "$ecodes scan --summary $log"
            ;;
        single)
            # One input and standard input take the serial path, without threads.
            section "One log, from a file and from standard input" "$mb" \
                "$ecodes scan --summary $log" \
                "$ecodes scan --summary < $log" \
                "$ecodes scan $log" \
                "$ecodes scan < $log"
            ;;
        two)
            section "Two logs" "$mb2" \
                "$grep_e $log $log2" \
                ${rg:+"$rg_e -j1 $log $log2"} \
                ${rg:+"$rg_e $log $log2"} \
                "$ecodes scan --summary --jobs 1 $log $log2" \
                "$ecodes scan --summary $log $log2"
            ;;
        gzip)
            section "Gzip" "$mb" \
                "gzip -dc $log.gz | $grep_e" \
                ${rg:+"$rg_e -z $log.gz"} \
                "$ecodes scan --summary $log.gz"
            section "Two gzip logs" "$mb2" \
                ${rg:+"$rg_e -z -j1 $log.gz $log2.gz"} \
                ${rg:+"$rg_e -z $log.gz $log2.gz"} \
                "$ecodes scan --summary --jobs 1 $log.gz $log2.gz" \
                "$ecodes scan --summary $log.gz $log2.gz"
            ;;
        stream)
            section "Two logs, every line printed" "$mb2" \
                "grep -nE -f $dir/ere.txt $log $log2" \
                ${rg:+"rg -n -j1 -f $dir/ere.txt $log $log2"} \
                "$ecodes scan --jobs 1 $log $log2" \
                "$ecodes scan $log $log2" \
                "$ecodes scan --format json --jobs 1 $log $log2" \
                "$ecodes scan --format json $log $log2"
            ;;
        backends)
            # The default build decodes with zlib-rs; --no-default-features with flate2's own
            # default, miniz_oxide. Both binaries are copied out, as the second build replaces
            # target/release/ecodes.
            cargo build --release --locked -p ecodes-cli --no-default-features
            cp "${CARGO_TARGET_DIR:-$PWD/target}/release/ecodes" "$dir/ecodes-miniz"
            cargo build --release --locked -p ecodes-cli
            cp "${CARGO_TARGET_DIR:-$PWD/target}/release/ecodes" "$dir/ecodes-zlib-rs"
            # The benchmark log repeats one 40 kB unit, which gzip squeezes into long matches;
            # a log whose every line differs (timestamps, ids, durations) is closer to a real
            # one, with shorter matches, so both are measured.
            varied=$dir/varied-$size_mb.log
            if [ ! -s "$varied.gz" ]; then
                awk -v limit="$((size_mb * 1000000))" 'BEGIN {
                    srand(1)
                    split("3519 3522 3523 3527 3530 3534 3540 4008 4104 4350 6074 9999", codes)
                    for (bytes = 0; bytes < limit; bytes += length(line) + 1) {
                        i++
                        line = sprintf("2025-03-02T%02d:%02d:%06.3fZ node%02d app[%d]: req=%08x user=%d took %dms",
                            int(i / 360000) % 24, int(i / 6000) % 60, (i % 6000) / 100, int(rand() * 16),
                            1000 + int(rand() * 30000), int(rand() * 4294967295), int(rand() * 100000),
                            int(rand() * rand() * 5000))
                        r = rand()
                        if (r < 0.01) line = line " failed: errcode=" codes[1 + int(rand() * 12)]
                        else if (r < 0.02) line = line " E" codes[1 + int(rand() * 12)] " retrying"
                        else line = line " ok"
                        print line
                    }
                }' > "$varied"
                gzip -6 -c "$varied" > "$varied.gz"
                rm "$varied"
            fi
            echo "varied log: $(gzip -dc "$varied.gz" | wc -c) bytes, gzip $(stat -c %s "$varied.gz") bytes"
            section "Gzip backends, the benchmark log" "$mb" \
                "$dir/ecodes-miniz scan --summary $log.gz" \
                "$dir/ecodes-zlib-rs scan --summary $log.gz" \
                "gzip -dc $log.gz" \
                "$dir/ecodes-zlib-rs scan --summary $log"
            section "Gzip backends, a log whose lines differ" "$size_mb" \
                "$dir/ecodes-miniz scan --summary $varied.gz" \
                "$dir/ecodes-zlib-rs scan --summary $varied.gz" \
                "gzip -dc $varied.gz"
            ;;
        catalogs)
            # 10,000 codes, each with a C symbol (`VENDOR_E00001_TIMEOUT`) and a message of its
            # own: the symbols go into one Aho-Corasick automaton, the messages confirm numbers.
            symbols=$dir/symbols-10000.csv
            awk 'BEGIN {
                print "code,subsystem,name,severity,message_en,aliases"
                split("Timeout Refused Denied Missing Corrupt Busy Full Closed", words)
                for (i = 1; i <= 10000; i++) {
                    word = words[1 + i % 8]
                    printf "%d,Part%d,%s%05d,Error,%s number %d in part %d,VENDOR_E%05d_%s\n",
                        i, int(i / 1000), word, i, tolower(word), i, int(i / 1000), i, toupper(word)
                }
            }' > "$symbols"
            section "One log, the default forms of each catalog" "$mb" \
                "$grep_e $log" \
                "$ecodes scan --summary $log" \
                "$ecodes --catalog $symbols scan --summary $log" \
                "$ecodes --catalog tests/fixtures/catalogs/errno.csv scan --summary $log" \
                "$ecodes --catalog tests/fixtures/catalogs/ntstatus.csv scan --summary $log" \
                "$ecodes --catalog tests/fixtures/catalogs/sqlstate.csv scan --summary $log"
            ;;
        *)
            echo "unknown section $name (one, single, two, gzip, stream, backends, catalogs)" >&2
            exit 2
            ;;
    esac
done
