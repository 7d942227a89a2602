//! `ecodes diff` and `ecodes check --baseline`, on a real git repository in a temporary
//! directory with a catalog committed in two versions.

use std::path::Path;
use std::process::Command;

use crate::{ecodes, json_of, stdout_of};

const HEADER: &str = "code,subsystem,name,severity,message_zh,message_en,aliases,retired,since\n";

/// Version 1.0 of a catalog.
const V1: &str = "1,Disk,Full,Error,满,Disk full,,,1.0\n\
                  2,Disk,Slow,Warning,慢,Disk slow,SLOW,,1.0\n\
                  3,Net,Down,Error,断,Link down,,,1.0\n\
                  4,Net,Flap,,抖,Flapping,,,1.0\n\
                  5,Net,Probe,,探,Probe sent,,,1.0\n\
                  6,Net,Old,,旧,Old check,,,1.0\n\
                  7,Net,Quiet,Info,静,Quiet,,,1.0\n";

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "ecodes")
        .env("GIT_AUTHOR_EMAIL", "ecodes@example.invalid")
        .env("GIT_COMMITTER_NAME", "ecodes")
        .env("GIT_COMMITTER_EMAIL", "ecodes@example.invalid")
        .output()
        .unwrap_or_else(|err| panic!("cannot run git: {err}"));
    assert!(output.status.success(), "git {args:?}: {output:?}");
}

/// A repository whose `codes.csv` is `V1` at tag `v1` and `rows` in the working tree.
fn repository(rows: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    git(dir.path(), &["init", "-q"]);
    std::fs::write(dir.path().join("codes.csv"), format!("{HEADER}{V1}")).unwrap();
    git(dir.path(), &["add", "codes.csv"]);
    git(dir.path(), &["commit", "-q", "-m", "v1"]);
    git(dir.path(), &["tag", "v1"]);
    std::fs::write(dir.path().join("codes.csv"), format!("{HEADER}{rows}")).unwrap();
    dir
}

