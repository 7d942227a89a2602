//! The error for a number that is not in a catalog.

use core::fmt;

/// A number that is not a code of the catalog it was looked up in.
///
/// Returned by the generated `TryFrom<u32>` impls; it keeps the code so that nothing is lost.
///
/// ```
/// let err = ecodes::Code::try_from(9999).unwrap_err();
/// assert_eq!(err.code(), 9999);
/// assert_eq!(err.to_string(), "unknown error code 9999");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownCode {
    code: u32,
}

impl UnknownCode {
    /// Wraps a code that a lookup did not find.
    pub const fn new(code: u32) -> Self {
        UnknownCode { code }
    }

    /// The code that was not found.
    pub const fn code(self) -> u32 {
        self.code
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error code {}", self.code)
    }
}

impl core::error::Error for UnknownCode {}
