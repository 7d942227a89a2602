#!/usr/bin/env python3
"""Generate a synthetic ecodes catalog (codes.csv) for the compile-time benchmark.

Deterministic: the same --codes, --layout and --seed always give byte-identical output.
Standard library only.

    python3 gen_catalog.py --codes 10000 --layout clustered --seed 1 --out /tmp/codes.csv

Every text column (message_zh, message_en, help_zh, help_en) carries hostile but valid text:
double quotes, braces, backslashes, embedded newlines, emoji, CJK / Cyrillic / Arabic,
`#`, `[link]`, `<tag>`, commas, and things that would break naive code generation
(`*/`, `"#`, `{name}`, `\\n` as two characters). Each message of a documented row holds two
hostile fragments and each help line one, so every kind occurs many times in any catalog.

Layouts:
  clustered   each subsystem owns a block starting on a multiple of 100,000; inside it,
              runs of 3-40 consecutive codes separated by small gaps (and the odd large
              one), like a real catalog.
  sparse      random gaps between all codes (never two consecutive codes), subsystems
              interleaved at random.
  contiguous  one run of consecutive codes, subsystems in consecutive chunks.

Rows: 8-12 subsystems of uneven size; severity Error / Warning / Info / blank; ~7% of rows
are undocumented (all text blank, named Undocumented<code>, as in the real catalog); ~30% of
documented rows have no help; ~5% have no English text.
"""

import argparse
import csv
import io
import random
import sys

LAYOUTS = ("clustered", "sparse", "contiguous")
HEADER = ["code", "subsystem", "name", "severity", "message_zh", "message_en", "help_zh", "help_en"]

SUBSYSTEMS = [
    "Cdp", "Ha", "Nas", "VmPlatform", "Rule", "Storage", "Network", "Auth",
    "Backup", "Replica", "Scheduler", "License", "Gateway", "Journal",
]

VERBS = [
    "Open", "Read", "Write", "Create", "Delete", "Mount", "Unmount", "Attach", "Detach", "Sync",
    "Lock", "Unlock", "Connect", "Bind", "Resolve", "Parse", "Encode", "Decode", "Load", "Save",
    "Start", "Stop", "Allocate", "Free", "Send", "Receive", "Register", "Validate", "Verify",
    "Schedule", "Restore", "Snapshot", "Replicate", "Migrate", "Compress", "Encrypt", "Query",
    "Update", "Rename", "Copy",
]
NOUNS = [
    "File", "Volume", "Disk", "Snapshot", "Mirror", "Index", "Datastore", "Guest", "Host", "Lease",
    "Quota", "Policy", "Rule", "Session", "Token", "Certificate", "Channel", "Socket", "Buffer",
    "Journal", "Checkpoint", "Manifest", "Partition", "Bucket", "Cluster", "Node", "Replica",
    "Tenant", "Route", "Queue", "Stream", "Segment", "Block", "Inode", "Extent", "Archive",
    "License", "Key", "Config", "Agent",
]
CONDITIONS = [
    "Failed", "Timeout", "NotFound", "Exists", "Denied", "Busy", "Invalid", "Corrupted",
    "TooLarge", "Unavailable", "Mismatch", "Expired", "Overflow", "Conflict", "Unsupported",
    "Interrupted", "Stale", "Offline", "Full", "Locked",
]
QUALIFIERS = ["", "", "", "", "Dr", "Ha", "Remote", "Local", "Primary", "Backup"]

# Plain text, by script, mixed into every column.
ZH = [
    "文件校验错误", "数据库连接失败", "镜像同步中断", "灾备机拒绝连接", "卷组空间不足",
    "逻辑卷不存在", "快照已过期", "许可证无效", "配置文件损坏", "请检查网络",
]
EN = [
    "failed to open the file", "connection refused by peer", "mirror out of sync",
    "the DR machine rejected the request", "volume group is full", "logical volume not found",
    "snapshot expired", "license key is invalid", "configuration is corrupted",
    "check the network, then retry",
]
OTHER_SCRIPTS = [
    "Ошибка чтения файла", "Нет доступа", "خطأ في قراءة الملف", "تم رفض الاتصال",
    "ファイルが見つかりません", "파일을 찾을 수 없습니다", "שגיאה בקובץ", "Fehler: Datei größer als 4 GiB",
]
# Each is hostile to some naive way of turning text into Rust, CSV, Markdown or HTML.
HOSTILE = [
    '"quoted"', 'say ""hi""', '"', "{}", "{0}", "{name}", "{{", "}}", "{:?}",
    "C:\\Program Files\\ecodes\\", "\\\\server\\share", "\\n (literal)", "\\u{1F600}", "\\",
    "line one\nline two", "\n", "📦", "🔥", "⚠️", "🚀", "👨‍💻", "🇨🇳", "✅",
    "#42", "# heading", "#[derive(Debug)]", "#!", "[link]", "[docs](https://example.invalid/docs)",
    "[Code::ALL]", "<tag>", "<br/>", "</script>", "<T as Trait>", "*/", "/*", "//", '"#', 'r#"',
    "'", "$crate", "`code`", "| a | b |", "~~", "&amp;", "%s", "a, b, c", "\t(tab)", "_under_",
    "**bold**", "'static", "0x1F", "-1",
]


