//! Reads, parses and validates ecodes error-code catalogs.
//!
//! A catalog is a CSV file (`codes.csv`) with a header row naming these columns, in any order:
//!
//! | column | content |
//! |---|---|
//! | `code` | the code as the vendor writes it: decimal (`3530`, `-13`, `01062`), hexadecimal (`0xC0000005`), a prefix and digits (`ORA-00942`) or fixed-width letters and digits (`22P02`); one notation per subsystem; unique in the catalog |
//! | `subsystem` | an uppercase ASCII letter, then ASCII letters and digits; one enum per subsystem |
//! | `name` | the same rule, unique within its subsystem |
//! | `severity` | `Info`, `Warning`, `Error`, or empty for unspecified |
//! | `message_<lang>` | the message in one language; at least one; the first is the default |
//! | `help_<lang>` | optional: possible causes and the solution |
//! | `aliases` | optional: other names, Rust identifiers separated by spaces |
//! | `retired` | optional: why the code is no longer emitted |
//! | `since` | optional: the release that introduced the code, such as `6.2` |
//! | `url` | optional: an `https://` or `http://` link to more help; the header may give a template for blank cells, such as `url=https://example.com/errors/{code}` |
//!
//! Each column is declared once, in [`Column`]'s registry ([`Column::spec`]); the table above
//! is its `content`, and a test keeps the two in step.
//! Fields follow RFC 4180 quoting; a UTF-8 BOM and CRLF line endings are accepted. Any other
//! column is an error, so a typo such as `mesage_en` cannot go unnoticed.
//!
//! This crate is plain Rust with no `syn`: the `ecodes` macros, the `ecodes` command, the fuzzers
//! and the tests all call it, so they apply the same rules and print the same messages. That
//! includes reading code references (`3530`, `E3530`, `0xDCA`, `Cdp::FileChecksum`, an alias):
//! see [`Resolver`]. Every
//! problem in a file is reported at once, each with its line:
//!
//! ```
//! let csv = "code,subsystem,name,severity,message_en\n\
//!            3530,Cdp,FileChecksum,Error,File checksum error\n\
//!            3530,Cdp,Other,Fatal,Oops\n";
//! let problems = ecodes_catalog::Catalog::from_csv(csv.as_bytes()).unwrap_err();
//! let rendered: Vec<String> = problems.iter().map(|p| p.display_in("codes.csv").to_string()).collect();
//! assert_eq!(rendered, [
//!     "codes.csv:3: unknown severity `Fatal`; expected one of Info, Warning, Error, or empty",
//!     "codes.csv:3: duplicate code 3530 (first defined on line 2)",
//! ]);
//! ```
//!
//! A [`Collector`] is how ecodes gathers errors to report them all at once, whatever their type
//! (the macros collect `syn::Error`s with it).

mod change;
mod collect;
mod diff;
mod fields;
mod header;
mod ident;
mod lints;
mod markdown;
mod model;
mod notation;
mod parse;
mod problem;
mod quotes;
mod records;
mod registry;
mod resolve;

use std::path::Path;

pub use change::{ChangeKind, Compatibility};
pub use collect::Collector;
pub use diff::{diff, Change};
pub use ecodes_core::Severity;
pub use fields::{
    generated_items, is_generated_item, GENERATED_ITEMS, RESERVED_TYPE_NAMES,
    RESERVED_VARIANT_NAMES,
};
pub use ident::{is_identifier, is_keyword, is_type_name, NAME_RULE};
pub use lints::{lint, Lint, LintWarning, ParseLintError};
pub use markdown::{escape_markdown, MarkdownTarget};
pub use model::{Catalog, CodeRange, Entry, Subsystem};
pub use notation::{KeyType, Notation};
pub use parse::{parse, Parsed};
pub use problem::Problem;
pub use registry::{
    is_chinese, Accessor, Column, ColumnSpec, Label, NoteDiff, NoteRule, Role, Shown,
};
pub use resolve::{closest_name, Mode, Reason, Resolver, Unresolved};

/// Reads and parses the catalog file at `path` leniently: the valid rows and every problem.
///
/// A file that cannot be read gives one whole-file problem that says why.
pub fn read_file(path: &Path) -> Parsed {
    match std::fs::read(path) {
        Ok(bytes) => parse(&bytes),
        Err(err) => Parsed {
            catalog: Catalog::default(),
            problems: vec![Problem::whole_file(format!(
                "cannot read the catalog `{}`: {}",
                path.display(),
                describe_io_error(&err)
            ))],
        },
    }
}

/// The line feeds in `bytes`: how every ecodes tool counts lines (the catalog reader, for its
/// problems' lines, and the log scanner).
///
/// `memchr` counts a vector at a time, also in the unoptimised build a proc macro runs in, where
/// a plain loop over each byte of a 3 MB catalog took a noticeable part of `include_codes!`.
///
/// ```
/// assert_eq!(ecodes_catalog::count_newlines("一\n二\r\n\n三\r".as_bytes()), 3);
/// ```
pub fn count_newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// The OS reason for an I/O error, without Rust's `(os error N)` suffix, for messages such as
/// `cannot read the catalog: No such file or directory`.
pub fn describe_io_error(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(end) => text[..end].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crate_docs_describe_every_registered_column() {
        let docs = include_str!("lib.rs");
        for column in Column::ALL {
            let spec = column.spec();
            let header = if spec.per_language {
                format!("`{}_<lang>`", spec.header)
            } else {
                format!("`{}`", spec.header)
            };
            let row = format!("//! | {header} | {} |", spec.content);
            assert!(docs.contains(&row), "no row `{row}` in the crate docs");
        }
    }

    #[test]
    fn read_file_parses_the_file_it_is_given() {
        let path = std::env::temp_dir().join(format!("ecodes-catalog-{}.csv", std::process::id()));
        std::fs::write(
            &path,
            "code,subsystem,name,severity,message_en\n3530,Cdp,FileChecksum,Error,Bad\n1,Cdp,,,\n",
        )
        .unwrap();
        let parsed = read_file(&path);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            parsed.catalog.get(3530).map(Entry::name),
            Some("FileChecksum")
        );
        let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            ["line 3: empty name; names start with an uppercase ASCII letter and hold only ASCII \
              letters and digits, such as `FileChecksum`"]
        );
    }

    #[test]
    fn a_missing_file_is_one_whole_file_problem_without_the_os_error_number() {
        let path = Path::new("/nonexistent/ecodes/codes.csv");
        let parsed = read_file(path);
        assert_eq!(parsed.catalog, Catalog::default());
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        assert_eq!(parsed.problems[0].line(), None);
        assert_eq!(
            parsed.problems[0].message(),
            "cannot read the catalog `/nonexistent/ecodes/codes.csv`: No such file or directory"
        );
    }

    #[test]
    #[allow(clippy::naive_bytecount, reason = "the plain count is the reference")]
    fn counts_newlines_in_any_length_and_density() {
        for len in [0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 200, 1000] {
            for every in [1, 2, 7, 64, 1000] {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| if i % every == 0 { b'\n' } else { b'x' })
                    .collect();
                let expected = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
                assert_eq!(count_newlines(&bytes), expected, "len {len}, every {every}");
            }
        }
    }

    #[test]
    fn describe_io_error_keeps_messages_without_an_os_error() {
        let err = std::io::Error::other("the disk caught fire");
        assert_eq!(describe_io_error(&err), "the disk caught fire");
    }
}
