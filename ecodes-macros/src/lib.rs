//! Procedural macros for [ecodes](https://docs.rs/ecodes). Use them through the `ecodes` crate,
//! which re-exports them and holds the types their output refers to.
//!
//! This crate is a shim, as `pest_derive` is for `pest_generator`: the work is done by the plain
//! library `ecodes-codegen`, which tests and fuzzers call directly.

use proc_macro::TokenStream;

/// Generates typed error-code enums from a CSV catalog.
///
/// ```ignore
/// ecodes::include_codes!("codes.csv");
/// ```
///
/// The path is relative to the invoking crate's `CARGO_MANIFEST_DIR`. See the `ecodes` crate
/// for what is generated. Every problem in the catalog is reported at once, as
/// `codes.csv:LINE: what is wrong`, on the path literal; the valid rows are still generated so
/// that one mistake does not cause a cascade of follow-on errors.
#[proc_macro]
pub fn include_codes(input: TokenStream) -> TokenStream {
    ecodes_codegen::include_codes(input.into()).into()
}

/// A compile-time-checked reference to an entry of the product catalog.
///
/// ```ignore
/// const CHECKSUM: ecodes::Cdp = ecodes::ecode!(3530);
/// ```
///
/// Takes the code as written in code or logs: `3530`, `E3530`, `FileChecksum`,
/// `Cdp::FileChecksum`, or any of these in a string. It expands to the variant's path, so it is
/// usable in `const` items and in `match` patterns. A code the catalog does not have is a compile
/// error that suggests the nearest ones. `ecode!(3530, catalog = "codes.csv", module =
/// crate::codes)` checks against a catalog that `include_codes!` expanded in `crate::codes`.
#[proc_macro]
pub fn ecode(input: TokenStream) -> TokenStream {
    ecodes_codegen::ecode(input.into()).into()
}

/// Implements `ecodes::ErrorCode` and `From<&T> for Code` for a product's own error type.
///
/// Each variant of an enum (or the struct itself) names its catalog entry with
/// `#[ecode(3530)]`, `#[ecode(E3530)]` or `#[ecode(Cdp::FileChecksum)]`, checked at compile time.
/// See the `ecodes` crate for the details.
#[proc_macro_derive(ErrorCode, attributes(ecode))]
pub fn derive_error_code(input: TokenStream) -> TokenStream {
    ecodes_codegen::derive_error_code(input.into()).into()
}
