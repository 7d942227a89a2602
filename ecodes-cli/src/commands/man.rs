//! `ecodes man`: the manual pages, rendered from the clap definitions so that they cannot drift
//! from `--help`: `ecodes(1)`, which lists the subcommands, and one `ecodes-COMMAND(1)` page
//! for each.

use std::io::Write;

use clap::CommandFactory;

use crate::error::{Error, Status};
use crate::opts::{ManArgs, Opts};

/// Writes the manual page of `ecodes`, or of the subcommand named, as roff.
///
/// # Errors
/// An unknown subcommand (a usage error) or a failure to write the output.
pub fn run(args: &ManArgs, out: &mut dyn Write) -> Result<Status, Error> {
    // As `clap_mangen::generate_to` does: no `help` subcommand, which has no page of its own;
    // building gives each subcommand its page name, `ecodes-explain`.
    let mut command = Opts::command().disable_help_subcommand(true);
    command.build();
    // Every page's footer names the release, as the top-level page's does by default.
    let source = format!("ecodes {}", command.get_version().unwrap_or_default());
    let page = match &args.command {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                let known: Vec<&str> = command
                    .get_subcommands()
                    .map(clap::Command::get_name)
                    .collect();
                return Err(Error::Usage(format!(
                    "no manual page for `{name}`; the subcommands are {}",
                    known.join(", ")
                )));
            };
            sub.clone()
        }
    };
    // Render into memory, then write, as `completions` does, so a closed pipe is one error.
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(source)
        .render(&mut roff)?;
    out.write_all(&roff)?;
    Ok(Status::Success)
}
