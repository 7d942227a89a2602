//! Help, completions, usage errors, colour and closed pipes.

use std::io::Read as _;
use std::process::Stdio;

use predicates::prelude::*;

use crate::{ecodes, temp_file};

#[test]
fn every_subcommand_has_examples_in_its_help() {
    for subcommand in crate::SUBCOMMANDS {
        ecodes()
            .args([subcommand, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
}

#[test]
fn usage_errors_exit_2() {
    ecodes().assert().code(2);
    ecodes().arg("explain").assert().code(2);
    ecodes().arg("frobnicate").assert().code(2);
    ecodes().args(["list", "--format", "yaml"]).assert().code(2);
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        ecodes()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("explain"));
    }
}

#[test]
fn colour_follows_the_conventions() {
    let ansi = predicate::str::contains("\u{1b}[");
    // Not a terminal: no colour.
    ecodes()
        .args(["explain", "3530"])
        .assert()
        .success()
        .stdout(ansi.clone().not());
    // Forced, by option or by CLICOLOR_FORCE.
    ecodes()
        .args(["--color", "always", "explain", "3530"])
        .assert()
        .success()
        .stdout(ansi.clone());
    ecodes()
        .env("CLICOLOR_FORCE", "1")
        .args(["list"])
        .assert()
        .success()
        .stdout(ansi.clone());
    // NO_COLOR wins over CLICOLOR_FORCE, and --color never over both.
    ecodes()
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .args(["list"])
        .assert()
        .success()
        .stdout(ansi.clone().not());
    ecodes()
        .env("CLICOLOR_FORCE", "1")
        .args(["--color", "never", "scan", "-"])
        .write_stdin("errcode=3530\n")
        .assert()
        .success()
        .stdout(ansi.not());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Enough output to fill any pipe buffer, so the write after the reader is gone fails.
    let (_dir, path) = temp_file("big.log", &b"errcode=3530 rule r1\n".repeat(200_000));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ecodes"))
        .arg("scan")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("{err}"));
    let mut first = [0u8; 64];
    let read = child.stdout.as_mut().map(|out| out.read(&mut first));
    assert!(matches!(read, Some(Ok(n)) if n > 0));
    drop(child.stdout.take());
    let status = child.wait().unwrap_or_else(|err| panic!("{err}"));
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    assert!(status.success(), "{status:?}: {stderr}");
    assert_eq!(stderr, "");
}
