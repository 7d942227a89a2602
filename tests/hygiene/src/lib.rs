//! Compiles `include_codes!` output under the strictest settings a product crate may use:
//!
//! - `#![no_implicit_prelude]`, so every path in the output must be absolute;
//! - user types named `Result`, `Option`, `Ok`, `Some`, `Box` and `String` in scope;
//! - `#![deny(warnings, missing_docs, unsafe_code, clippy::pedantic)]` (CI runs clippy on it);
//! - two catalogs in two modules of one crate;
//! - a retired (deprecated) code in a catalog, which must not make the generated code warn;
//! - aliases in capitals and in lowercase, one of them for the retired code;
//! - a hex catalog whose subsystems and entries are named `Error`, `Ok`, `Some`, `None`,
//!   `Result`, `Option`, `Default`, `Severity` and `Err`: the names of `TryFrom::Error`,
//!   `FromStr::Err`, the prelude and ecodes' own types.
//!
//! Building this crate is the test; `tests` below also checks that the items behave.

#![no_implicit_prelude]
#![deny(warnings, missing_docs, unsafe_code, clippy::pedantic)]

/// Types that shadow the prelude's names, as a product crate might define them.
#[allow(dead_code, clippy::pedantic)]
mod shadows {
    pub struct Result;
    pub struct Option;
    pub struct Ok;
    pub struct Some;
    pub struct None;
    pub struct Box;
    pub struct String;
    pub struct Err;
    pub struct Vec;
}

/// The product catalog.
pub mod product {
    #[allow(unused_imports)]
    use super::shadows::{Box, Err, None, Ok, Option, Result, Some, String, Vec};

    ::ecodes::include_codes!("codes.csv");
}

/// A second catalog in the same crate: columns in another order, English only, and codes far
/// apart (so it uses the sparse lookup).
pub mod second {
    #[allow(unused_imports)]
    use super::shadows::{Box, Err, None, Ok, Option, Result, Some, String, Vec};

    ::ecodes::include_codes!("second.csv");
}

/// A catalog whose names are those of the generated code's own items and of the prelude: its
/// subsystems are the types that shadow them here.
pub mod names {
    ::ecodes::include_codes!("names.csv");
}

#[cfg(test)]
mod tests {
    use ::std::assert_eq;
    use ::std::option::Option::{None, Some};
    use ::std::string::ToString;

    use super::{names, product, second};

    #[test]
    fn names_of_the_prelude_and_of_generated_items_work() {
        assert_eq!(
            names::Error::from_code(0xC000_0001),
            Some(names::Error::Error)
        );
        assert_eq!(names::Error::Error.name(), "Error");
        assert_eq!(names::Error::Err.written(), "0xC0000009");
        let parsed: ::core::result::Result<names::Code, ::ecodes::ParseCodeError> =
            "0x00000007".parse();
        assert_eq!(
            parsed,
            ::core::result::Result::Ok(names::Code::Err(names::Err::Failure))
        );
        let error = <names::Error as ::core::convert::TryFrom<u32>>::try_from(1);
        assert_eq!(error.unwrap_err().code(), 1);
        assert_eq!(
            names::Severity::Level.severity(),
            Some(::ecodes::Severity::Warning)
        );
        assert_eq!(names::Subsystem::Default.name(), "Default");
        assert_eq!(
            names::Error::Option.to_string(),
            "0xC0000006: An entry named Option"
        );
    }

    #[test]
    fn both_catalogs_work_side_by_side() {
        assert_eq!(
            product::Code::from_code(3530),
            Some(product::Code::Cdp(product::Cdp::FileChecksum))
        );
        assert_eq!(product::Code::from_code(7), None);
        assert_eq!(
            second::Code::from_code(7),
            Some(second::Code::Storage(second::Storage::DiskFull))
        );
        assert_eq!(second::Network::LinkDown.code(), 4_000_000_000);
        assert_eq!(
            second::Code::from_code(4_000_000_000).map(second::Code::subsystem),
            Some(second::Subsystem::Network)
        );
        assert_eq!(second::Storage::Undocumented9.to_string(), "9");
        assert_eq!(second::Storage::DiskFull.to_string(), "7: Disk full");
        assert_eq!(
            second::Storage::DiskFull.help(),
            Some("Check the \"quoted\" {braces}, \\backslashes\\ and\nnewlines.")
        );
        assert_eq!(second::Code::LANGUAGES, ["en"]);
        // A retired code still resolves; only naming its variant warns.
        let retired = second::Code::from_code(4_000_000_001);
        assert_eq!(
            retired.and_then(second::Code::retired),
            Some("replaced by 4000000000")
        );
        assert_eq!(second::Network::LinkDown.retired(), None);
        // Aliases are constants of the subsystem enum, usable in patterns.
        assert_eq!(second::Storage::ENOSPC, second::Storage::DiskFull);
        assert_eq!(second::Storage::disk_full.code(), 7);
        let matched = match second::Storage::from_code(7) {
            Some(second::Storage::ENOSPC) => "ENOSPC",
            _ => "something else",
        };
        assert_eq!(matched, "ENOSPC");
        assert_eq!(
            second::Storage::ALL,
            [
                second::Storage::DiskFull,
                second::Storage::QuotaWarning,
                second::Storage::Undocumented9
            ]
        );
    }
}
