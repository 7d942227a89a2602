//! Integration tests that run the real `ecodes` binary. One test binary with a module per
//! subcommand keeps the suite quick to link.

mod bad_input;
mod browser;
mod catalog_option;
mod check;
mod corpus;
mod diff;
mod doc;
mod explain;
mod foreign;
mod list_search;
mod man;
mod misc;
mod notations;
mod pipe;
mod same_words;
mod scan;
mod scan_parallel;
mod url;
mod usage;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// Every subcommand, in the order `--help` lists them. Written out, not read from the clap
/// definition, so that a subcommand added or lost shows up as a test failure.
pub(crate) const SUBCOMMANDS: [&str; 10] = [
    "explain",
    "list",
    "search",
    "check",
    "doc",
    "diff",
    "usage",
    "scan",
    "completions",
    "man",
];

/// The `ecodes` binary, with the environment that changes its behaviour cleared.
pub(crate) fn ecodes() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ecodes"));
    command
        .env_remove("ECODES_CATALOG")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .timeout(std::time::Duration::from_secs(60));
    command
}

/// Runs `ecodes` with these arguments and closes its standard output before reading anything,
/// as `ecodes … | head -1` does once it has its line: the exit status and standard error.
pub(crate) fn with_stdout_closed<I, S>(args: I) -> (Option<i32>, String)
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    use std::io::Read as _;
    use std::process::Stdio;

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ecodes"))
        .args(args)
        .env_remove("ECODES_CATALOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("cannot run ecodes: {err}"));
    drop(child.stdout.take());
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    let status = child
        .wait()
        .unwrap_or_else(|err| panic!("ecodes did not finish: {err}"));
    (status.code(), stderr)
}

/// The workspace root, where codes.csv and the seed fixture are.
pub(crate) fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

/// The standard output of a finished command as text.
pub(crate) fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Writes `contents` to `name` in a new temporary directory.
pub(crate) fn temp_file(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir()
        .unwrap_or_else(|err| panic!("cannot create a temporary directory: {err}"));
    let path = dir.path().join(name);
    std::fs::write(&path, contents)
        .unwrap_or_else(|err| panic!("cannot write {}: {err}", path.display()));
    (dir, path)
}

/// Parses JSON output, failing the test with the text when it is not JSON.
pub(crate) fn json_of(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("not JSON ({err}):\n{}", stdout_of(output)))
}

/// A catalog's languages and every row, with every column, as comparable text sorted by code:
/// what must survive an export.
pub(crate) fn catalog_rows(csv: &[u8]) -> (Vec<String>, Vec<String>) {
    let catalog = ecodes_catalog::Catalog::from_csv(csv)
        .unwrap_or_else(|problems| panic!("not a valid catalog: {problems:?}"));
    let mut rows: Vec<(i128, String)> = catalog
        .entries()
        .iter()
        .map(|entry| {
            let texts: Vec<Option<&str>> = (0..catalog.languages().len())
                .flat_map(|lang| [entry.message(lang), entry.help(lang)])
                .collect();
            let notes: Vec<Option<&str>> = ecodes_catalog::Column::notes()
                .map(|column| entry.note(column))
                .collect();
            let row = format!(
                "{} {} {} {:?} {texts:?} {:?} {notes:?}",
                entry.written(),
                catalog.subsystem_of(entry).name(),
                entry.name(),
                entry.severity(),
                entry.aliases(),
            );
            (entry.key(), row)
        })
        .collect();
    rows.sort();
    (
        catalog.languages().to_vec(),
        rows.into_iter().map(|(_, row)| row).collect(),
    )
}
