//! The lookup tables of a generated catalog, defined once: [`format`] the byte layout,
//! `encode` (with the `encode` feature) what the code generator writes, and the decoder
//! ([`Catalog`] and its parts) what generated code reads at run time, through
//! `ecodes::__private`. It serves generated code and the code generator, not users: it may
//! change in any release.
//!
//! Generated code relies on the two sides agreeing exactly: [`Texts::get`] slices without
//! checking character boundaries, and `from_code` builds a value from a code once the tables
//! have confirmed it. The property test (`roundtrip.rs`, over 10,000 random catalogs per run)
//! encodes with one side and decodes with the other.
//!
//! The decoder is `no_std` and allocation-free; every lookup and accessor is
//! `#[inline(always)]` (and a `const fn` where it can be), so that a constant catalog folds
//! into its caller.

mod decode;
#[cfg(any(test, feature = "encode"))]
pub mod encode;
pub mod format;
#[cfg(test)]
mod roundtrip;

pub use decode::{Catalog, Groups, Lookup, Texts};
pub use format::CONTIGUOUS;
