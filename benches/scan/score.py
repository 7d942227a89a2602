#!/usr/bin/env python3
"""Scores an ecodes binary's `scan` (no flags) on an annotated corpus of logs.

Usage: [ECODES=path/to/ecodes] python3 benches/scan/score.py [FOLDER]

FOLDER defaults to tests/fixtures/logs; tests/fixtures/logs/held-out is the held-out corpus.
Each `<name>.expected` is scored once per catalog it names, as the corpus test
(ecodes-cli/tests/cli/corpus.rs) does, so that any build (an older one, for "before"
figures) can be scored the same way. Prints recall and precision per log and catalog, per
program and in total.
"""
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
ECODES = os.environ.get("ECODES", os.path.join(ROOT, "target", "release", "ecodes"))
FOLDER = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "fixtures", "logs")
CATALOGS = os.path.join(ROOT, "tests", "fixtures", "catalogs")


def annotations(path):
    """Per catalog, per line, the codes a person would say the line holds."""
    by_catalog = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(path, encoding="utf-8") as rows:
        for row in rows.read().splitlines():
            cols = row.split("\t")
            for code in (cols[2] if len(cols) > 2 else "").split():
                catalog, _, code = code.rpartition(":") if ":" in code else (cols[1], "", code)
                by_catalog[catalog][int(cols[0])].append(code)
    return by_catalog


def found(log, catalog):
    """Per line, the codes the scan reports."""
    out = subprocess.run(
        [ECODES, "--catalog", os.path.join(CATALOGS, catalog), "scan", "--format", "json", log],
        capture_output=True,
        check=False,
    )
    lines = collections.defaultdict(list)
    for row in json.loads(out.stdout or b"[]"):
        code = row["code"]
        lines[row["line"]].append(code if isinstance(code, str) else str(code))
    return lines


def ratio(part, whole):
    return part / whole if whole else 1.0


def main():
    total = [0, 0, 0]
    programs = {}
    for name in sorted(os.listdir(FOLDER)):
        if not name.endswith(".expected"):
            continue
        program = name[: -len(".expected")]
        log = os.path.join(FOLDER, program + ".log")
        for catalog, expected in sorted(annotations(os.path.join(FOLDER, name)).items()):
            got = found(log, catalog)
            hits = wrong = missed = 0
            for line in set(expected) | set(got):
                wanted = list(expected.get(line, []))
                for code in got.get(line, []):
                    if code in wanted:
                        wanted.remove(code)
                        hits += 1
                    else:
                        wrong += 1
                missed += len(wanted)
            print(
                f"{program:<16} {catalog:<13} recall {ratio(hits, hits + missed):.2f} "
                f"({hits}/{hits + missed}) precision {ratio(hits, hits + wrong):.2f} "
                f"({hits}/{hits + wrong})"
            )
            counts = programs.setdefault(program, [0, 0, 0])
            for index, value in enumerate((hits, wrong, missed)):
                counts[index] += value
                total[index] += value
    print()
    for program, (hits, wrong, missed) in programs.items():
        print(
            f"{program:<16} recall {ratio(hits, hits + missed):.2f} ({hits}/{hits + missed}) "
            f"precision {ratio(hits, hits + wrong):.2f} ({hits}/{hits + wrong})"
        )
    hits, wrong, missed = total
    print(
        f"total: recall {ratio(hits, hits + missed):.3f} ({hits}/{hits + missed}), "
        f"precision {ratio(hits, hits + wrong):.3f} ({hits}/{hits + wrong})"
    )


if __name__ == "__main__":
    main()
