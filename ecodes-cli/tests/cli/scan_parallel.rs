//! `ecodes scan` on several inputs at once (`--jobs`): the output, stderr and exit status are
//! those of scanning the inputs one after the other, in every format.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use crate::{ecodes, stdout_of, with_stdout_closed};

/// A log of `lines` lines, `seed` varying its codes: known and unknown codes, several on a
/// line, lines without any, CRLF endings, a line long enough to be shown as an excerpt.
fn log(lines: usize, seed: usize) -> String {
    let mut text = String::new();
    for line in 0..lines {
        let n = line * 7 + seed;
        let _ = match n % 9 {
            0 => writeln!(text, "{line} rule r{n}: errcode={} done", 3519 + n % 20),
            1 => writeln!(text, "{line} sent {n} blocks, window 3530"),
            2 => writeln!(text, "{line} E4008 then [3524] and err=9{n}"),
            3 => write!(text, "{line} windows line error code: 3530\r\n"),
            4 => writeln!(
                text,
                "{line} {} errcode=3522 after a long line",
                "x".repeat(1500)
            ),
            5 => writeln!(text, "{line} sshd[3530]: accepted, pid {n}"),
            _ => writeln!(text, "{line} plain text {n}"),
        };
    }
    text
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let written = encoder.write_all(data);
    assert!(written.is_ok(), "{written:?}");
    encoder.finish().unwrap_or_else(|err| panic!("{err}"))
}

/// A directory of logs: plain and gzip, big and small, one a truncated archive, one with a line
/// longer than the scanner's buffer; the returned list adds a missing file and a directory.
fn logs() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let write = |name: &str, data: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, data).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        path
    };
    // Big enough for several chunks of input and batches handed over within a chunk (the unit
    // tests of the parallel scan run workers into their budget).
    let big = log(12_000, 0);
    let mut long = "E4008 ".to_owned();
    long.push_str(&"y".repeat(1_500_000));
    long.push_str(" errcode=3530\nerr=3519\n");
    let truncated = gzip(log(2_000, 5).as_bytes());
    let paths = vec![
        write("a.log", big.as_bytes()),
        write("b.log.gz", &gzip(log(6_000, 1).as_bytes())),
        dir.path().join("missing.log"),
        write("c.log", log(500, 2).as_bytes()),
        write("empty.log", b""),
        write("cut.log.gz", &truncated[..truncated.len() / 2]),
        dir.path().to_path_buf(),
        write("long.log", long.as_bytes()),
        write("d.log.gz", &gzip(big.as_bytes())),
    ];
    (dir, paths)
}

