//! The `ecodes` command: the operator's and support engineer's tool for an ecodes catalog, like
//! `MySQL`'s `perror`, Oracle's `oerr` and `rustc --explain`.
//!
//! - `ecodes explain 3530 E4008 Cdp::FileChecksum`: what codes mean, in every language;
//! - `ecodes list`, `ecodes search 快照`: browse and search the catalog;
//! - `ecodes check codes.csv`: validate and lint a catalog, every problem as `FILE:LINE:`;
//! - `ecodes doc`: the catalog as Markdown or HTML documentation;
//! - `ecodes diff v6.1:codes.csv codes.csv`: what changed, and whether it is safe;
//! - `ecodes usage src`: where Rust code names each code, and which codes nothing names;
//! - `ecodes scan app.log.gz`: find catalog codes in logs, streaming, in constant memory.
//!
//! The binary is a thin `main` over [`run`]; each subcommand is a module of `commands`. Only
//! what `main` needs is public, plus [`scan::Matcher`] and [`scan::Scanner`], which are pure
//! over bytes and readers, for fuzz targets and other tools.

mod catalog;
mod commands;
mod entries;
pub mod error;
mod lookup;
mod matcher;
pub mod opts;
mod output;
mod revision;

/// Recognising and streaming codes in logs, pure over bytes and readers, for fuzz targets and
/// other tools.
pub use commands::scan;

use std::io::{self, Write};

use catalog::Loaded;
use error::{Error, Status};
use opts::{Command, Opts};
use output::Paint;

/// Runs the command line: loads the catalog the subcommand needs and runs the subcommand,
/// printing to stdout.
///
/// # Errors
/// Anything that stops the command; `main` prints it with its causes and exits with
/// [`Error::exit_code`], or quietly when stdout was closed ([`Error::is_broken_pipe`]).
pub fn run(opts: &Opts) -> Result<Status, Error> {
    let paint = Paint::for_stdout(opts.color);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 << 10, stdout.lock());
    let status = run_with(opts, &mut out, paint)?;
    out.flush()?;
    Ok(status)
}

/// Runs the command line, printing to `out` with `paint`.
///
/// # Errors
/// As [`run`].
pub fn run_with(opts: &Opts, out: &mut dyn Write, paint: Paint) -> Result<Status, Error> {
    let catalog = opts.catalog.as_deref();
    // `check` reads its catalog itself (reporting problems rather than failing on them), and
    // `completions` and `man` need none.
    let load = || Loaded::load(catalog);
    match &opts.command {
        Command::Explain(args) => commands::explain::run(args, &load()?, out, paint),
        Command::List(args) => commands::list::run(args, &load()?, out, paint),
        Command::Search(args) => commands::search::run(args, &load()?, out, paint),
        Command::Check(args) => commands::check::run(args, catalog, out, paint),
        Command::Doc(args) => commands::doc::run(args, &load()?, out),
        Command::Scan(args) => commands::scan::run(args, &load()?, out, paint),
        Command::Diff(args) => commands::diff::run(args, out, paint),
        Command::Usage(args) => commands::usage::run(args, &load()?, out, paint),
        Command::Completions(args) => commands::completions::run(args, out),
        Command::Man(args) => commands::man::run(args, out),
    }
}