def hostile(rng, k):
    return [rng.choice(HOSTILE) for _ in range(k)]


def text(rng, base_pool, min_frags, max_frags, hostiles):
    """One text cell: words from base_pool and other scripts, with `hostiles` hostile
    fragments spliced in at random places."""
    parts = [rng.choice(base_pool) for _ in range(rng.randint(min_frags, max_frags))]
    if rng.random() < 0.5:
        parts.append(rng.choice(OTHER_SCRIPTS))
    for fragment in hostile(rng, hostiles):
        parts.insert(rng.randrange(len(parts) + 1), fragment)
    sep = rng.choice([" ", ", ", "; ", " — ", "，"])
    return sep.join(parts)


def help_text(rng, base_pool):
    lines = [text(rng, base_pool, 1, 2, 1) for _ in range(rng.randint(1, 2))]
    return "\n".join(lines)


def subsystem_sizes(rng, n, count):
    weights = [rng.uniform(0.3, 3.0) for _ in range(count)]
    total = sum(weights)
    sizes = [max(1, int(n * w / total)) for w in weights]
    # Fix rounding so the sizes add up to exactly n.
    i = 0
    while sum(sizes) < n:
        sizes[i % count] += 1
        i += 1
    while sum(sizes) > n:
        j = max(range(count), key=lambda k: sizes[k])
        sizes[j] -= 1
    return sizes


def layout_codes(rng, layout, n, subsystems):
    """(code, subsystem) pairs in ascending code order."""
    sizes = subsystem_sizes(rng, n, len(subsystems))
    rows = []
    if layout == "contiguous":
        code = 1000
        for subsystem, size in zip(subsystems, sizes):
            for _ in range(size):
                rows.append((code, subsystem))
                code += 1
    elif layout == "clustered":
        code = 1000
        for subsystem, size in zip(subsystems, sizes):
            left = size
            while left:
                run = min(left, rng.randint(3, 40))
                for _ in range(run):
                    rows.append((code, subsystem))
                    code += 1
                left -= run
                # A gap after each run: mostly small, sometimes a new block.
                code += rng.randint(500, 1000) if rng.random() < 0.03 else rng.randint(2, 30)
            # The next subsystem starts on the next multiple of 100,000, like a product whose
            # code's leading digits name the subsystem.
            code = (code // 100_000 + 1) * 100_000
    elif layout == "sparse":
        pool = [s for s, size in zip(subsystems, sizes) for _ in range(size)]
        rng.shuffle(pool)
        code = 1000
        for subsystem in pool:
            rows.append((code, subsystem))
            code += 2 + int(rng.expovariate(1 / 200))
    else:
        raise ValueError(f"unknown layout {layout!r}")
    assert len(rows) == n
    assert rows[-1][0] <= 0xFFFFFFFF
    return rows


def generate_rows(n, layout, seed=1):
    rng = random.Random(f"ecodes-compile-scale/{seed}/{layout}/{n}")
    subsystems = rng.sample(SUBSYSTEMS, rng.randint(8, 12))
    used_names = {s: set() for s in subsystems}
    out = []
    for code, subsystem in layout_codes(rng, layout, n, subsystems):
        severity = rng.choices(["Error", "Warning", "Info", ""], weights=[40, 15, 10, 35])[0]
        if rng.random() < 0.07:
            name = f"Undocumented{code}"
            used_names[subsystem].add(name)
            out.append([str(code), subsystem, name, severity, "", "", "", ""])
            continue
        base = (rng.choice(QUALIFIERS) + rng.choice(VERBS) + rng.choice(NOUNS)
                + rng.choice(CONDITIONS))
        name, k = base, 2
        while name in used_names[subsystem]:
            name = f"{base}{k}"
            k += 1
        used_names[subsystem].add(name)
        message_zh = text(rng, ZH, 1, 2, 2)
        message_en = text(rng, EN, 1, 2, 2) if rng.random() >= 0.05 else ""
        has_help = rng.random() >= 0.3
        help_zh = help_text(rng, ZH) if has_help else ""
        help_en = help_text(rng, EN) if has_help and message_en else ""
        out.append([str(code), subsystem, name, severity, message_zh, message_en, help_zh, help_en])
    return out


def render(rows):
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buf.getvalue()


def generate(n, layout, seed=1):
    """The catalog as CSV text, checked to read back as the same rows (RFC 4180 quoting)."""
    rows = generate_rows(n, layout, seed)
    data = render(rows)
    if list(csv.reader(io.StringIO(data)))[1:] != rows:
        raise AssertionError("CSV round trip failed")
    return data


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--codes", type=int, required=True, help="number of codes (rows)")
    parser.add_argument("--layout", choices=LAYOUTS, default="clustered")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", help="output file (default: stdout)")
    args = parser.parse_args(argv)
    if args.codes < 1:
        parser.error("--codes must be at least 1")
    data = generate(args.codes, args.layout, args.seed)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as f:
            f.write(data)
    else:
        sys.stdout.write(data)


if __name__ == "__main__":
    main()
