//! `ecodes explain`.

use predicates::prelude::*;

use crate::{ecodes, json_of};

#[test]
fn explains_a_code_in_both_languages() {
    ecodes()
        .args(["explain", "3530"])
        .assert()
        .success()
        .stdout(predicate::str::contains("code                      3530"))
        .stdout(predicate::str::contains("Cdp (codes 3519-3612)"))
        .stdout(predicate::str::contains("severity                  Error"))
        .stdout(predicate::str::contains("FileChecksum"))
        .stdout(predicate::str::contains(
            "message (zh)              文件Checksum错误",
        ))
        .stdout(predicate::str::contains(
            "message (en)              File checksum error",
        ))
        .stdout(predicate::str::contains(
            "causes and solution (zh)  文件不同步，尝试重新镜像",
        ))
        .stdout(predicate::str::contains(
            "causes and solution (en)  The file is out of sync.",
        ))
        .stderr("");
}

#[test]
fn accepts_every_way_a_code_is_written() {
    for token in [
        "3530",
        "E3530",
        "FileChecksum",
        "Cdp::FileChecksum",
        "errcode=3530",
        "[3530]",
    ] {
        ecodes()
            .args(["explain", token])
            .assert()
            .success()
            .stdout(predicate::str::contains("FileChecksum"));
    }
}

#[test]
fn explains_several_codes_at_once() {
    let output = ecodes()
        .args(["explain", "3530", "E4008", "Ha::ArbitrationNotTcp"])
        .output();
    let output = output.unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success());
    let text = crate::stdout_of(&output);
    let codes: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("code"))
        .map(str::trim)
        .collect();
    assert_eq!(codes, ["3530", "4008", "4350"]);
}

#[test]
fn an_unknown_code_names_its_range_and_fails() {
    ecodes()
        .args(["explain", "3532"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "ecodes: error: unknown error code 3532: the catalog has no such code, though it \
             falls in the range of subsystem `Cdp` (3519-3612); did you mean 3531 \
             (`Cdp::InvalidCdpDescriptor`), 3533 (`Cdp::ReadCdpDescriptor`) or 3530 \
             (`Cdp::FileChecksum`)?\n",
        );
    ecodes()
        .args(["explain", "9999"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "ecodes: error: unknown error code 9999: the catalog has no such code; did you mean",
        ));
}

#[test]
fn known_codes_are_still_explained_next_to_unknown_ones() {
    ecodes()
        .args(["explain", "3530", "3532"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FileChecksum"))
        .stderr(predicate::str::contains("unknown error code 3532"));
}

#[test]
fn an_undocumented_code_is_known_but_undocumented() {
    ecodes()
        .args(["explain", "3521"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Undocumented3521"))
        .stdout(predicate::str::contains("known, but undocumented"));
}

#[test]
fn a_name_in_several_subsystems_lists_every_match() {
    ecodes()
        .args(["explain", "NetworkConnection"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3522"))
        .stdout(predicate::str::contains("Cdp (codes 3519-3612)"))
        .stdout(predicate::str::contains("3812"))
        .stdout(predicate::str::contains("Nas (codes 3801-3812)"));
}

#[test]
fn a_misspelt_name_gets_a_suggestion() {
    ecodes()
        .args(["explain", "FileChecksun"])
        .assert()
        .code(1)
        .stderr(
            "ecodes: error: no error code named `FileChecksun` in the catalog; did you mean 3530 \
             (`Cdp::FileChecksum`)?\n",
        );
}

#[test]
fn one_language() {
    ecodes()
        .args(["explain", "--lang", "en", "3530"])
        .assert()
        .success()
        .stdout(predicate::str::contains("File checksum error"))
        .stdout(predicate::str::contains("文件").not());
    ecodes()
        .args(["explain", "--lang", "fr", "3530"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown language `fr`; the catalog has zh, en",
        ));
}

#[test]
fn json_output() {
    let output = ecodes()
        .args(["explain", "--format", "json", "E3530", "NetworkConnection"])
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success());
    let json = json_of(&output);
    assert_eq!(json[0]["query"], "E3530");
    assert_eq!(json[0]["code"], 3530);
    assert_eq!(json[0]["severity"], "Error");
    assert_eq!(json[0]["message_zh"], "文件Checksum错误");
    assert_eq!(
        json[0]["help_en"],
        "The file is out of sync. Try mirroring again."
    );
    assert_eq!(json[1]["code"], 3522);
    assert_eq!(json[2]["code"], 3812);
    assert_eq!(json[2]["severity"], serde_json::Value::Null);
}

#[test]
fn renamed_codes_are_found_by_their_old_names() {
    for (old, code, name) in [
        ("ArgumentError", "1001", "InvalidArgument"),
        ("Cdp::CdpIncompleteState", "3535", "CdpErrorOrIncomplete"),
        ("ResolvePath", "3570", "ReadConfigOrResolvePath"),
        ("CdpDataCorrupted", "3580", "CdpDatabaseOrSnapshotCorrupted"),
        (
            "Ha::ForceSwitchRuleState",
            "4104",
            "InvalidRuleStateOnForcedSwitch",
        ),
    ] {
        let output = ecodes()
            .args(["explain", "--format", "json", old])
            .output()
            .unwrap_or_else(|err| panic!("{err}"));
        assert!(output.status.success(), "{old}: {output:?}");
        let json = crate::json_of(&output);
        assert_eq!(json[0]["code"].to_string(), code, "{old}");
        assert_eq!(json[0]["name"], name, "{old}");
        assert_eq!(
            json[0]["aliases"],
            serde_json::json!([old.rsplit("::").next()])
        );
    }
}
