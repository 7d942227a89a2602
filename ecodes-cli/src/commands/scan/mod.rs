//! `ecodes scan`: find catalog codes in logs.
//!
//! [`Matcher`] (in `crate::matcher`, since `explain` finds codes in log excerpts with it too)
//! recognises codes in bytes and [`Scanner`] streams a log through it in constant memory; both are plain library code with no I/O of their own beyond the reader they are
//! given, for fuzz targets and other tools. The rest of this module is the command; `parallel`
//! scans several inputs at once, with the output of scanning them one after the other.

mod input;
mod parallel;
mod report;
mod scanner;

use std::io::{IsTerminal as _, Write};

pub use crate::matcher::{Forms, Found, Locations, Matcher, PatternError, Rule, DEFAULT_PATTERN};
pub use input::{Input, STDIN_NAME};
pub use scanner::{Hit, ScanError, Scanner, Sink, Totals, BUFFER, OVERLAP};

use crate::catalog::Loaded;
use crate::error::{report as report_error, Error, Status};
use crate::opts::{Format, ScanArgs};
use crate::output::Paint;
use parallel::{Batch, Collect};
use report::{Annotate, Rows, Selection, Summary};

/// Runs `ecodes scan`: every input is scanned even if one cannot be read; those that cannot are
/// reported on stderr and make the exit status 1. Several inputs are scanned at once, by up to
/// `--jobs` threads, with the same output and messages as one after the other.
///
/// # Errors
/// A bad `--pattern`, `--lang` or `--subsystem`, or a failure to write the output.
pub fn run(
    args: &ScanArgs,
    loaded: &Loaded,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<Status, Error> {
    let matcher = if args.pattern.is_empty() {
        Matcher::for_catalog(&Forms::new(loaded.catalog()), &args.add_pattern)?
    } else {
        let mut patterns: Vec<&str> = args.pattern.iter().map(String::as_str).collect();
        patterns.extend(args.add_pattern.iter().map(String::as_str));
        Matcher::any(&patterns)?
    };
    let languages = loaded.languages(&args.output.lang)?;
    let selection = Selection::new(loaded, loaded.filter(&args.filter)?, args.unknown);
    let inputs = Input::from_args(&args.files);
    let plan = Plan {
        matcher: &matcher,
        inputs: &inputs,
        workers: workers(args.jobs, inputs.len()),
        threads: threads(args.jobs, inputs.len()),
    };
    let format = args.output.format;

    if args.summary {
        let mut summary = Summary::new(&selection);
        let status = plan.scan(
            &mut summary,
            &|summary, _| summary,
            &mut |summary, totals| {
                summary.inputs += 1;
                summary.lines += totals.lines;
            },
            || Summary::new(&selection),
            |summary, part| {
                summary.merge(&part);
                Ok(())
            },
        )?;
        summary.write(format, &languages, out, paint)?;
        return Ok(status);
    }
    if format == Format::Table {
        let mut annotate = Annotate::new(out, paint, &selection, &languages, args.explain_match);
        return plan
            .scan(
                &mut annotate,
                &|annotate, name| {
                    annotate.input = name;
                    annotate
                },
                &mut |_, _| {},
                Batch::default,
                |annotate, batch| batch.replay(annotate),
            )
            .map_err(Error::from);
    }
    let mut rows = Rows::new(format, out, &selection, &languages, args.explain_match)?;
    let status = plan.scan(
        &mut rows,
        &|rows, name| {
            rows.input = name;
            rows
        },
        &mut |_, _| {},
        Batch::default,
        |rows, batch| batch.replay(rows),
    )?;
    rows.finish()?;
    Ok(status)
}

/// How many worker threads scan `inputs` inputs with `--jobs` at `jobs`: none (this thread
/// alone, as fast as before there were threads) for one input or one job, otherwise one per job
/// up to one per input. The default is one per core.
fn workers(jobs: Option<usize>, inputs: usize) -> usize {
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    if jobs < 2 || inputs < 2 {
        0
    } else {
        jobs.min(inputs)
    }
}

/// How many threads share the search of one input: `--jobs` (one per core by default) for a
/// single input, which no workers split between them; one otherwise.
fn threads(jobs: Option<usize>, inputs: usize) -> usize {
    if inputs == 1 {
        jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
    } else {
        1
    }
}

/// What to scan, and with how many workers.
struct Plan<'a> {
    matcher: &'a Matcher,
    inputs: &'a [Input],
    workers: usize,
    /// How many threads share the search of each input when there are no workers.
    threads: usize,
}

impl Plan<'_> {
    /// Scans each input into the sink that `start` gives for it (it is given the input's name);
    /// `done` receives each input's totals. With workers, `fresh` makes what a worker collects
    /// an input into and `absorb` takes that into the sink; the sink sees the same calls either
    /// way.
    fn scan<T, S, C, E>(
        &self,
        target: &mut T,
        start: &impl Fn(&mut T, String) -> &mut S,
        done: &mut impl FnMut(&mut T, Totals),
        fresh: impl Fn() -> C + Sync,
        absorb: impl FnMut(&mut S, C) -> Result<(), E>,
    ) -> Result<Status, E>
    where
        S: Sink<Error = E>,
        C: Collect,
    {
        if self.workers > 0 {
            return parallel::scan_all(
                parallel::Limits::DEFAULT,
                self.matcher,
                self.inputs,
                self.workers,
                target,
                start,
                done,
                fresh,
                absorb,
            );
        }
        let mut scanner = Scanner::new(self.matcher).threads(self.threads);
        let mut status = Status::Success;
        for input in self.inputs {
            if !scan_one(&mut scanner, input, target, start, done)? {
                status = Status::Failure;
            }
        }
        Ok(status)
    }
}

/// Scans one input on this thread into the sink `start` gives, and reports it on stderr if it
/// cannot be read. Returns whether it was read to its end.
///
/// # Errors
/// The sink's error, which stops the scan.
fn scan_one<T, S, E>(
    scanner: &mut Scanner<'_>,
    input: &Input,
    target: &mut T,
    start: &impl Fn(&mut T, String) -> &mut S,
    done: &mut impl FnMut(&mut T, Totals),
) -> Result<bool, E>
where
    S: Sink<Error = E>,
{
    let name = input.name();
    if input == &Input::Stdin && std::io::stdin().is_terminal() {
        eprintln_quietly(&format!("ecodes: reading {STDIN_NAME}; end it with Ctrl-D"));
    }
    let reader = match input.open() {
        Ok(reader) => reader,
        Err(source) => {
            report_read(name, source);
            return Ok(false);
        }
    };
    let sink = start(target, name.clone());
    match scanner.scan(reader, sink) {
        Ok(totals) => {
            done(target, totals);
            Ok(true)
        }
        Err(ScanError::Sink(err)) => Err(err),
        Err(ScanError::Read(source, totals)) => {
            done(target, totals);
            report_read(name, source);
            Ok(false)
        }
    }
}

/// Reports on stderr that an input cannot be read.
fn report_read(what: String, source: std::io::Error) {
    report_error(&Error::Read { what, source });
}

fn eprintln_quietly(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}
