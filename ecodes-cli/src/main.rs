//! `ecodes`: explain, list, search, check, document and scan logs for the error codes of an
//! ecodes catalog. See `ecodes --help`.

use std::process::ExitCode;

use clap::Parser as _;
use ecodes_cli::error::report;
use ecodes_cli::opts::Opts;

fn main() -> ExitCode {
    // Usage errors exit with status 2 inside `parse`, as clap does.
    let opts = Opts::parse();
    match ecodes_cli::run(&opts) {
        Ok(status) => ExitCode::from(status.code()),
        // `ecodes list | head -1`: the reader has all it wanted.
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            report(&err);
            ExitCode::from(err.exit_code())
        }
    }
}
