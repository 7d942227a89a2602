//! `ecodes list` and `ecodes search`.

use predicates::prelude::*;
use unicode_width::UnicodeWidthStr as _;

use crate::{catalog_rows, ecodes, json_of, stdout_of, temp_file};

fn run(args: &[&str]) -> std::process::Output {
    ecodes()
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn lists_every_code_under_a_header() {
    let output = run(&["list"]);
    assert!(output.status.success());
    let text = stdout_of(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 241);
    assert!(lines[0].starts_with("CODE  SUBSYSTEM"), "{}", lines[0]);
    assert!(
        lines.iter().all(|line| !line.ends_with(' ')),
        "trailing spaces"
    );
}

#[test]
fn columns_line_up_with_chinese_text() {
    let output = run(&["list", "--subsystem", "Cdp", "--severity", "info"]);
    let text = stdout_of(&output);
    // The English message column starts at the same display column on every line.
    let columns: Vec<usize> = text
        .lines()
        .map(|line| {
            let at = line.find("MESSAGE (en)").or_else(|| {
                // The English text starts after the last run of two spaces.
                line.rfind("  ").map(|at| at + 2)
            });
            at.map_or(0, |at| line[..at].width())
        })
        .collect();
    assert!(columns.len() > 5);
    assert!(
        columns.iter().all(|&column| column == columns[0]),
        "{columns:?}\n{text}"
    );
}

#[test]
fn filters_by_subsystem_and_severity() {
    let json = json_of(&run(&[
        "list",
        "--subsystem",
        "cdp",
        "--severity",
        "error",
        "--format",
        "json",
    ]));
    let rows = json.as_array().map_or(&[][..], Vec::as_slice);
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|row| row["subsystem"] == "Cdp" && row["severity"] == "Error"));

    for blank in ["none", "unspecified"] {
        let json = json_of(&run(&["list", "--severity", blank, "--format", "json"]));
        assert_eq!(
            json.as_array().map(Vec::len),
            Some(164),
            "--severity {blank}"
        );
    }
    let json = json_of(&run(&[
        "list",
        "--severity",
        "info,error",
        "--format",
        "json",
    ]));
    assert_eq!(json.as_array().map(Vec::len), Some(76));
}

