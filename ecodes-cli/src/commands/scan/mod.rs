//! `ecodes scan`: find catalog codes in logs.
//!
//! [`Matcher`] recognises codes in bytes and [`Scanner`] streams a log through it in constant
//! memory; both are plain library code with no I/O of their own beyond the reader they are
//! given, for fuzz targets and other tools. The rest of this module is the command.

mod input;
pub(crate) mod matcher;
mod report;
mod scanner;

use std::io::{IsTerminal as _, Write};

pub use input::{Input, STDIN_NAME};
pub use matcher::{Found, Locations, Matcher, PatternError, DEFAULT_PATTERN};
pub use scanner::{Hit, ScanError, Scanner, Sink, Totals, BUFFER, OVERLAP};

use crate::catalog::Loaded;
use crate::error::{report as report_error, Error, Status};
use crate::opts::{Format, ScanArgs};
use crate::output::Paint;
use report::{Annotate, Rows, Selection, Summary};

/// Runs `ecodes scan`: every input is scanned even if one cannot be read; those that cannot are
/// reported on stderr and make the exit status 1.
///
/// # Errors
/// A bad `--pattern`, `--lang` or `--subsystem`, or a failure to write the output.
pub fn run(
    args: &ScanArgs,
    loaded: &Loaded,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<Status, Error> {
    let mut patterns: Vec<&str> = if args.pattern.is_empty() {
        vec![DEFAULT_PATTERN]
    } else {
        args.pattern.iter().map(String::as_str).collect()
    };
    patterns.extend(args.add_pattern.iter().map(String::as_str));
    let matcher = Matcher::any(&patterns)?;
    let languages = loaded.languages(&args.output.lang)?;
    let selection = Selection::new(loaded, loaded.filter(&args.filter)?, args.unknown);
    let inputs = Input::from_args(&args.files);
    let mut scanner = Scanner::new(&matcher);
    let format = args.output.format;

    if args.summary {
        let mut summary = Summary::new(&selection);
        let status = scan_all(
            &mut scanner,
            &inputs,
            &mut summary,
            |summary, _| summary,
            |summary, totals| {
                summary.inputs += 1;
                summary.lines += totals.lines;
            },
        )?;
        summary.write(format, &languages, out, paint)?;
        return Ok(status);
    }
    if format == Format::Table {
        let mut annotate = Annotate::new(out, paint, &selection, &languages);
        return scan_all(
            &mut scanner,
            &inputs,
            &mut annotate,
            |annotate, name| {
                annotate.input = name;
                annotate
            },
            |_, _| {},
        )
        .map_err(Error::from);
    }
    let mut rows = Rows::new(format, out, &selection, &languages)?;
    let status = scan_all(
        &mut scanner,
        &inputs,
        &mut rows,
        |rows, name| {
            rows.input = name;
            rows
        },
        |_, _| {},
    )?;
    rows.finish()?;
    Ok(status)
}

/// Scans each input into `sink`; `start` prepares the sink for an input (it is given the
/// input's name), `done` receives each input's totals.
fn scan_all<T, S, E>(
    scanner: &mut Scanner<'_>,
    inputs: &[Input],
    target: &mut T,
    start: impl Fn(&mut T, String) -> &mut S,
    mut done: impl FnMut(&mut T, Totals),
) -> Result<Status, E>
where
    S: Sink<Error = E>,
{
    let mut status = Status::Success;
    for input in inputs {
        let name = input.name();
        if input == &Input::Stdin && std::io::stdin().is_terminal() {
            eprintln_quietly(&format!("ecodes: reading {STDIN_NAME}; end it with Ctrl-D"));
        }
        let reader = match input.open() {
            Ok(reader) => reader,
            Err(source) => {
                report_error(&Error::Read { what: name, source });
                status = Status::Failure;
                continue;
            }
        };
        let sink = start(target, name.clone());
        match scanner.scan(reader, sink) {
            Ok(totals) => done(target, totals),
            Err(ScanError::Sink(err)) => return Err(err),
            Err(ScanError::Read(source, totals)) => {
                done(target, totals);
                report_error(&Error::Read { what: name, source });
                status = Status::Failure;
            }
        }
    }
    Ok(status)
}

fn eprintln_quietly(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}
