//! Codes as vendors write them (hex, negative, prefixed, alphanumeric): every output shows the
//! written form, and lookups take what an operator copies from a log.

use predicates::prelude::*;

use crate::{ecodes, json_of, stdout_of, temp_file, workspace};

fn fixture(name: &str) -> std::path::PathBuf {
    workspace().join(format!("tests/fixtures/catalogs/{name}.csv"))
}

fn run(catalog: &std::path::Path, args: &[&str]) -> std::process::Output {
    ecodes()
        .arg("--catalog")
        .arg(catalog)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("cannot run ecodes: {err}"))
}

/// The `code` line of `explain` for each query.
fn explained(catalog: &std::path::Path, queries: &[&str]) -> Vec<String> {
    let output = run(catalog, &[&["explain", "--lang", "en"], queries].concat());
    assert!(output.status.success(), "{queries:?}: {output:?}");
    stdout_of(&output)
        .lines()
        .filter_map(|line| line.strip_prefix("code "))
        .map(|code| code.trim().to_owned())
        .collect()
}

#[test]
fn a_hex_code_is_found_as_every_form_windows_prints_it() {
    let queries = [
        "0xC0000005",
        "0xc0000005",
        "3221225477",
        "-1073741819",
        "0x00000000c0000005",
        "STATUS_ACCESS_VIOLATION",
        "Exception code: 0xc0000005",
    ];
    let codes = explained(&fixture("ntstatus"), &queries[..6]);
    assert_eq!(codes, ["0xC0000005"; 6]);
}

#[test]
fn negative_prefixed_and_alphanumeric_codes_are_found_as_written_and_loosely() {
    assert_eq!(
        explained(&fixture("libgit2"), &["-3", "GIT_ENOTFOUND"]),
        ["-3", "-3"]
    );
    assert_eq!(explained(&fixture("zlib"), &["-2"]), ["-2"]);
    assert_eq!(
        explained(
            &fixture("sqlstate"),
            &["22P02", "22p02", "23505", "unique_violation"]
        ),
        ["22P02", "22P02", "23505", "23505"]
    );
    let oracle = workspace().join("tests/foreign/oracle.csv");
    assert_eq!(
        explained(&oracle, &["ORA-00942", "ORA-942", "ora-00942", "942"]),
        ["ORA-00942"; 4]
    );
}

#[test]
fn an_unknown_code_is_named_as_written() {
    ecodes()
        .arg("--catalog")
        .arg(fixture("sqlstate"))
        .args(["explain", "22P00"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "ecodes: error: unknown error code 22P00: the catalog has no such code, though it \
             falls in the range of subsystem `DataException` (22000-22P06)",
        ));
}

#[test]
fn machine_formats_give_each_code_back_as_written() {
    let json = json_of(&run(
        &fixture("ntstatus"),
        &["explain", "--format", "json", "3221225477"],
    ));
    assert_eq!(json[0]["code"], "0xC0000005");
    let json = json_of(&run(&fixture("libgit2"), &["list", "--format", "json"]));
    assert_eq!(json[0]["code"], -36);
    let json = json_of(&run(
        &fixture("sqlstate"),
        &["search", "--format", "json", "unique violation"],
    ));
    assert_eq!(json[0]["code"], "23505");
    let table = stdout_of(&run(
        &fixture("ntstatus"),
        &["search", "referenced memory at"],
    ));
    assert!(table.contains("0xC0000005"), "{table}");
}

#[test]
fn documents_anchor_and_range_each_code_by_its_written_form() {
    let markdown = stdout_of(&run(&fixture("ntstatus"), &["doc", "--lang", "en"]));
    assert!(
        markdown.contains("### Error (0xC0000001-0xC03A0019)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("\n| 0xC0000005 | The instruction at"),
        "{markdown}"
    );
    let html = stdout_of(&run(&fixture("sqlstate"), &["doc", "--format", "html"]));
    assert!(
        html.contains("<tr id=\"22P02\"><td class=\"code\"><a href=\"#22P02\">22P02</a></td>"),
        "{html}"
    );
    assert!(html.contains("<tr id=\"E23505\">"), "{html}");
}

#[test]
fn diff_compares_by_key_and_reports_a_code_written_anew() {
    let (dir, old) = temp_file(
        "old.csv",
        b"code,subsystem,name,severity,message_en\n0x5,Hex,Five,,five\n0x6,Hex,Six,,six\n",
    );
    let new = dir.path().join("new.csv");
    std::fs::write(
        &new,
        b"code,subsystem,name,severity,message_en\n0x0005,Hex,Five,,five\n0x6,Hex,Six,,six\n",
    )
    .unwrap_or_else(|err| panic!("{err}"));
    let output = ecodes()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success(), "{output:?}");
    let text = stdout_of(&output);
    assert!(text.contains("rewritten"), "{text}");
    assert!(text.contains("0x5 → 0x0005"), "{text}");
    assert!(
        !text.contains("removed") && !text.contains("added"),
        "{text}"
    );
}

#[test]
fn check_says_which_notation_a_subsystem_uses() {
    let (_dir, path) = temp_file(
        "mixed.csv",
        b"code,subsystem,name,severity,message_en\n3519,Cdp,A,,a\n3520,Cdp,B,,b\n0xDC1,Cdp,C,,c\n",
    );
    ecodes()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "mixed.csv:4: code `0xDC1` is hexadecimal, but subsystem `Cdp` writes its codes in \
             decimal, as line 2 does (`3519`); write every code of a subsystem one way, here \
             `3521`",
        ));
}
