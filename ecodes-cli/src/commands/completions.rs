//! `ecodes completions`: shell completion scripts.

use std::io::Write;

use clap::CommandFactory;

use crate::error::{Error, Status};
use crate::opts::{CompletionsArgs, Opts};

/// Writes the completion script for the shell.
///
/// # Errors
/// A failure to write the output.
pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<Status, Error> {
    let mut command = Opts::command();
    // clap_complete panics on write errors; render into memory, then write with error handling.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "ecodes", &mut script);
    out.write_all(&script)?;
    Ok(Status::Success)
}
