//! The catalog's C symbols (`SQLITE_BUSY`, `ECONNREFUSED`, `STATUS_ACCESS_VIOLATION`), found as
//! whole tokens with one Aho-Corasick automaton, whatever the catalog's size.

use std::collections::HashSet;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use ecodes_catalog::Catalog;

use super::{Found, Rule};

/// The words that make a line an error report, for symbols that could be ordinary words in
/// capitals: `Error: connect ECONNREFUSED`. Matched ignoring ASCII case.
const ERROR_WORDS: [&str; 9] = [
    "error",
    "fail",
    "fatal",
    "denied",
    "refused",
    "cannot",
    "unable",
    "exception",
    "warn",
];

/// The catalog's symbols and the key each names.
#[derive(Debug)]
pub struct Symbols {
    automaton: AhoCorasick,
    /// Per pattern: the key, and whether it needs an error word on the line.
    keys: Vec<(i128, bool)>,
    errors: AhoCorasick,
}

impl Symbols {
    /// The symbols of `catalog`: every alias and name written like a C symbol, in capitals,
    /// digits and `_`, of at least four characters (`SQLITE_BUSY`, `EACCES`, `E2BIG`), of a code
    /// that is no success (a success's symbol, `STATUS_SUCCESS`, is mostly source code). One
    /// without `_` or a digit could be a word in capitals (`GONE`, `UNKNOWN`), so it counts only
    /// quoted (`'ECONNRESET'`) or on a line with an error word (`error`, `failed`, `denied`, …).
    /// `None` when the catalog has none.
    pub fn new(catalog: &Catalog) -> Option<Symbols> {
        let mut symbols: Vec<&str> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut keys = Vec::new();
        for entry in catalog.entries() {
            if entry.severity() == Some(ecodes_catalog::Severity::Info) {
                continue;
            }
            let names =
                std::iter::once(entry.name()).chain(entry.aliases().iter().map(String::as_str));
            for name in names {
                // A symbol two codes share (an alias repeated) names the first.
                if !is_symbol(name) || !seen.insert(name) {
                    continue;
                }
                let plain = !name.bytes().any(|b| b == b'_' || b.is_ascii_digit());
                symbols.push(name);
                keys.push((entry.key(), plain));
            }
        }
        if symbols.is_empty() {
            return None;
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&symbols)
            .ok()?;
        let errors = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(ERROR_WORDS)
            .ok()?;
        Some(Symbols {
            automaton,
            keys,
            errors,
        })
    }

    /// Where the earliest symbol at or after `from` ends: a fast test over many lines.
    pub fn earliest_end(&self, haystack: &[u8], from: usize) -> Option<usize> {
        let input = Input::new(haystack).range(from..);
        self.automaton.find(input).map(|found| found.end())
    }

    /// Appends every symbol that stands as a whole token in `haystack[start..]`.
    pub fn find(&self, haystack: &[u8], start: usize, found: &mut Vec<Found>) {
        for symbol in self
            .automaton
            .find_iter(Input::new(haystack).range(start..))
        {
            let range: Range<usize> = symbol.range();
            let before = range.start.checked_sub(1).map(|at| haystack[at]);
            let after = haystack.get(range.end).copied();
            if before.is_some_and(is_word_byte) || after.is_some_and(is_word_byte) {
                continue;
            }
            let (key, plain) = self.keys[symbol.pattern().as_usize()];
            // A quoted symbol is a name a program printed, not a word: `code: 'ECONNRESET'`.
            let quoted = matches!(
                (before, after),
                (Some(b'\''), Some(b'\'')) | (Some(b'"'), Some(b'"'))
            );
            // The error word must be elsewhere on the line: `ECONNREFUSED` holds `REFUSED`.
            let error_line = || {
                self.errors.is_match(&haystack[start..range.start])
                    || self.errors.is_match(&haystack[range.end..])
            };
            if plain && !quoted && !error_line() {
                continue;
            }
            found.push(Found {
                key,
                matched: range.clone(),
                code_at: range,
                rule: Rule::Symbol,
            });
        }
    }
}

/// Whether a name is written like a C symbol: capitals, digits and `_`, starting with a capital,
/// at least four characters.
fn is_symbol(name: &str) -> bool {
    name.len() >= 4
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn symbols() -> Symbols {
        let catalog = Catalog::from_csv(
            b"code,subsystem,name,severity,message_en,aliases\n\
              5,Primary,Busy,,database is locked,SQLITE_BUSY\n\
              517,Extended,BusySnapshot,,database is locked,SQLITE_BUSY_SNAPSHOT\n\
              111,Errno,ConnectionRefused,,Connection refused,ECONNREFUSED\n\
              7,Errno,ArgumentListTooLong,,Argument list too long,E2BIG\n\
              410,Errno,Gone,,Gone,GONE\n",
        )
        .unwrap_or_else(|problems| panic!("{problems:?}"));
        Symbols::new(&catalog).unwrap_or_else(|| panic!("the catalog has symbols"))
    }

    fn keys(line: &str) -> Vec<i128> {
        let mut found = Vec::new();
        symbols().find(line.as_bytes(), 0, &mut found);
        found.iter().map(|found| found.key).collect()
    }

    #[test]
    fn symbols_are_found_as_whole_tokens_longest_first() {
        assert_eq!(keys("database is locked (code 5 SQLITE_BUSY)"), [5]);
        assert_eq!(keys("SQLITE_BUSY_SNAPSHOT: retry"), [517]);
        assert_eq!(keys("X_SQLITE_BUSY SQLITE_BUSYX"), [0i128; 0]);
        assert_eq!(keys("spawn failed: E2BIG"), [7]);
    }

    #[test]
    fn a_symbol_that_could_be_a_word_needs_an_error_word_on_the_line() {
        assert_eq!(keys("Error: connect ECONNREFUSED 127.0.0.1:5432"), [111]);
        assert_eq!(keys("ECONNREFUSED"), [0i128; 0]);
        assert_eq!(keys("WHERE HAVE ALL THE FLOWERS GONE"), [0i128; 0]);
        assert_eq!(keys("upstream failed: GONE"), [410]);
        // A name in mixed case is no symbol: `Busy` in prose is not a code.
        assert_eq!(keys("error: the disk is Busy"), [0i128; 0]);
    }

    #[test]
    fn the_fast_test_finds_where_the_first_symbol_ends() {
        let symbols = symbols();
        assert_eq!(symbols.earliest_end(b"a SQLITE_BUSY b", 0), Some(13));
        assert_eq!(symbols.earliest_end(b"a SQLITE_BUSY b", 5), None);
    }
}
