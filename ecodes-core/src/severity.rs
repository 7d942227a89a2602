//! The severity of a catalog entry.

use core::fmt;
use core::str::FromStr;

/// How serious a catalog entry is, ordered from least to most serious.
///
/// Catalogs may leave a severity blank; the generated `severity()` accessors then return `None`
/// rather than an invented level.
///
/// ```
/// use ecodes_core::Severity; // in a product crate: ecodes::Severity
///
/// assert!(Severity::Info < Severity::Error);
/// assert_eq!("Warning".parse::<Severity>(), Ok(Severity::Warning));
/// assert_eq!(Severity::Error.to_string(), "Error");
/// ```
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

    /// The catalog spelling: `Info`, `Warning` or `Error`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "Info",
            Severity::Warning => "Warning",
            Severity::Error => "Error",
        }
    }

    /// Whether this is [`Severity::Error`].
    pub const fn is_error(self) -> bool {
        matches!(self, Severity::Error)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error returned when parsing a [`Severity`] from anything but `Info`, `Warning` or `Error`.
/// Matching ignores ASCII case, so `error` also parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseSeverityError;

impl fmt::Display for ParseSeverityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown severity; expected one of Info, Warning, Error")
    }
}

impl core::error::Error for ParseSeverityError {}

impl FromStr for Severity {
    type Err = ParseSeverityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .into_iter()
            .find(|level| level.as_str().eq_ignore_ascii_case(s))
            .ok_or(ParseSeverityError)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::string::ToString;

    use super::*;

    #[test]
    fn round_trips_every_level() {
        for level in Severity::ALL {
            assert_eq!(level.as_str().parse::<Severity>(), Ok(level));
            assert_eq!(level.to_string(), level.as_str());
        }
    }

    #[test]
    fn orders_by_seriousness() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
    }

    #[test]
    fn only_error_is_an_error() {
        assert!(Severity::Error.is_error());
        assert!(!Severity::Warning.is_error());
        assert!(!Severity::Info.is_error());
    }

    #[test]
    fn an_unknown_severity_lists_the_valid_ones() {
        let err = "Fatal".parse::<Severity>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown severity; expected one of Info, Warning, Error"
        );
        assert_eq!("warning".parse::<Severity>(), Ok(Severity::Warning));
    }
}
