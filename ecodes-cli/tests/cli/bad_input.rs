//! The command under bad input: each case gets a clear error and the right exit status, never a
//! panic, and where the command reads several inputs the others are still processed.

use std::fmt::Write as _;
use std::io::Write as _;

use crate::{ecodes, json_of, stdout_of, temp_file, workspace};

fn no_panic(output: &std::process::Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_catalog_that_is_a_directory_or_dev_null() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    for (catalog, message) in [
        (dir.path().to_path_buf(), "Is a directory"),
        ("/dev/null".into(), "the catalog is empty"),
    ] {
        for args in [&["explain", "1"][..], &["list"], &["doc"], &["scan", "-"]] {
            let output = ecodes()
                .arg("--catalog")
                .arg(&catalog)
                .args(args)
                .write_stdin("")
                .output()
                .unwrap_or_else(|err| panic!("{err}"));
            no_panic(&output);
            assert_eq!(output.status.code(), Some(1), "{args:?}: {output:?}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.starts_with("ecodes: error: "), "{stderr}");
            assert!(stderr.contains(message), "{args:?}: {stderr}");
        }
        let check = ecodes().arg("check").arg(&catalog).output().unwrap();
        assert_eq!(check.status.code(), Some(1), "{check:?}");
        assert!(stdout_of(&check).contains(message), "{check:?}");
    }
}

#[test]
fn a_catalog_of_50_megabytes() {
    let mut csv = String::from("code,subsystem,name,severity,message_en,help_en\n");
    let mut code = 0;
    while csv.len() < 50 << 20 {
        let _ = writeln!(
            csv,
            "{code},Sub{},Name{code},Error,\"Message number {code}, with a comma\",The help text of code {code} says what to do next.",
            code % 50
        );
        code += 1;
    }
    let (_dir, path) = temp_file("big.csv", csv.as_bytes());
    let explain = ecodes()
        .arg("--catalog")
        .arg(&path)
        .args(["explain", "12345", "Sub45::Name12345"])
        .output()
        .unwrap();
    assert!(explain.status.success(), "{explain:?}");
    assert_eq!(
        stdout_of(&explain)
            .matches("Message number 12345, with a comma")
            .count(),
        2
    );
    // Every subsystem's range holds the others' codes: one warning per code, not per code and
    // range, and one line per lint.
    let check = ecodes().arg("check").arg(&path).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let text = stdout_of(&check);
    assert!(text.lines().count() <= 6, "{text}");
    assert!(
        text.contains(&format!("{code} codes in 50 subsystems; 0 errors")),
        "{text}"
    );
}

#[test]
fn a_header_of_100_000_columns_gets_a_bounded_report() {
    let mut header = String::from("code,subsystem,name,severity,message_en");
    for column in 0..100_000 {
        let _ = write!(header, ",x{column}");
    }
    header.push('\n');
    let (_dir, path) = temp_file("wide.csv", header.as_bytes());
    let output = ecodes().arg("check").arg(&path).output().unwrap();
    no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout_of(&output);
    assert!(text.lines().count() <= 55, "{} lines", text.lines().count());
    assert!(text.contains("wide.csv:1: unknown column `x0`;"), "{text}");
    assert!(text.contains("… and 99950 more errors; `ecodes check --verbose` lists every one"));
    assert!(
        text.ends_with("0 codes in 0 subsystems; 100000 errors, 0 warnings\n"),
        "{text}"
    );
    // Loading it for another command is bounded too.
    let explain = ecodes()
        .arg("--catalog")
        .arg(&path)
        .args(["explain", "1"])
        .output()
        .unwrap();
    assert_eq!(explain.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&explain.stderr).lines().count() <= 25);
}

#[test]
fn a_nul_byte_in_a_field() {
    let (_dir, path) = temp_file(
        "nul.csv",
        b"code,subsystem,name,severity,message_en\n1,Disk,Full,Error,Disk\0full\n2,Disk,Slow,,Slow\n",
    );
    let output = ecodes().arg("check").arg(&path).output().unwrap();
    no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout_of(&output)
        .contains("nul.csv:2: a NUL byte in column `message_en`; remove it, a catalog holds text"));
}

