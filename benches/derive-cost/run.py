#!/usr/bin/env python3
"""Measures what `#[derive(ErrorCode)]` and `ecode!` add to the build of a product crate.

Three scratch crates under /tmp, on the same 200 catalog codes, built side by side:
  derive   - 20 thiserror enums x 10 variants with #[derive(ecodes::ErrorCode)] and #[ecode(CODE)],
             plus 200 ecode!(CODE) references;
  manual   - the same enums and references written by hand: an impl From<&E> for ecodes::Code
             with a match per enum, and the variant paths spelled out;
  baseline - the same enums with thiserror only, no codes at all.
Each is built with CARGO_INCREMENTAL=0 after its dependencies are built, `--runs` times; the
median wall and user+sys CPU seconds of compiling the crate itself are reported.

Usage: python3 benches/derive-cost/run.py [--runs 5]
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORK = "/tmp/ecodes-derive-cost"


def codes():
    with open(os.path.join(ROOT, "codes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [(int(r["code"]), r["subsystem"], r["name"]) for r in rows][:200]


def source(kind, entries):
    out = ["#![allow(dead_code)]", "use ecodes::Code;" if kind != "baseline" else ""]
    for e in range(20):
        chunk = entries[e * 10:(e + 1) * 10]
        derive = ", ecodes::ErrorCode" if kind == "derive" else ""
        out.append(f"#[derive(Debug, thiserror::Error{derive})]")
        out.append(f"pub enum Error{e} {{")
        for i, (code, sub, name) in enumerate(chunk):
            out.append(f'    #[error("failure {i} of {e}: {{0}}")]')
            if kind == "derive":
                out.append(f"    #[ecode({code})]")
            out.append(f"    V{i}(String),")
        out.append("}")
        if kind == "manual":
            out.append(f"impl From<&Error{e}> for Code {{ fn from(value: &Error{e}) -> Self {{ match value {{")
            for i, (code, sub, name) in enumerate(chunk):
                out.append(f"    Error{e}::V{i}(..) => Code::from(ecodes::{sub}::{name}),")
            out.append("} } }")
    out.append("pub fn describe(code: Code) -> u32 { match code {")
    for code, sub, name in entries:
        pattern = f"ecodes::ecode!({code})" if kind == "derive" else f"ecodes::{sub}::{name}"
        if kind != "baseline":
            out.append(f"    Code::{sub}({pattern}) => {code},")
    out.append("    _ => 0, } }" if kind != "baseline" else "_ => 0 } }")
    if kind == "baseline":
        out[-2:] = ["pub fn describe(code: u32) -> u32 { code }"]
    if kind != "baseline":
        out.append("pub fn code_of(e: &Error0) -> u32 { Code::from(e).code() }")
    return "\n".join(out) + "\n"


def build(kind, entries, runs):
    crate = os.path.join(WORK, kind)
    os.makedirs(os.path.join(crate, "src"), exist_ok=True)
    with open(os.path.join(crate, "Cargo.toml"), "w") as f:
        f.write(f'[package]\nname = "cost_{kind}"\nversion = "0.0.0"\nedition = "2021"\n\n'
                f'[dependencies]\necodes = {{ path = "{ROOT}/ecodes" }}\nthiserror = "2"\n\n[workspace]\n')
    with open(os.path.join(crate, "src/lib.rs"), "w") as f:
        f.write(source(kind, entries))
    lock = os.path.join(ROOT, "Cargo.lock")
    if not os.path.exists(os.path.join(crate, "Cargo.lock")):
        with open(lock) as src, open(os.path.join(crate, "Cargo.lock"), "w") as dst:
            dst.write(src.read())
    env = dict(os.environ, CARGO_INCREMENTAL="0", CARGO_TARGET_DIR=os.path.join(WORK, "target"))
    subprocess.run(["cargo", "build", "-q"], cwd=crate, env=env, check=True)
    walls, cpus = [], []
    for _ in range(runs):
        os.utime(os.path.join(crate, "src/lib.rs"))
        before = os.times()
        start = time.perf_counter()
        subprocess.run(["cargo", "build", "-q"], cwd=crate, env=env, check=True)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
    return statistics.median(walls), statistics.median(cpus)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    entries = codes()
    results = {kind: build(kind, entries, args.runs) for kind in ("baseline", "manual", "derive")}
    print(f"load average: {os.getloadavg()[0]:.2f}; median of {args.runs} runs, CARGO_INCREMENTAL=0, debug")
    print("| crate | wall s | CPU s |")
    print("|---|---|---|")
    for kind, (wall, cpu) in results.items():
        print(f"| {kind} | {wall:.2f} | {cpu:.2f} |")
    dw = results["derive"][0] - results["manual"][0]
    dc = results["derive"][1] - results["manual"][1]
    print(f"\nderive + ecode! over the same code by hand: {dw:+.2f} s wall, {dc:+.2f} s CPU")
    dw = results["derive"][0] - results["baseline"][0]
    dc = results["derive"][1] - results["baseline"][1]
    print(f"derive + ecode! over no codes at all: {dw:+.2f} s wall, {dc:+.2f} s CPU")


if __name__ == "__main__":
    sys.exit(main())
