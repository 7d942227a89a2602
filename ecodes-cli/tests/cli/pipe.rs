//! A closed pipe (`ecodes list | head -1`) ends every command quietly with status 0, in every
//! format. The catalog is large enough that the output cannot fit in the pipe's buffer, so the
//! write fails however the two processes are scheduled.

use crate::{temp_file, with_stdout_closed};
use std::fmt::Write as _;

/// A catalog of 5,000 codes with long texts: megabytes of output in every format.
fn big_catalog() -> String {
    let mut csv = String::from("code,subsystem,name,severity,message_en,help_en,aliases\n");
    for code in 1..=5000 {
        let _ = writeln!(
            csv,
            "{code},Disk,Failure{code},Error,\"Disk failure number {code}, errcode={code}\",{},ALIAS_{code}",
            "The disk failed; replace it. ".repeat(8)
        );
    }
    csv
}

#[test]
fn every_command_and_format_ends_quietly_on_a_closed_pipe() {
    let catalog = big_catalog();
    let (_dir, path) = temp_file("big.csv", catalog.as_bytes());
    // The catalog doubles as a log: every row holds `errcode=N`.
    let log = path.to_string_lossy().into_owned();
    let codes: Vec<String> = (1..=3000).map(|code| code.to_string()).collect();
    let mut runs: Vec<Vec<String>> = Vec::new();
    for format in ["table", "json", "csv", "markdown"] {
        let with = |args: &[&str]| {
            let mut run: Vec<String> = args.iter().map(|arg| (*arg).to_owned()).collect();
            run.extend(["--format".to_owned(), format.to_owned()]);
            run
        };
        runs.push(with(&["list"]));
        runs.push(with(&["search", "disk"]));
        runs.push(with(&["scan", &log]));
        runs.push(with(&["scan", "--summary", &log]));
        let mut explain = with(&["explain"]);
        explain.extend(codes.iter().cloned());
        runs.push(explain);
    }
    for format in ["markdown", "html"] {
        runs.push(vec!["doc".into(), "--format".into(), format.into()]);
    }
    runs.push(vec!["check".into(), "--verbose".into()]);

    for args in &runs {
        let mut all: Vec<std::ffi::OsString> = vec!["--catalog".into(), path.clone().into()];
        all.extend(args.iter().map(Into::into));
        let (status, stderr) = with_stdout_closed(all);
        assert_eq!(
            (status, stderr.as_str()),
            (Some(0), ""),
            "ecodes {}",
            args.join(" ").chars().take(80).collect::<String>()
        );
    }
}
