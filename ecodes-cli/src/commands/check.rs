//! `ecodes check`: validate and lint a catalog, reporting everything at once as `FILE:LINE:`.

use std::io::Write;
use std::path::{Path, PathBuf};

use ecodes_catalog::{lint, Lint, LintWarning, Problem};

use crate::error::{Error, Status};
use crate::opts::CheckArgs;
use crate::output::{style, Paint};

/// The catalog checked when none is named.
pub const DEFAULT_FILE: &str = "codes.csv";

/// Runs `ecodes check`: prints every problem (error) and lint warning sorted by line, then a
/// summary with counts per lint. Status: 1 on errors, 2 on warnings with `--deny-warnings`.
///
/// # Errors
/// A failure to write the output. (An unreadable catalog is a problem, reported like the others.)
pub fn run(
    args: &CheckArgs,
    catalog: Option<&Path>,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<Status, Error> {
    let path = args
        .file
        .clone()
        .or_else(|| catalog.map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_FILE));
    let file = path.display().to_string();
    let parsed = ecodes_catalog::read_file(&path);

    // Lint what is valid even when some rows are not: every finding at once.
    let warnings: Vec<LintWarning> = lint(&parsed.catalog)
        .into_iter()
        .filter(|warning| !args.allow.contains(&warning.lint()))
        .collect();
    let mut findings: Vec<Finding<'_>> = parsed
        .problems
        .iter()
        .map(Finding::Error)
        .chain(warnings.iter().map(Finding::Warning))
        .collect();
    findings.sort_by_key(Finding::line);
    for finding in &findings {
        match finding {
            Finding::Error(problem) => {
                paint.write(out, style::ERROR, &problem.display_in(&file).to_string())?;
            }
            Finding::Warning(warning) => {
                paint.write(out, style::WARNING, &warning.display_in(&file).to_string())?;
            }
        }
        out.write_all(b"\n")?;
    }

    let errors = parsed.problems.len();
    let entries = parsed.catalog.entries().len();
    let subsystems = parsed.catalog.subsystems().len();
    writeln!(
        out,
        "{file}: {entries} code{} in {subsystems} subsystem{}; {errors} error{}, {} warning{}",
        plural(entries),
        plural(subsystems),
        plural(errors),
        warnings.len(),
        plural(warnings.len())
    )?;
    for lint in Lint::ALL {
        let count = warnings
            .iter()
            .filter(|warning| warning.lint() == lint)
            .count();
        if count > 0 {
            writeln!(out, "  {count:>5} {}: {}", lint.name(), lint.description())?;
        }
    }
    Ok(if errors > 0 {
        Status::Failure
    } else if args.deny_warnings && !warnings.is_empty() {
        Status::Warnings
    } else {
        Status::Success
    })
}

/// An error or a warning, to sort them together by line.
enum Finding<'a> {
    Error(&'a Problem),
    Warning(&'a LintWarning),
}

impl Finding<'_> {
    /// Whole-file problems first, then by line.
    fn line(&self) -> u64 {
        match self {
            Finding::Error(problem) => problem.line().unwrap_or(0),
            Finding::Warning(warning) => warning.line(),
        }
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}
