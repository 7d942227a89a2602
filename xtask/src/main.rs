//! The workspace's build tasks, run as `cargo xtask TASK` (the cargo-xtask convention: the alias
//! is in `.cargo/config.toml`).
//!
//! - `cargo xtask dist`: the release artifacts in `target/dist/`: a portable archive whose
//!   binary needs glibc 2.17 at most, a `.deb`, an `.rpm` and `SHA256SUMS`, checked before they
//!   are written down as done. See [`dist`].
//!
//! The tasks drive existing tools and install those that are missing ([`tools`]). Progress goes
//! to stderr as `xtask: …`; a failure is one `xtask: error: …` line and exit status 1.

mod check;
mod dist;
mod run;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask TASK

Tasks:
  dist    build the release artifacts into target/dist/: the portable .tar.gz (glibc 2.17),
          the .deb, the .rpm and SHA256SUMS, and check them
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["dist"] => dist::dist(),
        ["help" | "--help" | "-h"] => {
            eprint!("{USAGE}");
            Ok(())
        }
        [] => Err(run::Error::new(format!("no task given\n{USAGE}"))),
        ["dist", ..] => Err(run::Error::new("`dist` takes no arguments")),
        [task, ..] => Err(run::Error::new(format!("unknown task `{task}`\n{USAGE}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: error: {err}");
            ExitCode::FAILURE
        }
    }
}
