//! The error type of the `ecodes` command, and how a run ends (its exit status).

use core::fmt;
use std::io;

use ecodes_catalog::Problem;

use crate::matcher::PatternError;
use crate::output::counted;

/// How a command that ran to the end went; `main` turns it into the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything asked for was found and is fine: exit status 0.
    Success,
    /// Something asked for was not found or is wrong (an unknown code, a catalog with errors, an
    /// input that could not be read); the details are already printed: exit status 1.
    Failure,
    /// `check --deny-warnings` found warnings: exit status 2.
    Warnings,
    /// `diff` (or `check --baseline`) found breaking changes, and they were not allowed: exit
    /// status 3.
    Breaking,
}

impl Status {
    /// The process exit status.
    pub const fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::Failure => 1,
            Status::Warnings => 2,
            Status::Breaking => 3,
        }
    }

    /// The worse of two statuses, for commands that handle several inputs: a failure outweighs
    /// warnings, which outweigh success.
    #[must_use]
    pub fn and(self, other: Status) -> Status {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }

    const fn rank(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::Warnings => 1,
            Status::Breaking => 2,
            Status::Failure => 3,
        }
    }
}

/// How many of a catalog's problems an error lists; `ecodes check --verbose` lists them all.
const LISTED: usize = 20;

/// Why a command could not do its job. Each is printed by `main` as `ecodes: error: …`, followed
/// by its cause chain.
#[derive(Debug)]
pub enum Error {
    /// The catalog has problems; each is rendered `FILE:LINE: message`.
    Catalog {
        /// The catalog as named to the user.
        file: String,
        /// Every problem, sorted by line.
        problems: Vec<Problem>,
    },
    /// An input could not be opened or read.
    Read {
        /// What was being read, such as `app.log`.
        what: String,
        /// The I/O error.
        source: io::Error,
    },
    /// Writing the output failed. A closed pipe is reported like this too, and `main` ends
    /// quietly on it.
    Write(io::Error),
    /// A `--pattern` or `--add-pattern` cannot be searched for.
    Pattern(PatternError),
    /// `--lang` names a language the catalog does not have.
    UnknownLanguage {
        /// The language asked for.
        lang: String,
        /// The catalog's languages.
        known: Vec<String>,
    },
    /// Options that do not make sense together, found after parsing (exit status 2, as clap's).
    Usage(String),
    /// git could not give `REV:PATH`.
    Git {
        /// The catalog as named, `REV:PATH`.
        spec: String,
        /// What git said.
        message: String,
    },
    /// `--subsystem` names a subsystem the catalog does not have.
    UnknownSubsystem {
        /// The subsystem asked for.
        name: String,
        /// The catalog's subsystems.
        known: Vec<String>,
        /// The one the name most likely meant.
        closest: Option<String>,
    },
}

impl Error {
    /// The exit status for this error: 2 for a usage error, as clap's, otherwise 1.
    pub const fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => Status::Failure.code(),
        }
    }

    /// Whether this is a write to a closed pipe (`ecodes list | head -1`), which ends the
    /// command quietly rather than as an error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write(err) if err.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Catalog { file, problems } => {
                if let [only] = problems.as_slice() {
                    if only.line().is_none() {
                        // `cannot read the catalog `x.csv`: No such file or directory`
                        return f.write_str(only.message());
                    }
                }
                let count = problems.len();
                write!(f, "the catalog `{file}` has {}:", counted(count, "problem"))?;
                // A file can have any number of problems; `ecodes check` lists them all.
                for problem in problems.iter().take(LISTED) {
                    write!(f, "\n{}", problem.display_in(file))?;
                }
                if count > LISTED {
                    write!(
                        f,
                        "\n{file}: … and {} more; `ecodes check --verbose {file}` lists every one",
                        count - LISTED
                    )?;
                }
                Ok(())
            }
            Error::Read { what, .. } => write!(f, "cannot read `{what}`"),
            Error::Write(_) => f.write_str("cannot write the output"),
            Error::Pattern(err) => err.fmt(f),
            Error::UnknownLanguage { lang, known } => write!(
                f,
                "unknown language `{lang}`; the catalog has {}, or use `all`",
                known.join(", ")
            ),
            Error::Usage(message) => f.write_str(message),
            Error::Git { spec, message } => write!(f, "cannot read `{spec}` from git: {message}"),
            Error::UnknownSubsystem {
                name,
                known,
                closest,
            } => {
                write!(f, "unknown subsystem `{name}`")?;
                if let Some(close) = closest {
                    write!(f, " (did you mean `{close}`?)")?;
                }
                write!(f, "; the catalog has {}", known.join(", "))
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write(source) => Some(source),
            Error::Pattern(err) => std::error::Error::source(err),
            _ => None,
        }
    }
}

