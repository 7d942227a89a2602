//! Procedural macros for [ecodes](https://docs.rs/ecodes). Use them through the `ecodes` crate,
//! which re-exports them and holds the types their output refers to.
//!
//! This crate is a thin shim: reading and validating a catalog is done by the plain
//! `ecodes-catalog` library, so the `ecodes` command and the tests apply the same rules and
//! print the same messages. Here, a validated model only becomes tokens.

mod docs;
mod expand;
mod include;
mod layout;

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
    include::include_codes(input.into()).into()
}