fn diff(dir: &Path, args: &[&str]) -> std::process::Output {
    ecodes()
        .current_dir(dir)
        .arg("diff")
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn classifies_every_change_in_json() {
    let dir = repository(
        "1,Disk,NoSpace,Error,满,Disk full,Full,,1.0\n\
         2,Net,Slow,Error,慢,Disk slow,,,1.0\n\
         3,Net,LinkDown,Error,断,Link down,,,1.0\n\
         4,Net,Other,,别的,Something else,,,1.0\n\
         6,Net,Old,,旧,Old check,OLD_CHECK,replaced by 3,1.0\n\
         7,Net,Quiet,Info,安静,Quiet now,,,1.0\n\
         9,Net,Probe,,探,Probe sent,,,2.0\n\
         10,Net,Fresh,,新,Fresh,,,\n",
    );
    let output = diff(
        dir.path(),
        &["v1:codes.csv", "codes.csv", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let json = json_of(&output);
    let mut found: Vec<(u64, String, String)> = json
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {json}"))
        .iter()
        .map(|change| {
            (
                change["code"].as_u64().unwrap_or_default(),
                change["change"].as_str().unwrap_or_default().to_owned(),
                change["status"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    found.sort();
    let expected = [
        (1, "renamed-keeping-alias", "compatible"),
        (2, "aliases-removed", "breaking"),
        (2, "moved", "breaking"),
        (2, "severity", "compatible"),
        (3, "renamed", "breaking"),
        (4, "possibly-reused", "forbidden"),
        (5, "removed", "forbidden"),
        (5, "renumbered", "forbidden"),
        (6, "aliases-added", "compatible"),
        (6, "retired", "compatible"),
        (7, "reworded", "compatible"),
        (9, "added", "compatible"),
        (10, "added", "compatible"),
        (10, "missing-since", "compatible"),
    ];
    let expected: Vec<(u64, String, String)> = expected
        .iter()
        .map(|(code, change, status)| (*code, (*change).to_owned(), (*status).to_owned()))
        .collect();
    assert_eq!(found, expected);
    let reworded = json
        .as_array()
        .and_then(|changes| changes.iter().find(|change| change["change"] == "reworded"))
        .map(|change| change["detail"].clone());
    assert_eq!(reworded, Some("message_zh, message_en".into()));
}

#[test]
fn exit_status_follows_the_worst_change_and_allow() {
    // Compatible only: a new code, a retirement and a rewording.
    let dir = repository(&format!(
        "{}8,Net,New,,新,New,,,2.0\n",
        V1.replace(
            "6,Net,Old,,旧,Old check,,,1.0",
            "6,Net,Old,,旧,Old check,,gone,1.0"
        )
    ));
    let output = diff(dir.path(), &["v1:codes.csv", "codes.csv"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(stdout_of(&output)
        .ends_with("v1:codes.csv → codes.csv: 2 changes: 0 forbidden, 0 breaking, 2 compatible\n"));

    // Breaking: a rename without an alias. 3 unless allowed.
    let dir = repository(&V1.replace("3,Net,Down,", "3,Net,LinkDown,"));
    assert_eq!(
        diff(dir.path(), &["v1:codes.csv", "codes.csv"])
            .status
            .code(),
        Some(3)
    );
    let allowed = diff(
        dir.path(),
        &["v1:codes.csv", "codes.csv", "--allow", "breaking"],
    );
    assert_eq!(allowed.status.code(), Some(0));

    // Forbidden: a removal, whatever is allowed.
    let dir = repository(&V1.replace("5,Net,Probe,,探,Probe sent,,,1.0\n", ""));
    let output = diff(
        dir.path(),
        &[
            "v1:codes.csv",
            "codes.csv",
            "--allow",
            "breaking",
            "--allow",
            "reused",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout_of(&output).contains(
        "forbidden: removed: old logs still carry a removed code: put it back, with a reason in `retired`"
    ));

    // A possible reuse is forbidden; allowed, it is a breaking rename.
    let dir = repository(&V1.replace("4,Net,Flap,,抖,Flapping", "4,Net,Other,,别的,Else"));
    assert_eq!(
        diff(dir.path(), &["v1:codes.csv", "codes.csv"])
            .status
            .code(),
        Some(1)
    );
    let reused = diff(
        dir.path(),
        &["v1:codes.csv", "codes.csv", "--allow", "reused"],
    );
    assert_eq!(reused.status.code(), Some(3));

    // No change at all, and usage errors.
    let dir = repository(V1);
    let same = diff(dir.path(), &["v1:codes.csv", "codes.csv"]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(stdout_of(&same), "v1:codes.csv → codes.csv: no changes\n");
    assert_eq!(diff(dir.path(), &["codes.csv"]).status.code(), Some(2));
    let dash = diff(dir.path(), &["--", "--output=x:codes.csv", "codes.csv"]);
    assert_eq!(dash.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&dash.stderr).contains("a revision cannot start with `-`"));
}

#[test]
fn markdown_is_release_notes_in_the_catalogs_languages() {
    let dir = repository(&format!(
        "{}8,Net,New,,新功能,New feature,,,2.0\n",
        V1.replace(",Old check,,,1.0", ",Old check,,replaced by 3,1.0")
    ));
    let output = diff(
        dir.path(),
        &["v1:codes.csv", "codes.csv", "--format", "markdown"],
    );
    assert_eq!(output.status.code(), Some(0));
    let notes = stdout_of(&output);
    for expected in [
        "## Error code changes\n\nFrom v1:codes.csv to codes.csv.\n",
        "### New codes\n\n| Code | Name | Message (zh) | Message (en) | Since |\n",
        "| 8 | `Net::New` | 新功能 | New feature | 2.0 |\n",
        "### Retired codes\n",
        "| 6 | `Net::Old` | 旧 | Old check | replaced by 3 |\n",
    ] {
        assert!(notes.contains(expected), "{expected}\n{notes}");
    }
    assert!(!notes.contains("### Changed codes"), "{notes}");
    let english = stdout_of(&diff(
        dir.path(),
        &[
            "v1:codes.csv",
            "codes.csv",
            "--format",
            "markdown",
            "--lang",
            "en",
        ],
    ));
    assert!(
        english.contains("| 8 | `Net::New` | New feature | 2.0 |\n"),
        "{english}"
    );
}

#[test]
fn a_file_wins_over_a_revision_and_bad_catalogs_are_refused() {
    let dir = repository(V1);
    // A file literally named `v1:codes.csv` is read as a file.
    std::fs::write(
        dir.path().join("v1:codes.csv"),
        format!("{HEADER}{V1}9,Net,Extra,,多,Extra,,,2.0\n"),
    )
    .unwrap();
    let output = diff(
        dir.path(),
        &["codes.csv", "v1:codes.csv", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(json_of(&output)[0]["change"], "added");

    std::fs::write(
        dir.path().join("bad.csv"),
        format!("{HEADER}x,Net,Bad,,,,,,\n"),
    )
    .unwrap();
    let bad = diff(dir.path(), &["codes.csv", "bad.csv"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("bad.csv:2: code `x` is in no notation ecodes reads"),
        "{bad:?}"
    );
    let missing = diff(dir.path(), &["nosuchrev:codes.csv", "codes.csv"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .starts_with("ecodes: error: cannot read `nosuchrev:codes.csv` from git:"));
}

#[test]
fn check_with_a_baseline_rejects_a_deleted_code() {
    let dir = repository(&V1.replace("5,Net,Probe,,探,Probe sent,,,1.0\n", ""));
    let check = |args: &[&str]| {
        ecodes()
            .current_dir(dir.path())
            .arg("check")
            .args(args)
            .output()
            .unwrap_or_else(|err| panic!("{err}"))
    };
    let output = check(&["--baseline", "v1", "codes.csv"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = stdout_of(&output);
    assert!(
        text.contains("forbidden  removed     5  Net        Probe"),
        "{text}"
    );
    assert!(
        text.contains("v1:./codes.csv → codes.csv: 1 change: 1 forbidden"),
        "{text}"
    );
    // Without a baseline the same catalog is fine.
    assert_eq!(check(&["codes.csv"]).status.code(), Some(0));
    // A breaking change is status 3, unless allowed.
    std::fs::write(
        dir.path().join("codes.csv"),
        format!("{HEADER}{}", V1.replace("3,Net,Down,", "3,Net,LinkDown,")),
    )
    .unwrap();
    assert_eq!(
        check(&["--baseline", "v1", "codes.csv"]).status.code(),
        Some(3)
    );
    let allowed = check(&[
        "--baseline",
        "v1",
        "--allow-change",
        "breaking",
        "codes.csv",
    ]);
    assert_eq!(allowed.status.code(), Some(0));
}
