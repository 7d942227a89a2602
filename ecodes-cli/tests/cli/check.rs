//! `ecodes check`.

use predicates::prelude::*;

use crate::{ecodes, temp_file, workspace};

const HEADER: &str = "code,subsystem,name,severity,message_zh,message_en,help_zh,help_en\n";

#[test]
fn the_product_catalog_is_valid_with_the_documented_gaps() {
    ecodes()
        .current_dir(workspace())
        .arg("check")
        .assert()
        .success()
        .stdout(
            "codes.csv:2: warning: 55 rows with no message in any language (lines 2, 8, 9, 10, \
             11 and 50 more) [no-message]\n\
             codes.csv:2: warning: 164 rows with a blank severity (lines 2, 3, 4, 5, 6 and 159 \
             more) [blank-severity]\n\
             codes.csv: 240 codes in 6 subsystems; 0 errors, 219 warnings\n\
             codes.csv: `ecodes check --verbose` lists every warning\n",
        );
}

#[test]
fn verbose_lists_every_warning_with_counts_per_lint() {
    let output = ecodes()
        .current_dir(workspace())
        .args(["check", "--verbose"])
        .output()
        .unwrap_or_else(|err| panic!("cannot run ecodes: {err}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout.starts_with(
        "codes.csv:2: warning: code 1000 (Rule::Undocumented1000) has no message in any language [no-message]\n"
    ));
    assert_eq!(stdout.lines().count(), 219 + 3, "{stdout}");
    assert!(stdout.ends_with(
        "codes.csv: 240 codes in 6 subsystems; 0 errors, 219 warnings\n\
         \x20    55 no-message: rows with no message in any language\n\
         \x20   164 blank-severity: rows with a blank severity\n"
    ));
}

#[test]
fn deny_warnings_exits_2_unless_the_lints_are_allowed() {
    ecodes()
        .current_dir(workspace())
        .args(["check", "--deny-warnings"])
        .assert()
        .code(2);
    ecodes()
        .args([
            "check",
            "-D",
            "-A",
            "no-message",
            "--allow",
            "blank-severity",
        ])
        .arg(workspace().join("codes.csv"))
        .assert()
        .success()
        .stdout(predicate::str::ends_with("0 errors, 0 warnings\n"));
}

#[test]
fn every_problem_is_reported_at_once_with_its_line() {
    let csv = format!(
        "{HEADER}\
         3530,Cdp,FileChecksum,Error,文件Checksum错误,File checksum error,,\n\
         3530,Cdp,Again,Error,重复,Duplicate,,\n\
         35x1,Cdp,Bad,Error,坏,Bad,,\n\
         3540,Cdp,badName,Fatal,坏,Bad,,\n"
    );
    let (_dir, path) = temp_file("bad.csv", csv.as_bytes());
    let file = path.display().to_string();
    ecodes()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{file}:3: duplicate code 3530 (first defined on line 2)"
        )))
        .stdout(predicate::str::contains(format!(
            "{file}:4: code `35x1` is in no notation ecodes reads"
        )))
        .stdout(predicate::str::contains(format!(
            "{file}:5: unknown severity `Fatal`"
        )))
        .stdout(predicate::str::contains(format!(
            "{file}:5: name `badName`"
        )))
        .stdout(predicate::str::contains("4 errors"));
}

#[test]
fn lints_translations_and_ranges() {
    let csv = format!(
        "{HEADER}\
         100,A,One,Error,一,One,,\n\
         300,A,Three,Error,三,,,\n\
         200,B,Two,Error,二,Two,,\n"
    );
    let (_dir, path) = temp_file("codes.csv", csv.as_bytes());
    ecodes()
        .current_dir(path.parent().unwrap_or(&path))
        .args(["check", "--deny-warnings"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "codes.csv:3: warning: code 300 (A::Three) has a message in zh but not in `message_en` [missing-translation]",
        ))
        .stdout(predicate::str::contains(
            "codes.csv:4: warning: the codes of subsystem `B` (200-200) interleave with those of subsystem `A` (100-300) [interleaved-ranges]",
        ))
        .stdout(predicate::str::contains(
            "codes.csv:4: warning: code 200 (B::Two) lies inside the range of subsystem `A` (100-300) [out-of-range]",
        ))
        .stdout(predicate::str::contains("0 errors, 3 warnings"));
}

#[test]
fn a_missing_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    ecodes()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "codes.csv: cannot read the catalog `codes.csv`: No such file or directory",
        ));
}

#[test]
fn an_empty_file_is_an_error() {
    let (_dir, path) = temp_file("empty.csv", b"");
    ecodes()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("the catalog is empty"));
}