#[test]
fn patterns_that_are_invalid_have_no_group_or_match_nothing_at_all() {
    for (pattern, message) in [
        ("(unclosed", "invalid --pattern `(unclosed`"),
        ("errcode=\\d+", "has no capture group"),
        ("(\\d*)", "matches the empty string"),
        ("x?(\\d*)", "matches the empty string"),
    ] {
        for flag in ["--pattern", "--add-pattern"] {
            let output = ecodes()
                .args(["scan", flag, pattern, "-"])
                .write_stdin("errcode=3530\n")
                .output()
                .unwrap();
            no_panic(&output);
            assert_eq!(output.status.code(), Some(1), "{flag} {pattern}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.contains(message), "{flag} {pattern}: {stderr}");
            assert!(output.stdout.is_empty());
        }
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn broken_gzip_is_reported_and_the_other_inputs_are_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let full = gzip(b"a errcode=3530\nb errcode=4008\n");
    let truncated = dir.path().join("truncated.log.gz");
    std::fs::write(&truncated, &full[..full.len() - 12]).unwrap();
    let mixed = dir.path().join("mixed.log.gz");
    let mut bytes = gzip(b"c errcode=3522\n");
    bytes.extend_from_slice(b"plain text errcode=3519 after the gzip member\n");
    std::fs::write(&mixed, &bytes).unwrap();
    let good = dir.path().join("good.log");
    std::fs::write(&good, "d errcode=3554\n").unwrap();
    let output = ecodes()
        .arg("scan")
        .args([&truncated, &mixed, &good])
        .args(["--format", "json"])
        .output()
        .unwrap();
    no_panic(&output);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("truncated.log.gz"), "{stderr}");
    assert!(stderr.contains("mixed.log.gz"), "{stderr}");
    let json = json_of(&output);
    let codes: Vec<u64> = json
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|row| row["code"].as_u64())
        .collect();
    // What could be read of each broken input is still reported, and the good file whole.
    assert!(codes.contains(&3522) && codes.contains(&3554), "{codes:?}");
}

#[test]
fn a_log_line_of_100_megabytes() {
    let mut line = vec![b'x'; 100 << 20];
    let at = line.len() / 2;
    line[at..at + 14].copy_from_slice(b" errcode=3530 ");
    line.push(b'\n');
    line.extend_from_slice(b"next errcode=4008\n");
    let (_dir, path) = temp_file("long.log", &line);
    let output = ecodes()
        .arg("scan")
        .arg(&path)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    no_panic(&output);
    assert!(output.status.success(), "{:?}", output.status);
    let text = stdout_of(&output);
    let codes: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(2))
        .collect();
    assert_eq!(codes, ["3530", "4008"]);
    // The long line is shown as an excerpt, not 100 MB.
    assert!(
        output.stdout.len() < 10_000,
        "{} bytes",
        output.stdout.len()
    );
}

#[test]
fn a_log_deleted_while_it_is_scanned() {
    let mut log = String::new();
    for line in 0..400_000 {
        let _ = writeln!(log, "{line} errcode=3530 some text to make the line longer");
    }
    let (dir, path) = temp_file("going.log", log.as_bytes());
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_ecodes"))
        .args(["scan", "--summary"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    let output = child.wait_with_output().unwrap();
    no_panic(&output);
    // Either the scan had opened the file, which then reads to its end, or it had not, which is a
    // clear error; nothing else.
    match output.status.code() {
        Some(0) => assert!(stdout_of(&output).contains("3530"), "{output:?}"),
        Some(1) => assert!(
            String::from_utf8_lossy(&output.stderr).contains("cannot read"),
            "{output:?}"
        ),
        other => panic!("exit status {other:?}: {output:?}"),
    }
    drop(dir);
}

#[test]
fn every_json_output_parses() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("app.log");
    std::fs::write(&log, "errcode=3530 and [4008]\n").unwrap();
    let catalog = workspace().join("codes.csv");
    let log_arg = log.to_string_lossy().into_owned();
    let catalog_arg = catalog.to_string_lossy().into_owned();
    let fixture = workspace().join("ecodes-cli/tests/fixtures/usage/src/lib.rs");
    let fixture_arg = fixture.to_string_lossy().into_owned();
    for args in [
        vec![
            "explain",
            "--format",
            "json",
            "3530",
            "E4008",
            "NetworkConnection",
        ],
        vec!["list", "--format", "json"],
        vec!["search", "--format", "json", "checksum"],
        vec!["scan", "--format", "json", &log_arg],
        vec!["scan", "--summary", "--format", "json", &log_arg],
        vec!["diff", "--format", "json", &catalog_arg, &catalog_arg],
        vec!["usage", "--format", "json", &fixture_arg],
    ] {
        let output = ecodes().args(&args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
        let json = json_of(&output);
        assert!(json.is_array() || json.is_object(), "{args:?}: {json}");
    }
}
