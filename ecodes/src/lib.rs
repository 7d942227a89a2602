//! Typed, documented, compile-time-checked error codes from one CSV catalog.
//!
//! A product's error codes live in one file, `codes.csv` (the README gives its schema, which the
//! `ecodes-catalog` crate checks). [`include_codes!`] reads it at compile time and generates, in
//! the calling module:
//!
//! - one enum per subsystem (`Cdp`, `Ha`, ...), whose discriminants are the codes;
//! - `Code`, which wraps every subsystem enum, and `Subsystem`, which names them;
//! - `code()`, `from_code()`, `severity()`, `name()`, `message()`, `help()`, `message_in()`,
//!   `help_in()` and `ALL` on each, plus `From`/`TryFrom<u32>`, `Display`, `Error` and
//!   [`ErrorCode`] impls.
//!
//! This crate also carries the product's own catalog, generated from the workspace's
//! `codes.csv`, so [`Cdp`], [`Code`] and the rest are ready to use:
//!
//! ```
//! use ecodes::{Cdp, Code, Severity, Subsystem};
//!
//! let code = Code::from_code(3530).expect("3530 is in the catalog");
//! assert_eq!(code, Code::Cdp(Cdp::FileChecksum));
//! assert_eq!(code.subsystem(), Subsystem::Cdp);
//! assert_eq!(code.severity(), Some(Severity::Error));
//! assert_eq!(code.message(), "文件Checksum错误");
//! assert_eq!(code.message_in("en"), Some("File checksum error"));
//! assert_eq!(code.to_string(), "3530: 文件Checksum错误");
//!
//! // The codes are the discriminants, and every accessor is usable in const context.
//! const CHECKSUM: u32 = Cdp::FileChecksum.code();
//! const LEVEL: Option<Severity> = Cdp::FileChecksum.severity();
//! assert_eq!((CHECKSUM, LEVEL), (3530, Some(Severity::Error)));
//! assert_eq!(Cdp::FileChecksum as u32, 3530);
//!
//! assert!(Code::try_from(9999).is_err());
//! ```
//!
//! # Product error types
//! [`ErrorCode`](derive@ErrorCode) (the derive) ties a product's own error type to catalog
//! codes, and [`ecode!`] refers to one entry; both are checked when the crate compiles:
//!
//! ```
//! use ecodes::{ecode, Cdp, Code, ErrorCode};
//!
//! #[derive(Debug, ecodes::ErrorCode)]
//! enum MirrorError {
//!     #[ecode(3530)]
//!     Checksum { path: String },
//!     #[ecode(Cdp::CopyFile)]
//!     Copy,
//! }
//!
//! let err = MirrorError::Checksum { path: "/data/a".into() };
//! assert_eq!((err.code(), err.name()), (3530, "FileChecksum"));
//! assert_eq!(Code::from(&MirrorError::Copy), Code::Cdp(Cdp::CopyFile));
//!
//! const CHECKSUM: Cdp = ecode!(E3530);
//! assert!(matches!(Code::from(&err), Code::Cdp(ecode!(3530))));
//! # let _ = CHECKSUM;
//! ```
//!
//! A code that is not in the catalog does not compile:
//!
//! ```compile_fail
//! #[derive(Debug, ecodes::ErrorCode)]
//! enum MirrorError {
//!     #[ecode(3532)] // unknown error code 3532: ...; did you mean 3531 (`Cdp::InvalidCdpDescriptor`), ...?
//!     Descriptor,
//! }
//! ```
//!
//! # Generated `Display`
//! Every generated type displays as `CODE: message`, the message in the catalog's default
//! language (the first `message_<lang>` column; `zh` for the product catalog). An undocumented
//! entry displays as the code alone. `Debug` shows the variant name. Neither allocates.
//!
//! # `no_std`
//! This crate and the code it generates use only `core`.

#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "std")]
extern crate std;

extern crate self as ecodes;

mod error_code;
mod integrations;
mod severity;
mod unknown;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use ecodes_macros::{ecode, include_codes, ErrorCode};
pub use error_code::ErrorCode;
pub use severity::{ParseSeverityError, Severity};
pub use unknown::UnknownCode;

mod catalog {
    //! The product's catalog, generated from the workspace's `codes.csv`.
    crate::include_codes!("codes.csv");
}

pub use catalog::*;

/// The text of the product's catalog, `codes.csv`, exactly as compiled into this crate.
///
/// Tools that need the whole model (the `ecodes` command, documentation renderers) parse it with
/// `ecodes-catalog`, so they see the same catalog as the generated types.
///
/// ```
/// assert!(ecodes::CATALOG_CSV.starts_with("code,subsystem,name,severity,"));
/// ```
pub const CATALOG_CSV: &str = include_str!("../codes.csv");
