//! The severity levels a catalog row may carry.
//!
//! `ecodes::Severity` mirrors this type for generated code: the runtime crate is `no_std` and
//! must not depend on this one (which reads files and CSV). `tests/api.rs` checks that both spell
//! every level the same way.

use core::fmt;
use core::str::FromStr;

/// How serious a catalog entry is. A blank severity cell is represented as `None` by the model,
/// never as an invented level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// An informational event: nothing failed.
    Info,
    /// Something unexpected that the system works around.
    Warning,
    /// An operation failed.
    Error,
}

impl Severity {
    /// Every severity, least serious first.
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    /// The spelling used in catalogs: `Info`, `Warning` or `Error`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "Info",
            Severity::Warning => "Warning",
            Severity::Error => "Error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error returned when a string is not one of `Info`, `Warning` or `Error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSeverityError {
    found: String,
}

impl fmt::Display for ParseSeverityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown severity `{}`; expected one of Info, Warning, Error, or empty",
            self.found
        )?;
        if let Some(exact) = Severity::ALL
            .iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(self.found.trim()))
        {
            write!(f, " (did you mean `{exact}`?)")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseSeverityError {}

impl FromStr for Severity {
    type Err = ParseSeverityError;

    /// Parses the exact catalog spelling. Case matters so that every catalog spells a level one way.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .into_iter()
            .find(|level| level.as_str() == s)
            .ok_or_else(|| ParseSeverityError {
                found: s.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_level() {
        for level in Severity::ALL {
            assert_eq!(level.as_str().parse::<Severity>(), Ok(level));
            assert_eq!(level.to_string(), level.as_str());
        }
    }

    #[test]
    fn rejects_other_spellings_and_suggests_the_right_case() {
        let err = "error".parse::<Severity>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown severity `error`; expected one of Info, Warning, Error, or empty (did you mean `Error`?)"
        );
        let err = "Fatal".parse::<Severity>().unwrap_err();
        assert!(!err.to_string().contains("did you mean"));
    }

    #[test]
    fn orders_by_seriousness() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
    }
}
