//! `ecodes search`: find codes by the words of their messages and help, in any language.

use std::io::Write;
use std::ops::Range;

use ecodes_catalog::Entry;

use crate::catalog::Loaded;
use crate::entries::{identity_cells, identity_columns};
use crate::error::{Error, Status};
use crate::opts::SearchArgs;
use crate::output::{Cell, Heading, Paint, Table};

/// Runs `ecodes search`: one row per matching text or alias (a code whose Chinese and English
/// messages both match has two rows), the match highlighted on a terminal. Nothing found is exit status 1,
/// as with grep.
///
/// # Errors
/// A bad `--lang` or `--subsystem`, or a failure to write the output.
pub fn run(
    args: &SearchArgs,
    loaded: &Loaded,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<Status, Error> {
    let languages = loaded.languages(&args.output.lang)?;
    let needle = args.text.join(" ");
    let mut columns = identity_columns(true);
    columns.extend([Heading::new("field", "FIELD"), Heading::new("text", "TEXT")]);
    let mut table = Table::new(columns);
    for entry in loaded.selected(&args.filter)? {
        let row = |field: String, text: Cell| {
            let mut cells = identity_cells(loaded, entry, true);
            cells.extend([Cell::text(field), text]);
            cells
        };
        for (what, text_of) in [
            (
                "message",
                Entry::message as fn(&Entry, usize) -> Option<&str>,
            ),
            ("help", Entry::help),
        ] {
            for &index in &languages {
                let Some(text) = text_of(entry, index) else {
                    continue;
                };
                let marks = find_ignoring_case(text, &needle);
                if marks.is_empty() {
                    continue;
                }
                table.push(row(
                    format!("{what}_{}", loaded.language(index)),
                    Cell::text(text).marked(marks),
                ));
            }
        }
        for alias in entry.aliases() {
            let marks = find_ignoring_case(alias, &needle);
            if !marks.is_empty() {
                table.push(row("aliases".to_owned(), Cell::text(alias).marked(marks)));
            }
        }
    }
    if table.is_empty() && args.output.format == crate::opts::Format::Table {
        crate::error::report(&NothingFound(needle));
        return Ok(Status::Failure);
    }
    table.write(args.output.format, out, paint)?;
    Ok(if table.is_empty() {
        Status::Failure
    } else {
        Status::Success
    })
}

#[derive(Debug)]
struct NothingFound(String);

impl core::fmt::Display for NothingFound {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "no message, help text or alias contains `{}`", self.0)
    }
}

impl std::error::Error for NothingFound {}

/// The byte ranges of `text` that equal `needle` ignoring case (Unicode lowercase, so `Ü` finds
/// `ü`; CJK has no case and matches as it is). Empty for an empty needle.
pub fn find_ignoring_case(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let mut marks = Vec::new();
    if needle.is_empty() {
        return marks;
    }
    let mut skip_until = 0;
    for (start, _) in text.char_indices() {
        if start < skip_until {
            continue;
        }
        if let Some(end) = match_at(text, start, &needle) {
            marks.push(start..end);
            skip_until = end;
        }
    }
    marks
}

/// Where a case-insensitive match of `needle` starting at `start` ends, if there is one.
fn match_at(text: &str, start: usize, needle: &[char]) -> Option<usize> {
    let mut wanted = needle.iter();
    let mut pending = wanted.next();
    for (offset, c) in text[start..].char_indices() {
        for lower in c.to_lowercase() {
            match pending {
                Some(&expected) if expected == lower => pending = wanted.next(),
                _ => return None,
            }
        }
        if pending.is_none() {
            return Some(start + offset + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_case_in_any_script() {
        assert_eq!(
            find_ignoring_case("File checksum error", "CHECKSUM"),
            vec![5..13]
        );
        assert_eq!(
            find_ignoring_case("文件Checksum错误", "checksum"),
            vec![6..14]
        );
        assert_eq!(
            find_ignoring_case("创建快照失败，删除快照", "快照"),
            [6..12, 27..33]
        );
        assert_eq!(find_ignoring_case("GRÜN grün", "grün"), [0..5, 6..11]);
    }

    #[test]
    fn finds_nothing_for_nothing() {
        assert!(find_ignoring_case("abc", "").is_empty());
        assert!(find_ignoring_case("", "a").is_empty());
        assert!(find_ignoring_case("ab", "abc").is_empty());
    }

    #[test]
    fn matches_do_not_overlap() {
        assert_eq!(find_ignoring_case("aaaa", "aa"), [0..2, 2..4]);
    }
}
