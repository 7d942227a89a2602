//! `ecodes scan`.

use std::io::Write as _;

use predicates::prelude::*;

use crate::{ecodes, json_of, stdout_of, temp_file, workspace};

/// The codes annotated in `scan` output, in order.
fn annotated(output: &std::process::Output) -> Vec<u32> {
    stdout_of(output)
        .lines()
        .filter_map(|line| line.strip_prefix("    = "))
        .filter_map(|rest| rest.split_whitespace().next()?.parse().ok())
        .collect()
}

fn scan_stdin(input: &[u8], args: &[&str]) -> std::process::Output {
    ecodes()
        .arg("scan")
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn finds_each_default_format_and_nothing_else() {
    let log = "\
a errcode=3530
b error code: 3530
c err=3530
d E3530 failed
e [3530] failed
f sent 3530 blocks
g sshd[3530]: accepted
h pid 3530 exited
";
    let output = scan_stdin(log.as_bytes(), &[]);
    assert!(output.status.success());
    assert_eq!(annotated(&output), [3530; 5]);
    let text = stdout_of(&output);
    for line in [
        "(standard input):1: a errcode=3530",
        "(standard input):5: e [3530] failed",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    assert!(text.contains(
        "    = 3530 [Error] Cdp::FileChecksum: 文件Checksum错误 / File checksum error\n"
    ));
    assert!(!text.contains("blocks"));
}

#[test]
fn scans_the_demo_logs() {
    let output = ecodes()
        .current_dir(workspace())
        .args(["scan", "demo/work-machine.log", "demo/dr-machine.log"])
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success());
    assert_eq!(
        annotated(&output),
        [3519, 3522, 3522, 3530, 3534, 3523, 4008, 4350, 6074, 3522, 3530, 3540, 3527, 4104]
    );
    let text = stdout_of(&output);
    assert!(text.contains("demo/dr-machine.log:4: "), "{text}");
}

#[test]
fn summary_counts_by_code_severity_and_subsystem() {
    let output = ecodes()
        .current_dir(workspace())
        .args([
            "scan",
            "--summary",
            "--format",
            "json",
            "demo/work-machine.log",
            "demo/dr-machine.log",
        ])
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success());
    let json = json_of(&output);
    assert_eq!(json["inputs"], 2);
    assert_eq!(json["lines"], 26);
    assert_eq!(json["codes"], 14);
    assert_eq!(json["by_code"][0]["code"], 3522);
    assert_eq!(json["by_code"][0]["count"], 3);
    assert_eq!(json["by_code"][1]["code"], 3530);
    assert_eq!(json["by_code"][1]["count"], 2);
    assert_eq!(
        json["by_severity"][0],
        serde_json::json!({"count": 5, "severity": "Error"})
    );
    assert_eq!(
        json["by_subsystem"][0],
        serde_json::json!({"count": 10, "subsystem": "Cdp"})
    );

    let text = ecodes()
        .current_dir(workspace())
        .args(["scan", "-s", "demo/work-machine.log"])
        .assert()
        .success();
    text.stdout(predicate::str::starts_with(
        "9 codes on 9 of 18 lines in 1 input\n",
    ))
    .stdout(predicate::str::contains(
        "COUNT  SEVERITY\n    4  Info\n    3  (unspecified)\n    2  Error\n",
    ));
}

#[test]
fn severity_and_subsystem_filters() {
    let log = b"errcode=3530\nerrcode=3519\nerrcode=4008\nerrcode=3532\n";
    assert_eq!(
        annotated(&scan_stdin(log, &["--severity", "error"])),
        [3530]
    );
    assert_eq!(
        annotated(&scan_stdin(log, &["--severity", "info,none"])),
        [3519, 4008]
    );
    assert_eq!(annotated(&scan_stdin(log, &["--subsystem", "Ha"])), [4008]);
    // Codes outside the catalog only with --unknown.
    assert_eq!(annotated(&scan_stdin(log, &[])), [3530, 3519, 4008]);
    let output = scan_stdin(log, &["--unknown"]);
    assert_eq!(annotated(&output), [3530, 3519, 4008, 3532]);
    assert!(stdout_of(&output).contains("3532 not in the catalog (in the range of Cdp 3519-3612)"));
}

