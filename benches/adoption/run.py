#!/usr/bin/env python3
"""Adoption benchmark: a clean `cargo build` of a small product crate that uses ecodes (the
derive, `ecode!` and the product catalog) with thiserror and serde, against the same crate with
strum + num_enum in place of ecodes (the peer). Everything is compiled from scratch each run; the
two crates are built in turn (interleaved), `--runs` times each.

Usage: python3 benches/adoption/run.py [--runs 3] [--keep DIR]

Prints, per crate, every run's wall and CPU time (user + system of cargo and everything it
ran), the medians and the ecodes/peer ratios; then the `cargo build --timings` units whose
median duration differs most, and each crate's `cargo tree -e normal,build --duplicates`.
Needs the crates in the local registry cache or a network to crates.io (`cargo fetch` runs
first). The scratch crates go to a temporary folder (or DIR), never into the repository.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def scratch(folder):
    """Writes both crates under `folder`: the product crate depends on this checkout's ecodes,
    with the workspace's Cargo.lock, so that it builds what the workspace has locked."""
    crates = {}
    for name in ("product", "peer"):
        target = os.path.join(folder, name)
        shutil.copytree(os.path.join(HERE, name), target, dirs_exist_ok=True)
        crates[name] = target
    template = os.path.join(crates["product"], "Cargo.toml.in")
    with open(template, encoding="utf-8") as text:
        manifest = text.read().replace("@ECODES@", os.path.join(ROOT, "ecodes"))
    with open(os.path.join(crates["product"], "Cargo.toml"), "w", encoding="utf-8") as out:
        out.write(manifest)
    os.remove(template)
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), crates["product"])
    for crate in crates.values():
        subprocess.run(["cargo", "fetch", "-q"], cwd=crate, check=True)
    return crates


def build(crate):
    """One clean build: wall seconds, CPU seconds and the --timings units' durations."""
    shutil.rmtree(os.path.join(crate, "target"), ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(["cargo", "build", "-q", "--offline", "--timings"], cwd=crate, check=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, units(crate)


def units(crate):
    """Per unit (name, version and target kind), its duration, from cargo's timing report."""
    with open(os.path.join(crate, "target", "cargo-timings", "cargo-timing.html"), encoding="utf-8") as page:
        html = page.read()
    start = html.index("const UNIT_DATA = ") + len("const UNIT_DATA = ")
    data, _ = json.JSONDecoder().raw_decode(html[start:])
    durations = {}
    for unit in data:
        key = f"{unit['name']} {unit['version']}{unit['target']}"
        durations[key] = durations.get(key, 0.0) + unit["duration"]
    return durations


def tree(crate):
    out = subprocess.run(
        ["cargo", "tree", "--offline", "-e", "normal,build", "--duplicates"],
        cwd=crate,
        capture_output=True,
        text=True,
        check=True,
    )
    roots = [line for line in out.stdout.splitlines() if line and line[0].isalnum()]
    return ", ".join(roots) or "(none)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="write the crates here and keep them")
    args = parser.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="ecodes-adoption-")
    crates = scratch(folder)
    results = {name: [] for name in crates}
    load = lambda: " ".join(open("/proc/loadavg").read().split()[:3])  # noqa: E731
    print(f"load average at start: {load()}; {os.cpu_count()} cores; crates in {folder}")
    for run in range(args.runs):
        for name, crate in crates.items():
            wall, cpu, timing = build(crate)
            results[name].append((wall, cpu, timing))
            print(f"run {run + 1} {name:<8} wall {wall:6.2f} s  cpu {cpu:6.2f} s", flush=True)
    print(f"load average at end: {load()}\n")
    print("| crate | wall s (runs) | median wall s | CPU s (runs) | median CPU s |")
    print("|---|---|---:|---|---:|")
    medians = {}
    for name, runs in results.items():
        walls = [wall for wall, _, _ in runs]
        cpus = [cpu for _, cpu, _ in runs]
        medians[name] = (statistics.median(walls), statistics.median(cpus))
        print(
            f"| {name} | {', '.join(f'{w:.2f}' for w in walls)} | {medians[name][0]:.2f} "
            f"| {', '.join(f'{c:.2f}' for c in cpus)} | {medians[name][1]:.2f} |"
        )
    ratio_wall = medians["product"][0] / medians["peer"][0]
    ratio_cpu = medians["product"][1] / medians["peer"][1]
    print(f"\nproduct / peer: wall {ratio_wall:.2f}x, CPU {ratio_cpu:.2f}x\n")

    median_units = {}
    for name, runs in results.items():
        keys = set().union(*(timing.keys() for _, _, timing in runs))
        median_units[name] = {
            key: statistics.median(timing.get(key, 0.0) for _, _, timing in runs) for key in keys
        }
    keys = set(median_units["product"]) | set(median_units["peer"])
    rows = sorted(
        keys,
        key=lambda key: -abs(median_units["product"].get(key, 0.0) - median_units["peer"].get(key, 0.0)),
    )
    print("| unit (--timings) | product s | peer s |")
    print("|---|---:|---:|")
    for key in rows[:15]:
        product = median_units["product"].get(key)
        peer = median_units["peer"].get(key)
        show = lambda value: "-" if value is None else f"{value:.2f}"  # noqa: E731
        print(f"| {key} | {show(product)} | {show(peer)} |")
    print()
    for name, crate in crates.items():
        print(f"{name}: cargo tree -e normal,build --duplicates: {tree(crate)}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
