//! `--catalog FILE` on every subcommand.

use predicates::prelude::*;

use crate::{ecodes, temp_file};

const SMALL: &str = "code,subsystem,name,severity,message_en,help_en\n\
                     7,Disk,Full,Error,The disk is full,Free some space\n\
                     8,Disk,Slow,Warning,The disk is slow,\n";

#[test]
fn every_subcommand_reads_the_catalog_given() {
    let (_dir, path) = temp_file("small.csv", SMALL.as_bytes());
    let with = |args: &[&str]| {
        let mut command = ecodes();
        command.arg("--catalog").arg(&path).args(args);
        command
    };
    with(&["explain", "7"])
        .assert()
        .success()
        .stdout(predicate::str::contains("The disk is full"));
    with(&["explain", "3530"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown error code 3530"));
    with(&["list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Slow"));
    with(&["search", "slow"])
        .assert()
        .success()
        .stdout(predicate::str::contains("8"));
    with(&["doc", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| 7 | The disk is full | Error | Free some space |",
        ));
    with(&["scan"])
        .write_stdin("disk: errcode=7\nerrcode=3530\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Disk::Full"))
        .stdout(predicate::str::contains("3530").not());
    with(&["check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 codes in 1 subsystem; 0 errors"));
    // The option may also come before or after the subcommand, or from the environment.
    ecodes()
        .args(["explain", "8", "--catalog"])
        .arg(&path)
        .assert()
        .success();
    ecodes()
        .env("ECODES_CATALOG", &path)
        .args(["explain", "8"])
        .assert()
        .success()
        .stdout(predicate::str::contains("The disk is slow"));
}

#[test]
fn a_bad_catalog_lists_every_problem_as_file_line_and_fails() {
    let bad = "code,subsystem,name,severity,message_en\n\
               1,A,One,Fatal,x\n\
               2,A,One,,y\n\
               x,A,Three,,z\n";
    let (_dir, path) = temp_file("bad.csv", bad.as_bytes());
    let file = path.display().to_string();
    for subcommand in [
        &["list"][..],
        &["explain", "1"],
        &["search", "x"],
        &["doc"],
        &["scan", "-"],
    ] {
        ecodes()
            .arg("--catalog")
            .arg(&path)
            .args(subcommand)
            .write_stdin("")
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "ecodes: error: the catalog `{file}` has 2 problems:\n"
            )))
            .stderr(predicate::str::contains(format!(
                "\n{file}:2: unknown severity `Fatal`"
            )))
            .stderr(predicate::str::contains(format!(
                "\n{file}:4: code `x` is in no notation ecodes reads"
            )));
    }
}

#[test]
fn a_missing_catalog_says_why() {
    ecodes()
        .args(["--catalog", "/nonexistent/codes.csv", "list"])
        .assert()
        .code(1)
        .stderr(
            "ecodes: error: cannot read the catalog `/nonexistent/codes.csv`: No such file or directory\n",
        );
}
