//! Typed, documented, compile-time-checked error codes from one CSV catalog.
//!
//! A product's error codes live in one file, `codes.csv` (its schema is [below](#the-catalog),
//! and the `ecodes-catalog` crate checks it). [`include_codes!`] reads it at compile time and
//! generates, in the calling module:
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
//! # The catalog
//!
//! A catalog is a CSV file (RFC 4180 quoting; a UTF-8 BOM and CRLF line ends are accepted) whose
//! header names these columns, in any order. Any other column is an error, so a typo such as
//! `mesage_en` cannot slip through.
//!
//! | column | content |
//! |---|---|
//! | `code` | decimal, fits in a `u32`, unique in the catalog |
//! | `subsystem` | an uppercase ASCII letter, then ASCII letters and digits; one enum per subsystem |
//! | `name` | the same rule, unique within its subsystem: the variant |
//! | `severity` | `Info`, `Warning`, `Error`, or empty for unspecified |
//! | `message_<lang>` | the message in one language; at least one; the first is the default |
//! | `help_<lang>` | optional: the possible causes and the solution |
//! | `aliases` | optional: other names, Rust identifiers separated by spaces; associated constants |
//! | `retired` | optional: why the code is no longer emitted; the variant is `#[deprecated]` |
//!
//! A catalog with mistakes fails to compile with one error per problem, as `FILE:LINE: what is
//! wrong`. Here is a whole catalog, this crate's `doc/links.csv`, and what it gives:
//!
//! ```csv
//! code,subsystem,name,severity,message_en,help_en,aliases,retired
//! 7,Link,Down,Error,The link is down,Check the cable.,LINK_DOWN,
//! 8,Link,Flapping,Warning,The link goes up and down,,,
//! 9,Link,OldProbe,Info,Probe sent,,,replaced by 8 in 2.0
//! ```
//!
//! ```
//! mod codes {
//!     // The path is relative to the crate's `CARGO_MANIFEST_DIR`.
//!     ecodes::include_codes!("doc/links.csv");
//! }
//! use codes::{Code, Link, Subsystem};
//! use ecodes::{ecode, Severity};
//!
//! assert_eq!(Link::Down.code(), 7);
//! assert_eq!(Link::Down as u32, 7);
//! assert_eq!(Link::from_code(8), Some(Link::Flapping));
//! assert_eq!(Link::Down.severity(), Some(Severity::Error));
//! assert_eq!(Link::Down.message(), "The link is down");
//! assert_eq!(Link::Down.help(), Some("Check the cable."));
//! assert_eq!(Link::Down.to_string(), "7: The link is down");
//! assert_eq!(Link::LINK_DOWN, Link::Down); // an alias
//! assert_eq!(Code::from_code(9).and_then(Code::retired), Some("replaced by 8 in 2.0"));
//! assert_eq!(Code::from(Link::Flapping).subsystem(), Subsystem::Link);
//! assert_eq!(Code::LANGUAGES, ["en"]);
//!
//! // References to a crate's own catalog name it and the module it was expanded in.
//! const FLAPPING: Link = ecode!(Flapping, catalog = "doc/links.csv", module = codes);
//! assert_eq!(FLAPPING, Link::Flapping);
//! ```
//!
//! A crate can name its catalog once, in `Cargo.toml`, for `#[derive(ErrorCode)]` and `ecode!`
//! without options:
//!
//! ```toml
//! [package.metadata.ecodes]
//! catalog = "codes.csv"
//! module = "crate::codes"
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
mod unknown;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use ecodes_core::{ParseSeverityError, Severity};
pub use ecodes_macros::{ecode, include_codes, ErrorCode};
pub use error_code::ErrorCode;
pub use unknown::{ParseCodeError, UnknownCode};

// The product's catalog, generated from the workspace's `codes.csv` at the crate root, so that
// the enums' own path (what rustdoc and editors show) is the one users write: `ecodes::Cdp`.
crate::include_codes!("codes.csv");

/// The text of the product's catalog, `codes.csv`, exactly as compiled into this crate.
///
/// Tools that need the whole model (the `ecodes` command, documentation renderers) parse it with
/// `ecodes-catalog`, so they see the same catalog as the generated types.
///
/// ```
/// assert!(ecodes::CATALOG_CSV.starts_with("code,subsystem,name,severity,"));
/// ```
pub const CATALOG_CSV: &str = include_str!("../codes.csv");
