#!/usr/bin/env python3
"""Tabulates divan's output of the runtime benchmark: ns per operation (median / 1024) by
catalog and operation, ecodes against the hand-written `match`, with the ratio.

    cargo bench --manifest-path benches/runtime/Cargo.toml > run.txt
    python3 benches/runtime/table.py run.txt [run2.txt ...]   # several runs: median of medians
"""
import re
import statistics
import sys

UNITS = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
OPS_PER_ITERATION = 1024


def parse(path):
    """{(catalog, operation, implementation): ns/op} from one divan run."""
    stack = []
    results = {}
    for line in open(path, encoding="utf-8"):
        match = re.match(r"^([│ ]*)[├╰]─ (\S.*?)\s{2,}(.*)$", line.rstrip("\n"))
        if not match:
            continue
        depth = len(match.group(1)) // 3
        name = match.group(2).strip()
        stack[depth:] = [name]
        cells = [cell.strip() for cell in match.group(3).split("│")]
        if len(cells) < 3 or not cells[2]:
            continue
        value, unit = cells[2].split()
        ns = float(value) * UNITS[unit] / OPS_PER_ITERATION
        if len(stack) == 3:
            results[tuple(stack)] = ns
        elif len(stack) == 2:
            results[(stack[0], stack[1], "")] = ns
    return results


def main(paths):
    runs = [parse(path) for path in paths]
    keys = sorted(set().union(*runs))
    merged = {key: statistics.median(run[key] for run in runs if key in run) for key in keys}
    for catalog in ["real", "clustered", "sparse", "contiguous"]:
        print(f"\n#### {catalog}\n")
        print("| ns/op | ecodes | match | ecodes ÷ match | num_enum+strum | phf |")
        print("|---|---:|---:|---:|---:|---:|")
        operations = sorted({key[1] for key in keys if key[0] == catalog and key[2]},
                            key=lambda op: (op.startswith("then_"), op))
        for op in operations:
            get = lambda impl: merged.get((catalog, op, impl))
            ecodes, matching = get("ecodes"), get("match")
            fmt = lambda ns: "–" if ns is None else f"{ns:.2f}"
            ratio = f"{ecodes / matching:.2f}×" if ecodes and matching else "–"
            print(f"| `{op}` | {fmt(ecodes)} | {fmt(matching)} | {ratio} | "
                  f"{fmt(get('num_enum+strum'))} | {fmt(get('phf'))} |")
        baseline = merged.get((catalog, "baseline", ""))
        if baseline:
            print(f"\nThe sample loop alone: {baseline:.2f} ns/op.")


if __name__ == "__main__":
    main(sys.argv[1:])
