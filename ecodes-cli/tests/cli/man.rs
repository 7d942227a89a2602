//! `ecodes man`: the manual pages, generated from the clap definitions.

use predicates::prelude::*;

use crate::{ecodes, stdout_of};

/// The subcommands that `ecodes(1)` names as `ecodes-NAME(1)`.
fn pages_named(top: &str) -> Vec<String> {
    top.lines()
        .filter_map(|line| line.strip_prefix("ecodes\\-")?.strip_suffix("(1)"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_top_page_is_ecodes_1_with_its_options_and_examples() {
    let output = ecodes()
        .arg("man")
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success(), "{output:?}");
    let page = stdout_of(&output);
    assert!(page.contains(".TH ecodes 1 "), "{page}");
    let version = concat!("\"ecodes ", env!("CARGO_PKG_VERSION"), "\"");
    assert!(page.contains(version), "{page}");
    for text in [
        ".SH SYNOPSIS",
        "\\-\\-catalog",
        "ECODES_CATALOG",
        "Examples:",
    ] {
        assert!(page.contains(text), "no {text} in:\n{page}");
    }
}

#[test]
fn every_subcommand_the_top_page_names_has_a_page() {
    let output = ecodes()
        .arg("man")
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    let named = pages_named(&stdout_of(&output));
    // `help` has no page: the top page names only real subcommands.
    assert_eq!(named, crate::SUBCOMMANDS);
    for name in &named {
        ecodes()
            .args(["man", name])
            .assert()
            .success()
            .stdout(predicate::str::starts_with(".ie"))
            .stdout(predicate::str::contains(format!(".TH ecodes-{name} 1 ")))
            .stdout(predicate::str::contains("Examples:"));
    }
    // A subcommand's page documents its own options.
    ecodes()
        .args(["man", "explain"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\\fB\\-\\-lang\\fR"));
}

#[test]
fn an_unknown_page_is_a_usage_error() {
    ecodes()
        .args(["man", "frobnicate"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "no manual page for `frobnicate`; the subcommands are explain, list,",
        ));
}
