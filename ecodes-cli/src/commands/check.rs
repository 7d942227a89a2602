//! `ecodes check`: validate and lint a catalog, reporting everything at once as `FILE:LINE:`.

use std::io::Write;
use std::path::{Path, PathBuf};

use ecodes_catalog::{lint, Lint, LintWarning, Problem};

use crate::catalog::Loaded;
use crate::commands::diff;
use crate::error::{Error, Status};
use crate::opts::CheckArgs;
use crate::output::{plural, style, Paint};
use crate::revision;

/// The catalog checked when none is named.
pub const DEFAULT_FILE: &str = "codes.csv";

/// Runs `ecodes check`: prints every problem (error), then each lint as one line with its count
/// and first lines (every warning, sorted by line with the errors, with `--verbose`), then the
/// totals. Status: 1 on errors, 2 on warnings with `--deny-warnings`.
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
    if args.verbose {
        let mut findings: Vec<Finding<'_>> = parsed
            .problems
            .iter()
            .map(Finding::Error)
            .chain(warnings.iter().map(Finding::Warning))
            .collect();
        findings.sort_by_key(Finding::line);
        for finding in &findings {
            finding.write(&file, out, paint)?;
        }
    } else {
        // Errors each need fixing, so each is listed, up to a bound that keeps a broken file (a
        // header of 100,000 columns) from burying the terminal; a lint is one line, with its
        // count and first lines, since a catalog may break one lint on every row.
        for problem in parsed.problems.iter().take(LISTED_ERRORS) {
            Finding::Error(problem).write(&file, out, paint)?;
        }
        let more = parsed.problems.len().saturating_sub(LISTED_ERRORS);
        if more > 0 {
            let line = format!(
                "{file}: … and {more} more error{}; `ecodes check --verbose` lists every one",
                plural(more)
            );
            paint.write(out, style::ERROR, &line)?;
            out.write_all(b"\n")?;
        }
        for lint in Lint::ALL {
            let found: Vec<&LintWarning> = warnings
                .iter()
                .filter(|warning| warning.lint() == lint)
                .collect();
            match found.as_slice() {
                [] => {}
                [one] => Finding::Warning(one).write(&file, out, paint)?,
                several => {
                    let line = summary_line(&file, lint, several);
                    paint.write(out, style::WARNING, &line)?;
                    out.write_all(b"\n")?;
                }
            }
        }
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
    if args.verbose {
        for lint in Lint::ALL {
            let count = warnings
                .iter()
                .filter(|warning| warning.lint() == lint)
                .count();
            if count > 0 {
                writeln!(out, "  {count:>5} {}: {}", lint.name(), lint.description())?;
            }
        }
    } else if warnings.len() > Lint::ALL.len() {
        writeln!(out, "{file}: `ecodes check --verbose` lists every warning")?;
    }
    let status = if errors > 0 {
        Status::Failure
    } else if args.deny_warnings && !warnings.is_empty() {
        Status::Warnings
    } else {
        Status::Success
    };
    match &args.baseline {
        Some(revision) if errors == 0 => {
            let current = Loaded::new(parsed.catalog, file.clone());
            Ok(status.and(compare_with(revision, &path, &current, args, out, paint)?))
        }
        _ => Ok(status),
    }
}

/// `--baseline REV`: the changes since the catalog at `REV:PATH`, as `ecodes diff` reports them.
fn compare_with(
    revision: &str,
    path: &Path,
    current: &Loaded,
    args: &CheckArgs,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<Status, Error> {
    // `./` makes git read the path relative to the working directory, as the user wrote it.
    let relative = match std::env::current_dir() {
        Ok(dir) if path.is_absolute() => path.strip_prefix(&dir).unwrap_or(path).to_path_buf(),
        _ => path.to_path_buf(),
    };
    let spec = format!("{revision}:./{}", relative.display());
    let baseline = revision::load_revision(&spec)?;
    let changes = ecodes_catalog::diff(baseline.catalog(), current.catalog());
    diff::report(&changes, &baseline, current, &args.allow_change, out, paint)?;
    Ok(diff::verdict(&changes, &args.allow_change))
}

/// How many errors are listed without `--verbose`.
pub const LISTED_ERRORS: usize = 50;

/// How many of a lint's lines its summary names.
const FIRST_LINES: usize = 5;

/// One lint's findings on one line: `FILE:LINE: warning: 164 rows with a blank severity
/// (lines 3, 4, 5, 6, 7 and 159 more) [blank-severity]`, at the first line it applies to.
fn summary_line(file: &str, lint: Lint, found: &[&LintWarning]) -> String {
    let lines: Vec<String> = found
        .iter()
        .take(FIRST_LINES)
        .map(|warning| warning.line().to_string())
        .collect();
    let more = found.len().saturating_sub(FIRST_LINES);
    let lines = if more > 0 {
        format!("{} and {more} more", lines.join(", "))
    } else {
        lines.join(", ")
    };
    format!(
        "{file}:{}: warning: {} {} (lines {lines}) [{}]",
        found[0].line(),
        found.len(),
        lint.description(),
        lint.name()
    )
}

/// An error or a warning, to sort them together by line.
enum Finding<'a> {
    Error(&'a Problem),
    Warning(&'a LintWarning),
}

impl Finding<'_> {
    fn write(&self, file: &str, out: &mut dyn Write, paint: Paint) -> Result<(), Error> {
        match self {
            Finding::Error(problem) => {
                paint.write(out, style::ERROR, &problem.display_in(file).to_string())?;
            }
            Finding::Warning(warning) => {
                paint.write(out, style::WARNING, &warning.display_in(file).to_string())?;
            }
        }
        out.write_all(b"\n")?;
        Ok(())
    }

    /// Whole-file problems first, then by line.
    fn line(&self) -> u64 {
        match self {
            Finding::Error(problem) => problem.line().unwrap_or(0),
            Finding::Warning(warning) => warning.line(),
        }
    }
}