impl From<io::Error> for Error {
    /// Output errors are the only I/O errors converted implicitly; reads name their input.
    fn from(err: io::Error) -> Self {
        Error::Write(err)
    }
}

impl From<PatternError> for Error {
    fn from(err: PatternError) -> Self {
        Error::Pattern(err)
    }
}

impl From<csv::Error> for Error {
    /// Keeps the I/O error of a failed write as it is, so that a closed pipe is still seen as
    /// one; `csv`'s own conversion would wrap it in an error of kind `Other`.
    fn from(err: csv::Error) -> Self {
        if !err.is_io_error() {
            return Error::Write(io::Error::other(err));
        }
        match err.into_kind() {
            csv::ErrorKind::Io(io) => Error::Write(io),
            other => Error::Write(io::Error::other(format!("{other:?}"))),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Error::Write(err.into())
    }
}

/// Prints `ecodes: error: MESSAGE` and then each cause as `  caused by: CAUSE` on stderr.
///
/// Errors writing to stderr are ignored: there is nowhere left to report them.
pub fn report(err: &dyn std::error::Error) {
    use std::io::Write as _;

    let mut stderr = anstream::stderr().lock();
    let red = anstyle::AnsiColor::Red.on_default().bold();
    let _ = write!(stderr, "ecodes: {red}error{red:#}: {err}");
    let mut cause = err.source();
    while let Some(inner) = cause {
        let _ = write!(stderr, "\n  caused by: {}", describe_cause(inner));
        cause = inner.source();
    }
    let _ = writeln!(stderr);
}

/// I/O errors read better without Rust's `(os error 2)` suffix.
fn describe_cause(err: &(dyn std::error::Error + 'static)) -> String {
    match err.downcast_ref::<io::Error>() {
        Some(io) => ecodes_catalog::describe_io_error(io),
        None => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_errors_list_every_problem_with_its_line() {
        let err = Error::Catalog {
            file: "bad.csv".to_owned(),
            problems: vec![
                Problem::at(3, "empty code"),
                Problem::at(7, "duplicate code 1"),
            ],
        };
        assert_eq!(
            err.to_string(),
            "the catalog `bad.csv` has 2 problems:\nbad.csv:3: empty code\nbad.csv:7: duplicate code 1"
        );
    }

    #[test]
    fn suggests_a_close_subsystem() {
        let err = Error::UnknownSubsystem {
            name: "cpd".to_owned(),
            known: vec!["Cdp".to_owned(), "Ha".to_owned()],
            closest: Some("Cdp".to_owned()),
        };
        assert_eq!(
            err.to_string(),
            "unknown subsystem `cpd` (did you mean `Cdp`?); the catalog has Cdp, Ha"
        );
    }

    #[test]
    fn only_a_closed_pipe_is_quiet() {
        assert!(Error::Write(io::ErrorKind::BrokenPipe.into()).is_broken_pipe());
        assert!(!Error::Write(io::ErrorKind::Other.into()).is_broken_pipe());
    }

    #[test]
    fn a_closed_pipe_under_csv_and_json_is_still_a_closed_pipe() {
        let closed = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(Error::from(csv::Error::from(closed())).is_broken_pipe());
        assert!(Error::from(serde_json::Error::io(closed())).is_broken_pipe());
    }

    #[test]
    fn the_worse_status_wins() {
        assert_eq!(Status::Success.and(Status::Failure), Status::Failure);
        assert_eq!(Status::Warnings.and(Status::Failure), Status::Failure);
        assert_eq!(Status::Success.and(Status::Warnings), Status::Warnings);
        assert_eq!(Status::Warnings.and(Status::Breaking), Status::Breaking);
        assert_eq!(Status::Breaking.and(Status::Failure), Status::Failure);
        assert_eq!(Status::Breaking.code(), 3);
        assert_eq!(Status::Failure.and(Status::Success), Status::Failure);
    }
}