#[test]
fn unknown_filters_fail_clearly() {
    ecodes()
        .args(["list", "--subsystem", "Cpd"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown subsystem `Cpd` (did you mean `Cdp`?)",
        ));
    ecodes()
        .args(["list", "--severity", "fatal"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'fatal'"));
}

#[test]
fn csv_and_markdown_output() {
    let output = run(&["list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(&output.stdout[..]);
    let headers = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect::<Vec<_>>());
    assert_eq!(
        headers.ok(),
        Some(
            [
                "code",
                "subsystem",
                "name",
                "severity",
                "message_zh",
                "message_en",
                "help_zh",
                "help_en",
                "aliases",
                "retired",
                "since",
                "url"
            ]
            .map(str::to_owned)
            .to_vec()
        )
    );
    let records: Result<Vec<_>, _> = reader.records().collect();
    assert_eq!(records.map(|records| records.len()).ok(), Some(240));

    let text = stdout_of(&run(&["list", "--format", "markdown", "--lang", "en"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 242);
    assert_eq!(
        lines[0],
        "| CODE | SUBSYSTEM | NAME | SEVERITY | MESSAGE | HELP | ALIASES |"
    );
}

#[test]
fn searches_chinese_and_english_ignoring_case() {
    ecodes()
        .args(["search", "快照"])
        .assert()
        .success()
        .stdout(predicate::str::contains("6074"))
        .stdout(predicate::str::contains("创建快照失败"))
        .stdout(predicate::str::contains("3573"));
    for needle in ["checksum", "CHECKSUM"] {
        ecodes()
            .args(["search", needle])
            .assert()
            .success()
            .stdout(predicate::str::contains("3530"))
            .stdout(predicate::str::contains("message_zh"))
            .stdout(predicate::str::contains("message_en"));
    }
}

#[test]
fn searches_help_texts_and_phrases() {
    let json = json_of(&run(&["search", "--format", "json", "try", "mirroring"]));
    let rows = json.as_array().map_or(&[][..], Vec::as_slice);
    assert!(
        rows.iter()
            .any(|row| row["code"] == 3530 && row["field"] == "help_en"),
        "{json}"
    );
}

#[test]
fn nothing_found_is_a_failure() {
    ecodes()
        .args(["search", "no such words anywhere"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no message, help text or alias contains",
        ));
}

/// A catalog that uses every column, with text that needs quoting.
const EVERY_COLUMN: &str = "code,subsystem,name,severity,message_zh,message_en,help_zh,help_en,aliases,retired,since\n\
    11,Errno,Eagain,Error,稍后再试,\"Try again, \"\"later\"\"\",,\"Wait.\n\nThen retry.\",EAGAIN EWOULDBLOCK,,6.2\n\
    12,Errno,Old,,旧,Old,,,,replaced by 11 in 6.2,\n\
    7,Disk,Full,Warning,,Disk full,,Free some space,DISK_FULL,,\n";

#[test]
fn a_csv_export_reads_back_as_the_same_catalog() {
    let (dir, path) = temp_file("every.csv", EVERY_COLUMN.as_bytes());
    let output = ecodes()
        .arg("--catalog")
        .arg(&path)
        .args(["list", "--format", "csv"])
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success(), "{output:?}");
    let exported = dir.path().join("exported.csv");
    std::fs::write(&exported, &output.stdout).unwrap_or_else(|err| panic!("{err}"));
    ecodes()
        .arg("check")
        .arg(&exported)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 errors"));

    assert_eq!(
        catalog_rows(&output.stdout),
        catalog_rows(EVERY_COLUMN.as_bytes())
    );
}

#[test]
fn aliases_and_retirements_are_shown_and_exported() {
    let (_dir, path) = temp_file("every.csv", EVERY_COLUMN.as_bytes());
    let with = |args: &[&str]| {
        let output = ecodes()
            .arg("--catalog")
            .arg(&path)
            .args(args)
            .output()
            .unwrap_or_else(|err| panic!("{err}"));
        assert!(output.status.success(), "{args:?}: {output:?}");
        output
    };
    let text = stdout_of(&with(&["list", "--lang", "en"]));
    assert!(
        text.lines().next().is_some_and(
            |header| header.ends_with("ALIASES             RETIRED                SINCE")
        ),
        "{text}"
    );
    assert!(text.contains("EAGAIN EWOULDBLOCK"), "{text}");
    assert!(text.contains("replaced by 11 in 6.2"), "{text}");

    let found = stdout_of(&with(&["search", "wouldblock"]));
    assert!(found.contains("aliases  EWOULDBLOCK"), "{found}");

    let json = json_of(&with(&["explain", "--format", "json", "EWOULDBLOCK", "12"]));
    assert_eq!(json[0]["query"], "EWOULDBLOCK");
    assert_eq!(
        json[0]["aliases"],
        serde_json::json!(["EAGAIN", "EWOULDBLOCK"])
    );
    assert_eq!(json[0]["retired"], serde_json::Value::Null);
    assert_eq!(json[1]["retired"], "replaced by 11 in 6.2");

    let explained = stdout_of(&with(&["explain", "--lang", "en", "Errno::Old", "eagain"]));
    assert!(
        explained.contains("\nretired                   replaced by 11 in 6.2\n"),
        "{explained}"
    );
    assert!(
        explained.contains("\naliases                   EAGAIN EWOULDBLOCK\n"),
        "{explained}"
    );
    assert!(
        explained.contains("\nsince                     6.2\n"),
        "{explained}"
    );
    let json = json_of(&with(&["explain", "--format", "json", "11"]));
    assert_eq!(json[0]["since"], "6.2");
    // A help text's paragraphs stay apart, each under the first.
    assert!(
        explained
            .contains("causes and solution (en)  Wait.\n\n                          Then retry.\n"),
        "{explained}"
    );

    let doc = stdout_of(&with(&["doc", "--lang", "en"]));
    assert!(
        doc.contains(
            "| 11 | Try again, \"later\" (also: EAGAIN, EWOULDBLOCK; since: 6.2) | Error |"
        ),
        "{doc}"
    );
    assert!(
        doc.contains("| 12 | Old (retired: replaced by 11 in 6.2) |"),
        "{doc}"
    );
    let html = stdout_of(&with(&["doc", "--lang", "en", "--format", "html"]));
    assert!(
        html.contains("Old (retired: replaced by 11 in 6.2)"),
        "{html}"
    );
}