#[test]
fn custom_pattern() {
    let log = b"status=3530 ok\nerrcode=4008\n";
    assert_eq!(
        annotated(&scan_stdin(log, &["--pattern", r"status=(\d+)"])),
        [3530]
    );
    ecodes()
        .args(["scan", "--pattern", "(", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "ecodes: error: invalid --pattern `(`\n  caused by: regex parse error",
        ));
    ecodes()
        .args(["scan", "--pattern", r"\d+"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("has no capture group"));
}

#[test]
fn binary_junk_is_scanned_without_trouble() {
    // Pseudo-random bytes (a fixed LCG, so the test is repeatable), with a code inside.
    let mut state: u32 = 12345;
    let mut log: Vec<u8> = (0..2_000_000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            state.to_be_bytes()[1]
        })
        .collect();
    log.extend_from_slice(b"\n\xff\xfe\x00 errcode=3530 \x1b[2J\x00\n");
    log.extend((0..=255u8).cycle().take(100_000));
    let (_dir, path) = temp_file("core.bin", &log);
    let output = ecodes()
        .arg("scan")
        .arg(&path)
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(annotated(&output).contains(&3530));
    let text = stdout_of(&output);
    // Control characters are not sent to the terminal.
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn a_very_long_line_is_scanned_in_pieces() {
    let mut log = b"errcode=3530 ".to_vec();
    log.extend(std::iter::repeat_n(b'x', 3_000_000));
    log.extend_from_slice(b" E4008\nerr=3519\n");
    let output = scan_stdin(&log, &[]);
    assert!(output.status.success());
    assert_eq!(annotated(&output), [3530, 4008, 3519]);
    // Long lines are shown as an excerpt.
    assert!(stdout_of(&output).len() < 10_000);
    assert!(stdout_of(&output).contains("(standard input):2: err=3519"));

    // Machine formats carry an excerpt of such a line too.
    let json = json_of(&scan_stdin(&log, &["--format", "json"]));
    let texts: Vec<usize> = json
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|row| row["text"].as_str().map_or(usize::MAX, str::len))
        .collect();
    assert_eq!(texts.len(), 3);
    assert!(texts.iter().all(|&len| len <= 1000), "{texts:?}");
}

#[test]
fn empty_input() {
    let output = scan_stdin(b"", &[]);
    assert!(output.status.success());
    assert_eq!(output.stdout, b"");
    ecodes()
        .args(["scan", "--summary"])
        .write_stdin("")
        .assert()
        .success()
        .stdout("0 codes on 0 of 0 lines in 1 input\n");
    let (_dir, path) = temp_file("empty.log", b"");
    ecodes()
        .args(["scan", "--format", "json"])
        .arg(&path)
        .assert()
        .success()
        .stdout("[]\n");
}

#[test]
fn gzip_logs_are_read_directly() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let written = encoder.write_all(b"rotated: errcode=3530\nsent 3530 blocks\n");
    assert!(written.is_ok());
    let gz = encoder.finish().unwrap_or_else(|err| panic!("{err}"));
    let (_dir, path) = temp_file("app.log.1.gz", &gz);
    let output = ecodes()
        .arg("scan")
        .arg(&path)
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success());
    assert_eq!(annotated(&output), [3530]);
    assert!(stdout_of(&output).contains("app.log.1.gz:1: rotated: errcode=3530"));
    // Also on standard input.
    assert_eq!(annotated(&scan_stdin(&gz, &[])), [3530]);

    // A truncated archive: what could be read is reported, then the error.
    let (_dir2, truncated) = temp_file("cut.gz", &gz[..gz.len() - 12]);
    ecodes()
        .arg("scan")
        .arg(&truncated)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ecodes: error: cannot read"));
}

#[test]
fn a_missing_file_fails_but_the_others_are_scanned() {
    let (_dir, path) = temp_file("app.log", b"errcode=3530\n");
    ecodes()
        .arg("scan")
        .arg("/nonexistent/app.log")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Cdp::FileChecksum"))
        .stderr("ecodes: error: cannot read `/nonexistent/app.log`\n  caused by: No such file or directory\n");
    ecodes()
        .arg("scan")
        .arg(path.parent().unwrap_or(&path))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
}

#[test]
fn machine_formats_stream_one_row_per_code() {
    let log = b"x errcode=3530 and E4008\n";
    let json = json_of(&scan_stdin(log, &["--format", "json", "--lang", "en"]));
    assert_eq!(
        json,
        serde_json::json!([
            {"file": "(standard input)", "line": 1, "code": 3530, "subsystem": "Cdp", "name": "FileChecksum",
             "severity": "Error", "message_en": "File checksum error", "found_by": "keyword", "text": "x errcode=3530 and E4008"},
            {"file": "(standard input)", "line": 1, "code": 4008, "subsystem": "Ha", "name": "SetRoleHaStopped",
             "severity": null, "message_en": "The HA state is stopped; failed to set the role", "found_by": "keyword", "text": "x errcode=3530 and E4008"}
        ])
    );
    let output = scan_stdin(log, &["--format", "csv"]);
    assert!(stdout_of(&output).starts_with(
        "file,line,code,subsystem,name,severity,message_zh,message_en,found_by,text\n"
    ));
}

