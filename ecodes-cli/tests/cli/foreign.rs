//! The command on real catalogs that nobody here wrote (`tests/fixtures/catalogs`): nothing of
//! the product's catalog may show through, and every export must read back.

use crate::{catalog_rows, ecodes, stdout_of, workspace};

const FIXTURES: [&str; 9] = [
    "errno", "http", "mariadb", "grpc", "ntstatus", "hresult", "libgit2", "zlib", "sqlstate",
];

fn fixture(name: &str) -> std::path::PathBuf {
    workspace().join(format!("tests/fixtures/catalogs/{name}.csv"))
}

fn run(catalog: &str, args: &[&str]) -> std::process::Output {
    ecodes()
        .arg("--catalog")
        .arg(fixture(catalog))
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("cannot run ecodes: {err}"))
}

/// Text that only the product catalog has, unless the catalog `source` has it too (HRESULT has a
/// `MSSIPOTF_E_FILE_CHECKSUM`).
fn assert_no_product_text(text: &str, source: &str) {
    for product in [
        "3530",
        "FileChecksum",
        "Cdp",
        "work machine",
        "DR machine",
        "工作机",
        "灾备机",
    ] {
        if source.contains(product) {
            continue;
        }
        assert!(!text.contains(product), "`{product}` leaked into:\n{text}");
    }
}

#[test]
fn every_export_reads_back_as_the_same_catalog() {
    for name in FIXTURES {
        let output = run(name, &["list", "--format", "csv"]);
        assert!(output.status.success(), "{name}: {output:?}");
        let original = std::fs::read(fixture(name)).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(
            catalog_rows(&output.stdout),
            catalog_rows(&original),
            "{name}"
        );
    }
}

#[test]
fn check_prints_a_line_per_lint_not_a_line_per_row() {
    for name in FIXTURES {
        let output = run(name, &["check"]);
        assert_eq!(output.status.code(), Some(0), "{name}: {output:?}");
        let text = stdout_of(&output);
        // At most one line per lint, the totals, and the pointer to --verbose.
        assert!(
            text.lines().count() <= ecodes_catalog::Lint::ALL.len() + 2,
            "{name}:\n{text}"
        );
        assert!(text.contains(" 0 errors"), "{name}:\n{text}");
    }
    let verbose = stdout_of(&run("mariadb", &["check", "--verbose"]));
    assert!(verbose.lines().count() > 1_000, "{verbose}");
}

#[test]
fn the_documentation_says_nothing_of_the_product() {
    for name in FIXTURES {
        for format in ["markdown", "html"] {
            let output = run(name, &["doc", "--lang", "en", "--format", format]);
            assert!(output.status.success(), "{name}: {output:?}");
            let text = stdout_of(&output);
            let source = std::fs::read_to_string(fixture(name)).unwrap_or_default();
            assert_no_product_text(&text, &source);
            assert!(
                text.contains(&format!("{name}.csv")),
                "{name} {format}: names its catalog"
            );
        }
    }
    let doc = stdout_of(&run("mariadb", &["doc", "--lang", "en"]));
    // Backticks are escaped, so no message turns into a code span.
    assert!(doc.contains("| 1064 |"), "{doc}");
    assert!(!doc
        .lines()
        .any(|line| line.contains("%`") && !line.contains("%\\`")));
    let chinese = stdout_of(&run("mariadb", &["doc", "--lang", "zh"]));
    assert!(
        chinese.contains("| 1062 | 重复条目'%-.192T'在索引%d (别名: ER_DUP_ENTRY) |"),
        "{chinese}"
    );
}

#[test]
fn explain_resolves_aliases_c_symbols_and_loose_spellings() {
    for (catalog, reference, code) in [
        ("errno", "EWOULDBLOCK", "11"),
        ("errno", "EAGAIN", "11"),
        ("errno", "eagain", "11"),
        ("errno", "ETIMEDOUT", "110"),
        ("mariadb", "ER_DUP_ENTRY", "1062"),
        ("mariadb", "dup_entry", "1062"),
        ("mariadb", "0x426", "1062"),
        ("mariadb", "01062", "1062"),
        ("mariadb", "Client::CR_CONNECTION_ERROR", "2002"),
        ("http", "NOT_FOUND", "404"),
        ("http", "not found", "404"),
        ("grpc", "GRPC_STATUS_UNAVAILABLE", "14"),
        ("grpc", "0", "0"),
    ] {
        let output = run(catalog, &["explain", "--format", "json", reference]);
        assert!(output.status.success(), "{catalog} {reference}: {output:?}");
        let json = crate::json_of(&output);
        assert_eq!(json[0]["code"].to_string(), code, "{catalog} {reference}");
    }
}

#[test]
fn errors_give_examples_from_the_catalog_loaded() {
    let output = run(
        "errno",
        &[
            "explain",
            "foo(bar)",
            "ENOTAREALERROR",
            "EWOULDBLOK",
            "9999",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_no_product_text(&stderr, "");
    assert!(
        stderr.contains(
            "`foo(bar)` is not an error code reference; expected a code such as `1`, `E1` or \
             `0x1`, a name such as `OperationNotPermitted`, an alias such as `EPERM`, or \
             `Errno::OperationNotPermitted`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean 11 (`Errno::ResourceTemporarilyUnavailable`)?"),
        "{stderr}"
    );
    let help = stdout_of(&run("errno", &["doc", "--help"]));
    assert!(!help.contains("zh"), "{help}");
}

#[test]
fn scan_finds_mysql_client_and_server_forms_with_added_patterns() {
    let log = "\
mysql> INSERT INTO t VALUES (1);
ERROR 1062 (23000): Duplicate entry '1' for key 'PRIMARY'
2025-03-02T10:15:01.123456Z 8 [ERROR] [MY-001146] [Server] Table 'db.t' doesn't exist
errno=2002 while connecting
";
    let output = ecodes()
        .arg("--catalog")
        .arg(fixture("mariadb"))
        .args([
            "scan",
            "--add-pattern",
            r"^ERROR (\d+) \(",
            "--add-pattern",
            r"\[MY-0*(\d+)\]",
            "--format",
            "csv",
        ])
        .write_stdin(log)
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success(), "{output:?}");
    let codes: Vec<String> = stdout_of(&output)
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(2).map(str::to_owned))
        .collect();
    assert_eq!(codes, ["1062", "1146", "2002"]);
}
