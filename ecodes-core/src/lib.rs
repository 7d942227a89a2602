//! The types and formats that both sides of ecodes share: the catalog library and code
//! generator, which read catalogs at build time, and the `no_std` runtime crate, which
//! generated code links against.
//!
//! They live here so that each is defined once: the runtime must not depend on the catalog
//! library (it reads files and CSV), and the catalog library cannot depend on the runtime (the
//! runtime depends on the macros, which depend on the catalog library). Use them through
//! [`ecodes`](https://docs.rs/ecodes) or `ecodes_catalog`, which re-export them.
//!
//! [`table`] is the byte format of the generated lookup tables: its encoder (the `encode`
//! feature, which needs `alloc`) serves the code generator, its decoder the runtime.

#![no_std]

#[cfg(any(test, feature = "encode"))]
extern crate alloc;
#[cfg(test)]
extern crate std;

mod severity;
pub mod table;

pub use severity::{ParseSeverityError, Severity};