#[test]
fn patterns_repeat_and_add_to_the_default_forms() {
    let log = "\
ERROR 1062 (23000): Duplicate entry '1' for key 'PRIMARY'
2025-03-02T10:15:01Z 0 [ERROR] [MY-001062] [Server] Duplicate entry
mirror failed: errcode=3530
status=3519 restarting
";
    let catalog = "code,subsystem,name,severity,message_en\n\
                   1062,Server,DupEntry,Error,Duplicate entry\n\
                   3519,Cdp,RuleRestarting,Info,Restarting\n\
                   3530,Cdp,FileChecksum,Error,File checksum error\n";
    let (_dir, path) = temp_file("codes.csv", catalog.as_bytes());
    let scan = |args: &[&str]| {
        let mut command = ecodes();
        command.arg("--catalog").arg(&path).arg("scan").args(args);
        let output = command
            .write_stdin(log)
            .output()
            .unwrap_or_else(|err| panic!("{err}"));
        assert!(output.status.success(), "{args:?}: {output:?}");
        annotated(&output)
    };
    // `ERROR 1062 … Duplicate entry` is an error number confirmed by its message.
    assert_eq!(scan(&[]), [1062, 3530]);
    // --add-pattern keeps the default forms.
    assert_eq!(
        scan(&[
            "--add-pattern",
            r"^ERROR (\d+) \(",
            "--add-pattern",
            r"\[MY-0*(\d+)\]"
        ]),
        [1062, 1062, 3530]
    );
    // --pattern replaces them, and repeats.
    assert_eq!(
        scan(&["--pattern", r"status=(\d+)", "-e", r"^ERROR (\d+) \("]),
        [1062, 3519]
    );
    assert_eq!(
        scan(&[
            "--pattern",
            r"status=(\d+)",
            "--add-pattern",
            r"\[MY-0*(\d+)\]"
        ]),
        [1062, 3519]
    );
}

#[test]
fn a_bad_added_pattern_is_named() {
    ecodes()
        .args(["scan", "--add-pattern", "(unclosed", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "ecodes: error: invalid --pattern `(unclosed`",
        ));
    ecodes()
        .args(["scan", "--add-pattern", "no group", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`no group` has no capture group"));
}

#[test]
fn explain_match_says_which_rule_found_each_code_and_in_what_text() {
    let catalog = workspace().join("tests/fixtures/catalogs/errno.csv");
    let log = "\
open() \"/x\" failed (13: Permission denied)
PermissionError: [Errno 13] Permission denied
usb 1-1: device descriptor read/64, error -71
";
    let catalog = catalog.to_str().unwrap_or_else(|| panic!("a UTF-8 path"));
    let output = scan_stdin(log.as_bytes(), &["--catalog", catalog, "--explain-match"]);
    assert!(output.status.success());
    let why: Vec<String> = stdout_of(&output)
        .lines()
        .filter_map(|line| line.strip_prefix("      found by "))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        why,
        [
            "message in \"(13:\", confirmed by \"Permission denied\"",
            "keyword in \"[Errno 13]\"",
            "keyword in \"error -71\"",
        ]
    );

    // Without it, the lines are as before; with a machine format, a `matched` column.
    let plain = scan_stdin(log.as_bytes(), &["--catalog", catalog]);
    assert!(!stdout_of(&plain).contains("found by"));
    let rows = scan_stdin(
        log.as_bytes(),
        &["--catalog", catalog, "--explain-match", "--format", "json"],
    );
    let json = json_of(&rows);
    assert_eq!(json[0]["found_by"], "message");
    assert_eq!(json[0]["matched"], "(13:");
    assert_eq!(json[2]["matched"], "error -71");

    // A summary has its own count per rule.
    ecodes()
        .args(["scan", "--summary", "--explain-match", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn the_summary_counts_lines_whose_codes_the_catalog_does_not_have() {
    let log = "\
a errcode=3530
b errcode=9999
c errcode=9998 and errcode=3530
d errcode=9997
e nothing here
";
    let output = scan_stdin(log.as_bytes(), &["--summary", "--format", "json"]);
    let json = json_of(&output);
    // Lines b and d; line c has a code the catalog explains.
    assert_eq!(json["unexplained_lines"], 2);
    assert_eq!(json["codes"], 2);

    let text = scan_stdin(log.as_bytes(), &["--summary"]);
    assert!(
        stdout_of(&text)
            .contains("2 lines name a code the catalog does not have (--unknown lists them)"),
        "{}",
        stdout_of(&text)
    );
    let clean = scan_stdin(b"a errcode=3530\n", &["--summary"]);
    assert!(!stdout_of(&clean).contains("does not have"));
}
