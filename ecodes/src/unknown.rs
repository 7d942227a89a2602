//! The error for a number that is not in a catalog.

use core::fmt;

/// A number that is not a code of the catalog it was looked up in.
///
/// Returned by the generated `TryFrom` impls (from the catalog's key type: `u32`, `i32`, `i64`
/// or `u64`); it keeps the code, as an `i64` (a `u64` key above `i64::MAX` as its bits), so
/// that nothing is lost.
///
/// ```
/// let err = ecodes::Code::try_from(9999).unwrap_err();
/// assert_eq!(err.code(), 9999);
/// assert_eq!(err.to_string(), "unknown error code 9999");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownCode {
    code: i64,
}

impl UnknownCode {
    /// Wraps a code that a lookup did not find.
    pub const fn new(code: i64) -> Self {
        UnknownCode { code }
    }

    /// The code that was not found.
    pub const fn code(self) -> i64 {
        self.code
    }
}

/// Text that is not a code as a catalog writes it: what the generated `FromStr` impls return.
/// They parse the written form exactly (`"0xC0000005"`, `"22P02"`, `"3530"`).
///
/// ```
/// let err = "3532".parse::<ecodes::Code>().unwrap_err();
/// assert_eq!(err.to_string(), "not an error code of the catalog, as the catalog writes its codes");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseCodeError;

impl fmt::Display for ParseCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an error code of the catalog, as the catalog writes its codes")
    }
}

impl core::error::Error for ParseCodeError {}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error code {}", self.code)
    }
}

impl core::error::Error for UnknownCode {}