/// Stdout, stderr and exit status of `ecodes scan ARGS FILES`, with `stdin` as standard input.
fn scan(args: &[&str], files: &[PathBuf], stdin: &[u8]) -> (Vec<u8>, String, Option<i32>) {
    let output = ecodes()
        .arg("scan")
        .args(args)
        .args(files)
        .write_stdin(stdin)
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    (
        output.stdout,
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

fn assert_same(args: &[&str], files: &[PathBuf], stdin: &[u8]) {
    let serial = scan(&[args, &["--jobs", "1"]].concat(), files, stdin);
    assert!(!serial.0.is_empty(), "{args:?}: no output");
    for jobs in ["2", "4"] {
        let parallel = scan(&[args, &["--jobs", jobs]].concat(), files, stdin);
        assert!(
            parallel == serial,
            "{args:?} --jobs {jobs} differs from --jobs 1:\n{}\n---\n{}",
            String::from_utf8_lossy(&parallel.0[..parallel.0.len().min(2000)]),
            String::from_utf8_lossy(&serial.0[..serial.0.len().min(2000)]),
        );
    }
}

#[test]
fn every_format_is_the_same_with_any_number_of_jobs() {
    let (_dir, files) = logs();
    for format in ["table", "json", "csv", "markdown"] {
        for extra in [&[][..], &["--summary"]] {
            assert_same(&[&["--format", format][..], extra].concat(), &files, b"");
        }
    }
    for extra in [
        &[][..],
        &["--summary"],
        &["-f", "json"],
        &["--summary", "-f", "json"],
    ] {
        assert_same(&[&["--unknown"][..], extra].concat(), &files, b"");
    }
    // Filters and patterns go to the workers too.
    assert_same(&["--severity", "error", "--lang", "en"], &files, b"");
    assert_same(
        &["--add-pattern", r"window (\d+)", "-f", "json"],
        &files,
        b"",
    );
}

#[test]
fn one_input_split_between_threads_is_the_same_with_any_number_of_jobs() {
    let (_dir, files) = logs();
    // `a.log` (several chunks, each split between threads), gzipped, and standard input.
    for file in [&files[0], &files[files.len() - 1]] {
        for format in ["table", "json"] {
            for extra in [&[][..], &["--summary"], &["--explain-match"]] {
                assert_same(
                    &[&["--format", format][..], extra].concat(),
                    std::slice::from_ref(file),
                    b"",
                );
            }
        }
    }
    let big = log(12_000, 3);
    assert_same(&["-f", "json"], &[PathBuf::from("-")], big.as_bytes());
}

#[test]
fn unreadable_inputs_are_reported_in_order_and_the_rest_is_scanned() {
    let (_dir, files) = logs();
    let (stdout, stderr, status) = scan(&["--jobs", "2"], &files, b"");
    assert_eq!(status, Some(1));
    let name = |index: usize| files[index].display().to_string();
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("ecodes: error"))
        .collect();
    assert_eq!(
        errors,
        [
            format!("ecodes: error: cannot read `{}`", name(2)),
            format!("ecodes: error: cannot read `{}`", name(5)),
            format!("ecodes: error: cannot read `{}`", name(6)),
        ]
    );
    assert!(stderr.contains("is a directory"), "{stderr}");
    // Every readable input has its lines, in command-line order.
    let text = String::from_utf8_lossy(&stdout);
    let firsts: Vec<usize> = [0, 1, 3, 5, 7, 8]
        .iter()
        .map(|&index| {
            text.find(&format!("{}:", name(index)))
                .unwrap_or_else(|| panic!("nothing from {}", name(index)))
        })
        .collect();
    assert!(firsts.is_sorted(), "{firsts:?}");
}

#[test]
fn the_table_is_each_input_scanned_on_its_own_one_after_the_other() {
    let (_dir, files) = logs();
    let readable: Vec<PathBuf> = [0, 1, 3, 7, 8].iter().map(|&i| files[i].clone()).collect();
    let mut one_by_one = Vec::new();
    for file in &readable {
        let (stdout, stderr, status) = scan(&["--jobs", "1"], std::slice::from_ref(file), b"");
        assert_eq!((status, stderr.as_str()), (Some(0), ""));
        one_by_one.extend(stdout);
    }
    let (stdout, stderr, status) = scan(&["--jobs", "2"], &readable, b"");
    assert_eq!((status, stderr.as_str()), (Some(0), ""));
    assert!(stdout == one_by_one, "the parallel scan differs");
}

#[test]
fn the_summary_counts_every_input_once() {
    let (_dir, files) = logs();
    let readable: Vec<PathBuf> = [0, 1, 3, 7].iter().map(|&i| files[i].clone()).collect();
    let summary = |args: &[&str], files: &[PathBuf]| {
        let (stdout, stderr, status) =
            scan(&[&["--summary", "-f", "json"], args].concat(), files, b"");
        assert_eq!((status, stderr.as_str()), (Some(0), ""));
        serde_json::from_slice::<serde_json::Value>(&stdout).unwrap_or_else(|err| panic!("{err}"))
    };
    let all = summary(&["--jobs", "2"], &readable);
    assert_eq!(all, summary(&["--jobs", "1"], &readable));
    assert_eq!(all["inputs"], 4);
    let mut codes = 0;
    let mut lines = 0;
    for file in &readable {
        let one = summary(&[], std::slice::from_ref(file));
        codes += one["codes"].as_u64().unwrap_or_default();
        lines += one["lines"].as_u64().unwrap_or_default();
    }
    assert_eq!(
        (all["codes"].as_u64(), all["lines"].as_u64()),
        (Some(codes), Some(lines))
    );
    assert!(codes > 10_000, "{codes}");
}

#[test]
fn standard_input_among_files_is_read_in_its_turn_and_only_once() {
    let (_dir, files) = logs();
    let stdin = log(3_000, 3);
    let mut with_stdin: Vec<PathBuf> = files[..2].to_vec();
    with_stdin.push(PathBuf::from("-"));
    with_stdin.push(files[3].clone());
    // The second `-` finds standard input at its end, as serially.
    with_stdin.push(PathBuf::from("-"));
    for args in [&[][..], &["--summary"], &["-f", "csv"]] {
        assert_same(args, &with_stdin, stdin.as_bytes());
    }
    let (stdout, _, status) = scan(&["--jobs", "2"], &with_stdin, stdin.as_bytes());
    assert_eq!(status, Some(0));
    let text = String::from_utf8_lossy(&stdout);
    let from_stdin = text
        .lines()
        .filter(|line| line.starts_with("(standard input):"))
        .count();
    assert!(from_stdin > 100, "{from_stdin}");
    let (serial, _, _) = scan(&["--jobs", "1"], &[PathBuf::from("-")], stdin.as_bytes());
    assert_eq!(from_stdin, stdout_of_lines(&serial, "(standard input):"));
}

fn stdout_of_lines(stdout: &[u8], prefix: &str) -> usize {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|line| line.starts_with(prefix))
        .count()
}

#[test]
fn a_closed_pipe_stops_the_workers_quietly() {
    let (_dir, files) = logs();
    for args in [&["--jobs", "2"][..], &["--jobs", "3", "-f", "json"]] {
        // Megabytes of output cannot fit in the pipe, so the main thread fails to write while
        // the workers are still scanning.
        let mut all: Vec<std::ffi::OsString> = vec!["scan".into()];
        all.extend(args.iter().map(Into::into));
        all.extend([&files[0], &files[8], &files[0], &files[8]].map(Into::into));
        let (status, stderr) = with_stdout_closed(all);
        assert_eq!((status, stderr.as_str()), (Some(0), ""), "{args:?}");
    }
}

#[test]
fn a_bad_jobs_value_is_a_usage_error() {
    for (value, message) in [
        ("0", "it must be at least 1"),
        ("two", "`two` is not a whole number of jobs"),
        ("-1", "unexpected argument"),
    ] {
        let output = ecodes()
            .args(["scan", "--jobs", value, "-"])
            .write_stdin("")
            .output()
            .unwrap_or_else(|err| panic!("{err}"));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{value}: {stderr}");
        assert!(stderr.contains(message), "{value}: {stderr}");
        assert!(stdout_of(&output).is_empty());
    }
}
